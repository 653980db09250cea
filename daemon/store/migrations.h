// Schema migrations of the SQLite store (internal to daemon/store).
//
// The schema version is PRAGMA user_version: 0 for an empty database, N once
// the first N migrations are applied. Migrations are append-only: a released
// script is never edited, a change is a new script at the end.
// Thread-safety: the functions use the connection they are given; the caller
// makes sure no other thread uses it meanwhile.
#pragma once

#include <span>
#include <string_view>

#include "vigie/core/result.h"
#include "vigie/core/status.h"

struct sqlite3;

namespace vigie {

/// The SQL scripts of every migration, in order; script i brings the schema
/// from version i to i + 1.
std::span<const std::string_view> StoreMigrations() noexcept;

/// The schema version this build writes: the number of migrations.
int LatestSchemaVersion() noexcept;

/// Reads PRAGMA user_version.
Result<int> ReadSchemaVersion(sqlite3* db);

/// Applies the scripts of `migrations` beyond the database's version, each
/// with its version bump in its own IMMEDIATE transaction, so a failing
/// script leaves the database at the previous version. Returns the final
/// version. Fails with Rejected when the database is newer than
/// `migrations.size()`. REQUIRES: no transaction open on `db`.
Result<int> ApplyMigrations(sqlite3* db,
                            std::span<const std::string_view> migrations);

/// ApplyMigrations(db, StoreMigrations()).
Result<int> Migrate(sqlite3* db);

/// The Status for SQLite result code `rc` from the last call on `db` (which
/// may be null): "what: <sqlite3_errmsg>". Rejected for a violated constraint,
/// Corruption for a damaged file or one that is not a database, Unavailable
/// for what may pass (a lock held elsewhere, a full disk, a failed read or
/// write: busy, locked, full, ioerr), IOError for everything else. Shared with sqlite_store.cpp. REQUIRES: rc is an error.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace vigie
