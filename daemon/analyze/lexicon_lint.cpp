#include "vigie/analyze/lexicon_lint.h"

#include <algorithm>

#include "vigie/analyze/language_id.h"
#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

// `term` with A-Z lower-cased and nothing else changed.
std::string AsciiLower(std::string_view term) {
  std::string out(term);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

}  // namespace

std::vector<std::string> FoldCollisionWarnings(std::string_view path,
                                               std::string_view text,
                                               std::string_view language) {
  const int lang = language == "fr" ? 0 : language == "en" ? 1 : 2;
  std::vector<std::string> warnings;
  std::size_t line_no = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_no;
    const std::size_t tab = line.find('\t');
    if (line.empty() || line.front() == '#' || tab == std::string_view::npos) {
      continue;
    }
    const std::string_view term = line.substr(0, tab);
    const std::string folded = FoldText(term);
    if (folded == AsciiLower(term) ||
        FunctionWordClue(folded).function_lang != lang) {
      continue;
    }
    warnings.push_back(std::string(path) + ":" + std::to_string(line_no) +
                       ":1: warning: '" + std::string(term) + "' is read as '" +
                       folded + "', a function word: every '" + folded +
                       "' would count");
  }
  return warnings;
}

}  // namespace vigie
