// French inflection at load time: the lexicon lists a word once, in the form
// its author chose (usually the masculine singular), and AddFrenchInflections
// adds the plural and feminine forms French grammar derives from it, so that
// "prix abusifs" and "portions ridicules" find "abusif" and "ridicule".
//
// Forms come from the word's ending, on folded words (no accents), for
// one-word terms of four letters or more:
//   any ending but s, x, z     +s              ridicule -> ridicules
//   -e (incl. folded -é)       +e, +es         decu.. casse -> cassee(s)
//   -eux                       -euse(s)        dangereux -> dangereuse
//   -if                        -ive(s)         abusif -> abusive(s)
//   -el                        -elle(s)        cruel -> cruelle
//   -al                        -ale(s), -aux   genial -> geniale, geniaux
//   -ant, -ent                 +e, +es         decevant -> decevante
//   -u, -i                     +e, +es         perdu -> perdue, pourri ->
//   pourrie -er                        -ere(s)         leger -> legere -eur +e,
//   +es         meilleur -> meilleure -on                        -onne(s)
//   mignon -> mignonne
// The forms of a term with accent variants (Lexicon::Parse()) are spelled
// from each variant ("salé" -> "salés", "salée"), so they keep the variants
// apart; such a term spelled with a plain -e ("sale") has no -ee forms.
// A form the lexicon already has keeps its own valence, and a form that is a
// function word of the language-identification model ("plus", "fois") is
// never added. Irregular forms (beau/belle, faux/fausse) stay in the file.
// Over-generation is harmless: a form that is no French word never matches.
//
// Thread-safety: a pure function of its argument.
#pragma once

#include "vigie/analyze/lexicon.h"

namespace vigie {

/// Adds to `lexicon` the inflected forms of its one-word terms (see above),
/// each with its base word's valence. Returns the number of forms added.
int AddFrenchInflections(Lexicon& lexicon);

}  // namespace vigie
