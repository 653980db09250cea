// German adjective forms: a German adjective takes an ending after an
// article (-e, -en, -er, -es, -em) and forms its comparative (-er) and
// superlative (-st, -est) before that ending, so "peinlich" is also read in
// "peinliche", "peinlicheren" and "peinlichsten". Lexicons list some of
// these forms; ReadGermanAdjectiveForm finds the base of the others.
//
// A comparative with an ending and a superlative are read from any base,
// also without the umlaut they take ("dümmere" -> "dumm", "schwächste" ->
// "schwach"; not a bare "-er": "Träumer" is no comparative of "Traum"). Other
// forms only from bases that are adjectives by their ending (-ig, -lich, -isch,
// -bar, -sam, -haft, -los, -voll, -end, -ant, -ent, -iv, -oes, -al, -ell) and
// from participles (ge-, ver-, be-, ent-, er-, zer- ... ending in -t or -en):
// other bare stems are not, because their inflected forms are often other words
// ("lieb" + "er" is "lieber", rather; "reich" + "en" is "reichen", to suffice;
// "Gefahr" + "en" is "gefahren", driven).
//
// Words are folded as the lexicons are (ä ö ü as ae oe ue, ß as ss).
// Thread-safety: a pure function over constant tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/analyze/german_compounds.h"

namespace vigie {

/// Words shorter than this many bytes are never read as adjective forms.
inline constexpr std::size_t kMinGermanFormBytes = 5;

/// An inflected form read from its base: the base's valence, and the base.
struct AdjectiveForm {
  double valence = 0.0;   ///< the base's valence in the lexicon
  std::string_view base;  ///< a prefix of the word read
};

/// Reads the folded word `word`, which the lexicon lacks, as an inflected,
/// comparative or superlative form of an adjective or participle `find`
/// knows (see the file comment); nullopt when there is none. A base spelled
/// without the umlaut of the form ("schwaechste" -> "schwach") is built in
/// `*buffer`, which the result's `base` then views.
std::optional<AdjectiveForm> ReadGermanAdjectiveForm(std::string_view word,
                                                     const PartValence& find,
                                                     std::string* buffer);

}  // namespace vigie
