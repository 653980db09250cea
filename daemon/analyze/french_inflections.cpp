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

// The spelling of `form`, derived from folded term `base`, when `base` is
// spelled `spelled`: the ending `base` lost replaced in `spelled` by the
// one `form` gained ("salé", "sale" -> "salee" gives "salée"). Empty when
// `spelled` does not end with the lost ending as written.
std::string SpellForm(std::string_view spelled, std::string_view base,
                      std::string_view form) {
  std::size_t common = 0;
  while (common < base.size() && common < form.size() &&
         base[common] == form[common]) {
    ++common;
  }
  const std::string_view lost = base.substr(common);
  if (!EndsWith(spelled, lost)) return {};
  std::string out(spelled.substr(0, spelled.size() - lost.size()));
  out.append(form.substr(common));
  return out;
}

}  // namespace

int AddFrenchInflections(Lexicon& lexicon) {
  static const auto* kFunctionWords = [] {
    auto* set = new std::unordered_set<std::string_view>;
    for (std::string_view w : FunctionWords()) set->insert(w);
    return set;
  }();
  struct Form {
    std::string folded;
    std::string spelled;  // empty: the base term has no spellings
    double valence;
  };
  // Plurals of listed words first, so that a listed feminine ("decue")
  // gives its own plural ("decues") its valence.
  std::vector<Form> forms;
  std::vector<Form> derived;
  auto add = [](std::vector<Form>& to, std::string_view spelled,
                std::string_view base, std::string folded, double valence) {
    std::string spelled_form;
    if (!spelled.empty()) {
      spelled_form = SpellForm(spelled, base, folded);
      if (spelled_form.empty()) return;
    }
    to.push_back(Form{std::move(folded), std::move(spelled_form), valence});
  };
  lexicon.ForEachSpelling([&](std::string_view term, std::string_view spelled,
                              double valence) {
    if (term.size() < kMinLetters || term.find(' ') != std::string_view::npos) {
      return;
    }
    const char last = term.back();
    if (last != 's' && last != 'x' && last != 'z') {
      add(forms, spelled, term, std::string(term) + "s", valence);
    }
    for (const Rule& rule : Rules()) {
      if (!EndsWith(term, rule.ending)) continue;
      // -ee(s) is the feminine of a folded -é only: "sale" (dirty) has no
      // "salee", which is "salée" (salty). Known when the term has
      // spellings.
      if (rule.ending == "e" && !spelled.empty() &&
          !EndsWith(spelled, "\xC3\xA9")) {
        break;
      }
      const std::string_view stem =
          term.substr(0, term.size() - rule.ending.size());
      for (std::string_view f : rule.forms) {
        add(derived, spelled, term, std::string(stem) + std::string(f),
            valence);
      }
      break;
    }
  });
  forms.insert(forms.end(), std::make_move_iterator(derived.begin()),
               std::make_move_iterator(derived.end()));
  int added = 0;
  for (const Form& f : forms) {
    if (kFunctionWords->count(f.folded) > 0) continue;
    const bool fresh =
        f.spelled.empty() ? lexicon.AddIfAbsent(f.folded, f.valence)
                          : lexicon.AddSpelling(f.folded, f.spelled, f.valence);
    if (fresh) ++added;
  }
  return added;
}

}  // namespace vigie
