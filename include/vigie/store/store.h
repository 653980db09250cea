// Store: the persistence seam of vigie.
//
// SQLite is the embedded backend today; PostgreSQL will be a second one. All
// SQL, and every dialect detail (INSERT OR IGNORE, PRAGMAs, partial indexes),
// stays inside a backend: callers speak only this interface.
//
// Thread-safety: implementations are safe to call from several threads; the
// SQLite backend serialises calls on one connection. Calls are synchronous and
// short (a few milliseconds); callers on the io_context keep them few.
// Lifetime: a Store must outlive every component that holds a reference.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/mention.h"
#include "vigie/core/result.h"
#include "vigie/core/status.h"
#include "vigie/store/incident.h"

namespace vigie {

/// Number of mentions in one time bucket.
struct BucketCount {
  TimePoint start{};          ///< bucket start, UTC, aligned to the width
  std::int64_t total = 0;     ///< all mentions of the brand
  std::int64_t negative = 0;  ///< mentions labelled negative
};

/// Review ratings over a period.
struct RatingStats {
  std::int64_t count = 0;  ///< rated mentions
  double mean = 0.0;       ///< mean stars, 0 when count is 0
};

/// Mentions per label over a period.
struct LabelCounts {
  std::int64_t negative = 0;
  std::int64_t neutral = 0;
  std::int64_t positive = 0;
  /// Sum of the three.
  std::int64_t total() const { return negative + neutral + positive; }
};

/// A stored change to one incident, and the notifications it produces,
/// committed together in one transaction.
struct IncidentChange {
  Incident incident;  ///< id 0: insert a new incident; else update that row
  std::vector<OutboxMessage> notifications;  ///< inserted with the change
};

/// Persistence for mentions, incidents and the notification outbox.
class Store {
 public:
  virtual ~Store() = default;

  /// Stores the mentions of `batch` not already stored (same source and
  /// external id), in one transaction. Sets `id` on the mentions it inserted
  /// and returns their indices in `batch`, in order. On error nothing of the
  /// batch is stored and `batch` is unchanged.
  virtual Result<std::vector<std::size_t>> InsertMentions(
      std::vector<Mention>& batch) = 0;

  /// Total number of stored mentions.
  virtual Result<std::int64_t> CountMentions() = 0;

  /// Counts of `brand`'s mentions by their published time in buckets of
  /// `width` covering [from, to); `from` must be aligned to `width`. Every
  /// bucket of the range is returned, empty ones with zero counts.
  /// Near-duplicates (same NearDuplicateKey of their text) count once per
  /// bucket.
  virtual Result<std::vector<BucketCount>> CountByBucket(
      const std::string& brand, TimePoint from, TimePoint to, Millis width) = 0;

  /// As CountByBucket, for `brand`'s mentions tagged with `topic`.
  virtual Result<std::vector<BucketCount>> CountByBucketTopic(
      const std::string& brand, const std::string& topic, TimePoint from,
      TimePoint to, Millis width) = 0;

  /// Mentions of `brand` published in [from, to), per label.
  virtual Result<LabelCounts> CountLabels(const std::string& brand,
                                          TimePoint from, TimePoint to) = 0;

  /// Count and mean of the ratings of `brand`'s mentions published in
  /// [from, to) that carry one.
  virtual Result<RatingStats> Ratings(const std::string& brand, TimePoint from,
                                      TimePoint to) = 0;

  /// Up to `limit` mentions of `brand` published in [from, to) with `label`,
  /// most negative (or most positive for kPositive) first; of near-duplicates
  /// (as counted once by CountByBucket) only the earliest in the range.
  virtual Result<std::vector<Mention>> SampleMentions(const std::string& brand,
                                                      TimePoint from,
                                                      TimePoint to, Label label,
                                                      int limit) = 0;

  /// Up to `limit` stored mentions published in [from, to), in (published,
  /// id) order, with their brands and topics, starting after the mention
  /// `after_id` among those published exactly at `from` (0: from the first).
  /// Page by passing the last mention's published time and id.
  virtual Result<std::vector<Mention>> ListMentions(TimePoint from,
                                                    TimePoint to,
                                                    std::int64_t after_id,
                                                    int limit) = 0;

  /// The incident of `brand` × `scenario` that is not resolved, if any.
  virtual Result<std::optional<Incident>> FindActiveIncident(
      const std::string& brand, const std::string& scenario) = 0;

  /// All incidents, newest first.
  virtual Result<std::vector<Incident>> ListIncidents() = 0;

  /// Incidents not resolved (open, updated, escalated or acknowledged),
  /// oldest first.
  virtual Result<std::vector<Incident>> ListActiveIncidents() = 0;

  /// The incident with `id`, if any.
  virtual Result<std::optional<Incident>> GetIncident(std::int64_t id) = 0;

  /// The stored changes of incident `id`, oldest first.
  virtual Result<std::vector<IncidentEvent>> ListIncidentEvents(
      std::int64_t id) = 0;

  /// When the last resolved incident of `brand` × `scenario` was resolved
  /// (its updated_at), if there is one.
  virtual Result<std::optional<TimePoint>> LastResolvedAt(
      const std::string& brand, const std::string& scenario) = 0;

  /// Inserts or updates the incident, records the change in its history
  /// (revision, state, updated_at, note, evidence) and inserts its
  /// notifications, in one transaction. Returns the incident's id. Fails with
  /// Rejected when a second active incident for the same brand × scenario would
  /// be inserted.
  virtual Result<std::int64_t> ApplyIncidentChange(
      const IncidentChange& change) = 0;

  /// Pending outbox rows whose next attempt is at or before `now`, oldest
  /// first, at most `limit`.
  virtual Result<std::vector<OutboxMessage>> DueOutbox(TimePoint now,
                                                       int limit) = 0;

  /// Number of outbox rows still pending.
  virtual Result<std::int64_t> CountPendingOutbox() = 0;

  /// Marks an outbox row sent at `now`.
  virtual Status MarkOutboxSent(std::int64_t id, TimePoint now) = 0;

  /// Records a failed attempt: attempts + 1, `error`, next attempt at `next`;
  /// `dead` moves the row to the dead-letter state.
  virtual Status MarkOutboxFailed(std::int64_t id, const std::string& error,
                                  TimePoint next, bool dead) = 0;
};

}  // namespace vigie
