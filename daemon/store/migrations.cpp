#include "store/migrations.h"

#include <sqlite3.h>

#include <array>
#include <string>

namespace vigie {

namespace {

// Migration 1: mentions with their brands and topics, incidents, outbox.
//
// mention_brands repeats published_ms and label so that bucket counts read one
// b-tree, ordered by (brand, published_ms). The partial unique index on
// incidents allows one unresolved (state 4) incident per brand × scenario;
// queries that look for it use the same `state <> 4` term so that SQLite can
// use the index.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE mentions (
  id               INTEGER PRIMARY KEY,
  source           TEXT    NOT NULL,
  external_id      TEXT    NOT NULL,
  url              TEXT    NOT NULL,
  author           TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  text             TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  published_ms     INTEGER NOT NULL,
  fetched_ms       INTEGER NOT NULL,
  rating           REAL,
  reach            INTEGER,
  compound         REAL    NOT NULL,
  label            INTEGER NOT NULL,
  rule_set_version INTEGER NOT NULL,
  UNIQUE (source, external_id)
);

CREATE TABLE mention_brands (
  mention_id   INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  brand        TEXT    NOT NULL,
  published_ms INTEGER NOT NULL,
  label        INTEGER NOT NULL,
  PRIMARY KEY (brand, published_ms, mention_id)
) WITHOUT ROWID;
CREATE INDEX mention_brands_by_mention ON mention_brands(mention_id);

CREATE TABLE mention_topics (
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  topic      TEXT    NOT NULL,
  PRIMARY KEY (mention_id, topic)
) WITHOUT ROWID;

CREATE TABLE incidents (
  id            INTEGER PRIMARY KEY,
  brand         TEXT    NOT NULL,
  scenario      TEXT    NOT NULL,
  severity      TEXT    NOT NULL,
  state         INTEGER NOT NULL,
  opened_ms     INTEGER NOT NULL,
  updated_ms    INTEGER NOT NULL,
  revision      INTEGER NOT NULL,
  evidence_json TEXT    NOT NULL
);
CREATE UNIQUE INDEX incidents_one_active
  ON incidents(brand, scenario) WHERE state <> 4;

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  incident_id     INTEGER REFERENCES incidents(id),
  channel         TEXT    NOT NULL,
  idempotency_key TEXT    NOT NULL UNIQUE,
  payload         TEXT    NOT NULL,
  state           INTEGER NOT NULL,
  attempts        INTEGER NOT NULL,
  created_ms      INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  sent_ms         INTEGER,
  last_error      TEXT    NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_ms);
CREATE INDEX outbox_by_incident ON outbox(incident_id);
)sql";

// Migration 2: the incident lifecycle. Each incident remembers when a signal
// last supported it (auto-resolve), when and at what count it last notified
// (rate-limited updates), and its count at opening and at its peak
// (escalation); every stored change is kept in incident_events.
constexpr std::string_view kMigration2 = R"sql(
ALTER TABLE incidents ADD COLUMN signal_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN notified_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN opening_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN peak_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN notified_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_by_brand_scenario ON incidents(brand, scenario, updated_ms);
CREATE INDEX mentions_by_published ON mentions(published_ms, id);

CREATE TABLE incident_events (
  id            INTEGER PRIMARY KEY,
  incident_id   INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  revision      INTEGER NOT NULL,
  state         INTEGER NOT NULL,
  at_ms         INTEGER NOT NULL,
  note          TEXT    NOT NULL,
  evidence_json TEXT    NOT NULL
);
CREATE INDEX incident_events_by_incident ON incident_events(incident_id, revision);
)sql";

// Migration 3: the near-duplicate key of each mention (NearDuplicateKey), so
// that bucket counts take copies once. Rows stored before it have none and
// count as distinct.
constexpr std::string_view kMigration3 = R"sql(
ALTER TABLE mention_brands ADD COLUMN near_key INTEGER;
)sql";

constexpr std::array<std::string_view, 3> kMigrations = {
    kMigration1, kMigration2, kMigration3};

// Runs `sql` (one or more statements) with sqlite3_exec.
Status Exec(sqlite3* db, const std::string& sql, std::string_view what) {
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, what);
  return Status::Ok();
}

void RollbackIfOpen(sqlite3* db) {
  if (sqlite3_get_autocommit(db) == 0) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Status NewerSchema(int found, std::size_t known) {
  return Status::Rejected(
      "store: database schema version " + std::to_string(found) +
      " is newer than this vigie (" + std::to_string(known) + ")");
}

}  // namespace

std::span<const std::string_view> StoreMigrations() noexcept {
  return kMigrations;
}

int LatestSchemaVersion() noexcept {
  return static_cast<int>(kMigrations.size());
}

Result<int> ReadSchemaVersion(sqlite3* db) {
  constexpr std::string_view kWhat = "store: read schema version";
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, kWhat);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    Status error = SqliteError(db, rc, kWhat);
    sqlite3_finalize(stmt);
    return error;
  }
  int version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return version;
}

Result<int> ApplyMigrations(sqlite3* db,
                            std::span<const std::string_view> migrations) {
  Result<int> before = ReadSchemaVersion(db);
  if (!before.ok()) return before.status();
  if (*before < 0 || static_cast<std::size_t>(*before) > migrations.size()) {
    return NewerSchema(*before, migrations.size());
  }
  for (;;) {
    // The version is read again inside the write transaction: another
    // process may have migrated the file since.
    if (Status s = Exec(db, "BEGIN IMMEDIATE", "store: migrate"); !s.ok()) {
      return s;
    }
    Result<int> version = ReadSchemaVersion(db);
    if (!version.ok()) {
      RollbackIfOpen(db);
      return version.status();
    }
    const int v = *version;
    if (v < 0 || static_cast<std::size_t>(v) > migrations.size()) {
      RollbackIfOpen(db);
      return NewerSchema(v, migrations.size());
    }
    if (static_cast<std::size_t>(v) == migrations.size()) {
      RollbackIfOpen(db);
      return v;
    }
    const std::string what = "store: migration " + std::to_string(v + 1);
    Status s = Exec(db, std::string(migrations[v]), what);
    if (s.ok()) {
      s = Exec(db, "PRAGMA user_version = " + std::to_string(v + 1), what);
    }
    if (s.ok()) s = Exec(db, "COMMIT", what);
    if (!s.ok()) {
      RollbackIfOpen(db);
      return s;
    }
  }
}

Result<int> Migrate(sqlite3* db) { return ApplyMigrations(db, kMigrations); }

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  const char* text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return Status::Rejected(what, text);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return Status::Unavailable(what, text);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(what, text);
    default:
      return Status::IOError(what, text);
  }
}

}  // namespace vigie
