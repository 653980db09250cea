// Lexicon lint: entries that folding turns into a function word.
//
// Terms are looked up folded (lower case, accents and umlauts removed), so
// "öder" (dull) is read as "oder" (or) and would score every "oder". Such
// an entry is legal but almost surely a mistake: `vigie check` warns of it.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie {

/// One warning per entry of the lexicon file `text` (named `path`, for
/// language `language`: "fr", "en" or "de") whose term has a letter that
/// folding strips of an accent or umlaut and whose folded form is a function
/// word of that language (FunctionWordClue()), as "path:line:1: warning:
/// ...". Lines that do not parse are skipped (the parser reports them).
std::vector<std::string> FoldCollisionWarnings(std::string_view path,
                                               std::string_view text,
                                               std::string_view language);

}  // namespace vigie
