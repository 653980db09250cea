// Count series as CSV: `timestamp,value` rows, as `vigie detect --csv`
// reads them (NAB's files among others), and their scoring by CountModel.
//
// Pure functions on text; no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/result.h"
#include "vigie/detect/count_model.h"

namespace vigie {

/// One row of a count series.
struct CountRow {
  std::string timestamp;   ///< as written in the input
  TimePoint time{};        ///< the same, parsed (UTC)
  std::int64_t value = 0;  ///< the count (a decimal value is rounded)
};

/// Parses "2015-02-26 21:42:53" (NAB; taken as UTC) or ISO 8601
/// ("2015-02-26T21:42:53Z", "…+02:00", fractional seconds, a bare date).
/// Returns false when `text` is none of these.
bool ParseCountTimestamp(std::string_view text, TimePoint* out);

/// Parses `timestamp,value` rows; a first line starting with "timestamp" is a
/// header; blank lines are skipped. Values are non-negative numbers,
/// timestamps strictly increasing. Errors read "path:line:col: message".
Result<std::vector<CountRow>> ParseCountCsv(std::string_view path,
                                            std::string_view text);

/// The bucket width of `rows`: the gap between the first two rows (one
/// bucket of `fallback` when there are fewer than two).
Millis InferBucketWidth(const std::vector<CountRow>& rows, Millis fallback);

/// Runs one CountModel (with `options`) over `rows` in order and returns
/// each row's anomaly score. Each row is its own bucket, starting at its
/// timestamp; a gap longer than the bucket width leaves buckets missing.
std::vector<double> ScoreCountSeries(const std::vector<CountRow>& rows,
                                     const CountModelOptions& options);

}  // namespace vigie
