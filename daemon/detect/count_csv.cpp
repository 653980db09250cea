#include "vigie/detect/count_csv.h"

#include <charconv>
#include <cmath>

#include "vigie/core/diagnostic.h"

namespace vigie {

namespace {

// Reads exactly `n` digits at `*pos`.
bool Digits(std::string_view s, std::size_t* pos, int n, int* out) {
  if (*pos + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[*pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += static_cast<std::size_t>(n);
  *out = v;
  return true;
}

bool Expect(std::string_view s, std::size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool ParseCountTimestamp(std::string_view text, TimePoint* out) {
  using namespace std::chrono;
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(text, &pos, 4, &y) || !Expect(text, &pos, '-') ||
      !Digits(text, &pos, 2, &mo) || !Expect(text, &pos, '-') ||
      !Digits(text, &pos, 2, &d)) {
    return false;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  std::int64_t ms = 0;
  if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
    ++pos;
    if (!Digits(text, &pos, 2, &h) || !Expect(text, &pos, ':') ||
        !Digits(text, &pos, 2, &mi)) {
      return false;
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!Digits(text, &pos, 2, &sec)) return false;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        std::int64_t scale = 100;
        const std::size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
          ms += (text[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == first) return false;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return false;
    if (pos < text.size() && text[pos] == 'Z') {
      ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const int sign = text[pos] == '+' ? 1 : -1;
      ++pos;
      int oh = 0, om = 0;
      if (!Digits(text, &pos, 2, &oh)) return false;
      if (pos < text.size() && text[pos] == ':') ++pos;
      if (!Digits(text, &pos, 2, &om)) return false;
      if (oh > 23 || om > 59) return false;
      ms -= sign * (oh * 3600000LL + om * 60000LL);
    }
  }
  if (pos != text.size()) return false;
  ms += (static_cast<std::int64_t>(h) * 3600 + mi * 60 + sec) * 1000;
  const std::int64_t days = sys_days(ymd).time_since_epoch().count();
  *out = FromUnixMillis(days * 86400000LL + ms);
  return true;
}

Result<std::vector<CountRow>> ParseCountCsv(std::string_view path,
                                            std::string_view text) {
  std::vector<CountRow> rows;
  std::size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const std::size_t line_start = start;
    start = end + 1;
    ++line_no;
    if (Trim(line).empty()) continue;
    if (line_no == 1 && Trim(line).substr(0, 9) == "timestamp") continue;
    auto col = [&](std::string_view part) {
      return static_cast<int>(part.data() - text.data() - line_start) + 1;
    };
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) {
      return FileError(path, text, {line_no, static_cast<int>(line.size()) + 1},
                       "expected 'timestamp,value'");
    }
    CountRow row;
    const std::string_view ts = Trim(line.substr(0, comma));
    if (!ParseCountTimestamp(ts, &row.time)) {
      return FileError(path, text, {line_no, ts.empty() ? 1 : col(ts)},
                       "bad timestamp '" + std::string(ts) +
                           "' (expected 'YYYY-MM-DD hh:mm:ss' or ISO 8601)");
    }
    row.timestamp = std::string(ts);
    const std::string_view value = Trim(line.substr(comma + 1));
    const int value_col =
        value.empty() ? static_cast<int>(comma) + 2 : col(value);
    double v = 0.0;
    const auto [ptr, ec] =
        std::from_chars(value.data(), value.data() + value.size(), v);
    if (value.empty() || ec != std::errc() ||
        ptr != value.data() + value.size()) {
      return FileError(path, text, {line_no, value_col},
                       "value '" + std::string(value) + "' is not a number");
    }
    if (!std::isfinite(v) || v < 0.0 || v > 1e15) {
      return FileError(path, text, {line_no, value_col},
                       "value must be a non-negative count");
    }
    row.value = std::llround(v);
    if (!rows.empty() && row.time <= rows.back().time) {
      return FileError(path, text, {line_no, col(ts)},
                       "timestamps must increase (previous row: " +
                           rows.back().timestamp + ")");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Millis InferBucketWidth(const std::vector<CountRow>& rows, Millis fallback) {
  if (rows.size() < 2) return fallback;
  return rows[1].time - rows[0].time;
}

std::vector<double> ScoreCountSeries(const std::vector<CountRow>& rows,
                                     const CountModelOptions& options) {
  CountModel model(options);
  std::vector<double> scores;
  scores.reserve(rows.size());
  for (const CountRow& row : rows) {
    scores.push_back(model.Observe(row.time, row.value).anomaly_score);
  }
  return scores;
}

}  // namespace vigie
