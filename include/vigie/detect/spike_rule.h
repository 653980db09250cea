// SpikeSignal: the detect stage's evidence that one brand's negative
// mentions spike in one bucket, as the Detector hands it to the incident
// engine; and the bucket arithmetic the stage shares.
//
// Plain values and pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "vigie/core/clock.h"

namespace vigie {

/// Evidence that one bucket of one brand is a negative spike.
struct SpikeSignal {
  std::string brand;
  TimePoint bucket_start{};  ///< UTC start of the spiking bucket
  Millis bucket_width{0};
  std::int64_t negative = 0;    ///< negative mentions in the bucket so far
  std::int64_t total = 0;       ///< all mentions in the bucket so far
  double expected = 0.0;        ///< baseline mean of negatives for the bucket
  double p_value = 1.0;         ///< upper-tail p-value of `negative`
  double anomaly_score = 0.0;   ///< CountModel's score in [0, 1]
  double negative_share = 0.0;  ///< negative / total in the bucket
};

/// Start of the bucket of width `width` containing `t` (aligned to the epoch).
TimePoint BucketStart(TimePoint t, Millis width);

}  // namespace vigie
