#include "vigie/analyze/lexicon_lint.h"

#include <algorithm>

#include "vigie/analyze/language_id.h"
#include "vigie/analyze/term_fold.h"
#include "vigie/analyze/tokenizer.h"

namespace vigie {

namespace {

// Calls fn(line number, term) for each entry line of the lexicon `text`;
// comments, blank lines and lines without a tab (the parser's business) are
// skipped.
template <typename Fn>
void ForEachTerm(std::string_view text, Fn fn) {
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
    fn(line_no, line.substr(0, tab));
  }
}

}  // namespace

std::vector<std::string> FoldCollisionWarnings(std::string_view path,
                                               std::string_view text,
                                               std::string_view language) {
  const int lang = language == "fr" ? 0 : language == "en" ? 1 : 2;
  std::vector<std::string> warnings;
  ForEachTerm(text, [&](std::size_t line_no, std::string_view term) {
    // Plain ASCII folds to itself, lower-cased: the author wrote what is
    // looked up.
    const bool ascii = std::all_of(term.begin(), term.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    });
    if (ascii) return;
    const std::string folded = FoldTerm(term);
    if (FunctionWordClue(folded).function_lang != lang) return;
    warnings.push_back(std::string(path) + ":" + std::to_string(line_no) +
                       ":1: warning: '" + std::string(term) + "' is read as '" +
                       folded + "', a function word: every '" + folded +
                       "' would count");
  });
  return warnings;
}

std::vector<std::string> ElidedWordWarnings(std::string_view path,
                                            std::string_view text) {
  std::vector<std::string> warnings;
  ForEachTerm(text, [&](std::size_t line_no, std::string_view term) {
    // Each word of the term (split at spaces and hyphens) up to an
    // apostrophe, ASCII or typographic.
    std::size_t word = 0;
    for (std::size_t i = 0; i <= term.size(); ++i) {
      if (i < term.size() && term[i] != ' ' && term[i] != '-') continue;
      const std::string_view w = term.substr(word, i - word);
      std::size_t apostrophe = w.find('\'');
      if (apostrophe == std::string_view::npos) apostrophe = w.find("\u2019");
      if (apostrophe != std::string_view::npos && apostrophe > 0 &&
          IsElidedWord(FoldTerm(w.substr(0, apostrophe)))) {
        warnings.push_back(
            std::string(path) + ":" + std::to_string(line_no) + ":" +
            std::to_string(word + 1) + ": warning: '" + std::string(term) +
            "' holds the elided word '" + std::string(w.substr(0, apostrophe)) +
            "\'', which the text splits off: the term never matches; write "
            "it without");
        break;
      }
      word = i + 1;
    }
  });
  return warnings;
}

std::vector<std::string> HyphenWarnings(std::string_view path,
                                        std::string_view text) {
  std::vector<std::string> warnings;
  ForEachTerm(text, [&](std::size_t line_no, std::string_view term) {
    const std::size_t hyphen = WordJoinOf(term, "-");
    if (hyphen == std::string_view::npos) return;
    warnings.push_back(std::string(path) + ":" + std::to_string(line_no) + ":" +
                       std::to_string(hyphen + 1) + ": warning: '" +
                       std::string(term) +
                       "' holds a hyphen, where the text is split into "
                       "words: the term never matches; write a space");
  });
  return warnings;
}

}  // namespace vigie
