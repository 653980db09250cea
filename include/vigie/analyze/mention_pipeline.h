// MentionPipeline: the cheap, synchronous part of a mention's way — dedup
// within the batch, brand match, scoring and topic tags — between a fetch and
// the store writer.
//
// Runs in the fetcher's completion handler (microseconds per mention).
// Thread-safety: Accept() may be called from several threads at once.
// Lifetime: `rules` must outlive the pipeline; `sink` is called synchronously.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "vigie/config/rule_set_holder.h"
#include "vigie/core/mention.h"
#include "vigie/core/status.h"

namespace vigie {

/// Receives analysed mentions; an error when it refused the batch.
using BatchSink = std::function<Status(std::vector<Mention>)>;

/// Analyses normalised mentions and hands those about a brand to the sink.
class MentionPipeline {
 public:
  /// Mentions are analysed with the snapshot current at each Accept().
  MentionPipeline(const RuleSetHolder& rules, BatchSink sink);

  /// Analyses `batch` (normalised mentions of one fetch) and passes the
  /// mentions that match a brand to the sink. Returns the sink's answer.
  Status Accept(std::vector<Mention> batch);

  /// Mentions that matched no brand and were dropped.
  std::int64_t unmatched() const { return unmatched_.load(); }
  /// Mentions passed to the sink.
  std::int64_t accepted() const { return accepted_.load(); }

 private:
  const RuleSetHolder& rules_;
  BatchSink sink_;
  std::atomic<std::int64_t> unmatched_{0};
  std::atomic<std::int64_t> accepted_{0};
};

}  // namespace vigie
