#include "vigie/ingest/feed_time.h"

#include <cstdint>

#include "vigie/core/civil_date.h"

namespace vigie {

namespace {

struct CivilTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millis = 0;
  int offset_minutes = 0;  // local time minus UTC
};

std::optional<TimePoint> ToTimePoint(const CivilTime& t) {
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12) {
    return std::nullopt;
  }
  if (t.day < 1 || t.day > DaysInMonth(t.year, t.month)) return std::nullopt;
  if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 ||
      t.second < 0 || t.second > 60 || t.millis < 0 || t.millis > 999) {
    return std::nullopt;
  }
  const std::int64_t seconds = DaysFromCivil(t.year, t.month, t.day) * 86400 +
                               t.hour * 3600 + t.minute * 60 + t.second -
                               std::int64_t{t.offset_minutes} * 60;
  return FromUnixMillis(seconds * 1000 + t.millis);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// A cursor over the text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void Advance() { ++pos_; }

  void SkipSpaces() {
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
  }
  bool Consume(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  // Reads between `min` and `max` digits.
  bool Digits(int min, int max, int* out, int* count = nullptr) {
    int n = 0;
    int value = 0;
    while (n < max && !AtEnd() && IsDigit(text_[pos_])) {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
      ++n;
    }
    if (n < min) return false;
    *out = value;
    if (count != nullptr) *count = n;
    return true;
  }
  std::string_view Word() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsAlpha(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday",  "wednesday", "thursday",
    "friday", "saturday", "sunday"};

// True when `word` is the 3-letter abbreviation or the full form of `full`
// ("Sept" is also accepted for September).
bool MatchesName(std::string_view word, std::string_view full) {
  if (word.size() < 3) return false;
  if (EqualsIgnoreCase(word, full.substr(0, 3))) return true;
  if (EqualsIgnoreCase(word, full)) return true;
  return full == "september" && EqualsIgnoreCase(word, "sept");
}

int MonthNumber(std::string_view word) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (MatchesName(word, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  for (std::string_view day : kWeekdays) {
    if (MatchesName(word, day)) return true;
  }
  return false;
}

// Reads "±hhmm", "±hh:mm" or "±hh" (only "±hh:mm" when `strict`); sets the
// minutes east of UTC.
bool NumericOffset(Scanner& s, bool strict, int* offset_minutes) {
  int sign = 0;
  if (s.Consume('+')) {
    sign = 1;
  } else if (s.Consume('-')) {
    sign = -1;
  } else {
    return false;
  }
  int hours = 0;
  int minutes = 0;
  int count = 0;
  if (!s.Digits(2, strict ? 2 : 4, &hours, &count)) return false;
  if (strict) {
    if (!s.Consume(':') || !s.Digits(2, 2, &minutes)) return false;
  } else if (count == 4) {
    minutes = hours % 100;
    hours /= 100;
  } else if (count == 2 && s.Consume(':')) {
    if (!s.Digits(2, 2, &minutes)) return false;
  } else if (count != 2) {
    return false;
  }
  if (hours > 23 || minutes > 59) return false;
  *offset_minutes = sign * (hours * 60 + minutes);
  return true;
}

bool NamedZone(std::string_view name, int* offset_minutes) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Zone, 16> kZones = {{
      {"GMT", 0},
      {"UT", 0},
      {"UTC", 0},
      {"Z", 0},
      {"EST", -5},
      {"EDT", -4},
      {"CST", -6},
      {"CDT", -5},
      {"MST", -7},
      {"MDT", -6},
      {"PST", -8},
      {"PDT", -7},
      {"CET", 1},
      {"CEST", 2},
      {"MET", 1},
      {"MEST", 2},
  }};
  for (const Zone& zone : kZones) {
    if (EqualsIgnoreCase(name, zone.name)) {
      *offset_minutes = zone.hours * 60;
      return true;
    }
  }
  if (name.size() == 1 && (Lower(name[0]) != 'j')) {
    *offset_minutes = 0;  // RFC 2822 4.3: military zones mean -0000
    return true;
  }
  return false;
}

}  // namespace

std::optional<TimePoint> ParseRfc822Date(std::string_view text) {
  Scanner s(text);
  CivilTime t;
  s.SkipSpaces();
  if (IsAlpha(s.Peek())) {
    if (!IsWeekday(s.Word())) return std::nullopt;
    s.SkipSpaces();
    s.Consume(',');
    s.SkipSpaces();
  }
  if (!s.Digits(1, 2, &t.day)) return std::nullopt;
  if (!s.Consume('-')) s.SkipSpaces();
  t.month = MonthNumber(s.Word());
  if (t.month == 0) return std::nullopt;
  if (!s.Consume('-')) s.SkipSpaces();
  int year_digits = 0;
  if (!s.Digits(2, 4, &t.year, &year_digits)) return std::nullopt;
  if (year_digits == 2) {
    t.year += t.year < 50 ? 2000 : 1900;
  } else if (year_digits == 3) {
    t.year += 1900;
  }
  s.SkipSpaces();
  if (s.AtEnd()) return ToTimePoint(t);
  if (!s.Digits(1, 2, &t.hour) || !s.Consume(':') ||
      !s.Digits(2, 2, &t.minute)) {
    return std::nullopt;
  }
  if (s.Consume(':') && !s.Digits(2, 2, &t.second)) return std::nullopt;
  s.SkipSpaces();
  if (s.Peek() == '+' || s.Peek() == '-') {
    if (!NumericOffset(s, /*strict=*/false, &t.offset_minutes)) {
      return std::nullopt;
    }
  } else if (IsAlpha(s.Peek())) {
    if (!NamedZone(s.Word(), &t.offset_minutes)) return std::nullopt;
  }
  s.SkipSpaces();
  if (s.Consume('(')) {
    while (!s.AtEnd() && s.Peek() != ')') s.Advance();
    if (!s.Consume(')')) return std::nullopt;
    s.SkipSpaces();
  }
  if (!s.AtEnd()) return std::nullopt;
  return ToTimePoint(t);
}

namespace {

// RFC 3339; `lenient` also accepts the W3C-DTF reductions (date only, no
// seconds, no offset) and "+hhmm" offsets.
std::optional<TimePoint> ParseIso8601(std::string_view text, bool lenient) {
  Scanner s(text);
  CivilTime t;
  if (lenient) s.SkipSpaces();
  if (!s.Digits(4, 4, &t.year) || !s.Consume('-') ||
      !s.Digits(2, 2, &t.month) || !s.Consume('-') || !s.Digits(2, 2, &t.day)) {
    return std::nullopt;
  }
  if (lenient) s.SkipSpaces();
  if (lenient && s.AtEnd()) return ToTimePoint(t);
  const char sep = s.Peek();
  if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
  s.Advance();
  if (!s.Digits(2, 2, &t.hour) || !s.Consume(':') ||
      !s.Digits(2, 2, &t.minute)) {
    return std::nullopt;
  }
  if (s.Consume(':')) {
    if (!s.Digits(2, 2, &t.second)) return std::nullopt;
    if (s.Consume('.') || s.Consume(',')) {
      if (!IsDigit(s.Peek())) return std::nullopt;
      int place = 100;
      while (IsDigit(s.Peek())) {
        t.millis += (s.Peek() - '0') * place;
        place /= 10;
        s.Advance();
      }
    }
  } else if (!lenient) {
    return std::nullopt;
  }
  if (s.Consume('Z') || s.Consume('z')) {
    t.offset_minutes = 0;
  } else if (s.Peek() == '+' || s.Peek() == '-') {
    if (!NumericOffset(s, /*strict=*/!lenient, &t.offset_minutes)) {
      return std::nullopt;
    }
  } else if (!lenient) {
    return std::nullopt;
  }
  if (lenient) s.SkipSpaces();
  if (!s.AtEnd()) return std::nullopt;
  return ToTimePoint(t);
}

}  // namespace

std::optional<TimePoint> ParseRfc3339(std::string_view text) {
  return ParseIso8601(text, /*lenient=*/false);
}

std::optional<TimePoint> ParseFeedDate(std::string_view text) {
  if (auto t = ParseRfc822Date(text)) return t;
  return ParseIso8601(text, /*lenient=*/true);
}

}  // namespace vigie
