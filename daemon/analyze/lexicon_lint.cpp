#include "vigie/analyze/lexicon_lint.h"

#include <algorithm>

#include "vigie/analyze/language_id.h"
#include "vigie/analyze/term_fold.h"

namespace vigie {

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
    // Plain ASCII folds to itself, lower-cased: the author wrote what is
    // looked up.
    const bool ascii = std::all_of(term.begin(), term.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    });
    if (ascii) continue;
    const std::string folded = FoldTerm(term);
    if (FunctionWordClue(folded).function_lang != lang) continue;
    warnings.push_back(std::string(path) + ":" + std::to_string(line_no) +
                       ":1: warning: '" + std::string(term) + "' is read as '" +
                       folded + "', a function word: every '" + folded +
                       "' would count");
  }
  return warnings;
}

}  // namespace vigie
