#include "vigie/analyze/german_compounds.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <span>
#include <unordered_set>
#include <utility>

namespace vigie {

namespace {

struct Part {
  std::string_view text;
  double valence;
};

// Nouns that make any compound they end evaluative (folded).
constexpr Part kHeads[] = {
    // trouble, failure and scandal
    {"katastrophe", -2.5},
    {"katastrophen", -2.5},
    {"chaos", -1.8},
    {"desaster", -2.5},
    {"debakel", -2.5},
    {"fiasko", -2.5},
    {"skandal", -2.0},
    {"skandale", -2.0},
    {"affaere", -1.2},
    {"abzocke", -2.5},
    {"betrug", -2.5},
    {"wucher", -2.0},
    {"luege", -2.0},
    {"versagen", -2.0},
    {"versager", -2.0},
    {"pleite", -1.8},
    {"panne", -1.5},
    {"pannen", -1.5},
    {"flop", -1.8},
    {"reinfall", -2.0},
    {"misserfolg", -1.8},
    {"niederlage", -1.5},
    {"absturz", -1.5},
    {"einbruch", -1.2},
    {"verlust", -1.5},
    {"verluste", -1.5},
    {"schaden", -1.5},
    {"fehler", -1.5},
    {"mangel", -1.2},
    {"maengel", -1.2},
    {"problem", -1.2},
    {"probleme", -1.2},
    {"krise", -1.8},
    {"krisen", -1.8},
    {"verspaetung", -1.2},
    {"verspaetungen", -1.2},
    {"ausfall", -1.2},
    {"ausfaelle", -1.2},
    {"stoerung", -1.2},
    {"stoerungen", -1.2},
    {"stau", -1.0},
    {"streik", -1.0},
    {"murks", -1.8},
    {"pfusch", -2.0},
    {"schrott", -2.2},
    {"muell", -1.8},
    {"dreck", -1.8},
    // anger, fear and distress
    {"frust", -1.8},
    {"aerger", -1.8},
    {"aergernis", -1.8},
    {"zumutung", -2.0},
    {"frechheit", -2.2},
    {"stress", -1.5},
    {"schmerz", -1.5},
    {"schmerzen", -1.5},
    {"elend", -2.0},
    {"misere", -2.0},
    {"hoelle", -2.0},
    {"horror", -2.0},
    {"terror", -2.0},
    {"schock", -1.8},
    {"angst", -1.5},
    {"aengste", -1.5},
    {"hass", -2.2},
    {"hetze", -2.0},
    {"zoff", -1.5},
    {"schikane", -2.0},
    {"willkuer", -1.8},
    {"schande", -2.2},
    // wrongdoing and nonsense
    {"korruption", -2.0},
    {"kriminalitaet", -1.8},
    {"missbrauch", -2.0},
    {"verrat", -2.0},
    {"verraeter", -2.2},
    {"luegner", -2.2},
    {"heuchelei", -2.0},
    {"sumpf", -1.5},
    {"unsinn", -1.8},
    {"quatsch", -1.6},
    {"bloedsinn", -1.8},
    {"schwachsinn", -2.0},
    {"idiot", -2.2},
    {"idioten", -2.2},
    {"heuchler", -2.0},
    {"verbrecher", -2.2},
    {"gesindel", -2.2},
    {"abschaum", -2.5},
    {"mafia", -2.0},
    {"schweinerei", -2.0},
    {"verschwendung", -1.8},
    // delight and success
    {"genuss", 2.0},
    {"vergnuegen", 1.8},
    {"highlight", 2.0},
    {"highlights", 2.0},
    {"paradies", 2.0},
    {"perle", 1.8},
    {"erfolg", 1.8},
    {"freude", 2.0},
    {"spass", 1.8},
    {"glueck", 2.0},
    {"jubel", 1.8},
    {"sieg", 1.5},
    {"traum", 1.8},
    {"meisterwerk", 3.0},
};

// First parts that intensify the rest of the word (folded).
constexpr std::string_view kBoosters[] = {
    "riesen", "sau",     "mords", "mega",  "ultra",     "hyper", "super",
    "extra",  "grotten", "stink", "stroh", "stock",     "kreuz", "ober",
    "bomben", "hammer",  "tod",   "tot",   "wahnsinns",
};

// First parts that are evaluative themselves (folded).
constexpr Part kModifiers[] = {
    {"scheiss", -2.0},      {"kack", -2.0},     {"drecks", -1.8},
    {"horror", -1.8},       {"schrott", -2.0},  {"pannen", -1.5},
    {"katastrophen", -2.0}, {"chaos", -1.5},    {"luegen", -1.8},
    {"ekel", -2.0},         {"murks", -1.8},    {"pfusch", -1.8},
    {"schund", -2.0},       {"pleite", -1.5},   {"traum", 1.8},
    {"lieblings", 1.5},     {"wohlfuehl", 1.5},
};

// Words that start like an evaluative first part and are something else.
constexpr std::string_view kNotCompounds[] = {
    "traumat",  // trauma, traumatic
    "superintendent",
    // Horror as a genre, no complaint: "ein guter Horrorfilm".
    "horrorfilm", "horrorserie", "horrorroman", "horrorfan", "horrorgenre",
    "horrorstreifen", "horrorklassiker", "horrorbuch", "horrorkomoedie",
    "horrorspiel", "horrorautor"};

// Bytes a first or last part has at least.
constexpr std::size_t kMinFirstBytes = 3;
constexpr std::size_t kMinHeadBytes = 4;
constexpr std::size_t kMinBoostedBytes = 3;

double Clamp(double v) { return std::clamp(v, -4.0, 4.0); }

// starts_with() that compares the first byte before calling memcmp: most
// words start with none of the parts.
bool StartsWith(std::string_view word, std::string_view part) {
  return !part.empty() && !word.empty() && word[0] == part[0] &&
         word.starts_with(part);
}

// Every head is this long at least; a word whose last kHeadTail bytes end
// no head has none, which most words show with one look-up.
constexpr std::size_t kHeadTail = 4;
constexpr bool HeadsAreLongEnough() {
  for (const Part& h : kHeads) {
    if (h.text.size() < kHeadTail) return false;
  }
  return true;
}
static_assert(HeadsAreLongEnough());

const std::unordered_set<std::string_view>& HeadTails() {
  static const auto* tails = [] {
    auto* set = new std::unordered_set<std::string_view>;
    for (const Part& h : kHeads)
      set->insert(h.text.substr(h.text.size() - kHeadTail));
    return set;
  }();
  return *tails;
}

}  // namespace

std::optional<CompoundReading> ReadGermanCompound(std::string_view word,
                                                  const PartValence& find,
                                                  double booster) {
  if (word.size() < kMinCompoundBytes) return std::nullopt;
  for (const std::string_view no : kNotCompounds) {
    if (word.starts_with(no)) return std::nullopt;
  }
  // 1. The longest evaluative head.
  const Part* head = nullptr;
  const bool may_end_head =
      HeadTails().contains(word.substr(word.size() - kHeadTail));
  for (const Part& h :
       may_end_head ? std::span<const Part>(kHeads) : std::span<const Part>()) {
    if (word.size() >= h.text.size() + kMinFirstBytes &&
        word.ends_with(h.text) &&
        (head == nullptr || h.text.size() > head->text.size())) {
      head = &h;
    }
  }
  if (head != nullptr) {
    const std::size_t split = word.size() - head->text.size();
    const bool boosted =
        std::find(std::begin(kBoosters), std::end(kBoosters),
                  word.substr(0, split)) != std::end(kBoosters);
    const double boost = boosted ? std::copysign(booster, head->valence) : 0.0;
    return CompoundReading{Clamp(head->valence + boost), split};
  }
  // 2. An intensifier before a word of the lexicon.
  for (const std::string_view b : kBoosters) {
    if (word.size() < b.size() + kMinBoostedBytes || !StartsWith(word, b)) {
      continue;
    }
    const std::optional<double> rest = find(word.substr(b.size()));
    if (rest && *rest != 0.0) {
      return CompoundReading{Clamp(*rest + std::copysign(booster, *rest)),
                             b.size()};
    }
  }
  // 3. An evaluative first part.
  for (const Part& m : kModifiers) {
    if (word.size() < m.text.size() + kMinHeadBytes ||
        !StartsWith(word, m.text)) {
      continue;
    }
    const std::optional<double> rest = find(word.substr(m.text.size()));
    return CompoundReading{Clamp(m.valence + rest.value_or(0.0)),
                           m.text.size()};
  }
  return std::nullopt;
}

}  // namespace vigie
