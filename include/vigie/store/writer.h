// Writer: the single thread that writes mentions to the store.
//
// Producers Submit() batches into a bounded queue; the writer thread drains
// it, merges queued batches into one transaction (up to `max_rows` rows),
// commits, then calls `on_committed` with the mentions that were new — still
// on the writer thread, so detection sees every committed batch in order.
// A full queue makes Submit() wait (backpressure); TrySubmit() never waits,
// for producers on an event loop, which must not stall their other work
// while a commit is being retried. A commit that fails for a
// reason that may pass (the database locked by another connection, a full
// disk, an I/O error) keeps its batch and is retried with a backoff from
// `retry_initial` doubling up to `retry_max`; failure() reports the error
// until a commit succeeds (readiness checks read it), and Submit() keeps
// queueing meanwhile. On Stop() a failing batch gets one last try. Any other
// failure (a damaged file, a violated constraint) is sticky: the batch is
// dropped and later batches are refused.
// Thread-safety: Submit(), failure() and counters from any thread.
// Lifetime: `store` and whatever `on_committed` uses must outlive Stop().
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/mention.h"
#include "vigie/store/store.h"

namespace vigie {

/// Called on the writer thread with the mentions a commit inserted.
using CommittedFn = std::function<void(const std::vector<Mention>& inserted)>;

/// Queue sizes of the writer.
struct WriterOptions {
  std::size_t queue_batches = 256;  ///< Submit() waits beyond this
  std::size_t max_rows = 2000;      ///< rows merged into one transaction
  Millis retry_initial{200};        ///< first wait after a transient failure
  Millis retry_max{30000};          ///< longest wait between retries
};

/// The one writer of mentions.
class Writer {
 public:
  /// Does not start the thread; call Start().
  Writer(Store& store, CommittedFn on_committed, WriterOptions options = {});
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  /// Stops and joins the thread.
  ~Writer();

  /// Starts the writer thread.
  void Start();
  /// Queues `batch`; waits while the queue is full. Returns false (and drops
  /// nothing already accepted) when the writer is stopping or failed.
  bool Submit(std::vector<Mention> batch);
  /// Queues `batch` when there is room, without waiting. OK when queued;
  /// Unavailable when the queue is full (the batch is dropped: the caller
  /// fetches it again later); Rejected when the writer is stopping or failed
  /// for good.
  Status TrySubmit(std::vector<Mention> batch);
  /// Writes what is queued, then stops the thread. Idempotent.
  void Stop();
  /// Blocks until the queue is empty and nothing is being written (or the
  /// writer failed for good), or `timeout` passes; true when idle.
  bool WaitIdle(Millis timeout);
  /// OK, or the error of the last commit when it failed.
  Status failure() const;
  /// Mentions inserted so far.
  std::int64_t inserted() const;
  /// Mentions skipped as already stored.
  std::int64_t duplicates() const;

 private:
  void Run();

  Store& store_;
  CommittedFn on_committed_;
  const WriterOptions options_;
  std::thread thread_;

  mutable std::mutex mu_;
  std::condition_variable changed_;
  // Guarded by mu_.
  std::deque<std::vector<Mention>> queue_;
  bool stopping_ = false;
  bool busy_ = false;
  Status failure_;
  bool permanent_ = false;  // failure_ is sticky
  std::int64_t inserted_ = 0;
  std::int64_t duplicates_ = 0;
};

}  // namespace vigie
