// Config: the daemon's settings, loaded from a TOML file (etc/vigie.toml).
//
// A Config is a plain value built once at start-up (or by `vigie check`) and
// then only read. Relative paths in the file are resolved against the
// directory of the config file. Secrets (webhook URLs) may come from the
// environment so the file can be world-readable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/read_file.h"
#include "vigie/core/result.h"

namespace vigie {

/// One polled feed.
struct SourceConfig {
  std::string name;         ///< unique, used as Mention::source
  std::string url;          ///< http:// feed URL (RSS 2.0 or Atom 1.0)
  Millis interval{300000};  ///< time between polls
};

/// A Slack-compatible incoming-webhook channel.
struct SlackChannelConfig {
  std::string name;         ///< channel name used by scenarios, e.g. "slack"
  std::string webhook_url;  ///< secret: never logged
};

/// Settings of the detect stage (documented in etc/vigie.toml, [detect]).
struct DetectConfig {
  Millis bucket{300000};  ///< width of a count bucket
  /// Buckets of a brand's history to see before it may alert (cold start).
  int baseline_buckets = 12;
  int min_negative = 5;  ///< fewer negative mentions in a bucket never alert
  /// Sensitivity: false alarms tolerated per week on calm data; a bucket
  /// alerts when its p-value is at most this over the buckets in a week.
  double alerts_per_week = 1.0;
  /// History read from the store to warm a brand's model on first use.
  int history_days = 28;
};

/// Delivery settings (notify stage).
struct NotifyConfig {
  std::vector<SlackChannelConfig> slack;  ///< Slack-style webhooks
  int max_attempts = 10;                  ///< then the row is dead-lettered
  Millis retry_base{2000};   ///< first retry delay, doubled each time
  Millis retry_cap{600000};  ///< longest retry delay
};

/// The daemon's configuration.
struct Config {
  std::string path;        ///< the config file it came from
  std::string store_path;  ///< SQLite database file
  std::string
      rules_dir;  ///< lexicons/, topics.toml, brands.toml, scenarios.toml
  std::string log_level = "info";
  std::string listen_address = "127.0.0.1";  ///< health endpoints
  int listen_port = 8427;                    ///< 0 disables the HTTP server
  Millis shutdown_timeout{10000};            ///< bound on graceful shutdown
  double negative_threshold = -0.05;         ///< compound at or below: negative
  double positive_threshold = 0.05;          ///< compound at or above: positive
  std::vector<SourceConfig> sources;
  DetectConfig detect;
  NotifyConfig notify;
};

/// Parses a config from `text`; `path` names it in errors and anchors
/// relative paths. Errors read "path:line:col: message".
Result<Config> ParseConfig(std::string_view path, std::string_view text);

/// Reads and parses the config file at `path`.
Result<Config> LoadConfig(const std::string& path);

}  // namespace vigie
