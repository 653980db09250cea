#include "vigie/analyze/lexicon.h"

#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "vigie/analyze/language_id.h"
#include "vigie/analyze/term_fold.h"
#include "vigie/core/diagnostic.h"
#include "vigie/core/read_file.h"
#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos.
std::size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t at = 0;
  while (at < s.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        p + at, static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
    if (n <= 0) return at;
    at += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// True when `plain`, the dot-less spelling of lexicon term `spelled` (both
// normalised, with as many words), has a word that differs from the term's
// and is a function word of a language: "schon" (already) is no spelling of
// "schön" to look up.
bool ReadsAsOtherWord(std::string_view plain, std::string_view spelled) {
  while (!plain.empty()) {
    const std::size_t p = plain.find(' ');
    const std::size_t s = spelled.find(' ');
    const std::string_view word = plain.substr(0, p);
    if (word != spelled.substr(0, s) &&
        FunctionWordClue(word).function_lang >= 0) {
      return true;
    }
    if (p == std::string_view::npos || s == std::string_view::npos) break;
    plain.remove_prefix(p + 1);
    spelled.remove_prefix(s + 1);
  }
  return false;
}

// Writes `’` as `'` in `folded` (a folded term) and joins its words with
// single spaces. Sets `words` to the number of words.
std::string NormalizeTerm(const std::string& folded, int& words) {
  std::string out;
  out.reserve(folded.size());
  words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ' ' || c == '\t') {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (words > 0) out += ' ';
      ++words;
      in_word = true;
    }
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::uint32_t TermTable::Insert(std::string_view term, bool* inserted) {
  if (const std::uint32_t id = Find(term); id != kAbsent) {
    if (inserted != nullptr) *inserted = false;
    return id;
  }
  if ((spans_.size() + 1) * 2 > slots_.size()) Grow();
  const auto id = static_cast<std::uint32_t>(spans_.size());
  spans_.push_back(Span{static_cast<std::uint32_t>(bytes_.size()),
                        static_cast<std::uint32_t>(term.size())});
  bytes_.append(term);
  const std::uint64_t h = HashTerm(term);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].tag != 0) i = (i + 1) & mask;
  slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32) | 1u, id};
  if (inserted != nullptr) *inserted = true;
  return id;
}

void TermTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.tag == 0) continue;
    std::size_t i = HashTerm(term(s.id)) & mask;
    while (slots_[i].tag != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

Result<Lexicon> Lexicon::Parse(std::string_view path, std::string_view text) {
  Lexicon lex;
  std::vector<int> first_line;  // by term id
  // By term id: the spelling of a one-word term as the file wrote it.
  std::vector<std::string> spelled_as;
  // Dot-less spellings of terms with umlauts, with their valences.
  std::vector<std::pair<std::string, double>> plain_spellings;
  std::size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    ++line_no;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A UTF-8 byte order mark on the first line is skipped; columns still
    // count it so carets land under the right byte.
    std::size_t skip = 0;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;
    auto pos = [&](std::size_t offset) {
      return SourcePos{line_no, static_cast<int>(offset) + 1};
    };

    if (const std::size_t bad = FirstInvalidUtf8(line);
        bad != std::string_view::npos) {
      return FileError(path, text, pos(bad), "invalid UTF-8");
    }
    std::size_t first = skip;
    while (first < line.size() && IsBlank(line[first])) ++first;
    if (first == line.size() || line[first] == '#') continue;

    const std::size_t tab = line.find('\t', skip);
    if (tab == std::string_view::npos) {
      return FileError(path, text, pos(line.size()),
                       "missing TAB between term and valence");
    }
    int words = 0;
    const std::string_view raw = line.substr(skip, tab - skip);
    std::string term = NormalizeTerm(FoldTerm(raw), words);
    if (term.empty()) return FileError(path, text, pos(skip), "empty term");
    if (words > kMaxWords) {
      return FileError(path, text, pos(skip),
                       "term has " + std::to_string(words) +
                           " words; at most " + std::to_string(kMaxWords) +
                           " are allowed");
    }

    std::size_t vbegin = tab + 1;
    std::size_t vend = line.find('\t', vbegin);
    if (vend == std::string_view::npos) vend = line.size();
    while (vbegin < vend && line[vbegin] == ' ') ++vbegin;
    while (vend > vbegin && line[vend - 1] == ' ') --vend;
    const std::string_view field = line.substr(vbegin, vend - vbegin);
    std::string_view digits = field;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    double valence = 0.0;
    const auto [ptr, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), valence);
    if (field.empty() || ec != std::errc() ||
        ptr != digits.data() + digits.size() || !std::isfinite(valence)) {
      return FileError(path, text, pos(vbegin),
                       field.empty() ? std::string("missing valence")
                                     : "valence is not a number: '" +
                                           std::string(field) + "'");
    }
    if (valence < kMinValence || valence > kMaxValence) {
      return FileError(path, text, pos(vbegin),
                       "valence " + std::string(field) + " is outside [-4, 4]");
    }

    bool inserted = false;
    const std::uint32_t id = lex.terms_.Insert(term, &inserted);
    std::string spelled = words == 1 ? AccentSpelling(raw) : std::string();
    if (!inserted) {
      // Another spelling of a one-word term with other accents (not "oe"
      // for "ö") is an accent variant.
      if (!spelled.empty() && !spelled_as[id].empty() &&
          spelled != spelled_as[id] &&
          FoldText(spelled) == FoldText(spelled_as[id])) {
        if (id >= lex.spelled_.size() || lex.spelled_[id].empty()) {
          lex.AddVariant(id, spelled_as[id], lex.valences_[id]);
        }
        if (lex.AddVariant(id, spelled, valence)) continue;
      }
      return FileError(path, text, pos(skip),
                       "duplicate term '" + term + "' (first on line " +
                           std::to_string(first_line[id]) + ")");
    }
    first_line.push_back(line_no);
    spelled_as.push_back(std::move(spelled));
    if (words > lex.max_words_) lex.max_words_ = words;
    lex.valences_.push_back(valence);
    if (HasUmlaut(raw)) {
      int plain_words = 0;
      std::string plain = NormalizeTerm(FoldText(raw), plain_words);
      if (!ReadsAsOtherWord(plain, term)) {
        plain_spellings.emplace_back(std::move(plain), valence);
      }
    }
  }
  // After every term of the file, so that a spelling the file lists itself
  // keeps its own valence.
  for (const auto& [plain, valence] : plain_spellings) {
    lex.AddIfAbsent(plain, valence);
  }
  return lex;
}

bool Lexicon::AddIfAbsent(std::string_view folded, double valence) {
  bool inserted = false;
  terms_.Insert(folded, &inserted);
  if (!inserted) return false;
  valences_.push_back(valence);
  const int words =
      1 + static_cast<int>(std::count(folded.begin(), folded.end(), ' '));
  if (words > max_words_) max_words_ = words;
  return true;
}

bool Lexicon::AddVariant(std::uint32_t id, std::string_view spelled,
                         double valence) {
  if (spelled_.size() <= id) spelled_.resize(id + 1);
  auto& spellings = spelled_[id];
  for (const auto& [s, v] : spellings) {
    if (s == spelled) return false;
  }
  spellings.emplace_back(std::string(spelled), valence);
  if (spelled == terms_.term(id)) valences_[id] = valence;
  return true;
}

bool Lexicon::AddSpelling(std::string_view folded, std::string_view spelled,
                          double valence) {
  bool inserted = false;
  const std::uint32_t id = terms_.Insert(folded, &inserted);
  if (inserted) {
    valences_.push_back(valence);
    if (max_words_ < 1) max_words_ = 1;
  } else if (id >= spelled_.size() || spelled_[id].empty()) {
    return false;
  }
  return AddVariant(id, spelled, valence);
}

Result<Lexicon> Lexicon::Load(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(path, *text);
}

}  // namespace vigie
