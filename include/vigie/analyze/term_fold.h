// FoldTerm: how the scorer folds a word before looking it up — FoldText
// (case, accents, ß -> ss), except that the German umlauts ä ö ü (any case)
// become ae oe ue, as German writes them without the dots. So "schön"
// (beautiful) is looked up as "schoen", not as "schon" (already), and "öde"
// (dull) as "oede", not as "ode"; "schoen" typed out finds "schön" too.
// The tokenizer folds text the same way, byte for byte.
//
// A lexicon term with an umlaut is also looked up in its dot-less spelling
// ("enttauscht" for "enttäuscht", as typed on a keyboard without umlauts)
// unless that spelling is another word the scorer reads: see
// Lexicon::Parse().
//
// AccentSpelling keeps what FoldTerm drops: a word's letters lower-cased
// with their accents, so that a lexicon may tell "salé" (salty) from "sale"
// (dirty), which fold alike (see Lexicon::Parse()).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie {

/// Returns `term` folded for look-up: FoldText(term) with precomposed
/// ä ö ü Ä Ö Ü written ae oe ue, and the ligatures œ Œ æ Æ oe ae ("cœur" is
/// looked up as "coeur", as it is mostly typed). Invalid UTF-8 becomes
/// U+FFFD.
std::string FoldTerm(std::string_view term);

/// "oe" for code point œ or Œ, "ae" for æ or Æ; null for any other.
const char* LigaturePair(std::int32_t cp);

/// True when `term` holds œ Œ æ or Æ.
bool HasLigature(std::string_view term);

/// Returns `text` case-folded and composed (NFC) with its accents kept,
/// ’ and ʼ written ', and blanks between words as one space: "Salé" and
/// "sale\u0301" both give "salé". Invalid UTF-8 becomes U+FFFD.
std::string AccentSpelling(std::string_view text);

/// True when `term` holds a precomposed ä ö ü Ä Ö Ü.
bool HasUmlaut(std::string_view term);

/// 'a', 'o' or 'u' for code point ä ö ü Ä Ö Ü; 0 for any other.
char UmlautVowel(std::int32_t cp);

}  // namespace vigie
