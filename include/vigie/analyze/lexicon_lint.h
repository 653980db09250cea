// Lexicon lint: entries that folding turns into a function word, and
// terms that hold an elided word or a hyphen, which never match.
//
// Terms are looked up folded (FoldTerm: lower case, accents removed), so
// French "sûr" (sure) is read as "sur" (on) and would score every "sur".
// Such an entry is legal but almost surely a mistake: `vigie check` warns of
// it. (Umlauts are kept apart: "schön" is read as "schoen", not "schon".)
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie {

/// One warning per entry of the lexicon file `text` (named `path`, for
/// language `language`: "fr", "en" or "de") whose term has a non-ASCII
/// letter and whose folded form (FoldTerm()) is a function
/// word of that language (FunctionWordClue()), as "path:line:1: warning:
/// ...". Lines that do not parse are skipped (the parser reports them).
std::vector<std::string> FoldCollisionWarnings(std::string_view path,
                                               std::string_view text,
                                               std::string_view language);

/// One warning per entry of the lexicon file `text` (named `path`) whose
/// term holds an elided word before an apostrophe ("d'enfer", "simple
/// d'utilisation"): the tokenizer splits such words off the text
/// (IsElidedWord()), so the term never matches. As "path:line:col:
/// warning: ...", the column that of the elided word.
std::vector<std::string> ElidedWordWarnings(std::string_view path,
                                            std::string_view text);

/// One warning per entry of the lexicon file `text` (named `path`) whose
/// term joins two words of two letters or more with a hyphen ("sub-par",
/// "au-delà"): the tokenizer splits a text's words at hyphens, so the term
/// never matches (emoticons such as "x-d" and ":-)" are spared). As
/// "path:line:col: warning: ...", the column that of the hyphen.
std::vector<std::string> HyphenWarnings(std::string_view path,
                                        std::string_view text);

}  // namespace vigie
