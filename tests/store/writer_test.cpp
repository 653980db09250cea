#include "vigie/store/writer.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {
Mention M(const std::string& id) {
  Mention m;
  m.source = "feed";
  m.external_id = id;
  m.text = id;
  m.brands = {"Acme"};
  m.published = FromUnixMillis(1793602800000);
  return m;
}
// Another connection holding the write lock of the database at `path`.
class WriteLock {
 public:
  explicit WriteLock(const std::string& path) {
    REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
  }
  ~WriteLock() { Release(); }
  void Release() {
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

TEST_CASE("Writer stores batches, reports only new mentions, drains on Stop") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  std::atomic<int> committed{0};
  Writer writer(**store, [&](const std::vector<Mention>& inserted) {
    for (const Mention& m : inserted) CHECK(m.id > 0);
    committed += static_cast<int>(inserted.size());
  });
  writer.Start();
  for (int b = 0; b < 20; ++b) {
    std::vector<Mention> batch;
    for (int i = 0; i < 10; ++i) batch.push_back(M(std::to_string(b * 5 + i)));
    CHECK(writer.Submit(std::move(batch)));
  }
  writer.Stop();
  // Batches overlap by half: 0..104 are distinct.
  CHECK(writer.inserted() == 105);
  CHECK(writer.duplicates() == 95);
  CHECK(committed.load() == 105);
  CHECK(*(*store)->CountMentions() == 105);
  CHECK_FALSE(writer.Submit({M("late")}));
}

TEST_CASE("A locked database delays the batch; it is written once free") {
  testing::TempDir dir;
  const std::string path = dir.file("v.db");
  auto store = SqliteStore::Open(path, StoreOptions{false, 50});
  REQUIRE(store.ok());
  // Another connection holds the write lock: the writer's commit fails.
  std::atomic<int> committed{0};
  WriterOptions options;
  options.retry_initial = Millis(20);
  options.retry_max = Millis(50);
  Writer writer(
      **store,
      [&](const std::vector<Mention>& in) {
        committed += static_cast<int>(in.size());
      },
      options);
  WriteLock lock(path);
  writer.Start();
  CHECK(writer.Submit({M("a")}));
  CHECK_FALSE(writer.WaitIdle(Millis(300)));
  CHECK(writer.failure().IsUnavailable());
  CHECK(writer.failure().message().find("database is locked") !=
        std::string::npos);
  // Still accepting while the lock is held.
  CHECK(writer.Submit({M("b"), M("a")}));
  lock.Release();
  CHECK(writer.WaitIdle(Millis(5000)));
  CHECK(writer.failure().ok());
  writer.Stop();
  CHECK(*(*store)->CountMentions() == 2);
  CHECK(committed.load() == 2);
  CHECK(writer.duplicates() == 1);
}

TEST_CASE("Stop gives a failing batch one last try, then gives up") {
  testing::TempDir dir;
  const std::string path = dir.file("v.db");
  auto store = SqliteStore::Open(path, StoreOptions{false, 50});
  REQUIRE(store.ok());
  WriterOptions options;
  options.retry_initial = Millis(10000);
  Writer writer(**store, nullptr, options);
  WriteLock lock(path);
  writer.Start();
  CHECK(writer.Submit({M("a")}));
  CHECK_FALSE(writer.WaitIdle(Millis(200)));
  const auto before = std::chrono::steady_clock::now();
  writer.Stop();  // does not wait out the 10 s backoff
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
  CHECK_FALSE(writer.Submit({M("b")}));
  lock.Release();
  CHECK(*(*store)->CountMentions() == 0);
}

TEST_CASE("A damaged database makes the writer refuse further batches") {
  testing::TempDir dir;
  const std::string path = dir.file("v.db");
  auto store = SqliteStore::Open(path, StoreOptions{false, 50});
  REQUIRE(store.ok());
  // Another connection replaces a table with one the insert cannot use: the
  // error is not one that passes.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw,
                       "PRAGMA foreign_keys=OFF; DROP TABLE mention_brands; "
                       "CREATE TABLE mention_brands(x)",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  Writer writer(**store, nullptr);
  writer.Start();
  CHECK(writer.Submit({M("a")}));
  CHECK(writer.WaitIdle(Millis(5000)));
  CHECK_FALSE(writer.failure().ok());
  CHECK_FALSE(writer.failure().IsUnavailable());
  CHECK_FALSE(writer.Submit({M("b")}));
  const Status refused = writer.TrySubmit({M("c")});
  CHECK(refused.kind() == Status::Kind::kRejected);
  writer.Stop();
}

TEST_CASE("TrySubmit never waits: a full queue is Unavailable, room is OK") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  Writer writer(**store, nullptr, WriterOptions{.queue_batches = 2});
  // Not started: nothing drains the queue.
  CHECK(writer.TrySubmit({M("a")}).ok());
  CHECK(writer.TrySubmit({}).ok());  // empty: nothing to queue
  CHECK(writer.TrySubmit({M("b")}).ok());
  const auto before = std::chrono::steady_clock::now();
  const Status full = writer.TrySubmit({M("c")});
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(1));
  CHECK(full.IsUnavailable());
  CHECK(full.ToString().find("queue full") != std::string::npos);
  // Once the writer drains the queue there is room again; the refused
  // batch was not kept.
  writer.Start();
  REQUIRE(writer.WaitIdle(Millis(5000)));
  CHECK(writer.TrySubmit({M("d")}).ok());
  REQUIRE(writer.WaitIdle(Millis(5000)));
  CHECK(*(*store)->CountMentions() == 3);
  writer.Stop();
  CHECK(writer.TrySubmit({M("e")}).kind() == Status::Kind::kRejected);
}

}  // namespace vigie
