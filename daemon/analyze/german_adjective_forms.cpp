#include "vigie/analyze/german_adjective_forms.h"

#include <string>

namespace vigie {

namespace {

// What may follow the base: degree, then ending (both possibly empty, not
// both), longest first so that "-eren" is tried before "-en".
constexpr std::string_view kSuffixes[] = {
    "esten", "ester", "estes", "estem", "este", "eren", "erer",
    "eres",  "erem",  "sten",  "ster",  "stes", "stem", "ere",
    "ste",   "en",    "er",    "es",    "em",   "e",
};

// Endings of adjectives (folded).
constexpr std::string_view kAdjectiveEndings[] = {
    "ig",  "lich", "isch", "bar", "sam", "haft", "los", "voll",
    "end", "ant",  "ent",  "iv",  "oes", "al",   "ell",
};

// Prefixes of German participles.
constexpr std::string_view kParticiplePrefixes[] = {
    "ge", "ver", "be", "ent", "er", "zer", "ueber", "miss",
};

// A base has at least this many bytes.
constexpr std::size_t kMinBaseBytes = 4;

bool IsAdjectiveBase(std::string_view base) {
  for (const std::string_view e : kAdjectiveEndings) {
    // "-ell" from 6 bytes on ("aktuell", "schnell"): "Müller" (folded
    // "mueller") is a name, no form of "Müll".
    if (base.ends_with(e) && (e != "ell" || base.size() >= 6)) return true;
  }
  // A negated adjective or participle: "unbeliebt", "ungeeignet".
  if (base.size() >= 8 && base.starts_with("un") &&
      IsAdjectiveBase(base.substr(2))) {
    return true;
  }
  if (!base.ends_with('t') && !base.ends_with("en")) return false;
  for (const std::string_view p : kParticiplePrefixes) {
    if (base.size() >= p.size() + 3 && base.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

std::optional<AdjectiveForm> ReadGermanAdjectiveForm(std::string_view word,
                                                     const PartValence& find,
                                                     std::string* buffer) {
  for (const std::string_view s : kSuffixes) {
    // The last byte first: most words end in none of the suffixes.
    if (word.size() < s.size() + kMinBaseBytes || word.back() != s.back() ||
        !word.ends_with(s)) {
      continue;
    }
    const std::string_view base = word.substr(0, word.size() - s.size());
    // A comparative with an ending or a superlative is an adjective's form
    // whatever its base: "schlechteste", "dümmere".
    const bool degree = s.size() >= 3;
    if (degree || IsAdjectiveBase(base)) {
      if (const std::optional<double> v = find(base); v && *v != 0.0) {
        return AdjectiveForm{*v, base};
      }
    }
    // Many short adjectives take an umlaut in these forms: "schwächste" is
    // "schwach", "stärkere" is "stark". Not a bare "-er", which also makes
    // nouns of agents ("Träumer" is no comparative of "Traum").
    const std::size_t umlaut = base.rfind('e');
    if (!degree || umlaut == std::string_view::npos || umlaut == 0 ||
        std::string_view("aou").find(base[umlaut - 1]) ==
            std::string_view::npos ||
        base.find_first_of("aeiou") + 1 < umlaut) {
      continue;
    }
    buffer->assign(base.substr(0, umlaut));
    buffer->append(base.substr(umlaut + 1));
    if (const std::optional<double> v = find(*buffer); v && *v != 0.0) {
      return AdjectiveForm{*v, *buffer};
    }
  }
  return std::nullopt;
}

}  // namespace vigie
