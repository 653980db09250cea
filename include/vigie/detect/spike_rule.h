// SpikeSignal: the detect stage's evidence that one of a brand's count
// series spikes in one bucket, as the Detector hands it to the incident
// engine; and the bucket arithmetic the stage shares.
//
// Plain values and pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"

namespace vigie {

/// What a count series counts.
enum class SeriesMeasure {
  kNegative,  ///< negative mentions
  kVolume,    ///< all mentions, whatever their sentiment
};

/// "negative" or "volume".
std::string_view SeriesMeasureName(SeriesMeasure measure);

/// Evidence that one bucket of one series (a brand's mentions, of one topic
/// or all) is a spike.
struct SpikeSignal {
  std::string brand;
  std::string topic;  ///< the series' topic tag; empty = every mention
  SeriesMeasure measure = SeriesMeasure::kNegative;
  /// The scenarios whose condition and sensitivity the spike meets.
  std::vector<std::string> scenarios;
  TimePoint bucket_start{};  ///< UTC start of the spiking bucket
  Millis bucket_width{0};
  std::int64_t negative = 0;    ///< negative mentions in the bucket so far
  std::int64_t total = 0;       ///< all mentions in the bucket so far
  double expected = 0.0;        ///< baseline mean of the measured count
  double p_value = 1.0;         ///< upper-tail p-value of the measured count
  double anomaly_score = 0.0;   ///< CountModel's score in [0, 1]
  double negative_share = 0.0;  ///< negative / total in the bucket

  /// The measured count: `negative` or `total`.
  std::int64_t count() const {
    return measure == SeriesMeasure::kNegative ? negative : total;
  }
};

/// Start of the bucket of width `width` containing `t` (aligned to the epoch).
TimePoint BucketStart(TimePoint t, Millis width);

}  // namespace vigie
