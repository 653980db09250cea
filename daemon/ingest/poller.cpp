#include "vigie/ingest/poller.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <random>

#include "vigie/core/log.h"
#include "vigie/ingest/feed_parser.h"
#include "vigie/ingest/normalize.h"

namespace vigie {

namespace {
constexpr Millis kMaxBackoff{3600000};
}

struct Poller::SourceState {
  SourceState(boost::asio::any_io_executor ex, SourceConfig c)
      : strand(boost::asio::make_strand(ex)),
        timer(strand),
        config(std::move(c)) {}
  boost::asio::strand<boost::asio::any_io_executor> strand;
  boost::asio::steady_timer timer;
  SourceConfig config;
  // Strand only.
  std::string etag;
  std::string last_modified;
  int failures = 0;
  std::minstd_rand rng{std::random_device{}()};
};

Poller::Poller(boost::asio::any_io_executor ex, HttpClient& client,
               const Clock& clock, std::vector<SourceConfig> sources,
               MentionSink sink)
    : ex_(std::move(ex)),
      client_(client),
      clock_(clock),
      sink_(std::move(sink)) {
  for (SourceConfig& c : sources) {
    sources_.push_back(std::make_shared<SourceState>(ex_, std::move(c)));
  }
}

Poller::~Poller() = default;

void Poller::Start() {
  for (const auto& s : sources_) {
    boost::asio::post(s->strand, [this, s] { Poll(s); });
  }
}

void Poller::Stop() {
  stopping_.store(true);
  for (const auto& s : sources_) {
    boost::asio::post(s->strand, [s] { s->timer.cancel(); });
  }
}

void Poller::Schedule(const std::shared_ptr<SourceState>& s, Millis delay) {
  if (stopping_.load()) return;
  s->timer.expires_after(delay);
  s->timer.async_wait([this, s](boost::system::error_code ec) {
    if (ec || stopping_.load()) return;
    Poll(s);
  });
}

void Poller::Poll(const std::shared_ptr<SourceState>& s) {
  if (stopping_.load()) return;
  HttpRequest req;
  req.url = s->config.url;
  req.headers.emplace_back(
      "Accept",
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
      "text/xml;q=0.8, */*;q=0.1");
  if (!s->etag.empty()) req.headers.emplace_back("If-None-Match", s->etag);
  if (!s->last_modified.empty()) {
    req.headers.emplace_back("If-Modified-Since", s->last_modified);
  }
  in_flight_.fetch_add(1);
  client_.Send(std::move(req), [this, s](Result<HttpResponse> result) {
    boost::asio::post(s->strand,
                      [this, s, result = std::move(result)]() mutable {
                        OnResponse(s, std::move(result));
                        in_flight_.fetch_sub(1);
                      });
  });
}

void Poller::OnResponse(const std::shared_ptr<SourceState>& s,
                        Result<HttpResponse> result) {
  const std::string& name = s->config.name;
  Status error;
  if (!result.ok()) {
    error = result.status();
  } else if (result->status == 304) {
    // Unchanged since the last poll.
  } else if (result->status < 200 || result->status >= 300) {
    error =
        Status::Unavailable("http", "status " + std::to_string(result->status));
  } else {
    auto entries = ParseFeed(name, result->body);
    if (!entries.ok()) {
      error = entries.status().WithContext("parse");
    } else {
      const TimePoint fetched = clock_.now();
      std::vector<Mention> batch;
      batch.reserve(entries->size());
      for (const FeedEntry& e : *entries) {
        batch.push_back(ToMention(e, name, fetched));
      }
      log::Debug("ingest") << "source " << name << ": " << batch.size()
                           << " entries";
      if (!batch.empty()) error = sink_(std::move(batch));
      // The validators move on only once the entries are taken.
      if (error.ok()) {
        s->etag = std::string(result->header("ETag"));
        s->last_modified = std::string(result->header("Last-Modified"));
      }
    }
  }
  if (error.ok()) {
    polls_ok_.fetch_add(1);
    s->failures = 0;
    Schedule(s, s->config.interval);
    return;
  }
  polls_failed_.fetch_add(1);
  s->failures = std::min(s->failures + 1, 30);
  Millis delay = s->config.interval;
  for (int i = 0; i < s->failures && delay < kMaxBackoff; ++i) delay *= 2;
  delay = std::min(delay, std::max(kMaxBackoff, s->config.interval));
  std::uniform_int_distribution<std::int64_t> jitter(0, delay.count() / 10);
  delay += Millis(jitter(s->rng));
  log::Warn("ingest") << "source " << name << ": " << error.message()
                      << " (failure " << s->failures << ", next poll in "
                      << delay.count() << " ms)";
  Schedule(s, delay);
}

}  // namespace vigie
