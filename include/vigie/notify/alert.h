// Alert: what a notification says about an incident, before any channel
// formats it. A plain value.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigie/core/clock.h"

namespace vigie {

/// One sample mention quoted in an alert.
struct AlertSample {
  std::string source;
  std::string text;
  std::string url;  ///< may be empty
  double compound = 0.0;
};

/// The content of one incident notification.
struct Alert {
  std::int64_t incident_id = 0;
  std::string state;  ///< "open", "updated", "escalated", "resolved" or
                      ///< "acknowledged"
  std::string note;   ///< why this notification, e.g. "acknowledged by alice"
  std::string brand;
  std::string scenario;
  std::string description;
  std::string severity;      ///< info, warning or critical
  std::string language;      ///< "fr" or "en": language of labels and playbook
  TimePoint bucket_start{};  ///< UTC start of the spiking bucket
  Millis bucket_width{0};
  std::int64_t negative = 0;  ///< negative mentions in the bucket
  std::int64_t total = 0;     ///< all mentions in the bucket
  double expected = 0.0;      ///< usual count per bucket (of the measure)
  double p_value = 1.0;       ///< of the count, against the baseline
  bool volume = false;        ///< the count is `total`, not `negative`
  std::string topic;          ///< the series' topic; empty = every mention
  std::vector<std::string> top_terms;  ///< words the mentions share
  std::string summary;  ///< replaces the counts line when set (e.g. ratings)
  std::vector<AlertSample> samples;   ///< 3 to 5 when available
  std::vector<std::string> playbook;  ///< steps in `language`
};

}  // namespace vigie
