#include "vigie/config/config.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "test_util.h"

namespace vigie {

namespace {
const char* kGood = R"(
log_level = "debug"
[store]
path = "data/vigie.db"
[rules]
dir = "/opt/rules"
negative_threshold = -0.1
[server]
port = 0
[detect]
bucket_seconds = 60
min_negative = 3
[notify]
max_attempts = 4
[[notify.slack]]
name = "crisis"
webhook_url = "http://127.0.0.1:9/hooks/secret"
[[source]]
name = "reviews"
url = "http://127.0.0.1:8080/feed.xml"
interval_seconds = 30
)";
}  // namespace

TEST_CASE("ParseConfig reads every section and resolves relative paths") {
  auto cfg = ParseConfig("/etc/vigie/vigie.toml", kGood);
  REQUIRE_MESSAGE(cfg.ok(), cfg.status().message());
  CHECK(cfg->log_level == "debug");
  CHECK(cfg->store_path == "/etc/vigie/data/vigie.db");
  CHECK(cfg->rules_dir == "/opt/rules");
  CHECK(cfg->negative_threshold == doctest::Approx(-0.1));
  CHECK(cfg->listen_port == 0);
  CHECK(cfg->detect.bucket == Millis(60000));
  CHECK(cfg->detect.min_negative == 3);
  CHECK(cfg->detect.baseline_buckets == 12);
  CHECK(cfg->notify.max_attempts == 4);
  REQUIRE(cfg->notify.slack.size() == 1);
  CHECK(cfg->notify.slack[0].name == "crisis");
  REQUIRE(cfg->sources.size() == 1);
  CHECK(cfg->sources[0].interval == Millis(30000));
}

TEST_CASE("ParseConfig errors name the file, line and column") {
  // The smallest valid file: each subcase breaks one thing in it.
  REQUIRE(ParseConfig("v.toml", "[store]\npath = \"x\"\n[rules]\ndir = \"r\"\n")
              .ok());
  SUBCASE("syntax error") {
    auto cfg = ParseConfig("v.toml", "[store]\npath = \"x\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.status().message().rfind("v.toml:2:", 0) == 0);
  }
  SUBCASE("unknown key (a typo)") {
    auto cfg = ParseConfig("v.toml",
                           "[store]\npath = \"x\"\n[rules]\ndir = \"r\"\n"
                           "[detect]\nbucket_secs = 60\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.status().message().rfind(
              "v.toml:6:1: [detect]: unknown key 'bucket_secs'", 0) == 0);
  }
  SUBCASE("value out of range") {
    auto cfg = ParseConfig("v.toml",
                           "[store]\npath = \"x\"\n[rules]\ndir = \"r\"\n"
                           "[server]\nport = 70000\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.status().message().rfind("v.toml:6:8: 'port' must be between",
                                       0) == 0);
  }
  SUBCASE("missing section") {
    auto cfg = ParseConfig("v.toml", "[store]\npath = \"x\"\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.status().message().find("missing required key 'rules'") !=
          std::string::npos);
  }
  SUBCASE("duplicate source names") {
    auto cfg = ParseConfig("v.toml",
                           "[store]\npath = \"x\"\n[rules]\ndir = \"r\"\n"
                           "[[source]]\nname = \"a\"\nurl = \"http://h/1\"\n"
                           "[[source]]\nname = \"a\"\nurl = \"http://h/2\"\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.status().message().rfind("v.toml:9:8: source name must be", 0) ==
          0);
  }
}

TEST_CASE("A webhook URL from the environment, never echoed in errors") {
  const char* text =
      "[store]\npath = \"x\"\n[rules]\ndir = \"r\"\n"
      "[[notify.slack]]\nwebhook_url_env = \"VIGIE_TEST_HOOK\"\n";
  ::setenv("VIGIE_TEST_HOOK", "http://127.0.0.1:1/hooks/s3cr3t", 1);
  auto cfg = ParseConfig("v.toml", text);
  REQUIRE(cfg.ok());
  CHECK(cfg->notify.slack[0].webhook_url == "http://127.0.0.1:1/hooks/s3cr3t");

  ::setenv("VIGIE_TEST_HOOK", "ftp://s3cr3t", 1);
  auto bad = ParseConfig("v.toml", text);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("s3cr3t") == std::string::npos);

  ::unsetenv("VIGIE_TEST_HOOK");
  auto unset = ParseConfig("v.toml", text);
  REQUIRE_FALSE(unset.ok());
  CHECK(unset.status().message().find("VIGIE_TEST_HOOK is not set") !=
        std::string::npos);
}

TEST_CASE("The shipped example config parses") {
  ::setenv("VIGIE_SLACK_WEBHOOK_URL", "http://127.0.0.1:1/hooks/x", 1);
  auto cfg =
      LoadConfig(std::string(VIGIE_TEST_RULES_DIR) + "/../etc/vigie.toml");
  ::unsetenv("VIGIE_SLACK_WEBHOOK_URL");
  REQUIRE_MESSAGE(cfg.ok(), cfg.status().message());
  CHECK(cfg->sources.size() == 1);
  CHECK(cfg->rules_dir.ends_with("/rules"));
}

TEST_CASE("LoadConfig reports a missing file") {
  testing::TempDir dir;
  auto cfg = LoadConfig(dir.file("nope.toml"));
  REQUIRE_FALSE(cfg.ok());
  CHECK(cfg.status().IsNotFound());
}

}  // namespace vigie
