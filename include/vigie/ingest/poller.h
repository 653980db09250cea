// Poller: polls each configured feed on its own timer and strand.
//
// Each poll is one GET through the HttpClient seam (conditional when the feed
// gave an ETag or Last-Modified); a 2xx body is parsed (RSS 2.0 / Atom 1.0),
// normalised to Mentions and handed to the sink. A failure is logged with the
// source's name and the next poll backs off exponentially (capped at one
// hour, with jitter); one failing source never delays the others. A batch
// the sink refuses (its queue full, say) counts as a failure, and the next
// poll is not conditional, so that the feed sends those entries again.
// Thread-safety: Start()/Stop() from any thread; per-source state lives on
// that source's strand.
// Lifetime: `client`, `clock` and the sink's targets must outlive the poller,
// and the poller must outlive the io_context's run().
#pragma once

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vigie/config/config.h"
#include "vigie/core/clock.h"
#include "vigie/core/mention.h"
#include "vigie/core/status.h"
#include "vigie/ingest/http_client.h"

namespace vigie {

/// Receives the normalised mentions of one successful poll; an error when
/// it could not take them (they are fetched again at the next poll). Runs
/// on the poller's executor: it must not block.
using MentionSink = std::function<Status(std::vector<Mention>)>;

/// Schedules and runs the polls of every source.
class Poller {
 public:
  /// One timer per source; nothing runs before Start().
  Poller(boost::asio::any_io_executor ex, HttpClient& client,
         const Clock& clock, std::vector<SourceConfig> sources,
         MentionSink sink);
  ~Poller();

  /// Polls every source now, then at its interval.
  void Start();
  /// Cancels the timers; polls in flight complete and deliver their mentions.
  void Stop();
  /// Polls in flight right now.
  int in_flight() const { return in_flight_.load(); }
  /// Successful polls so far (2xx or 304).
  std::int64_t polls_ok() const { return polls_ok_.load(); }
  /// Failed polls so far.
  std::int64_t polls_failed() const { return polls_failed_.load(); }

 private:
  struct SourceState;
  void Schedule(const std::shared_ptr<SourceState>& s, Millis delay);
  void Poll(const std::shared_ptr<SourceState>& s);
  void OnResponse(const std::shared_ptr<SourceState>& s,
                  Result<HttpResponse> result);

  boost::asio::any_io_executor ex_;
  HttpClient& client_;
  const Clock& clock_;
  MentionSink sink_;
  std::vector<std::shared_ptr<SourceState>> sources_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> in_flight_{0};
  std::atomic<std::int64_t> polls_ok_{0};
  std::atomic<std::int64_t> polls_failed_{0};
};

}  // namespace vigie
