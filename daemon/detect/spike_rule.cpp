#include "vigie/detect/spike_rule.h"

namespace vigie {

std::string_view SeriesMeasureName(SeriesMeasure measure) {
  return measure == SeriesMeasure::kNegative ? "negative" : "volume";
}

TimePoint BucketStart(TimePoint t, Millis width) {
  const std::int64_t ms = ToUnixMillis(t);
  const std::int64_t w = width.count();
  std::int64_t start = ms - ms % w;
  if (ms % w < 0) start -= w;
  return FromUnixMillis(start);
}

}  // namespace vigie
