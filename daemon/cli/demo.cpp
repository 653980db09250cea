#include "cli/demo.h"

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

#include "cli/daemon_app.h"
#include "cli/demo_story.h"
#include "vigie/config/rule_set.h"
#include "vigie/core/log.h"
#include "vigie/digest/daily_summary.h"
#include "vigie/server/http_server.h"

namespace vigie::demo {

namespace {

constexpr Millis kMinute{60000};
constexpr const char* kBrand = "Fournil Duval";

std::string TempPath() {
  std::random_device rd;
  return (std::filesystem::temp_directory_path() /
          ("vigie-demo-" + std::to_string(rd()) + ".db"))
      .string();
}

void RemoveDatabase(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix, ec);
  }
}

}  // namespace

std::string SlackMessageToText(const std::string& body) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) return body;
  std::string out;
  const auto* blocks = v.as_object().if_contains("blocks");
  if (blocks == nullptr || !blocks->is_array()) {
    if (const auto* t = v.as_object().if_contains("text");
        t && t->is_string()) {
      return std::string(t->as_string());
    }
    return body;
  }
  for (const auto& b : blocks->as_array()) {
    if (!b.is_object()) continue;
    const auto* text = b.as_object().if_contains("text");
    if (text == nullptr || !text->is_object()) continue;
    const auto* t = text->as_object().if_contains("text");
    if (t == nullptr || !t->is_string()) continue;
    if (!out.empty()) out += "\n\n";
    out += std::string(t->as_string());
  }
  return out;
}

Result<DemoReport> RunDemo(const DemoOptions& options) {
  std::ostream* out = options.progress;
  auto say = [out](const std::string& line) {
    if (out) *out << line << std::endl;
  };
  const std::vector<StoryItem> story = BuildStory();
  SimulatedClock clock(StoryStart());

  // The outside world: a feed server and a Slack-compatible receiver.
  boost::asio::io_context world;
  std::mutex received_mu;
  std::vector<std::string> received;
  ServerOptions feed_opts;
  HttpServer feed(world, feed_opts, [&](const ServerRequest& req) {
    ServerResponse res;
    if (req.method == "GET" && req.target == "/mentions.rss") {
      res.content_type = "application/rss+xml; charset=utf-8";
      res.body = RenderRss(story, clock.now(), 50);
    } else {
      res.status = 404;
    }
    return res;
  });
  HttpServer receiver(world, ServerOptions{}, [&](const ServerRequest& req) {
    ServerResponse res;
    if (req.method == "POST" && req.target.rfind("/hooks/", 0) == 0) {
      std::lock_guard<std::mutex> lock(received_mu);
      received.push_back(req.body);
      res.body = "ok";
    } else {
      res.status = 404;
    }
    return res;
  });
  if (Status s = feed.Start(); !s.ok())
    return s.WithContext("demo feed server");
  if (Status s = receiver.Start(); !s.ok())
    return s.WithContext("demo receiver");
  std::thread world_thread([&world] { world.run(); });
  auto stop_world = [&] {
    feed.Stop();
    receiver.Stop();
    world.stop();
    if (world_thread.joinable()) world_thread.join();
  };

  Config cfg;
  cfg.path = "<demo>";
  const bool temp_store = options.store_path.empty();
  cfg.store_path = temp_store ? TempPath() : options.store_path;
  cfg.rules_dir = options.rules_dir;
  cfg.listen_port = 0;
  cfg.shutdown_timeout = Millis(5000);
  cfg.sources.push_back(
      {"social-search",
       "http://127.0.0.1:" + std::to_string(feed.port()) + "/mentions.rss",
       options.tick * 2});
  cfg.notify.slack.push_back(
      {"slack", "http://127.0.0.1:" + std::to_string(receiver.port()) +
                    "/hooks/T000/B000/demo-secret"});
  cfg.notify.retry_base = Millis(200);

  auto rules = LoadRuleSet(cfg.rules_dir, ScorerOptions{}, 1);
  if (!rules.ok()) {
    stop_world();
    return rules.status().WithContext("demo rules");
  }
  say("vigie demo: brand \"" + std::string(kBrand) + "\", " +
      std::to_string(story.size()) + " posts over " +
      std::to_string(StoryLength().count() / 3600000) +
      " simulated hours, one simulated minute every " +
      std::to_string(options.tick.count()) + " ms");
  say("  feed server   http://127.0.0.1:" + std::to_string(feed.port()) +
      "/mentions.rss");
  say("  Slack receiver http://127.0.0.1:" + std::to_string(receiver.port()) +
      "/hooks/…");
  say("  store         " + cfg.store_path);

  DemoReport report;
  report.story_items = static_cast<std::int64_t>(story.size());
  {
    DaemonApp app(cfg, *rules, clock);
    if (Status s = app.Start(2); !s.ok()) {
      stop_world();
      if (temp_store) RemoveDatabase(cfg.store_path);
      return s;
    }
    const auto real_start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration_cast<Millis>(
          std::chrono::steady_clock::now() - real_start);
    };
    const TimePoint end = StoryStart() + StoryLength();
    std::size_t alerts_seen = 0;
    std::int64_t last_report_hour = -1;
    while (clock.now() < end && elapsed() < options.timeout) {
      std::this_thread::sleep_for(options.tick);
      clock.advance(kMinute);
      const std::int64_t minute =
          (ToUnixMillis(clock.now()) - ToUnixMillis(StoryStart())) / 60000;
      if (minute % 30 == 0 && minute / 30 != last_report_hour) {
        last_report_hour = minute / 30;
        say("  [" + FormatTime(clock.now()) + "] stored " +
            std::to_string(app.mentions_stored()) + " mentions, incidents " +
            std::to_string(app.incidents_opened()) + ", alerts delivered " +
            std::to_string(app.alerts_delivered()));
      }
      std::lock_guard<std::mutex> lock(received_mu);
      if (received.size() > alerts_seen) {
        alerts_seen = received.size();
        say("  [" + FormatTime(clock.now()) +
            "] ALERT received by the Slack receiver");
      }
    }
    // Let the last polls land and the outbox drain, then stop.
    std::this_thread::sleep_for(options.tick * 4);
    (void)app.WaitWriterIdle(Millis(5000));
    for (int i = 0; i < 100; ++i) {
      auto pending = app.store().CountPendingOutbox();
      if (pending.ok() && *pending == 0) break;
      std::this_thread::sleep_for(Millis(50));
    }
    report.clean_shutdown = app.Shutdown(cfg.shutdown_timeout);
  }
  stop_world();

  auto store = SqliteStore::Open(cfg.store_path);
  if (!store.ok()) return store.status().WithContext("demo: reopen store");
  auto count = (*store)->CountMentions();
  auto labels = (*store)->CountLabels(kBrand, StoryStart(),
                                      StoryStart() + StoryLength() + kMinute);
  auto incidents = (*store)->ListIncidents();
  auto pending = (*store)->CountPendingOutbox();
  auto summary =
      BuildDailySummary(**store, kBrand, StoryStart() - kMinute * 420);
  if (!count.ok() || !labels.ok() || !incidents.ok() || !pending.ok() ||
      !summary.ok()) {
    return Status::IOError("demo: reading the store back failed");
  }
  report.mentions_stored = *count;
  report.labels = *labels;
  report.incidents = *incidents;
  report.pending_outbox = *pending;
  report.summary_text = RenderSummaryText(*summary);
  {
    std::lock_guard<std::mutex> lock(received_mu);
    report.alerts_received = received;
  }
  store->reset();
  if (temp_store) RemoveDatabase(cfg.store_path);
  return report;
}

}  // namespace vigie::demo
