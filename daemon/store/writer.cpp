#include "vigie/store/writer.h"

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
    return stopping_ || !failure_.ok() ||
           queue_.size() < options_.queue_batches;
  });
  if (stopping_ || !failure_.ok()) return false;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
  return true;
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
    return (queue_.empty() && !busy_) || !failure_.ok();
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

void Writer::Run() {
  for (;;) {
    std::vector<Mention> rows;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (!failure_.ok()) queue_.clear();  // refused: the error is sticky
      if (queue_.empty()) {
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
        failure_ = result.status().WithContext("store writer");
        log::Error("store")
            << failure_.ToString() << "; the writer refuses further batches";
      } else {
        inserted_ += static_cast<std::int64_t>(inserted.size());
        duplicates_ += static_cast<std::int64_t>(rows.size() - inserted.size());
      }
    }
    if (result.ok() && !inserted.empty() && on_committed_) {
      on_committed_(inserted);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
      changed_.notify_all();
    }
  }
}

}  // namespace vigie
