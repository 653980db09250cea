#include "vigie/store/writer.h"

#include <string>

#include "vigie/core/log.h"

namespace vigie {

Writer::Writer(Store& store, CommittedFn on_committed, WriterOptions options)
    : store_(store),
      on_committed_(std::move(on_committed)),
      options_(options) {}

Writer::~Writer() { Stop(); }

void Writer::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

bool Writer::Submit(std::vector<Mention> batch) {
  if (batch.empty()) return true;
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] {
    return stopping_ || permanent_ || queue_.size() < options_.queue_batches;
  });
  if (stopping_ || permanent_) return false;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
  return true;
}

Status Writer::TrySubmit(std::vector<Mention> batch) {
  if (batch.empty()) return Status::Ok();
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return Status::Rejected("store", "the writer is stopping");
  if (permanent_) return Status::Rejected("store", failure_.message());
  if (queue_.size() >= options_.queue_batches) {
    return Status::Unavailable("store", "write queue full (" +
                                            std::to_string(queue_.size()) +
                                            " batches waiting for a commit)");
  }
  queue_.push_back(std::move(batch));
  changed_.notify_all();
  return Status::Ok();
}

void Writer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

bool Writer::WaitIdle(Millis timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return changed_.wait_for(lock, timeout, [this] {
    return (queue_.empty() && !busy_) || permanent_;
  });
}

Status Writer::failure() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failure_;
}

std::int64_t Writer::inserted() const {
  std::lock_guard<std::mutex> lock(mu_);
  return inserted_;
}

std::int64_t Writer::duplicates() const {
  std::lock_guard<std::mutex> lock(mu_);
  return duplicates_;
}

namespace {

// Errors that may go away by themselves (SqliteError's Unavailable): a lock
// held by another connection, a full disk, a failing read or write. A
// constraint violation, a damaged file or a broken schema will not.
bool IsTransient(const Status& s) { return s.IsUnavailable(); }

}  // namespace

void Writer::Run() {
  std::vector<Mention> rows;  // a batch whose commit failed, kept for a retry
  Millis backoff = options_.retry_initial;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (!rows.empty()) {
        // Wait before retrying; Stop() cuts the wait short for a last try.
        changed_.wait_for(lock, backoff, [this] { return stopping_; });
        backoff = std::min(backoff * 2, options_.retry_max);
      }
      changed_.wait(lock, [this, &rows] {
        return stopping_ || !queue_.empty() || !rows.empty();
      });
      if (permanent_) queue_.clear();  // refused: the error is sticky
      if (queue_.empty() && rows.empty()) {
        changed_.notify_all();
        return;  // stopping, and everything queued is written
      }
      while (!queue_.empty() &&
             (rows.empty() ||
              rows.size() + queue_.front().size() <= options_.max_rows)) {
        auto& front = queue_.front();
        rows.insert(rows.end(), std::make_move_iterator(front.begin()),
                    std::make_move_iterator(front.end()));
        queue_.pop_front();
      }
      busy_ = true;
      changed_.notify_all();
    }
    auto result = store_.InsertMentions(rows);
    std::vector<Mention> inserted;
    if (result.ok()) {
      inserted.reserve(result->size());
      for (std::size_t i : *result) inserted.push_back(rows[i]);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!result.ok()) {
        const bool first = failure_.ok();
        failure_ = result.status().WithContext("store writer");
        if (!IsTransient(result.status())) {
          permanent_ = true;
          log::Error("store")
              << failure_.ToString() << "; the writer refuses further batches";
          rows.clear();
        } else if (stopping_) {
          log::Error("store") << failure_.ToString() << "; stopping, "
                              << rows.size() << " mentions not written";
          rows.clear();
        } else if (first) {
          log::Warn("store")
              << failure_.ToString() << "; keeping the batch and retrying";
        }
      } else {
        if (!failure_.ok()) {
          log::Info("store") << "writes succeed again";
          failure_ = Status::Ok();
        }
        backoff = options_.retry_initial;
        inserted_ += static_cast<std::int64_t>(inserted.size());
        duplicates_ += static_cast<std::int64_t>(rows.size() - inserted.size());
      }
    }
    if (result.ok()) {
      if (!inserted.empty() && on_committed_) on_committed_(inserted);
      rows.clear();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = !rows.empty();  // a batch waiting for its retry
      changed_.notify_all();
    }
  }
}

}  // namespace vigie
