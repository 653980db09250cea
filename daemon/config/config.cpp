#include "vigie/config/config.h"

#include <cstdlib>
#include <filesystem>
#include <set>

#include "vigie/core/toml_fields.h"

namespace vigie {

namespace {

std::string Resolve(std::string_view config_path, const std::string& p) {
  std::filesystem::path path(p);
  if (path.is_absolute()) return p;
  std::filesystem::path base = std::filesystem::path(config_path).parent_path();
  return (base / path).lexically_normal().string();
}

Millis Seconds(double s) {
  return Millis(static_cast<std::int64_t>(s * 1000.0));
}

Status ReadSources(std::string_view path, std::string_view text,
                   TomlFields& top, Config& cfg) {
  std::set<std::string, std::less<>> names;
  for (const toml::table* t : top.Tables("source")) {
    TomlFields f(path, text, *t, "[[source]]");
    SourceConfig src;
    auto name = f.String("name", true);
    auto url = f.String("url", true);
    auto interval = f.Number("interval_seconds", false, 0.05, 86400.0);
    if (name) {
      if (name->empty() || !names.insert(*name).second) {
        f.Fail(f.PosOfKey("name"),
               "source name must be non-empty and unique: '" + *name + "'");
      }
      src.name = *name;
    }
    if (url) {
      if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) {
        f.Fail(f.PosOfKey("url"),
               "source url must start with http:// or https://");
      }
      src.url = *url;
    }
    if (interval) src.interval = Seconds(*interval);
    if (Status s = f.Finish(); !s.ok()) return s;
    cfg.sources.push_back(std::move(src));
  }
  return Status::Ok();
}

Status ReadNotify(std::string_view path, std::string_view text,
                  const toml::table& table, Config& cfg) {
  TomlFields f(path, text, table, "[notify]");
  if (auto v = f.Int("max_attempts", false, 1, 1000)) {
    cfg.notify.max_attempts = static_cast<int>(*v);
  }
  if (auto v = f.Number("retry_base_seconds", false, 0.01, 3600)) {
    cfg.notify.retry_base = Seconds(*v);
  }
  if (auto v = f.Number("retry_cap_seconds", false, 0.01, 86400)) {
    cfg.notify.retry_cap = Seconds(*v);
  }
  std::set<std::string, std::less<>> names;
  for (const toml::table* t : f.Tables("slack")) {
    TomlFields s(path, text, *t, "[[notify.slack]]");
    SlackChannelConfig ch;
    ch.name = s.String("name", false).value_or("slack");
    auto url = s.String("webhook_url", false);
    auto env = s.String("webhook_url_env", false);
    if (url && env) {
      s.Fail(s.PosOfKey("webhook_url_env"),
             "set either webhook_url or webhook_url_env, not both");
    } else if (url) {
      ch.webhook_url = *url;
    } else if (env) {
      const char* value = std::getenv(env->c_str());
      if (value == nullptr || *value == '\0') {
        s.Fail(s.PosOfKey("webhook_url_env"),
               "environment variable " + *env + " is not set");
      } else {
        ch.webhook_url = value;
      }
    } else if (s.ok()) {
      s.Fail(s.PosOf(*t),
             "[[notify.slack]]: set webhook_url or webhook_url_env");
    }
    if (s.ok() && ch.webhook_url.rfind("http://", 0) != 0 &&
        ch.webhook_url.rfind("https://", 0) != 0) {
      // The value is a secret: say where it is, never what it is.
      s.Fail(s.PosOfKey(url ? "webhook_url" : "webhook_url_env"),
             "webhook URL must start with http:// or https://");
    }
    if (!names.insert(ch.name).second) {
      s.Fail(s.PosOfKey("name"), "duplicate channel name '" + ch.name + "'");
    }
    if (Status st = s.Finish(); !st.ok()) return st;
    cfg.notify.slack.push_back(std::move(ch));
  }
  return f.Finish();
}

}  // namespace

Result<Config> ParseConfig(std::string_view path, std::string_view text) {
  auto parsed = ParseToml(path, text);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  Config cfg;
  cfg.path = std::string(path);
  {
    TomlFields top(path, text, root, "config");
    if (auto v = top.String("log_level", false)) {
      if (*v != "debug" && *v != "info" && *v != "warn" && *v != "error") {
        top.Fail(top.PosOfKey("log_level"),
                 "log_level must be debug, info, warn or error");
      }
      cfg.log_level = *v;
    }
    if (const toml::table* t = top.Table("store", true)) {
      TomlFields f(path, text, *t, "[store]");
      if (auto p = f.String("path", true)) cfg.store_path = Resolve(path, *p);
      if (Status s = f.Finish(); !s.ok()) return s;
    }
    if (const toml::table* t = top.Table("rules", true)) {
      TomlFields f(path, text, *t, "[rules]");
      if (auto p = f.String("dir", true)) cfg.rules_dir = Resolve(path, *p);
      if (auto v = f.Number("negative_threshold", false, -1.0, 0.0)) {
        cfg.negative_threshold = *v;
      }
      if (auto v = f.Number("positive_threshold", false, 0.0, 1.0)) {
        cfg.positive_threshold = *v;
      }
      if (Status s = f.Finish(); !s.ok()) return s;
    }
    if (const toml::table* t = top.Table("server", false)) {
      TomlFields f(path, text, *t, "[server]");
      if (auto v = f.String("address", false)) cfg.listen_address = *v;
      if (auto v = f.Int("port", false, 0, 65535)) {
        cfg.listen_port = static_cast<int>(*v);
      }
      if (auto v = f.Number("shutdown_timeout_seconds", false, 0.1, 300)) {
        cfg.shutdown_timeout = Seconds(*v);
      }
      if (Status s = f.Finish(); !s.ok()) return s;
    }
    if (const toml::table* t = top.Table("detect", false)) {
      TomlFields f(path, text, *t, "[detect]");
      if (auto v = f.Number("bucket_seconds", false, 1, 86400)) {
        cfg.detect.bucket = Seconds(*v);
      }
      if (auto v = f.Int("baseline_buckets", false, 1, 10000)) {
        cfg.detect.baseline_buckets = static_cast<int>(*v);
      }
      if (auto v = f.Int("min_negative", false, 1, 1000000)) {
        cfg.detect.min_negative = static_cast<int>(*v);
      }
      if (auto v = f.Number("alerts_per_week", false, 0.0001, 10000.0)) {
        cfg.detect.alerts_per_week = *v;
      }
      if (auto v = f.Int("history_days", false, 1, 365)) {
        cfg.detect.history_days = static_cast<int>(*v);
      }
      if (Status s = f.Finish(); !s.ok()) return s;
    }
    if (const toml::table* t = top.Table("notify", false)) {
      if (Status s = ReadNotify(path, text, *t, cfg); !s.ok()) return s;
    }
    if (Status s = ReadSources(path, text, top, cfg); !s.ok()) return s;
    if (Status s = top.Finish(); !s.ok()) return s;
  }
  return cfg;
}

Result<Config> LoadConfig(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseConfig(path, *text);
}

}  // namespace vigie
