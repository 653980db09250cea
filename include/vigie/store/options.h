// StoreOptions: how the SQLite store opens its database.
//
// A plain value filled by config/; copy it freely.
#pragma once

namespace vigie {

/// Settings of SqliteStore::Open.
struct StoreOptions {
  // --- behaviour ---

  /// Durability of each commit. The store always runs in WAL mode.
  /// false (synchronous=NORMAL): a commit is appended to the WAL without
  /// fsync, like a plain `write()`; a power cut or kernel crash may lose the
  /// last few committed transactions but never corrupts the database (a
  /// process crash loses nothing). true (synchronous=FULL): every commit
  /// fsyncs the WAL, like `write()` then `fsync()`; nothing committed is lost,
  /// at the cost of one fsync per transaction.
  bool synchronous_full = false;

  /// How long a statement waits for another connection's lock before failing
  /// with "database is locked", in milliseconds. 0 fails at once.
  int busy_timeout_ms = 5000;
};

}  // namespace vigie
