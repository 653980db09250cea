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

TEST_CASE("A failed commit makes the writer refuse further batches") {
  testing::TempDir dir;
  const std::string path = dir.file("v.db");
  auto store = SqliteStore::Open(path, StoreOptions{false, 50});
  REQUIRE(store.ok());
  // Another connection holds the write lock: the writer's commit fails.
  Writer writer(**store, nullptr);
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  writer.Start();
  CHECK(writer.Submit({M("a")}));
  CHECK(writer.WaitIdle(Millis(5000)));
  CHECK_FALSE(writer.failure().ok());
  CHECK_FALSE(writer.Submit({M("b")}));
  sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  writer.Stop();
  CHECK(*(*store)->CountMentions() == 0);
}

}  // namespace vigie
