#include "store/migrations.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace vigie {
namespace {

namespace fs = std::filesystem;

// A database file in a fresh temp directory, both removed at the end.
class TempDb {
 public:
  TempDb() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() /
           ("vigie-migrations-test-" + std::to_string(rd()) +
            std::to_string(rd()));
    fs::create_directories(dir_);
    REQUIRE(sqlite3_open((dir_ / "m.db").string().c_str(), &db_) == SQLITE_OK);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  ~TempDb() {
    sqlite3_close(db_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  sqlite3* db() const { return db_; }
  int Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  bool HasTable(const std::string& name) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_,
                               "SELECT 1 FROM sqlite_master WHERE name = ?", -1,
                               &stmt, nullptr) == SQLITE_OK);
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    const bool found = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return found;
  }
  int Version() {
    Result<int> v = ReadSchemaVersion(db_);
    REQUIRE(v.ok());
    return *v;
  }

 private:
  fs::path dir_;
  sqlite3* db_ = nullptr;
};

TEST_CASE("migrations: a fresh database gets the whole schema") {
  TempDb t;
  CHECK(t.Version() == 0);
  CHECK(LatestSchemaVersion() == static_cast<int>(StoreMigrations().size()));
  Result<int> v = Migrate(t.db());
  REQUIRE_MESSAGE(v.ok(), v.status().ToString());
  CHECK(*v == LatestSchemaVersion());
  CHECK(t.Version() == LatestSchemaVersion());
  for (const char* table :
       {"mentions", "mention_brands", "mention_topics", "incidents", "outbox",
        "incidents_one_active", "outbox_due"}) {
    CAPTURE(table);
    CHECK(t.HasTable(table));
  }

  // Running again changes nothing.
  v = Migrate(t.db());
  REQUIRE(v.ok());
  CHECK(*v == LatestSchemaVersion());
}

TEST_CASE("migrations: the partial index allows one unresolved incident") {
  TempDb t;
  REQUIRE(Migrate(t.db()).ok());
  const std::string insert =
      "INSERT INTO incidents (brand, scenario, severity, state, opened_ms,"
      " updated_ms, revision, evidence_json) VALUES ('acme', 'spike', 'info', ";
  CHECK(t.Exec(insert + "1, 0, 0, 1, '{}')") == SQLITE_OK);
  CHECK(t.Exec(insert + "5, 0, 0, 1, '{}')") == SQLITE_CONSTRAINT);
  CHECK(t.Exec(insert + "4, 0, 0, 1, '{}')") == SQLITE_OK);
  CHECK(t.Exec(insert + "4, 0, 0, 1, '{}')") == SQLITE_OK);
}

TEST_CASE("migrations: each step commits alone; a failing one rolls back") {
  TempDb t;
  const std::vector<std::string_view> steps = {
      "CREATE TABLE a (x INTEGER);",
      "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;",
  };
  Result<int> v = ApplyMigrations(t.db(), steps);
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().kind() == Status::Kind::kIOError);
  CHECK(v.status().message().find("store: migration 2: ") == 0);
  CHECK(v.status().message().find("syntax error") != std::string::npos);
  CHECK(t.Version() == 1);
  CHECK(t.HasTable("a"));
  CHECK_FALSE(t.HasTable("b"));
  CHECK(sqlite3_get_autocommit(t.db()) != 0);  // no transaction left open

  // Fixed script: resumes from version 1.
  const std::vector<std::string_view> fixed = {
      "CREATE TABLE a (x INTEGER);",
      "CREATE TABLE b (y INTEGER);",
  };
  v = ApplyMigrations(t.db(), fixed);
  REQUIRE(v.ok());
  CHECK(*v == 2);
  CHECK(t.HasTable("b"));
}

TEST_CASE("migrations: a newer database is refused and left alone") {
  TempDb t;
  REQUIRE(t.Exec("PRAGMA user_version = 7") == SQLITE_OK);
  Result<int> v = Migrate(t.db());
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().IsRejected());
  CHECK(v.status().message() ==
        "store: database schema version 7 is newer than this vigie (" +
            std::to_string(LatestSchemaVersion()) + ")");
  CHECK(t.Version() == 7);
  CHECK_FALSE(t.HasTable("mentions"));
}

TEST_CASE("migrations: SQLite errors map to status kinds") {
  TempDb t;
  REQUIRE(t.Exec("CREATE TABLE u (k TEXT UNIQUE)") == SQLITE_OK);
  REQUIRE(t.Exec("INSERT INTO u VALUES ('x')") == SQLITE_OK);
  int rc = t.Exec("INSERT INTO u VALUES ('x')");
  Status s = SqliteError(t.db(), rc, "store: test");
  CHECK(s.IsRejected());
  CHECK(s.message() == "store: test: UNIQUE constraint failed: u.k");
  CHECK(SqliteError(nullptr, SQLITE_NOTADB, "store: test").kind() ==
        Status::Kind::kCorruption);
  CHECK(SqliteError(nullptr, SQLITE_FULL, "store: test").kind() ==
        Status::Kind::kUnavailable);
  CHECK(SqliteError(nullptr, SQLITE_BUSY, "store: test").kind() ==
        Status::Kind::kUnavailable);
  CHECK(SqliteError(nullptr, SQLITE_IOERR_WRITE, "store: test").kind() ==
        Status::Kind::kUnavailable);
  CHECK(SqliteError(nullptr, SQLITE_ERROR, "store: test").kind() ==
        Status::Kind::kIOError);
}

}  // namespace
}  // namespace vigie
