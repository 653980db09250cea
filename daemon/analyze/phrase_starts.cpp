#include "vigie/analyze/phrase_starts.h"

#include "vigie/analyze/term_fold.h"
#include "vigie/core/text_fold.h"

namespace vigie {

void PhraseStarts::AddTsv(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string_view term = line.substr(0, tab);
    const std::size_t first = term.find_first_not_of(' ');
    if (first == std::string_view::npos || term[first] == '#') continue;
    term.remove_prefix(first);
    const std::size_t space = term.find(' ');
    if (space == std::string_view::npos) continue;
    if (term.find_first_not_of(' ', space) == std::string_view::npos) continue;
    // Both spellings of a word with an umlaut: Lexicon::Parse() may add
    // the term's dot-less spelling too.
    const std::string_view first_word = term.substr(0, space);
    AddFolded(FoldTerm(first_word));
    if (HasUmlaut(first_word)) AddFolded(FoldText(first_word));
  }
}

void PhraseStarts::AddFolded(std::string_view folded) {
  std::string word;
  word.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      word.push_back('\'');
      i += 2;
    } else {
      word.push_back(folded[i]);
    }
  }
  words_.insert(std::move(word));
}

void PhraseStarts::Add(std::string_view folded_word) {
  words_.emplace(folded_word);
}

bool PhraseStarts::Contains(std::string_view folded_word) const {
  return words_.find(folded_word) != words_.end();
}

}  // namespace vigie
