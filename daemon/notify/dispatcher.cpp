#include "vigie/notify/dispatcher.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <charconv>

#include "vigie/core/log.h"

namespace vigie {

namespace {
constexpr int kBatch = 16;
}

Dispatcher::Dispatcher(boost::asio::any_io_executor ex, Store& store,
                       HttpClient& client, const Clock& clock,
                       std::map<std::string, std::string> webhooks,
                       NotifyConfig options, Millis poll_interval)
    : strand_(boost::asio::make_strand(ex)),
      timer_(strand_),
      store_(store),
      client_(client),
      clock_(clock),
      webhooks_(std::move(webhooks)),
      options_(std::move(options)),
      poll_interval_(poll_interval) {}

void Dispatcher::Start() {
  boost::asio::post(strand_, [this] {
    Pass();
    Arm();
  });
}

void Dispatcher::Arm() {
  if (stopping_) return;
  timer_.expires_after(poll_interval_);
  timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || stopping_) return;
    Pass();
    Arm();
  });
}

void Dispatcher::Wake() {
  boost::asio::post(strand_, [this] { Pass(); });
}

void Dispatcher::Stop() {
  boost::asio::post(strand_, [this] {
    stopping_ = true;
    timer_.cancel();
  });
}

void Dispatcher::Pass() {
  if (stopping_) return;
  const TimePoint now = clock_.now();
  auto due = store_.DueOutbox(now, kBatch);
  if (!due.ok()) {
    log::Error("notify") << "reading the outbox: " << due.status().ToString();
    return;
  }
  for (OutboxMessage& row : *due) {
    if (in_flight_.contains(row.id)) continue;
    auto hook = webhooks_.find(row.channel);
    if (hook == webhooks_.end()) {
      log::Error("notify") << "outbox row " << row.id << ": channel '"
                           << row.channel
                           << "' is not configured; dead-lettered";
      Status s = store_.MarkOutboxFailed(row.id, "channel not configured", now,
                                         /*dead=*/true);
      if (!s.ok()) log::Error("notify") << s.ToString();
      continue;
    }
    HttpRequest req;
    req.method = "POST";
    req.url = hook->second;
    req.headers = {{"Content-Type", "application/json; charset=utf-8"},
                   {"Idempotency-Key", row.idempotency_key}};
    req.body = row.payload;
    in_flight_.insert(row.id);
    in_flight_count_.store(static_cast<int>(in_flight_.size()));
    client_.Send(
        std::move(req), [this, row](Result<HttpResponse> result) mutable {
          boost::asio::post(strand_, [this, row = std::move(row),
                                      result = std::move(result)]() mutable {
            OnSent(row, std::move(result));
          });
        });
  }
}

void Dispatcher::OnSent(const OutboxMessage& row, Result<HttpResponse> result) {
  in_flight_.erase(row.id);
  in_flight_count_.store(static_cast<int>(in_flight_.size()));
  const TimePoint now = clock_.now();
  if (result.ok() && result->status >= 200 && result->status < 300) {
    Status s = store_.MarkOutboxSent(row.id, now);
    if (!s.ok()) {
      log::Error("notify") << "outbox row " << row.id << ": " << s.ToString();
      return;
    }
    delivered_.fetch_add(1);
    log::Info("notify") << "delivered outbox row " << row.id << " to channel "
                        << row.channel;
    return;
  }
  failed_.fetch_add(1);
  std::string error;
  std::string_view retry_after;
  if (result.ok()) {
    error = "HTTP " + std::to_string(result->status);
    if (result->status == 429 || result->status == 503) {
      retry_after = result->header("Retry-After");
    }
  } else {
    error = result.status().message();
  }
  const int attempts = row.attempts + 1;
  const bool dead = attempts >= options_.max_attempts;
  const TimePoint next = now + Backoff(attempts, retry_after);
  Status s = store_.MarkOutboxFailed(row.id, error, next, dead);
  if (!s.ok()) log::Error("notify") << s.ToString();
  if (dead) {
    log::Error("notify") << "outbox row " << row.id << " to channel "
                         << row.channel << " dead-lettered after " << attempts
                         << " attempts: " << error;
  } else {
    log::Warn("notify") << "outbox row " << row.id << " to channel "
                        << row.channel << " failed (" << error << "), attempt "
                        << attempts << ", next at " << FormatTime(next);
  }
}

Millis Dispatcher::Backoff(int attempts, std::string_view retry_after) {
  std::int64_t base = options_.retry_base.count();
  for (int i = 1; i < attempts && base < options_.retry_cap.count(); ++i) {
    base *= 2;
  }
  base = std::min<std::int64_t>(base, options_.retry_cap.count());
  // Full jitter on the upper half: [base/2, base].
  std::uniform_int_distribution<std::int64_t> dist(base / 2, base);
  std::int64_t delay = dist(rng_);
  std::int64_t seconds = 0;
  const char* end = retry_after.data() + retry_after.size();
  if (!retry_after.empty() &&
      std::from_chars(retry_after.data(), end, seconds).ec == std::errc() &&
      seconds >= 0) {
    delay = std::max<std::int64_t>(
        delay,
        std::min<std::int64_t>(seconds * 1000, options_.retry_cap.count()));
  }
  return Millis(delay);
}

}  // namespace vigie
