// Dispatcher: delivers outbox rows to their channels.
//
// A row is marked sent only after the receiver answered 2xx; any other
// outcome records a failed attempt and schedules the next one with
// exponential backoff and jitter (Retry-After honoured on 429/503); after
// `max_attempts` the row is dead-lettered. Delivery is at-least-once: a crash
// between a 2xx and the mark resends that row on restart.
// Thread-safety: Wake() and Stop() may be called from any thread; all other
// work runs on the dispatcher's own strand.
// Lifetime: `store`, `client` and `clock` must outlive the dispatcher, and
// the dispatcher must outlive the io_context's run().
#pragma once

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <map>
#include <random>
#include <set>
#include <string>

#include "vigie/config/config.h"
#include "vigie/core/clock.h"
#include "vigie/ingest/http_client.h"
#include "vigie/store/store.h"

namespace vigie {

/// Delivers pending outbox rows over HTTP.
class Dispatcher {
 public:
  /// `webhooks` maps channel name to its webhook URL (a secret).
  Dispatcher(boost::asio::any_io_executor ex, Store& store, HttpClient& client,
             const Clock& clock, std::map<std::string, std::string> webhooks,
             NotifyConfig options, Millis poll_interval = Millis(1000));

  /// Starts the periodic pass for retries.
  void Start();
  /// Asks for a delivery pass soon (after a commit wrote outbox rows).
  void Wake();
  /// Stops starting new deliveries; sends in flight still complete.
  void Stop();
  /// Sends in flight right now.
  int in_flight() const { return in_flight_count_.load(); }
  /// Rows delivered (2xx) since start.
  std::int64_t delivered() const { return delivered_.load(); }
  /// Failed attempts since start.
  std::int64_t failed_attempts() const { return failed_.load(); }

 private:
  void Pass();
  void Arm();
  void OnSent(const OutboxMessage& row, Result<HttpResponse> result);
  Millis Backoff(int attempts, std::string_view retry_after);

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  boost::asio::steady_timer timer_;
  Store& store_;
  HttpClient& client_;
  const Clock& clock_;
  const std::map<std::string, std::string> webhooks_;
  const NotifyConfig options_;
  const Millis poll_interval_;

  // Strand only.
  std::set<std::int64_t> in_flight_;
  bool stopping_ = false;
  std::mt19937_64 rng_{std::random_device{}()};

  std::atomic<int> in_flight_count_{0};
  std::atomic<std::int64_t> delivered_{0};
  std::atomic<std::int64_t> failed_{0};
};

}  // namespace vigie
