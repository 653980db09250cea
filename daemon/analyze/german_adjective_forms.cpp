#include "vigie/analyze/german_adjective_forms.h"

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
    if (base.ends_with(e)) return true;
  }
  if (!base.ends_with('t') && !base.ends_with("en")) return false;
  for (const std::string_view p : kParticiplePrefixes) {
    if (base.size() >= p.size() + 3 && base.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

std::optional<AdjectiveForm> ReadGermanAdjectiveForm(std::string_view word,
                                                     const PartValence& find) {
  for (const std::string_view s : kSuffixes) {
    if (word.size() < s.size() + kMinBaseBytes || !word.ends_with(s)) continue;
    const std::string_view base = word.substr(0, word.size() - s.size());
    if (!IsAdjectiveBase(base)) continue;
    const std::optional<double> v = find(base);
    if (v && *v != 0.0) return AdjectiveForm{*v, base};
  }
  return std::nullopt;
}

}  // namespace vigie
