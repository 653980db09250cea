#include "vigie/analyze/french_inflections.h"

#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "vigie/analyze/language_id.h"

namespace vigie {

namespace {

// A word ending and the endings that replace it.
struct Rule {
  std::string_view ending;
  std::vector<std::string_view> forms;
};

// Tried in order; the first rule whose ending matches applies (the general
// "+s" plural is added separately).
const std::vector<Rule>& Rules() {
  static const auto* kRules = new std::vector<Rule>{
      {"eux", {"euse", "euses"}}, {"if", {"ive", "ives"}},
      {"el", {"elle", "elles"}},  {"al", {"ale", "ales", "aux"}},
      {"eur", {"eure", "eures"}}, {"er", {"ere", "eres"}},
      {"on", {"onne", "onnes"}},  {"ant", {"ante", "antes"}},
      {"ent", {"ente", "entes"}}, {"e", {"ee", "ees"}},
      {"u", {"ue", "ues"}},       {"i", {"ie", "ies"}},
  };
  return *kRules;
}

constexpr std::size_t kMinLetters = 4;

bool EndsWith(std::string_view w, std::string_view ending) {
  return w.size() >= ending.size() &&
         w.substr(w.size() - ending.size()) == ending;
}

}  // namespace

int AddFrenchInflections(Lexicon& lexicon) {
  static const auto* kFunctionWords = [] {
    auto* set = new std::unordered_set<std::string_view>;
    for (std::string_view w : FunctionWords()) set->insert(w);
    return set;
  }();
  // Plurals of listed words first, so that a listed feminine ("decue")
  // gives its own plural ("decues") its valence.
  std::vector<std::pair<std::string, double>> forms;
  std::vector<std::pair<std::string, double>> derived;
  lexicon.ForEach([&forms, &derived](std::string_view term, double valence) {
    if (term.size() < kMinLetters || term.find(' ') != std::string_view::npos) {
      return;
    }
    const char last = term.back();
    if (last != 's' && last != 'x' && last != 'z') {
      forms.emplace_back(std::string(term) + "s", valence);
    }
    for (const Rule& rule : Rules()) {
      if (!EndsWith(term, rule.ending)) continue;
      const std::string_view stem =
          term.substr(0, term.size() - rule.ending.size());
      for (std::string_view f : rule.forms) {
        derived.emplace_back(std::string(stem) + std::string(f), valence);
      }
      break;
    }
  });
  forms.insert(forms.end(), std::make_move_iterator(derived.begin()),
               std::make_move_iterator(derived.end()));
  int added = 0;
  for (const auto& [form, valence] : forms) {
    if (kFunctionWords->count(form) > 0) continue;
    if (lexicon.AddIfAbsent(form, valence)) ++added;
  }
  return added;
}

}  // namespace vigie
