#include "vigie/store/sqlite_store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "store/migrations.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kBase = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
constexpr Millis kHour{3'600'000};

TimePoint At(Millis offset) { return FromUnixMillis(kBase) + offset; }

// A fresh directory under the system temp dir, removed with its content.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("vigie-store-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  fs::path path_;
};

// A second, raw connection to the same file, as another process would hold.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
  }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb() { sqlite3_close(db_); }
  int Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  std::string QueryText(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) ==
            SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* p = sqlite3_column_text(stmt, 0);
      if (p != nullptr) out = reinterpret_cast<const char*>(p);
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::unique_ptr<SqliteStore> OpenOrDie(const std::string& path,
                                       const StoreOptions& options = {}) {
  auto store = SqliteStore::Open(path, options);
  REQUIRE_MESSAGE(store.ok(), store.status().ToString());
  return std::move(store).value();
}

Mention MakeMention(const std::string& external_id, Millis published,
                    Label label = Label::kNeutral, double compound = 0.0,
                    std::vector<std::string> brands = {"acme"}) {
  Mention m;
  m.source = "trustpilot-acme";
  m.external_id = external_id;
  m.url = "https://example.com/" + external_id;
  m.author = "someone";
  m.title = "title " + external_id;
  m.text = "text of " + external_id;
  m.language = "fr";
  m.published = At(published);
  m.fetched = At(published + Millis(1000));
  m.brands = std::move(brands);
  m.compound = compound;
  m.label = label;
  m.rule_set_version = 3;
  return m;
}

Incident MakeIncident(const std::string& brand, const std::string& scenario,
                      IncidentState state, Millis opened) {
  Incident i;
  i.brand = brand;
  i.scenario = scenario;
  i.severity = "warning";
  i.state = state;
  i.opened_at = At(opened);
  i.updated_at = At(opened);
  i.evidence_json = R"({"count":12})";
  return i;
}

OutboxMessage MakeMessage(const std::string& key, Millis created) {
  OutboxMessage o;
  o.channel = "slack";
  o.idempotency_key = key;
  o.payload = R"({"text":"hello"})";
  o.created_at = At(created);
  o.next_attempt_at = At(created);
  return o;
}

std::int64_t Count(SqliteStore& store) {
  auto n = store.CountMentions();
  REQUIRE(n.ok());
  return *n;
}

TEST_CASE("SqliteStore: open creates a WAL database at the latest schema") {
  TempDir dir;
  const std::string path = dir.File("vigie.db");
  auto store = OpenOrDie(path);
  CHECK(fs::exists(path));
  CHECK(store->SchemaVersion() == LatestSchemaVersion());
  CHECK(store->SchemaVersion() >= 1);

  RawDb raw(path);
  CHECK(raw.QueryText("PRAGMA journal_mode") == "wal");
  CHECK(raw.QueryText("PRAGMA user_version") ==
        std::to_string(LatestSchemaVersion()));
  CHECK(Count(*store) == 0);
}

TEST_CASE("SqliteStore: options reach the connection") {
  TempDir dir;
  StoreOptions options;
  options.synchronous_full = true;
  options.busy_timeout_ms = 0;
  auto store = OpenOrDie(dir.File("full.db"), options);
  CHECK(store->SchemaVersion() == LatestSchemaVersion());

  options.busy_timeout_ms = -1;
  auto bad = SqliteStore::Open(dir.File("bad.db"), options);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsInvalidArgument());
}

TEST_CASE("SqliteStore: insert deduplicates across and within batches") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));

  std::vector<Mention> first = {MakeMention("a", Millis(0)),
                                MakeMention("b", Millis(1)),
                                MakeMention("a", Millis(2))};
  auto added = store->InsertMentions(first);
  REQUIRE_MESSAGE(added.ok(), added.status().ToString());
  CHECK(*added == std::vector<std::size_t>{0, 1});
  CHECK(first[0].id > 0);
  CHECK(first[1].id > 0);
  CHECK(first[0].id != first[1].id);
  CHECK(first[2].id == 0);
  CHECK(Count(*store) == 2);

  // Same external id from another source is a different mention.
  Mention other_source = MakeMention("a", Millis(3));
  other_source.source = "rss-news";
  std::vector<Mention> second = {MakeMention("b", Millis(4)),
                                 MakeMention("c", Millis(5)), other_source};
  added = store->InsertMentions(second);
  REQUIRE(added.ok());
  CHECK(*added == std::vector<std::size_t>{1, 2});
  CHECK(second[0].id == 0);
  CHECK(second[1].id > first[1].id);
  CHECK(Count(*store) == 4);

  std::vector<Mention> empty;
  added = store->InsertMentions(empty);
  REQUIRE(added.ok());
  CHECK(added->empty());
}

TEST_CASE("SqliteStore: mentions survive close and reopen, all fields") {
  TempDir dir;
  const std::string path = dir.File("vigie.db");
  Mention m = MakeMention("x1", Millis(5000), Label::kNegative, -0.75,
                          {"zeta", "acme", "acme"});
  m.rating = 1.5;
  m.reach = 42;
  m.topics = {"shipping", "refund", "shipping"};
  m.text = "l\xC3\xA9gume \xE2\x82\xAC";  // non-ASCII UTF-8
  {
    auto store = OpenOrDie(path);
    std::vector<Mention> batch = {m, MakeMention("x2", Millis(6000))};
    REQUIRE(store->InsertMentions(batch).ok());
    m.id = batch[0].id;
  }
  auto store = OpenOrDie(path);
  CHECK(store->SchemaVersion() == LatestSchemaVersion());
  CHECK(Count(*store) == 2);

  auto sample = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                      Label::kNegative, 10);
  REQUIRE(sample.ok());
  REQUIRE(sample->size() == 1);
  const Mention& got = sample->front();
  CHECK(got.id == m.id);
  CHECK(got.source == m.source);
  CHECK(got.external_id == m.external_id);
  CHECK(got.url == m.url);
  CHECK(got.author == m.author);
  CHECK(got.title == m.title);
  CHECK(got.text == m.text);
  CHECK(got.language == m.language);
  CHECK(got.published == m.published);
  CHECK(got.fetched == m.fetched);
  REQUIRE(got.rating.has_value());
  CHECK(*got.rating == doctest::Approx(1.5));
  REQUIRE(got.reach.has_value());
  CHECK(*got.reach == 42);
  CHECK(got.compound == doctest::Approx(-0.75));
  CHECK(got.label == Label::kNegative);
  CHECK(got.rule_set_version == 3);
  CHECK(got.brands == std::vector<std::string>{"acme", "zeta"});
  CHECK(got.topics == std::vector<std::string>{"refund", "shipping"});

  // The other brand sees it too; optional fields come back empty when unset.
  auto zeta = store->SampleMentions("zeta", At(Millis(0)), At(kHour),
                                    Label::kNegative, 10);
  REQUIRE(zeta.ok());
  CHECK(zeta->size() == 1);
  auto neutral = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                       Label::kNeutral, 10);
  REQUIRE(neutral.ok());
  REQUIRE(neutral->size() == 1);
  CHECK_FALSE(neutral->front().rating.has_value());
  CHECK_FALSE(neutral->front().reach.has_value());
  CHECK(neutral->front().topics.empty());
}

TEST_CASE("SqliteStore: near-duplicates count once per bucket") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  std::vector<Mention> batch = {
      MakeMention("a", Millis(0), Label::kNegative, -0.5),
      MakeMention("b", Millis(10), Label::kNegative, -0.5),
      MakeMention("c", Millis(20), Label::kNegative, -0.5),
      MakeMention("d", kHour + Millis(20), Label::kNegative, -0.5),
      MakeMention("e", Millis(30), Label::kPositive, 0.5),
  };
  batch[1].text = "RT @someone: " + batch[0].text + " https://t.co/x";
  batch[3].text = batch[0].text;  // the same words an hour later
  batch[0].topics = batch[1].topics = {"hygiene"};
  REQUIRE(store->InsertMentions(batch).ok());
  auto buckets =
      store->CountByBucket("acme", At(Millis(0)), At(2 * kHour), kHour);
  REQUIRE(buckets.ok());
  REQUIRE(buckets->size() == 2);
  CHECK((*buckets)[0].total == 3);
  CHECK((*buckets)[0].negative == 2);
  CHECK((*buckets)[1].total == 1);
  auto topic = store->CountByBucketTopic("acme", "hygiene", At(Millis(0)),
                                         At(kHour), kHour);
  REQUIRE(topic.ok());
  CHECK(topic->front().total == 1);
  CHECK(topic->front().negative == 1);
}

TEST_CASE("SqliteStore: samples show one mention per near-duplicate group") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  std::vector<Mention> batch = {
      MakeMention("repost", Millis(30), Label::kNegative, -0.9),
      MakeMention("original", Millis(10), Label::kNegative, -0.8),
      MakeMention("other", Millis(20), Label::kNegative, -0.5),
      MakeMention("repost2", Millis(40), Label::kNegative, -0.9),
  };
  batch[1].text = "Un cafard dans ma salade, c'est honteux";
  batch[0].text = "RT @someone: " + batch[1].text + " https://t.co/x";
  batch[3].text = batch[1].text + " via @someone";
  REQUIRE(store->InsertMentions(batch).ok());

  auto sample = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                      Label::kNegative, 10);
  REQUIRE(sample.ok());
  REQUIRE(sample->size() == 2);
  CHECK((*sample)[0].external_id == "original");
  CHECK((*sample)[1].external_id == "other");

  // Outside the range, a repost stands for its group.
  auto later = store->SampleMentions("acme", At(Millis(25)), At(kHour),
                                     Label::kNegative, 10);
  REQUIRE(later.ok());
  REQUIRE(later->size() == 1);
  CHECK(later->front().external_id == "repost");
}

TEST_CASE("SqliteStore: bucket counts are aligned, zero-filled and per brand") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  std::vector<Mention> batch = {
      MakeMention("h0a", Millis(0), Label::kNegative, -0.5),
      MakeMention("h0b", kHour - Millis(1), Label::kPositive, 0.5),
      MakeMention("h2a", 2 * kHour, Label::kNegative, -0.9),
      MakeMention("h2b", 2 * kHour + Millis(10), Label::kNegative, -0.2),
      MakeMention("h2c", 2 * kHour + Millis(20), Label::kNeutral, 0.0),
      MakeMention("h3a", 3 * kHour + Millis(5), Label::kNeutral, 0.0),
      MakeMention("h4", 4 * kHour, Label::kNegative, -0.5),  // at `to`: out
      MakeMention("before", -Millis(1), Label::kNegative, -0.5),  // out
      MakeMention("other", 2 * kHour, Label::kNegative, -0.5, {"globex"}),
  };
  REQUIRE(store->InsertMentions(batch).ok());

  auto buckets =
      store->CountByBucket("acme", At(Millis(0)), At(4 * kHour), kHour);
  REQUIRE_MESSAGE(buckets.ok(), buckets.status().ToString());
  REQUIRE(buckets->size() == 4);
  const std::int64_t totals[] = {2, 0, 3, 1};
  const std::int64_t negatives[] = {1, 0, 2, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK((*buckets)[i].start == At(static_cast<int>(i) * kHour));
    CHECK((*buckets)[i].total == totals[i]);
    CHECK((*buckets)[i].negative == negatives[i]);
  }

  // A `to` inside a bucket gives a last, shorter bucket.
  buckets = store->CountByBucket("acme", At(Millis(0)),
                                 At(2 * kHour + Millis(15)), kHour);
  REQUIRE(buckets.ok());
  REQUIRE(buckets->size() == 3);
  CHECK((*buckets)[2].total == 2);
  CHECK((*buckets)[2].negative == 2);

  buckets = store->CountByBucket("nobody", At(Millis(0)), At(4 * kHour), kHour);
  REQUIRE(buckets.ok());
  REQUIRE(buckets->size() == 4);
  for (const BucketCount& b : *buckets) CHECK(b.total == 0);

  buckets = store->CountByBucket("acme", At(kHour), At(kHour), kHour);
  REQUIRE(buckets.ok());
  CHECK(buckets->empty());
}

TEST_CASE("SqliteStore: bad bucket arguments are rejected") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  auto r = store->CountByBucket("acme", At(Millis(1)), At(kHour), kHour);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  CHECK(r.status().message().find("not aligned") != std::string::npos);

  r = store->CountByBucket("acme", At(Millis(0)), At(kHour), Millis(0));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());

  r = store->CountByBucket("acme", At(kHour), At(Millis(0)), kHour);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());

  r = store->CountByBucket("acme", At(Millis(0)), At(kHour * 24 * 365),
                           Millis(1));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());

  r = store->CountByBucket("acme", FromUnixMillis(INT64_MIN),
                           FromUnixMillis(INT64_MAX), Millis(1));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
}

TEST_CASE("SqliteStore: label counts and samples in order") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  std::vector<Mention> batch = {
      MakeMention("n1", Millis(10), Label::kNegative, -0.3),
      MakeMention("n2", Millis(20), Label::kNegative, -0.9),
      MakeMention("n3", Millis(30), Label::kNegative, -0.6),
      MakeMention("p1", Millis(40), Label::kPositive, 0.4),
      MakeMention("p2", Millis(50), Label::kPositive, 0.8),
      MakeMention("z1", Millis(60), Label::kNeutral, 0.0),
      MakeMention("z2", Millis(70), Label::kNeutral, 0.01),
      MakeMention("late", kHour, Label::kNegative, -1.0),  // outside [0, 1h)
  };
  REQUIRE(store->InsertMentions(batch).ok());

  auto counts = store->CountLabels("acme", At(Millis(0)), At(kHour));
  REQUIRE(counts.ok());
  CHECK(counts->negative == 3);
  CHECK(counts->positive == 2);
  CHECK(counts->neutral == 2);
  CHECK(counts->total() == 7);

  auto ids = [](const std::vector<Mention>& ms) {
    std::vector<std::string> out;
    for (const Mention& m : ms) out.push_back(m.external_id);
    return out;
  };
  auto neg = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                   Label::kNegative, 2);
  REQUIRE(neg.ok());
  CHECK(ids(*neg) == std::vector<std::string>{"n2", "n3"});
  auto pos = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                   Label::kPositive, 10);
  REQUIRE(pos.ok());
  CHECK(ids(*pos) == std::vector<std::string>{"p2", "p1"});
  auto neutral = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                       Label::kNeutral, 10);
  REQUIRE(neutral.ok());
  CHECK(ids(*neutral) == std::vector<std::string>{"z2", "z1"});

  auto none = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                    Label::kNegative, 0);
  REQUIRE(none.ok());
  CHECK(none->empty());
  auto bad = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                                   Label::kNegative, -1);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsInvalidArgument());
  bad = store->SampleMentions("acme", At(Millis(0)), At(kHour),
                              static_cast<Label>(7), 3);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsInvalidArgument());
}

TEST_CASE("SqliteStore: one active incident per brand and scenario") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));

  IncidentChange open{
      MakeIncident("acme", "spike", IncidentState::kOpen, Millis(0)),
      {MakeMessage("k-open", Millis(0))}};
  auto id = store->ApplyIncidentChange(open);
  REQUIRE_MESSAGE(id.ok(), id.status().ToString());
  CHECK(*id > 0);

  auto active = store->FindActiveIncident("acme", "spike");
  REQUIRE(active.ok());
  REQUIRE(active->has_value());
  CHECK((*active)->id == *id);
  CHECK((*active)->state == IncidentState::kOpen);
  CHECK((*active)->severity == "warning");
  CHECK((*active)->evidence_json == R"({"count":12})");
  CHECK((*active)->revision == 1);

  // Its notification was stored with the new incident's id.
  auto due = store->DueOutbox(At(Millis(0)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK(due->front().incident_id == *id);

  // A second active one for the same pair is rejected with its notification.
  IncidentChange dup{
      MakeIncident("acme", "spike", IncidentState::kOpen, Millis(10)),
      {MakeMessage("k-dup", Millis(10))}};
  auto rejected = store->ApplyIncidentChange(dup);
  REQUIRE_FALSE(rejected.ok());
  CHECK(rejected.status().IsRejected());
  CHECK(rejected.status().message().find("store: apply incident change") == 0);
  auto pending = store->CountPendingOutbox();
  REQUIRE(pending.ok());
  CHECK(*pending == 1);
  auto all = store->ListIncidents();
  REQUIRE(all.ok());
  CHECK(all->size() == 1);

  // Other scenario or brand: fine.
  REQUIRE(
      store
          ->ApplyIncidentChange(
              {MakeIncident("acme", "drop", IncidentState::kOpen, Millis(20)),
               {}})
          .ok());
  REQUIRE(
      store
          ->ApplyIncidentChange({MakeIncident("globex", "spike",
                                              IncidentState::kOpen, Millis(30)),
                                 {}})
          .ok());

  // Acknowledged still counts as active.
  Incident acked = **active;
  acked.state = IncidentState::kAcknowledged;
  acked.revision = 2;
  acked.updated_at = At(Millis(40));
  REQUIRE(store->ApplyIncidentChange({acked, {}}).ok());
  active = store->FindActiveIncident("acme", "spike");
  REQUIRE(active.ok());
  REQUIRE(active->has_value());
  CHECK((*active)->state == IncidentState::kAcknowledged);
  CHECK((*active)->revision == 2);
  CHECK(store->ApplyIncidentChange(dup).status().IsRejected());

  // Once resolved, a new episode may open.
  Incident resolved = acked;
  resolved.state = IncidentState::kResolved;
  resolved.revision = 3;
  REQUIRE(store->ApplyIncidentChange({resolved, {}}).ok());
  active = store->FindActiveIncident("acme", "spike");
  REQUIRE(active.ok());
  CHECK_FALSE(active->has_value());
  auto second = store->ApplyIncidentChange(dup);
  REQUIRE(second.ok());
  CHECK(*second != *id);

  // Reopening the resolved one now would make two active ones.
  Incident reopened = resolved;
  reopened.state = IncidentState::kUpdated;
  CHECK(store->ApplyIncidentChange({reopened, {}}).status().IsRejected());

  all = store->ListIncidents();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 4);
  CHECK((*all)[0].opened_at == At(Millis(30)));  // newest first
  CHECK((*all)[3].opened_at == At(Millis(0)));
  CHECK((*all)[3].state == IncidentState::kResolved);
}

TEST_CASE("SqliteStore: a failing incident change stores nothing") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  auto id = store->ApplyIncidentChange(
      {MakeIncident("acme", "spike", IncidentState::kOpen, Millis(0)),
       {MakeMessage("k1", Millis(0))}});
  REQUIRE(id.ok());

  Incident update =
      MakeIncident("acme", "spike", IncidentState::kEscalated, Millis(0));
  update.id = *id;
  update.severity = "critical";
  update.revision = 2;
  auto r = store->ApplyIncidentChange(
      {update, {MakeMessage("k2", Millis(5)), MakeMessage("k1", Millis(5))}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsRejected());
  CHECK(r.status().message().find("k1") != std::string::npos);

  auto active = store->FindActiveIncident("acme", "spike");
  REQUIRE(active.ok());
  REQUIRE(active->has_value());
  CHECK((*active)->state == IncidentState::kOpen);
  CHECK((*active)->severity == "warning");
  auto pending = store->CountPendingOutbox();
  REQUIRE(pending.ok());
  CHECK(*pending == 1);

  Incident ghost = update;
  ghost.id = *id + 100;
  r = store->ApplyIncidentChange({ghost, {MakeMessage("k3", Millis(5))}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsNotFound());
  CHECK(*store->CountPendingOutbox() == 1);

  OutboxMessage stored = MakeMessage("k4", Millis(5));
  stored.id = 9;
  r = store->ApplyIncidentChange({update, {stored}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());

  OutboxMessage orphan = MakeMessage("k5", Millis(5));
  orphan.incident_id = *id + 100;
  r = store->ApplyIncidentChange({update, {orphan}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsRejected());
  CHECK((*store->FindActiveIncident("acme", "spike"))->severity == "warning");
}

TEST_CASE("SqliteStore: outbox lifecycle") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  auto id = store->ApplyIncidentChange(
      {MakeIncident("acme", "spike", IncidentState::kOpen, Millis(0)),
       {MakeMessage("a", Millis(0)), MakeMessage("b", Millis(1))}});
  REQUIRE(id.ok());
  CHECK(*store->CountPendingOutbox() == 2);

  auto due = store->DueOutbox(At(Millis(0)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);  // "b" is due only from 1 ms
  due = store->DueOutbox(At(Millis(1)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 2);
  CHECK((*due)[0].idempotency_key == "a");  // oldest first
  CHECK((*due)[1].idempotency_key == "b");
  CHECK((*due)[0].state == OutboxState::kPending);
  CHECK((*due)[0].attempts == 0);
  CHECK_FALSE((*due)[0].sent_at.has_value());
  CHECK((*due)[0].payload == R"({"text":"hello"})");
  CHECK((*due)[0].channel == "slack");
  due = store->DueOutbox(At(Millis(1)), 1);
  REQUIRE(due.ok());
  CHECK(due->size() == 1);

  const std::int64_t a = (*store->DueOutbox(At(Millis(1)), 1))[0].id;
  // Failed: next attempt in the future, so not due now, still pending.
  REQUIRE(
      store->MarkOutboxFailed(a, "http 503", At(Millis(60'000)), false).ok());
  due = store->DueOutbox(At(Millis(10)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK((*due)[0].idempotency_key == "b");
  CHECK(*store->CountPendingOutbox() == 2);

  // Due again once the time comes, with the failure recorded.
  due = store->DueOutbox(At(Millis(60'000)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 2);
  CHECK((*due)[0].id == a);
  CHECK((*due)[0].attempts == 1);
  CHECK((*due)[0].last_error == "http 503");
  CHECK((*due)[0].next_attempt_at == At(Millis(60'000)));

  REQUIRE(store->MarkOutboxSent(a, At(Millis(60'500))).ok());
  CHECK(*store->CountPendingOutbox() == 1);
  due = store->DueOutbox(At(Millis(120'000)), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  const std::int64_t b = (*due)[0].id;
  CHECK(b != a);

  // Dead letter: no longer pending nor due.
  REQUIRE(store->MarkOutboxFailed(b, "http 400", At(Millis(0)), true).ok());
  CHECK(*store->CountPendingOutbox() == 0);
  due = store->DueOutbox(At(Millis(999'999'999)), 10);
  REQUIRE(due.ok());
  CHECK(due->empty());

  Status s = store->MarkOutboxSent(12345, At(Millis(0)));
  CHECK(s.IsNotFound());
  CHECK(s.message().find("12345") != std::string::npos);
  CHECK(store->MarkOutboxFailed(12345, "x", At(Millis(0)), false).IsNotFound());
  CHECK(store->DueOutbox(At(Millis(0)), -1).status().IsInvalidArgument());
}

TEST_CASE("SqliteStore: a locked database fails the batch and stores nothing") {
  TempDir dir;
  const std::string path = dir.File("vigie.db");
  StoreOptions options;
  options.busy_timeout_ms = 50;
  auto store = OpenOrDie(path, options);

  RawDb locker(path);
  REQUIRE(locker.Exec("BEGIN IMMEDIATE") == SQLITE_OK);
  std::vector<Mention> batch = {MakeMention("a", Millis(0)),
                                MakeMention("b", Millis(1))};
  auto r = store->InsertMentions(batch);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == Status::Kind::kUnavailable);
  CHECK(r.status().message() == "store: insert mentions: database is locked");
  CHECK(batch[0].id == 0);
  CHECK(batch[1].id == 0);
  REQUIRE(locker.Exec("ROLLBACK") == SQLITE_OK);

  CHECK(Count(*store) == 0);
  auto again = store->InsertMentions(batch);
  REQUIRE(again.ok());
  CHECK(again->size() == 2);
}

TEST_CASE("SqliteStore: a failure in mid-batch rolls the whole batch back") {
  TempDir dir;
  const std::string path = dir.File("vigie.db");
  auto store = OpenOrDie(path);
  {
    RawDb raw(path);
    REQUIRE(raw.Exec("CREATE TRIGGER fail_boom BEFORE INSERT ON mention_topics"
                     " WHEN NEW.topic = 'boom'"
                     " BEGIN SELECT RAISE(ABORT, 'boom refused'); END") ==
            SQLITE_OK);
  }
  std::vector<Mention> batch = {MakeMention("a", Millis(0)),
                                MakeMention("b", Millis(1)),
                                MakeMention("c", Millis(2))};
  batch[0].topics = {"fine"};
  batch[2].topics = {"boom"};
  auto r = store->InsertMentions(batch);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("store: insert mentions: boom refused") == 0);
  for (const Mention& m : batch) CHECK(m.id == 0);
  CHECK(Count(*store) == 0);
  auto counts = store->CountLabels("acme", At(Millis(0)), At(kHour));
  REQUIRE(counts.ok());
  CHECK(counts->total() == 0);

  batch.pop_back();
  auto ok = store->InsertMentions(batch);
  REQUIRE(ok.ok());
  CHECK(ok->size() == 2);
  CHECK(Count(*store) == 2);
}

TEST_CASE("SqliteStore: a file that is not a database gives a clear error") {
  TempDir dir;
  const std::string path = dir.File("garbage.db");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 512; ++i) out << "this is not a database file\n";
  }
  auto r = SqliteStore::Open(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == Status::Kind::kCorruption);
  CHECK(r.status().message().find("store: open " + path) == 0);
  CHECK(r.status().message().find("file is not a database") !=
        std::string::npos);
}

TEST_CASE("SqliteStore: a newer schema is refused") {
  TempDir dir;
  const std::string path = dir.File("future.db");
  {
    RawDb raw(path);
    REQUIRE(raw.Exec("PRAGMA user_version = 99") == SQLITE_OK);
  }
  auto r = SqliteStore::Open(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsRejected());
  CHECK(r.status().message() ==
        "store: database schema version 99 is newer than this vigie (" +
            std::to_string(LatestSchemaVersion()) + ")");
}

TEST_CASE("SqliteStore: an unreachable path gives an IOError") {
  TempDir dir;
  const std::string path = dir.File("missing/dir/vigie.db");
  auto r = SqliteStore::Open(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == Status::Kind::kIOError);
  CHECK(r.status().message().find("store: open " + path + ": ") == 0);
}

TEST_CASE("SqliteStore: in-memory database for tests") {
  auto store = OpenOrDie(":memory:");
  std::vector<Mention> batch = {MakeMention("a", Millis(0))};
  REQUIRE(store->InsertMentions(batch).ok());
  CHECK(Count(*store) == 1);
}

TEST_CASE("SqliteStore: calls from several threads are serialised") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("vigie.db"));
  constexpr int kThreads = 4;
  constexpr int kBatches = 20;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<Mention> batch = {
            MakeMention(std::to_string(t) + "-" + std::to_string(b), Millis(b)),
            MakeMention("shared-" + std::to_string(b), Millis(b))};
        if (!store->InsertMentions(batch).ok()) ++failures;
        if (!store->CountByBucket("acme", At(Millis(0)), At(kHour), kHour)
                 .ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(failures.load() == 0);
  CHECK(Count(*store) == kThreads * kBatches + kBatches);
}

TEST_CASE("IncidentStateName") {
  CHECK(IncidentStateName(IncidentState::kOpen) == "open");
  CHECK(IncidentStateName(IncidentState::kUpdated) == "updated");
  CHECK(IncidentStateName(IncidentState::kEscalated) == "escalated");
  CHECK(IncidentStateName(IncidentState::kResolved) == "resolved");
  CHECK(IncidentStateName(IncidentState::kAcknowledged) == "acknowledged");
  CHECK(IncidentStateName(static_cast<IncidentState>(42)) == "unknown");
}

}  // namespace
}  // namespace vigie
