// German compounds: German writes its compounds as one word
// ("Kundenservicekatastrophe", "Scheißwetter", "saugut"), so no lexicon can
// list them all. ReadGermanCompound reads a word the lexicon lacks as a
// compound whose parts carry its sentiment, in three ways, tried in order:
//  1. an evaluative head: the last part of a German compound noun sets its
//     meaning, and some nouns are evaluative whatever comes before them
//     (-katastrophe, -chaos, -skandal, -abzocke, -genuss, -paradies): the
//     compound takes the head's valence ("Lieferchaos", "Lesegenuss");
//  2. an intensifying first part (riesen-, sau-, mords-, mega-, grotten-,
//     stink-, stroh-, tod-, ...) before a word of the lexicon: that word's
//     valence, boosted ("Riesenproblem", "saugut", "grottenschlecht");
//  3. an evaluative first part (scheiß-, drecks-, horror-, schrott-,
//     pannen-, traum-, lieblings-, ...): its own valence, plus the rest's
//     when the lexicon has it ("Scheißwetter", "Traumurlaub").
// The lists are closed and short, of parts whose sense does not depend on
// the rest of the word: "Spitzen-" (top-ranking or excellent), "Mist-"
// (dung) and "Miss-" (a beauty title) are left out on purpose.
//
// Words are folded as the lexicons are: lower case, ä ö ü as ae oe ue, ß as
// ss. Thread-safety: pure functions over constant tables.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace vigie {

/// How a compound reads: its valence, and the byte where its first part
/// ends (the split shown by --explain).
struct CompoundReading {
  double valence = 0.0;   ///< on the lexicons' scale, clamped to [-4, 4]
  std::size_t split = 0;  ///< bytes of the first part
};

/// Returns the lexicon valence of a folded word, or nullopt.
using PartValence = std::function<std::optional<double>(std::string_view)>;

/// Words shorter than this many bytes are never read as compounds.
inline constexpr std::size_t kMinCompoundBytes = 7;

/// Reads the folded word `word`, which the lexicon lacks, as a German
/// compound (see the file comment); nullopt when no part is evaluative.
/// `find` looks a part up in the lexicon; `booster` is the increment an
/// intensifying first part adds to the magnitude of the rest's valence.
std::optional<CompoundReading> ReadGermanCompound(std::string_view word,
                                                  const PartValence& find,
                                                  double booster);

}  // namespace vigie
