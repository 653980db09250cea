// DaemonApp: every stage of vigie wired together, as `vigie run` and
// `vigie demo` run it.
//
// Owns the io_context and its threads (fetchers, dispatcher, health server),
// the store, the single store writer, and the rule-set snapshot.
// Thread-safety: Start(), Shutdown() and the counters from one controlling
// thread (the CLI's); the parts synchronise among themselves.
// Lifetime: `clock` must outlive the DaemonApp.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "vigie/analyze/mention_pipeline.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set_holder.h"
#include "vigie/detect/detection_step.h"
#include "vigie/detect/detector.h"
#include "vigie/detect/incident_engine.h"
#include "vigie/ingest/beast_http_client.h"
#include "vigie/ingest/poller.h"
#include "vigie/notify/dispatcher.h"
#include "vigie/server/http_server.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/store/writer.h"

namespace vigie {

/// The running daemon.
class DaemonApp {
 public:
  /// Nothing starts before Start().
  DaemonApp(Config config, std::shared_ptr<const RuleSet> rules,
            const Clock& clock);
  ~DaemonApp();

  /// Opens the store and starts every stage on `io_threads` threads.
  Status Start(int io_threads = 2);
  /// Stops polling, writes what is queued (detection included), delivers
  /// what is due while time remains, then stops everything. Returns within
  /// about `timeout`; true when everything finished cleanly.
  bool Shutdown(Millis timeout);

  /// Loads the rule files again and swaps them in; on any error keeps the
  /// current rules and returns the errors.
  Status ReloadRules();

  /// The store (valid after Start()).
  Store& store() { return *store_; }
  /// Mentions stored so far.
  std::int64_t mentions_stored() const {
    return writer_ ? writer_->inserted() : 0;
  }
  /// Notifications delivered so far.
  std::int64_t alerts_delivered() const {
    return dispatcher_ ? dispatcher_->delivered() : 0;
  }
  /// Incidents opened since start.
  std::int64_t incidents_opened() const { return incidents_opened_.load(); }
  /// True when the writer has nothing queued (for tests and the demo).
  bool WaitWriterIdle(Millis timeout) { return writer_->WaitIdle(timeout); }
  /// Port of the health server, 0 when disabled.
  unsigned short health_port() const { return server_ ? server_->port() : 0; }

 private:
  void OnCommitted(const std::vector<Mention>& inserted);
  void ArmLifecycleTimer();

  Config config_;
  RuleSetHolder rules_;
  const Clock& clock_;
  boost::asio::io_context ioc_;
  std::optional<
      boost::asio::executor_work_guard<boost::asio::io_context::executor_type>>
      work_;
  std::vector<std::thread> threads_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<Detector> detector_;
  std::unique_ptr<IncidentEngine> engine_;
  std::unique_ptr<BeastHttpClient> http_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<MentionPipeline> pipeline_;
  std::unique_ptr<Poller> poller_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<boost::asio::steady_timer> lifecycle_timer_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> incidents_opened_{0};
  std::int64_t rules_version_ = 1;
  bool started_ = false;
};

}  // namespace vigie
