#include "vigie/store/sqlite_store.h"

#include <sqlite3.h>

#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/migrations.h"
#include "vigie/core/near_duplicate.h"

namespace vigie {

namespace {

constexpr std::int64_t kMaxBuckets = 1'000'000;

// Every SQL statement of the store. Statements are cached by the address of
// these constants, so each must be used through its name.
constexpr char kSqlInsertMention[] =
    "INSERT INTO mentions (source, external_id, url, author, title, text,"
    " language, published_ms, fetched_ms, rating, reach, compound, label,"
    " rule_set_version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (source, external_id) DO NOTHING RETURNING id";
constexpr char kSqlInsertBrand[] =
    "INSERT OR IGNORE INTO mention_brands (mention_id, brand, published_ms,"
    " label, near_key) VALUES (?, ?, ?, ?, ?)";
constexpr char kSqlInsertTopic[] =
    "INSERT OR IGNORE INTO mention_topics (mention_id, topic) VALUES (?, ?)";
constexpr char kSqlCountMentions[] = "SELECT COUNT(*) FROM mentions";
// Near-duplicates (same near_key) count once per bucket; rows without a key
// (stored before migration 3) count as distinct.
#define VIGIE_DISTINCT_COUNTS                             \
  " COUNT(DISTINCT COALESCE(b.near_key, -b.mention_id))," \
  " COUNT(DISTINCT CASE WHEN b.label = -1"                \
  " THEN COALESCE(b.near_key, -b.mention_id) END)"
constexpr char kSqlCountByBucket[] =
    "SELECT (b.published_ms - ?1) / ?2 AS bucket," VIGIE_DISTINCT_COUNTS
    " FROM mention_brands b"
    " WHERE b.brand = ?3 AND b.published_ms >= ?1 AND b.published_ms < ?4"
    " GROUP BY bucket ORDER BY bucket";
constexpr char kSqlCountByBucketTopic[] =
    "SELECT (b.published_ms - ?1) / ?2 AS bucket," VIGIE_DISTINCT_COUNTS
    " FROM mention_brands b JOIN mention_topics t"
    " ON t.mention_id = b.mention_id AND t.topic = ?5"
    " WHERE b.brand = ?3 AND b.published_ms >= ?1 AND b.published_ms < ?4"
    " GROUP BY bucket ORDER BY bucket";
#undef VIGIE_DISTINCT_COUNTS
constexpr char kSqlCountLabels[] =
    "SELECT label, COUNT(*) FROM mention_brands"
    " WHERE brand = ? AND published_ms >= ? AND published_ms < ?"
    " GROUP BY label";

#define VIGIE_MENTION_COLUMNS                                                 \
  "m.id, m.source, m.external_id, m.url, m.author, m.title, m.text,"          \
  " m.language, m.published_ms, m.fetched_ms, m.rating, m.reach, m.compound," \
  " m.label, m.rule_set_version"
// Samples show one mention per near-duplicate group (reposts of one text):
// the group's earliest in the range, usually the original post.
#define VIGIE_SAMPLE_FROM                                             \
  " FROM (SELECT b.mention_id AS id, ROW_NUMBER() OVER (PARTITION BY" \
  " COALESCE(b.near_key, -b.mention_id) ORDER BY b.published_ms,"     \
  " b.mention_id) AS nth FROM mention_brands b"                       \
  " WHERE b.brand = ? AND b.published_ms >= ? AND b.published_ms < ?" \
  " AND b.label = ?) f JOIN mentions m ON m.id = f.id WHERE f.nth = 1"
constexpr char kSqlSampleNegative[] =
    "SELECT " VIGIE_MENTION_COLUMNS VIGIE_SAMPLE_FROM
    " ORDER BY m.compound ASC, m.published_ms DESC, m.id DESC LIMIT ?";
constexpr char kSqlSamplePositive[] =
    "SELECT " VIGIE_MENTION_COLUMNS VIGIE_SAMPLE_FROM
    " ORDER BY m.compound DESC, m.published_ms DESC, m.id DESC LIMIT ?";
constexpr char kSqlSampleNeutral[] =
    "SELECT " VIGIE_MENTION_COLUMNS VIGIE_SAMPLE_FROM
    " ORDER BY m.published_ms DESC, m.id DESC LIMIT ?";
#undef VIGIE_SAMPLE_FROM
constexpr char kSqlRatings[] =
    "SELECT COUNT(m.rating), COALESCE(AVG(m.rating), 0)"
    " FROM mention_brands b JOIN mentions m ON m.id = b.mention_id"
    " WHERE b.brand = ? AND b.published_ms >= ? AND b.published_ms < ?"
    " AND m.rating IS NOT NULL";
constexpr char kSqlListMentions[] =
    "SELECT " VIGIE_MENTION_COLUMNS
    " FROM mentions m WHERE (m.published_ms > ? OR (m.published_ms = ? AND"
    " m.id > ?)) AND m.published_ms < ? ORDER BY m.published_ms, m.id LIMIT ?";
#undef VIGIE_MENTION_COLUMNS

constexpr char kSqlBrandsOf[] =
    "SELECT brand FROM mention_brands WHERE mention_id = ? ORDER BY brand";
constexpr char kSqlTopicsOf[] =
    "SELECT topic FROM mention_topics WHERE mention_id = ? ORDER BY topic";

#define VIGIE_INCIDENT_COLUMNS                                       \
  "id, brand, scenario, severity, state, opened_ms, updated_ms,"     \
  " revision, evidence_json, signal_ms, notified_ms, opening_count," \
  " peak_count, notified_count"
constexpr char kSqlFindActiveIncident[] =
    "SELECT " VIGIE_INCIDENT_COLUMNS
    " FROM incidents WHERE brand = ? AND scenario = ? AND state <> 4";
constexpr char kSqlListIncidents[] =
    "SELECT " VIGIE_INCIDENT_COLUMNS
    " FROM incidents ORDER BY opened_ms DESC, id DESC";
constexpr char kSqlListActiveIncidents[] =
    "SELECT " VIGIE_INCIDENT_COLUMNS
    " FROM incidents WHERE state <> 4 ORDER BY opened_ms, id";
constexpr char kSqlGetIncident[] =
    "SELECT " VIGIE_INCIDENT_COLUMNS " FROM incidents WHERE id = ?";
#undef VIGIE_INCIDENT_COLUMNS
constexpr char kSqlInsertIncident[] =
    "INSERT INTO incidents (brand, scenario, severity, state, opened_ms,"
    " updated_ms, revision, evidence_json, signal_ms, notified_ms,"
    " opening_count, peak_count, notified_count)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSqlUpdateIncident[] =
    "UPDATE incidents SET brand = ?, scenario = ?, severity = ?, state = ?,"
    " opened_ms = ?, updated_ms = ?, revision = ?, evidence_json = ?,"
    " signal_ms = ?, notified_ms = ?, opening_count = ?, peak_count = ?,"
    " notified_count = ? WHERE id = ?";
constexpr char kSqlInsertIncidentEvent[] =
    "INSERT INTO incident_events (incident_id, revision, state, at_ms, note,"
    " evidence_json) VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSqlListIncidentEvents[] =
    "SELECT incident_id, revision, state, at_ms, note, evidence_json"
    " FROM incident_events WHERE incident_id = ? ORDER BY revision, id";
constexpr char kSqlLastResolvedAt[] =
    "SELECT MAX(updated_ms) FROM incidents"
    " WHERE brand = ? AND scenario = ? AND state = 4";

#define VIGIE_OUTBOX_COLUMNS                                             \
  "id, incident_id, channel, idempotency_key, payload, state, attempts," \
  " created_ms, next_attempt_ms, sent_ms, last_error"
constexpr char kSqlInsertOutbox[] =
    "INSERT INTO outbox (incident_id, channel, idempotency_key, payload,"
    " state, attempts, created_ms, next_attempt_ms, sent_ms, last_error)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSqlDueOutbox[] =
    "SELECT " VIGIE_OUTBOX_COLUMNS
    " FROM outbox WHERE state = 0 AND next_attempt_ms <= ?"
    " ORDER BY created_ms, id LIMIT ?";
#undef VIGIE_OUTBOX_COLUMNS
constexpr char kSqlCountPendingOutbox[] =
    "SELECT COUNT(*) FROM outbox WHERE state = 0";
constexpr char kSqlMarkOutboxSent[] =
    "UPDATE outbox SET state = 1, sent_ms = ? WHERE id = ?";
constexpr char kSqlMarkOutboxFailed[] =
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?,"
    " next_attempt_ms = ?, state = CASE WHEN ? THEN 2 ELSE state END"
    " WHERE id = ?";

// A cached prepared statement in use: binds parameters in order, steps, reads
// columns, and resets itself (bindings cleared) when it goes out of scope. The
// first failed bind is reported by the next Step().
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)),
        next_(other.next_),
        bind_rc_(other.bind_rc_) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt() {
    if (stmt_ != nullptr) Reset();
  }

  // Makes the statement ready to be bound and run again.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    next_ = 1;
    bind_rc_ = SQLITE_OK;
  }

  Stmt& Int(std::int64_t v) {
    return Check(sqlite3_bind_int64(stmt_, next_++, v));
  }
  Stmt& Double(double v) {
    return Check(sqlite3_bind_double(stmt_, next_++, v));
  }
  Stmt& Text(std::string_view v) {
    return Check(sqlite3_bind_text64(stmt_, next_++, v.data(), v.size(),
                                     SQLITE_STATIC, SQLITE_UTF8));
  }
  Stmt& Null() { return Check(sqlite3_bind_null(stmt_, next_++)); }
  Stmt& Time(TimePoint t) { return Int(ToUnixMillis(t)); }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() {
    if (bind_rc_ != SQLITE_OK) return bind_rc_;
    return sqlite3_step(stmt_);
  }
  // Steps to the end; SQLITE_DONE or an error code.
  int Run() {
    int rc;
    do {
      rc = Step();
    } while (rc == SQLITE_ROW);
    return rc;
  }

  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  std::int64_t ColInt(int col) const {
    return sqlite3_column_int64(stmt_, col);
  }
  double ColDouble(int col) const { return sqlite3_column_double(stmt_, col); }
  TimePoint ColTime(int col) const { return FromUnixMillis(ColInt(col)); }
  std::string ColText(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (p == nullptr) return std::string();
    return std::string(
        reinterpret_cast<const char*>(p),
        static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
  }

 private:
  Stmt& Check(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
  }

  sqlite3_stmt* stmt_;
  int next_ = 1;
  int bind_rc_ = SQLITE_OK;
};

// A write transaction (BEGIN IMMEDIATE, so the write lock is taken at once
// and waits under the busy timeout) or a read snapshot (BEGIN), rolled back
// when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (open_ && sqlite3_get_autocommit(db_) == 0) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }

  Status Begin(std::string_view what, bool write) {
    int rc = sqlite3_exec(db_, write ? "BEGIN IMMEDIATE" : "BEGIN", nullptr,
                          nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, what);
    open_ = true;
    return Status::Ok();
  }

  Status Commit(std::string_view what) {
    int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, what);
    open_ = false;
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

bool ValidLabel(std::int64_t v) { return v >= -1 && v <= 1; }
bool ValidIncidentState(std::int64_t v) { return v >= 1 && v <= 5; }
bool ValidOutboxState(std::int64_t v) { return v >= 0 && v <= 2; }

Status BadRow(std::string_view what, std::string_view table, std::int64_t id,
              std::string_view column, std::int64_t value) {
  return Status::Corruption(what, std::string(table) + " row " +
                                      std::to_string(id) + " has unknown " +
                                      std::string(column) + " " +
                                      std::to_string(value));
}

// Columns: see VIGIE_MENTION_COLUMNS.
Result<Mention> ReadMention(const Stmt& s, std::string_view what) {
  Mention m;
  m.id = s.ColInt(0);
  m.source = s.ColText(1);
  m.external_id = s.ColText(2);
  m.url = s.ColText(3);
  m.author = s.ColText(4);
  m.title = s.ColText(5);
  m.text = s.ColText(6);
  m.language = s.ColText(7);
  m.published = s.ColTime(8);
  m.fetched = s.ColTime(9);
  if (!s.IsNull(10)) m.rating = s.ColDouble(10);
  if (!s.IsNull(11)) m.reach = s.ColInt(11);
  m.compound = s.ColDouble(12);
  const std::int64_t label = s.ColInt(13);
  if (!ValidLabel(label)) return BadRow(what, "mentions", m.id, "label", label);
  m.label = static_cast<Label>(label);
  m.rule_set_version = s.ColInt(14);
  return m;
}

// Columns: see VIGIE_INCIDENT_COLUMNS.
Result<Incident> ReadIncident(const Stmt& s, std::string_view what) {
  Incident i;
  i.id = s.ColInt(0);
  i.brand = s.ColText(1);
  i.scenario = s.ColText(2);
  i.severity = s.ColText(3);
  const std::int64_t state = s.ColInt(4);
  if (!ValidIncidentState(state)) {
    return BadRow(what, "incidents", i.id, "state", state);
  }
  i.state = static_cast<IncidentState>(state);
  i.opened_at = s.ColTime(5);
  i.updated_at = s.ColTime(6);
  i.revision = static_cast<int>(s.ColInt(7));
  i.evidence_json = s.ColText(8);
  i.signal_at = s.ColTime(9);
  i.notified_at = s.ColTime(10);
  i.opening_count = s.ColInt(11);
  i.peak_count = s.ColInt(12);
  i.notified_count = s.ColInt(13);
  return i;
}

// Columns: see VIGIE_OUTBOX_COLUMNS.
Result<OutboxMessage> ReadOutbox(const Stmt& s, std::string_view what) {
  OutboxMessage o;
  o.id = s.ColInt(0);
  o.incident_id = s.IsNull(1) ? 0 : s.ColInt(1);
  o.channel = s.ColText(2);
  o.idempotency_key = s.ColText(3);
  o.payload = s.ColText(4);
  const std::int64_t state = s.ColInt(5);
  if (!ValidOutboxState(state)) {
    return BadRow(what, "outbox", o.id, "state", state);
  }
  o.state = static_cast<OutboxState>(state);
  o.attempts = static_cast<int>(s.ColInt(6));
  o.created_at = s.ColTime(7);
  o.next_attempt_at = s.ColTime(8);
  if (!s.IsNull(9)) o.sent_at = s.ColTime(9);
  o.last_error = s.ColText(10);
  return o;
}

}  // namespace

// The connection and its statement cache. Used only under SqliteStore::mu_.
class SqliteStore::Impl {
 public:
  explicit Impl(sqlite3* db) : db_(db) {}
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (auto& entry : cache_) sqlite3_finalize(entry.second);
    sqlite3_close_v2(db_);
  }

  sqlite3* db() const { return db_; }

  // The cached statement for `sql`, one of the kSql constants.
  Result<Stmt> Prepare(const char* sql, std::string_view what) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return Stmt(it->second);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                                nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, what);
    cache_.emplace(sql, stmt);
    return Stmt(stmt);
  }

  Status Error(int rc, std::string_view what) const {
    return SqliteError(db_, rc, what);
  }

  // Runs a single-row query such as SELECT COUNT(*) and returns column 0.
  Result<std::int64_t> QueryInt(const char* sql, std::string_view what) {
    Result<Stmt> s = Prepare(sql, what);
    if (!s.ok()) return s.status();
    int rc = s->Step();
    if (rc != SQLITE_ROW) return Error(rc, what);
    return s->ColInt(0);
  }

  // Runs a one-column text query bound to `id` and appends each value.
  Status QueryStrings(const char* sql, std::int64_t id, std::string_view what,
                      std::vector<std::string>* out) {
    Result<Stmt> s = Prepare(sql, what);
    if (!s.ok()) return s.status();
    s->Int(id);
    int rc;
    while ((rc = s->Step()) == SQLITE_ROW) out->push_back(s->ColText(0));
    if (rc != SQLITE_DONE) return Error(rc, what);
    return Status::Ok();
  }

  // Reads every row of `s` as a Mention into `out`, then attaches each
  // mention's brands and topics. REQUIRES: inside a read transaction, so
  // the rows and their brands and topics come from one snapshot.
  Status CollectMentions(Stmt s, std::string_view what,
                         std::vector<Mention>* out) {
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      Result<Mention> m = ReadMention(s, what);
      if (!m.ok()) return m.status();
      out->push_back(std::move(m).value());
    }
    if (rc != SQLITE_DONE) return Error(rc, what);
    for (Mention& m : *out) {
      Status st = QueryStrings(kSqlBrandsOf, m.id, what, &m.brands);
      if (st.ok()) st = QueryStrings(kSqlTopicsOf, m.id, what, &m.topics);
      if (!st.ok()) return st;
    }
    return Status::Ok();
  }

  // Runs an UPDATE and returns NotFound when it touched no row.
  Status UpdateOne(Stmt& s, std::string_view what, std::string_view table,
                   std::int64_t id) {
    int rc = s.Run();
    if (rc != SQLITE_DONE) return Error(rc, what);
    if (sqlite3_changes(db_) == 0) {
      return Status::NotFound(what, "no " + std::string(table) +
                                        " row with id " + std::to_string(id));
    }
    return Status::Ok();
  }

 private:
  sqlite3* const db_;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl, int schema_version)
    : schema_version_(schema_version), impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const StoreOptions& options) {
  const std::string what = "store: open " + path;
  if (options.busy_timeout_ms < 0) {
    return Status::InvalidArgument(what, "busy_timeout_ms is negative");
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  // The handle is closed by Impl even when opening failed.
  auto impl = std::make_unique<Impl>(db);
  if (rc != SQLITE_OK) return SqliteError(db, rc, what);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);

  {
    const std::string step = what + ": set journal mode";
    sqlite3_stmt* stmt = nullptr;
    rc =
        sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
      Status error = SqliteError(db, rc, step);
      sqlite3_finalize(stmt);
      return error;
    }
    const unsigned char* mode_text = sqlite3_column_text(stmt, 0);
    std::string mode =
        mode_text != nullptr ? reinterpret_cast<const char*>(mode_text) : "";
    sqlite3_finalize(stmt);
    const char* file = sqlite3_db_filename(db, "main");
    const bool in_memory = file == nullptr || file[0] == '\0';
    if (mode != "wal" && !in_memory) {
      return Status::IOError(
          step, "SQLite kept journal mode '" + mode + "' instead of 'wal'");
    }
  }

  const std::string pragmas = std::string("PRAGMA synchronous = ") +
                              (options.synchronous_full ? "FULL" : "NORMAL") +
                              "; PRAGMA foreign_keys = ON;";
  rc = sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, what + ": set pragmas");

  Result<int> version = Migrate(db);
  if (!version.ok()) return version.status();
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::move(impl), *version));
}

Result<std::vector<std::size_t>> SqliteStore::InsertMentions(
    std::vector<Mention>& batch) {
  constexpr std::string_view kWhat = "store: insert mentions";
  std::lock_guard lock(mu_);
  std::vector<std::size_t> inserted;
  if (batch.empty()) return inserted;

  Transaction tx(impl_->db());
  if (Status s = tx.Begin(kWhat, true); !s.ok()) return s;
  Result<Stmt> mention = impl_->Prepare(kSqlInsertMention, kWhat);
  if (!mention.ok()) return mention.status();
  Result<Stmt> brand = impl_->Prepare(kSqlInsertBrand, kWhat);
  if (!brand.ok()) return brand.status();
  Result<Stmt> topic = impl_->Prepare(kSqlInsertTopic, kWhat);
  if (!topic.ok()) return topic.status();

  // (index in batch, new id), applied to `batch` only after the commit.
  std::vector<std::pair<std::size_t, std::int64_t>> added;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const Mention& m = batch[i];
    Stmt& s = *mention;
    s.Reset();
    s.Text(m.source).Text(m.external_id).Text(m.url).Text(m.author);
    s.Text(m.title).Text(m.text).Text(m.language);
    s.Time(m.published).Time(m.fetched);
    if (m.rating) {
      s.Double(*m.rating);
    } else {
      s.Null();
    }
    if (m.reach) {
      s.Int(*m.reach);
    } else {
      s.Null();
    }
    s.Double(m.compound).Int(static_cast<int>(m.label)).Int(m.rule_set_version);
    int rc = s.Step();
    if (rc == SQLITE_DONE) continue;  // a stored (source, external_id)
    if (rc != SQLITE_ROW) return impl_->Error(rc, kWhat);
    const std::int64_t id = s.ColInt(0);
    rc = s.Run();
    if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
    added.emplace_back(i, id);

    // A text without words has no key: such mentions count as distinct.
    const auto near_key = static_cast<std::int64_t>(NearDuplicateKey(m.text));
    for (const std::string& name : m.brands) {
      brand->Reset();
      brand->Int(id)
          .Text(name)
          .Time(m.published)
          .Int(static_cast<int>(m.label));
      if (near_key != 0) {
        brand->Int(near_key);
      } else {
        brand->Null();
      }
      rc = brand->Run();
      if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
    }
    for (const std::string& name : m.topics) {
      topic->Reset();
      topic->Int(id).Text(name);
      rc = topic->Run();
      if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
    }
  }
  if (Status s = tx.Commit(kWhat); !s.ok()) return s;

  inserted.reserve(added.size());
  for (const auto& [index, id] : added) {
    batch[index].id = id;
    inserted.push_back(index);
  }
  return inserted;
}

Result<std::int64_t> SqliteStore::CountMentions() {
  std::lock_guard lock(mu_);
  return impl_->QueryInt(kSqlCountMentions, "store: count mentions");
}

Result<std::vector<BucketCount>> SqliteStore::CountByBucket(
    const std::string& brand, TimePoint from, TimePoint to, Millis width) {
  return CountBuckets(brand, nullptr, from, to, width);
}

Result<std::vector<BucketCount>> SqliteStore::CountByBucketTopic(
    const std::string& brand, const std::string& topic, TimePoint from,
    TimePoint to, Millis width) {
  return CountBuckets(brand, &topic, from, to, width);
}

Result<std::vector<BucketCount>> SqliteStore::CountBuckets(
    const std::string& brand, const std::string* topic, TimePoint from,
    TimePoint to, Millis width) {
  constexpr std::string_view kWhat = "store: count by bucket";
  const std::int64_t from_ms = ToUnixMillis(from);
  const std::int64_t to_ms = ToUnixMillis(to);
  const std::int64_t width_ms = width.count();
  if (width_ms <= 0) {
    return Status::InvalidArgument(kWhat, "bucket width must be positive");
  }
  if (from_ms % width_ms != 0) {
    return Status::InvalidArgument(
        kWhat, "start " + FormatTime(from) + " is not aligned to the " +
                   std::to_string(width_ms) + " ms bucket width");
  }
  std::int64_t span = 0;
  if (to_ms < from_ms || __builtin_sub_overflow(to_ms, from_ms, &span)) {
    return Status::InvalidArgument(
        kWhat, "invalid range " + FormatTime(from) + " to " + FormatTime(to));
  }
  const std::int64_t count = span / width_ms + (span % width_ms != 0 ? 1 : 0);
  if (count > kMaxBuckets) {
    return Status::InvalidArgument(kWhat, std::to_string(count) +
                                              " buckets requested, at most " +
                                              std::to_string(kMaxBuckets));
  }
  std::vector<BucketCount> buckets(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    buckets[static_cast<std::size_t>(i)].start =
        FromUnixMillis(from_ms + i * width_ms);
  }
  if (count == 0) return buckets;

  std::lock_guard lock(mu_);
  Result<Stmt> s =
      impl_->Prepare(topic ? kSqlCountByBucketTopic : kSqlCountByBucket, kWhat);
  if (!s.ok()) return s.status();
  s->Int(from_ms).Int(width_ms).Text(brand).Int(to_ms);
  if (topic != nullptr) s->Text(*topic);
  int rc;
  while ((rc = s->Step()) == SQLITE_ROW) {
    const std::int64_t index = s->ColInt(0);
    if (index < 0 || index >= count) {
      return Status::Corruption(kWhat, "bucket index out of range");
    }
    BucketCount& b = buckets[static_cast<std::size_t>(index)];
    b.total = s->ColInt(1);
    b.negative = s->ColInt(2);
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
  return buckets;
}

Result<LabelCounts> SqliteStore::CountLabels(const std::string& brand,
                                             TimePoint from, TimePoint to) {
  constexpr std::string_view kWhat = "store: count labels";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlCountLabels, kWhat);
  if (!s.ok()) return s.status();
  s->Text(brand).Time(from).Time(to);
  LabelCounts counts;
  int rc;
  while ((rc = s->Step()) == SQLITE_ROW) {
    const std::int64_t label = s->ColInt(0);
    const std::int64_t n = s->ColInt(1);
    switch (label) {
      case static_cast<int>(Label::kNegative):
        counts.negative = n;
        break;
      case static_cast<int>(Label::kNeutral):
        counts.neutral = n;
        break;
      case static_cast<int>(Label::kPositive):
        counts.positive = n;
        break;
      default:
        return Status::Corruption(
            kWhat, "mention_brands has unknown label " + std::to_string(label));
    }
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
  return counts;
}

Result<std::vector<Mention>> SqliteStore::SampleMentions(
    const std::string& brand, TimePoint from, TimePoint to, Label label,
    int limit) {
  constexpr std::string_view kWhat = "store: sample mentions";
  const char* sql = nullptr;
  switch (label) {
    case Label::kNegative:
      sql = kSqlSampleNegative;
      break;
    case Label::kNeutral:
      sql = kSqlSampleNeutral;
      break;
    case Label::kPositive:
      sql = kSqlSamplePositive;
      break;
  }
  if (sql == nullptr) {
    return Status::InvalidArgument(
        kWhat, "unknown label " + std::to_string(static_cast<int>(label)));
  }
  if (limit < 0) return Status::InvalidArgument(kWhat, "negative limit");
  std::vector<Mention> out;
  if (limit == 0) return out;

  std::lock_guard lock(mu_);
  // One read snapshot for the mentions and their brands and topics.
  Transaction tx(impl_->db());
  if (Status st = tx.Begin(kWhat, false); !st.ok()) return st;
  {
    Result<Stmt> s = impl_->Prepare(sql, kWhat);
    if (!s.ok()) return s.status();
    s->Text(brand).Time(from).Time(to).Int(static_cast<int>(label)).Int(limit);
    if (Status st = impl_->CollectMentions(std::move(*s), kWhat, &out);
        !st.ok()) {
      return st;
    }
  }
  if (Status st = tx.Commit(kWhat); !st.ok()) return st;
  return out;
}

Result<RatingStats> SqliteStore::Ratings(const std::string& brand,
                                         TimePoint from, TimePoint to) {
  constexpr std::string_view kWhat = "store: ratings";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlRatings, kWhat);
  if (!s.ok()) return s.status();
  s->Text(brand).Time(from).Time(to);
  int rc = s->Step();
  if (rc != SQLITE_ROW) return impl_->Error(rc, kWhat);
  RatingStats out;
  out.count = s->ColInt(0);
  out.mean = s->ColDouble(1);
  return out;
}

Result<std::vector<Mention>> SqliteStore::ListMentions(TimePoint from,
                                                       TimePoint to,
                                                       std::int64_t after_id,
                                                       int limit) {
  constexpr std::string_view kWhat = "store: list mentions";
  if (limit < 0) return Status::InvalidArgument(kWhat, "negative limit");
  std::vector<Mention> out;
  if (limit == 0) return out;
  std::lock_guard lock(mu_);
  Transaction tx(impl_->db());
  if (Status st = tx.Begin(kWhat, false); !st.ok()) return st;
  {
    Result<Stmt> s = impl_->Prepare(kSqlListMentions, kWhat);
    if (!s.ok()) return s.status();
    s->Time(from).Time(from).Int(after_id).Time(to).Int(limit);
    if (Status st = impl_->CollectMentions(std::move(*s), kWhat, &out);
        !st.ok()) {
      return st;
    }
  }
  if (Status st = tx.Commit(kWhat); !st.ok()) return st;
  return out;
}

Result<std::optional<Incident>> SqliteStore::FindActiveIncident(
    const std::string& brand, const std::string& scenario) {
  constexpr std::string_view kWhat = "store: find active incident";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlFindActiveIncident, kWhat);
  if (!s.ok()) return s.status();
  s->Text(brand).Text(scenario);
  int rc = s->Step();
  if (rc == SQLITE_DONE) return std::optional<Incident>();
  if (rc != SQLITE_ROW) return impl_->Error(rc, kWhat);
  Result<Incident> incident = ReadIncident(*s, kWhat);
  if (!incident.ok()) return incident.status();
  return std::optional<Incident>(std::move(incident).value());
}

Result<std::vector<Incident>> SqliteStore::ListIncidents() {
  return QueryIncidents(kSqlListIncidents, "store: list incidents");
}

Result<std::vector<Incident>> SqliteStore::ListActiveIncidents() {
  return QueryIncidents(kSqlListActiveIncidents,
                        "store: list active incidents");
}

Result<std::vector<Incident>> SqliteStore::QueryIncidents(
    const char* sql, std::string_view what) {
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(sql, what);
  if (!s.ok()) return s.status();
  std::vector<Incident> out;
  int rc;
  while ((rc = s->Step()) == SQLITE_ROW) {
    Result<Incident> incident = ReadIncident(*s, what);
    if (!incident.ok()) return incident.status();
    out.push_back(std::move(incident).value());
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, what);
  return out;
}

Result<std::optional<Incident>> SqliteStore::GetIncident(std::int64_t id) {
  constexpr std::string_view kWhat = "store: get incident";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlGetIncident, kWhat);
  if (!s.ok()) return s.status();
  s->Int(id);
  int rc = s->Step();
  if (rc == SQLITE_DONE) return std::optional<Incident>();
  if (rc != SQLITE_ROW) return impl_->Error(rc, kWhat);
  Result<Incident> incident = ReadIncident(*s, kWhat);
  if (!incident.ok()) return incident.status();
  return std::optional<Incident>(std::move(incident).value());
}

Result<std::vector<IncidentEvent>> SqliteStore::ListIncidentEvents(
    std::int64_t id) {
  constexpr std::string_view kWhat = "store: list incident events";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlListIncidentEvents, kWhat);
  if (!s.ok()) return s.status();
  s->Int(id);
  std::vector<IncidentEvent> out;
  int rc;
  while ((rc = s->Step()) == SQLITE_ROW) {
    IncidentEvent e;
    e.incident_id = s->ColInt(0);
    e.revision = static_cast<int>(s->ColInt(1));
    const std::int64_t state = s->ColInt(2);
    if (!ValidIncidentState(state)) {
      return BadRow(kWhat, "incident_events", e.incident_id, "state", state);
    }
    e.state = static_cast<IncidentState>(state);
    e.at = s->ColTime(3);
    e.note = s->ColText(4);
    e.evidence_json = s->ColText(5);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
  return out;
}

Result<std::optional<TimePoint>> SqliteStore::LastResolvedAt(
    const std::string& brand, const std::string& scenario) {
  constexpr std::string_view kWhat = "store: last resolved incident";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlLastResolvedAt, kWhat);
  if (!s.ok()) return s.status();
  s->Text(brand).Text(scenario);
  int rc = s->Step();
  if (rc != SQLITE_ROW) return impl_->Error(rc, kWhat);
  if (s->IsNull(0)) return std::optional<TimePoint>();
  return std::optional<TimePoint>(s->ColTime(0));
}

Result<std::int64_t> SqliteStore::ApplyIncidentChange(
    const IncidentChange& change) {
  constexpr std::string_view kWhat = "store: apply incident change";
  const Incident& in = change.incident;
  if (in.id < 0) {
    return Status::InvalidArgument(
        kWhat, "negative incident id " + std::to_string(in.id));
  }
  if (!ValidIncidentState(static_cast<int>(in.state))) {
    return Status::InvalidArgument(
        kWhat,
        "unknown incident state " + std::to_string(static_cast<int>(in.state)));
  }
  for (const OutboxMessage& n : change.notifications) {
    if (n.id != 0) {
      return Status::InvalidArgument(
          kWhat, "notification already has id " + std::to_string(n.id));
    }
    if (!ValidOutboxState(static_cast<int>(n.state))) {
      return Status::InvalidArgument(
          kWhat,
          "unknown outbox state " + std::to_string(static_cast<int>(n.state)));
    }
  }

  std::lock_guard lock(mu_);
  sqlite3* db = impl_->db();
  Transaction tx(db);
  if (Status st = tx.Begin(kWhat, true); !st.ok()) return st;

  std::int64_t id = in.id;
  {
    Result<Stmt> s = impl_->Prepare(
        id == 0 ? kSqlInsertIncident : kSqlUpdateIncident, kWhat);
    if (!s.ok()) return s.status();
    s->Text(in.brand).Text(in.scenario).Text(in.severity);
    s->Int(static_cast<int>(in.state)).Time(in.opened_at).Time(in.updated_at);
    s->Int(in.revision).Text(in.evidence_json);
    s->Time(in.signal_at).Time(in.notified_at).Int(in.opening_count);
    s->Int(in.peak_count).Int(in.notified_count);
    if (id != 0) s->Int(id);
    int rc = s->Run();
    if (rc == SQLITE_CONSTRAINT_UNIQUE) {
      return Status::Rejected(kWhat, "brand '" + in.brand +
                                         "' already has an active incident "
                                         "for scenario '" +
                                         in.scenario + "'");
    }
    if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
    if (id == 0) {
      id = sqlite3_last_insert_rowid(db);
    } else if (sqlite3_changes(db) == 0) {
      return Status::NotFound(kWhat,
                              "no incident with id " + std::to_string(id));
    }
  }

  {
    Result<Stmt> s = impl_->Prepare(kSqlInsertIncidentEvent, kWhat);
    if (!s.ok()) return s.status();
    s->Int(id).Int(in.revision).Int(static_cast<int>(in.state));
    s->Time(in.updated_at).Text(in.note).Text(in.evidence_json);
    if (int rc = s->Run(); rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
  }

  if (!change.notifications.empty()) {
    Result<Stmt> s = impl_->Prepare(kSqlInsertOutbox, kWhat);
    if (!s.ok()) return s.status();
    for (const OutboxMessage& n : change.notifications) {
      s->Reset();
      s->Int(n.incident_id != 0 ? n.incident_id : id);
      s->Text(n.channel).Text(n.idempotency_key).Text(n.payload);
      s->Int(static_cast<int>(n.state)).Int(n.attempts);
      s->Time(n.created_at).Time(n.next_attempt_at);
      if (n.sent_at) {
        s->Time(*n.sent_at);
      } else {
        s->Null();
      }
      s->Text(n.last_error);
      int rc = s->Run();
      if (rc == SQLITE_CONSTRAINT_UNIQUE) {
        return Status::Rejected(
            kWhat, "duplicate idempotency key '" + n.idempotency_key + "'");
      }
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return Status::Rejected(kWhat,
                                "notification refers to unknown incident " +
                                    std::to_string(n.incident_id));
      }
      if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
    }
  }
  if (Status st = tx.Commit(kWhat); !st.ok()) return st;
  return id;
}

Result<std::vector<OutboxMessage>> SqliteStore::DueOutbox(TimePoint now,
                                                          int limit) {
  constexpr std::string_view kWhat = "store: due outbox";
  if (limit < 0) return Status::InvalidArgument(kWhat, "negative limit");
  std::vector<OutboxMessage> out;
  if (limit == 0) return out;
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlDueOutbox, kWhat);
  if (!s.ok()) return s.status();
  s->Time(now).Int(limit);
  int rc;
  while ((rc = s->Step()) == SQLITE_ROW) {
    Result<OutboxMessage> o = ReadOutbox(*s, kWhat);
    if (!o.ok()) return o.status();
    out.push_back(std::move(o).value());
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, kWhat);
  return out;
}

Result<std::int64_t> SqliteStore::CountPendingOutbox() {
  std::lock_guard lock(mu_);
  return impl_->QueryInt(kSqlCountPendingOutbox, "store: count pending outbox");
}

Status SqliteStore::MarkOutboxSent(std::int64_t id, TimePoint now) {
  constexpr std::string_view kWhat = "store: mark outbox sent";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlMarkOutboxSent, kWhat);
  if (!s.ok()) return s.status();
  s->Time(now).Int(id);
  return impl_->UpdateOne(*s, kWhat, "outbox", id);
}

Status SqliteStore::MarkOutboxFailed(std::int64_t id, const std::string& error,
                                     TimePoint next, bool dead) {
  constexpr std::string_view kWhat = "store: mark outbox failed";
  std::lock_guard lock(mu_);
  Result<Stmt> s = impl_->Prepare(kSqlMarkOutboxFailed, kWhat);
  if (!s.ok()) return s.status();
  s->Text(error).Time(next).Int(dead ? 1 : 0).Int(id);
  return impl_->UpdateOne(*s, kWhat, "outbox", id);
}

}  // namespace vigie
