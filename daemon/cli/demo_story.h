// The demo's bad-buzz story: mentions of a fictional bakery-café chain,
// "Fournil Duval", over four simulated hours — calm talk, then a burst of
// angry French and English posts about a hygiene incident, then a calmer tail.
// Deterministic: the same story every run.
#pragma once

#include <string>
#include <vector>

#include "vigie/core/clock.h"

namespace vigie::demo {

/// One post of the story, as the simulated feed publishes it.
struct StoryItem {
  std::string id;
  std::string author;
  std::string title;
  std::string html;  ///< description, with some HTML and entities
  std::string url;
  TimePoint published{};
};

/// The story's simulated start time (a Monday, 07:00 UTC).
TimePoint StoryStart();
/// The story's simulated length.
Millis StoryLength();
/// When the burst starts.
TimePoint BurstStart();
/// Every post of the story, oldest first.
std::vector<StoryItem> BuildStory();
/// Renders the items published at or before `now` as an RSS 2.0 feed, newest
/// first, at most `max_items`.
std::string RenderRss(const std::vector<StoryItem>& story, TimePoint now,
                      std::size_t max_items);

}  // namespace vigie::demo
