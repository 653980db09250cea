// RuleSetHolder: the current rule-set snapshot, swapped whole on reload.
//
// Thread-safety: Get() and Swap() from any thread; a reader keeps the
// snapshot it got alive for as long as it holds the shared_ptr.
#pragma once

#include <memory>
#include <mutex>

#include "vigie/config/rule_set.h"

namespace vigie {

/// Holds the live RuleSet.
class RuleSetHolder {
 public:
  /// Starts with `initial` (not null).
  explicit RuleSetHolder(std::shared_ptr<const RuleSet> initial)
      : current_(std::move(initial)) {}
  /// The current snapshot.
  std::shared_ptr<const RuleSet> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return current_;
  }
  /// Replaces the snapshot; readers holding the old one keep it.
  void Swap(std::shared_ptr<const RuleSet> next) {
    std::lock_guard<std::mutex> lock(mu_);
    current_ = std::move(next);
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const RuleSet> current_;  // guarded by mu_
};

}  // namespace vigie
