#include "vigie/notify/dispatcher.h"

#include <doctest/doctest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <mutex>
#include <thread>

#include "test_util.h"
#include "vigie/ingest/beast_http_client.h"
#include "vigie/server/http_server.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {

constexpr std::int64_t kT0 = 1793602800000;

// A loopback receiver that answers with the scripted statuses in turn and
// records what it got.
struct Receiver {
  explicit Receiver(boost::asio::io_context& ioc, std::vector<int> script)
      : script(std::move(script)),
        server(ioc, ServerOptions{}, [this](const ServerRequest& req) {
          std::lock_guard<std::mutex> lock(mu);
          bodies.push_back(req.body);
          keys.emplace_back(req.header("Idempotency-Key"));
          ServerResponse res;
          res.status = this->script.empty() ? 200 : this->script.front();
          if (!this->script.empty()) this->script.erase(this->script.begin());
          if (res.status == 429) res.headers.push_back({"Retry-After", "0"});
          return res;
        }) {}
  std::vector<int> script;
  std::mutex mu;
  std::vector<std::string> bodies;
  std::vector<std::string> keys;
  HttpServer server;
};

void Enqueue(Store& store, const std::string& key, TimePoint now) {
  IncidentChange change;
  change.incident.brand = "Acme";
  change.incident.scenario = "bad-buzz-" + key;
  change.incident.severity = "warning";
  change.incident.opened_at = now;
  change.incident.updated_at = now;
  change.incident.evidence_json = "{}";
  OutboxMessage msg;
  msg.channel = "slack";
  msg.idempotency_key = key;
  msg.payload = R"({"text":"alert )" + key + R"("})";
  msg.created_at = now;
  msg.next_attempt_at = now;
  change.notifications.push_back(msg);
  REQUIRE(store.ApplyIncidentChange(change).ok());
}

template <typename Pred>
bool RunUntil(boost::asio::io_context& ioc, Pred done) {
  for (int i = 0; i < 400 && !done(); ++i) {
    ioc.run_for(std::chrono::milliseconds(10));
  }
  return done();
}

}  // namespace

TEST_CASE("Dispatcher marks a row sent only after a 2xx, retrying failures") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  boost::asio::io_context ioc;
  Receiver receiver(ioc, {500, 429});
  REQUIRE(receiver.server.Start().ok());
  SimulatedClock clock(FromUnixMillis(kT0));
  Enqueue(**store, "k1", clock.now());

  BeastHttpClient client(ioc.get_executor(), FetchOptions{});
  NotifyConfig opts;
  opts.retry_base = Millis(1000);
  const std::string url =
      "http://127.0.0.1:" + std::to_string(receiver.server.port()) +
      "/hooks/secret";
  Dispatcher dispatcher(ioc.get_executor(), **store, client, clock,
                        {{"slack", url}}, opts, Millis(20));
  dispatcher.Start();

  // First attempt: 500, the row stays pending with a later next attempt.
  REQUIRE(RunUntil(ioc, [&] { return dispatcher.failed_attempts() == 1; }));
  CHECK(*(*store)->CountPendingOutbox() == 1);
  CHECK((*(*store)->DueOutbox(clock.now(), 10)).empty());
  // Time passes: second attempt gets 429, third gets 200.
  clock.advance(Millis(60000));
  REQUIRE(RunUntil(ioc, [&] { return dispatcher.failed_attempts() == 2; }));
  clock.advance(Millis(60000));
  REQUIRE(RunUntil(ioc, [&] { return dispatcher.delivered() == 1; }));
  CHECK(*(*store)->CountPendingOutbox() == 0);
  {
    std::lock_guard<std::mutex> lock(receiver.mu);
    CHECK(receiver.bodies.size() == 3);
    CHECK(receiver.bodies.back() == R"({"text":"alert k1"})");
    CHECK(receiver.keys.back() == "k1");
  }
  dispatcher.Stop();
  receiver.server.Stop();
  ioc.run_for(std::chrono::milliseconds(200));
}

TEST_CASE("Dispatcher dead-letters a row after max_attempts failures") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  boost::asio::io_context ioc;
  SimulatedClock clock(FromUnixMillis(kT0));
  Enqueue(**store, "k2", clock.now());
  BeastHttpClient client(ioc.get_executor(), FetchOptions{});
  NotifyConfig opts;
  opts.max_attempts = 2;
  opts.retry_base = Millis(10);
  // Nothing listens on port 1: connection refused.
  Dispatcher dispatcher(ioc.get_executor(), **store, client, clock,
                        {{"slack", "http://127.0.0.1:1/hooks/T/B/s3cr3t"}},
                        opts, Millis(20));
  dispatcher.Start();
  REQUIRE(RunUntil(ioc, [&] { return dispatcher.failed_attempts() == 1; }));
  clock.advance(Millis(1000));
  REQUIRE(RunUntil(ioc, [&] { return dispatcher.failed_attempts() == 2; }));
  CHECK(*(*store)->CountPendingOutbox() == 0);
  dispatcher.Stop();
  ioc.run_for(std::chrono::milliseconds(100));
  CHECK(dispatcher.delivered() == 0);
}

}  // namespace vigie
