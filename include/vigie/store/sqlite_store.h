// SqliteStore: the embedded SQLite backend of the Store interface.
//
// One database file, one connection, WAL journal, foreign keys on, schema
// brought up to date by versioned migrations when opened.
// Thread-safety: every method may be called from any thread; calls are
// serialised on the single connection by an internal mutex, so a long call
// delays the others. Other processes may open the same file (WAL lets readers
// run beside one writer); a write they hold makes ours wait up to
// StoreOptions::busy_timeout_ms, then fail with IOError.
// Lifetime: the connection closes when the SqliteStore is destroyed; it must
// outlive every component that holds a reference to it.
//
// Errors: every SQLite failure becomes a Status whose message says what was
// being done, e.g. "store: insert mentions: database is locked". IOError for
// disk and database failures, Corruption for a file that is not a database or
// is damaged, Rejected for a violated constraint, NotFound for an unknown id,
// InvalidArgument for arguments that break a method's contract.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vigie/core/result.h"
#include "vigie/core/status.h"
#include "vigie/store/options.h"
#include "vigie/store/store.h"

namespace vigie {

/// The Store backed by one SQLite database file.
class SqliteStore final : public Store {
 public:
  /// Opens (creating it if missing) the database at `path`, sets WAL mode,
  /// the synchronous level, foreign keys and the busy timeout, then applies
  /// any pending migration. Fails with Corruption when the file is not a
  /// SQLite database, Rejected when its schema is newer than this build.
  /// ":memory:" opens a private in-memory database (no WAL), for tests.
  static Result<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const StoreOptions& options = {});

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override;

  /// The schema version (PRAGMA user_version) the database had once opened
  /// and migrated.
  int SchemaVersion() const noexcept { return schema_version_; }

  /// Deduplicates on (source, external_id) against stored rows and within
  /// `batch`: a second copy in the same batch is skipped like a stored one.
  /// Also stores each mention's brands and topics (duplicates in those lists
  /// are stored once). Ids are set only once the transaction has committed.
  Result<std::vector<std::size_t>> InsertMentions(
      std::vector<Mention>& batch) override;

  Result<std::int64_t> CountMentions() override;

  /// REQUIRES: width > 0, `from` a multiple of `width` since the Unix epoch,
  /// from <= to, and at most 1,000,000 buckets; otherwise InvalidArgument.
  /// The last bucket may be cut short by `to`. from == to gives no bucket.
  Result<std::vector<BucketCount>> CountByBucket(const std::string& brand,
                                                 TimePoint from, TimePoint to,
                                                 Millis width) override;
  Result<std::vector<BucketCount>> CountByBucketTopic(const std::string& brand,
                                                      const std::string& topic,
                                                      TimePoint from,
                                                      TimePoint to,
                                                      Millis width) override;

  Result<LabelCounts> CountLabels(const std::string& brand, TimePoint from,
                                  TimePoint to) override;

  /// kNegative: lowest compound first; kPositive: highest compound first;
  /// kNeutral: latest published first. Ties: latest published, then highest
  /// id. Brands and topics come back sorted by name. REQUIRES: limit >= 0.
  Result<std::vector<Mention>> SampleMentions(const std::string& brand,
                                              TimePoint from, TimePoint to,
                                              Label label, int limit) override;

  /// Acknowledged incidents count as active.
  Result<std::optional<Incident>> FindActiveIncident(
      const std::string& brand, const std::string& scenario) override;

  /// Ordered by opened_at, newest first, then by id, highest first.
  Result<std::vector<Mention>> ListMentions(TimePoint from, TimePoint to,
                                            std::int64_t after_id,
                                            int limit) override;
  Result<RatingStats> Ratings(const std::string& brand, TimePoint from,
                              TimePoint to) override;
  Result<std::vector<Incident>> ListIncidents() override;
  Result<std::vector<Incident>> ListActiveIncidents() override;
  Result<std::optional<Incident>> GetIncident(std::int64_t id) override;
  Result<std::vector<IncidentEvent>> ListIncidentEvents(
      std::int64_t id) override;
  Result<std::optional<TimePoint>> LastResolvedAt(
      const std::string& brand, const std::string& scenario) override;

  /// An update (id != 0) overwrites every field of that row; NotFound when
  /// there is no such row. Each notification must have id 0 (else
  /// InvalidArgument) and is stored with all its fields as given, except a
  /// zero incident_id, which becomes the incident's id. Rejected, with
  /// nothing stored, when the change would make a second active incident for
  /// the brand × scenario or a notification's idempotency key is already
  /// stored.
  Result<std::int64_t> ApplyIncidentChange(
      const IncidentChange& change) override;

  /// Oldest first means by created_at, then by id. REQUIRES: limit >= 0.
  Result<std::vector<OutboxMessage>> DueOutbox(TimePoint now,
                                               int limit) override;

  Result<std::int64_t> CountPendingOutbox() override;

  /// Sets state sent and sent_at whatever the row's state; NotFound when no
  /// row has `id`.
  Status MarkOutboxSent(std::int64_t id, TimePoint now) override;

  /// Leaves the row's state unchanged unless `dead`; NotFound when no row
  /// has `id`.
  Status MarkOutboxFailed(std::int64_t id, const std::string& error,
                          TimePoint next, bool dead) override;

 private:
  Result<std::vector<Incident>> QueryIncidents(const char* sql,
                                               std::string_view what);
  Result<std::vector<BucketCount>> CountBuckets(const std::string& brand,
                                                const std::string* topic,
                                                TimePoint from, TimePoint to,
                                                Millis width);
  class Impl;
  SqliteStore(std::unique_ptr<Impl> impl, int schema_version);

  // Constant after construction.
  const int schema_version_;

  // Protected by mu_: the connection and its cached statements.
  std::mutex mu_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie
