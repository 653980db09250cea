// What the topic rules and the sponsorship check share about their RE2
// patterns, which run over folded text (text_fold.h). Internal to analyze/.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <string_view>

namespace vigie {

/// Options for a pattern over folded text: case-insensitive (folding keeps
/// the case of some scripts), errors returned rather than logged.
inline RE2::Options FoldedRegexOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  return options;
}

/// True for a usable topic tag: non-empty, only a-z, 0-9, '-' and '_'.
inline bool IsTopicName(std::string_view topic) {
  return !topic.empty() && std::all_of(topic.begin(), topic.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

}  // namespace vigie
