#include "vigie/analyze/scorer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "vigie/analyze/german_adjective_forms.h"
#include "vigie/analyze/german_compounds.h"
#include "vigie/analyze/language_id.h"
#include "vigie/analyze/stated_rating.h"
#include "vigie/analyze/term_fold.h"
#include "vigie/analyze/tokenizer.h"

namespace vigie {

namespace {

constexpr double kNegationScalar = -0.74;
constexpr double kLitotesScalar = -0.5;
constexpr double kOrphanNegation = -0.18;
// An orphan word of absence ("nobody answered", "rien reçu"), or an orphan
// negation that says something keeps failing, stopped, or cannot be done
// ("still hasn't arrived", "ne s'allume plus", "kann mich nicht
// einloggen"): a complaint.
constexpr double kOrphanFailure = -0.6;
// "too long", "trop cher", "trop de monde": excess is a complaint.
constexpr double kExcess = -1.1;
// "waited 40 minutes", "attendu une heure", "zwei Stunden gewartet": a
// long wait is a complaint.
constexpr double kLongWait = -1.5;
// A question that asks why ("Why is my parcel still not here?", "Warum
// dauert das so lange?"): a complaint.
constexpr double kWhyQuestion = -1.0;
// "Seriously?", "Ernsthaft?", "Sérieux ?" as a sentence of its own: the
// writer cannot believe what the text tells, a complaint.
constexpr double kExasperation = -1.5;
// A sentence in capitals echoing the text's words (Engine::CapitalEcho()).
constexpr double kCapitalEcho = -1.0;
// "Will order from them again!", "Ich würde wieder hingehen": an intent to
// come back is praise; negated ("I will never use them again"), blame.
constexpr double kReturnIntent = 1.5;
constexpr double kBoosterIncrement = 0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kExclamationIncrement = 0.292;
constexpr int kMaxExclamations = 4;
constexpr double kQuestionIncrement = 0.18;
constexpr double kManyQuestions = 0.96;
constexpr double kBeforeContrast = 0.5;
constexpr double kAfterContrast = 1.5;
// A rating the author states ("8/10", "2 étoiles") counts as this many
// strong words: it is the review's own verdict.
constexpr double kStatedRatingWeight = 2.0;
// A stated rating whose valence is below this in size is a middle one
// (2.5/5 to 3.5/5, 5/10 to 6.5/10): a lukewarm verdict.
constexpr double kMiddleRatingValence = 0.85;
// A sentence after the first that ends with "though" is an afterthought
// ("... the villain's plan makes no sense. Great trailer though."): its
// terms are multiplied by this.
constexpr double kAfterthoughtScalar = 0.5;
// A clause of a state since changed ("tenaient bien la charge au début",
// "anfangs gehasst", "tight at first"): its terms are multiplied by this.
constexpr double kSupersededScalar = 0.5;
constexpr double kAlpha = 15.0;
// Terms that pull both ways: in a text with at least kConflictMinTerms
// polar contributions, the cancelled mass C = 2 min(positive, negative)
// joins the normaliser as kConflictWeight * C^2, so that a net sum under
// about a fifth of C stays inside the neutral band.
constexpr double kConflictWeight = 16.0;
constexpr int kConflictMinTerms = 4;
constexpr int kWindow = 3;
constexpr std::size_t kMaxWordBytes = 64;
// A booster's effect shrinks with its distance to the word (1, 2, 3 tokens).
constexpr double kDistanceFactor[kWindow + 1] = {0.0, 1.0, 0.95, 0.9};

enum Lang { kFr = 0, kEn = 1, kDe = 2, kUnd = 3 };

using WordSet = std::unordered_set<std::string_view>;
using WordMap = std::unordered_map<std::string_view, double>;

struct LangRules {
  WordSet negators;
  WordMap boosters;
  WordSet contrast;
};

// Words are folded as FoldTerm() folds them; a German word with an umlaut
// is listed twice, as folded ("voellig") and as typed without dots
// ("vollig").
const LangRules& Rules(Lang lang) {
  static const LangRules kRules[3] = {
      // French
      {{"pas", "jamais", "rien", "sans", "aucun", "aucune", "guere", "ni",
        "non", "nullement", "aucunement", "zero"},
       {{"tres", kBoosterIncrement},
        {"vraiment", kBoosterIncrement},
        {"trop", kBoosterIncrement},
        {"hyper", kBoosterIncrement},
        {"super", kBoosterIncrement},
        {"extremement", kBoosterIncrement},
        {"tellement", kBoosterIncrement},
        {"vachement", kBoosterIncrement},
        {"totalement", kBoosterIncrement},
        {"completement", kBoosterIncrement},
        {"absolument", kBoosterIncrement},
        {"particulierement", kBoosterIncrement},
        {"franchement", kBoosterIncrement},
        {"carrement", kBoosterIncrement},
        {"si", kBoosterIncrement},
        {"archi", kBoosterIncrement},
        {"ultra", kBoosterIncrement},
        {"terriblement", kBoosterIncrement},
        {"cruellement", kBoosterIncrement},  // "manque cruellement de"
        {"incroyablement", kBoosterIncrement},
        {"enormement", kBoosterIncrement},
        {"profondement", kBoosterIncrement},
        {"sacrement", kBoosterIncrement},
        {"drolement", kBoosterIncrement},
        {"follement", kBoosterIncrement},
        {"infiniment", kBoosterIncrement},
        {"grave", kBoosterIncrement},   // before a term: "grave bien"
        {"putain", kBoosterIncrement},  // "putain de bon film"
        {"redoutablement", kBoosterIncrement},
        {"vivement", kBoosterIncrement},
        {"parfaitement", kBoosterIncrement},  // "parfaitement ridicule"
        {"remarquablement", kBoosterIncrement},
        {"rigoureusement", kBoosterIncrement},
        {"bien", kBoosterIncrement},  // before a term: "bien aimé", "bien lent"
        {"ben", kBoosterIncrement},   // Quebec: "ben bon"
        {"full", kBoosterIncrement},  // Quebec: "full bon"
        // Before a noun: "grosse déception", "un vrai bonheur".
        {"gros", kBoosterIncrement},
        {"grosse", kBoosterIncrement},
        {"grosses", kBoosterIncrement},
        {"vrai", kBoosterIncrement},
        {"vraie", kBoosterIncrement},
        {"vrais", kBoosterIncrement},
        {"vraies", kBoosterIncrement},
        {"veritable", kBoosterIncrement},
        {"veritables", kBoosterIncrement},
        {"plutot", -kBoosterIncrement},
        {"assez", -kBoosterIncrement},
        {"legerement", -kBoosterIncrement},
        {"presque", -kBoosterIncrement},
        {"moyennement", -kBoosterIncrement},
        {"peu", -kBoosterIncrement}},
       {"mais", "cependant", "pourtant", "toutefois", "neanmoins"}},
      // English ("pure" above)
      {{"not",     "no",      "never",  "without", "nor",      "cannot",
        "dont",    "cant",    "wont",   "isnt",    "arent",    "wasnt",
        "werent",  "doesnt",  "didnt",  "couldnt", "shouldnt", "wouldnt",
        "hasnt",   "havent",  "hadnt",  "aint",    "neither",  "nothing",
        "nowhere", "none",    "nobody", "darent",  "mightnt",  "mustnt",
        "neednt",  "oughtnt", "shant",  "rarely",  "seldom",   "zero",
        "minus"},
       {{"very", kBoosterIncrement},
        {"really", kBoosterIncrement},
        {"extremely", kBoosterIncrement},
        {"so", kBoosterIncrement},
        {"too", kBoosterIncrement},
        {"totally", kBoosterIncrement},
        {"absolutely", kBoosterIncrement},
        {"super", kBoosterIncrement},      // before a term: "super slow"
        {"perfectly", kBoosterIncrement},  // "perfectly awful"
        {"remarkably", kBoosterIncrement},
        {"definitely", kBoosterIncrement},  // "definitely not worth it"
        {"incredibly", kBoosterIncrement},
        {"completely", kBoosterIncrement},
        {"highly", kBoosterIncrement},
        {"most", kBoosterIncrement},
        {"utterly", kBoosterIncrement},
        {"truly", kBoosterIncrement},
        {"especially", kBoosterIncrement},
        {"exceptionally", kBoosterIncrement},
        {"particularly", kBoosterIncrement},
        {"hugely", kBoosterIncrement},
        {"deeply", kBoosterIncrement},
        {"strongly", kBoosterIncrement},
        {"way", kBoosterIncrement},
        {"dead", kBoosterIncrement},  // before a term: "dead easy"
        // Expletives grade the term after them ("damn good", "bloody
        // awful", "fucking brilliant"); alone they keep their valence.
        {"damn", kBoosterIncrement},
        {"bloody", kBoosterIncrement},
        {"fucking", kBoosterIncrement},
        {"fuckin", kBoosterIncrement},
        {"effing", kBoosterIncrement},
        {"freaking", kBoosterIncrement},
        {"frigging", kBoosterIncrement},
        {"friggin", kBoosterIncrement},
        {"hella", kBoosterIncrement},
        {"insanely", kBoosterIncrement},
        {"ridiculously", kBoosterIncrement},
        {"amazingly", kBoosterIncrement},
        {"unbelievably", kBoosterIncrement},
        {"enormously", kBoosterIncrement},
        {"tremendously", kBoosterIncrement},
        {"thoroughly", kBoosterIncrement},
        {"intensely", kBoosterIncrement},
        {"unusually", kBoosterIncrement},
        {"majorly", kBoosterIncrement},
        {"slightly", -kBoosterIncrement},
        {"somewhat", -kBoosterIncrement},
        {"barely", -kBoosterIncrement},
        {"hardly", -kBoosterIncrement},
        {"scarcely", -kBoosterIncrement},
        {"marginally", -kBoosterIncrement},
        {"partly", -kBoosterIncrement},
        {"fairly", -kBoosterIncrement},
        {"pretty", -0.1},
        {"quite", 0.1},
        {"almost", -kBoosterIncrement},
        {"bit", -kBoosterIncrement},  // "a bit slow"
        {"little", -kBoosterIncrement},
        {"kinda", -kBoosterIncrement}},
       {"but", "however", "yet"}},
      // German
      {{"nicht", "nich", "kein", "keine", "keinen", "keiner", "keines",
        "keinem", "nie", "niemals", "ohne", "nichts", "nix", "weder",
        "nirgends", "niemand", "niemandem", "niemanden", "keinerlei", "null",
        // southern "nimmer" (nicht mehr); Austrian and Bavarian "ned",
        // Swiss "nöd", "nid" (nicht)
        "nimmer", "nimma", "ned", "noed", "nod", "nid"},
       {{"sehr", kBoosterIncrement},
        {"total", kBoosterIncrement},
        {"echt", kBoosterIncrement},
        {"wirklich", kBoosterIncrement},
        {"absolut", kBoosterIncrement},
        {"extrem", kBoosterIncrement},
        {"voll", kBoosterIncrement},
        {"super", kBoosterIncrement},
        {"mega", kBoosterIncrement},
        {"besonders", kBoosterIncrement},
        {"ausserst", kBoosterIncrement},
        {"aeusserst", kBoosterIncrement},
        {"unglaublich", kBoosterIncrement},
        {"unfassbar", kBoosterIncrement},  // before a term: "unfassbar gut"
        {"hochst", kBoosterIncrement},
        {"hoechst", kBoosterIncrement},
        {"so", kBoosterIncrement},
        {"zu", kBoosterIncrement},
        {"vollig", kBoosterIncrement},
        {"voellig", kBoosterIncrement},
        {"ganz", kBoosterIncrement},
        // Before another sentiment word, "schön" intensifies ("ganz schön
        // frech"); else it keeps its own valence ("das ist schön").
        {"schoen", kBoosterIncrement},
        {"uberaus", kBoosterIncrement},
        {"ueberaus", kBoosterIncrement},
        {"unheimlich", kBoosterIncrement},
        {"wahnsinnig", kBoosterIncrement},
        {"verdammt", kBoosterIncrement},
        {"richtig", kBoosterIncrement},
        {"krass", kBoosterIncrement},  // before a term: "krass gut"
        {"tierisch", kBoosterIncrement},
        {"huere", kBoosterIncrement},  // Swiss: "huere guet"
        {"ubelst", kBoosterIncrement},
        {"uebelst", kBoosterIncrement},
        {"kaum", -kBoosterIncrement},
        {"etwas", -kBoosterIncrement},
        {"ziemlich", -0.1},
        {"eher", -kBoosterIncrement},
        {"wenig", -kBoosterIncrement},
        {"bisschen", -kBoosterIncrement}},
       {"aber", "jedoch", "allerdings", "dennoch", "trotzdem"}},
  };
  return kRules[lang == kUnd ? kEn : lang];
}

// What a word does to its neighbours, in one language.
struct Cue {
  double booster = 0.0;
  bool negator = false;
  bool contrast = false;
  bool degree = false;          // one of kDegreeAdjectives
  bool failure = false;         // one of kFailureWords
  bool pair_end = false;        // the second word of a kNegatingPairs
  bool lukewarm = false;        // one of kLukewarmWords
  bool lukewarm_pair = false;   // the second word of a kLukewarmPairs
  bool lukewarm_first = false;  // the first word of a kLukewarmPairs
  bool contrast_pair = false;   // the second word of a kContrastPairs
  // One of kConcessives, or the second word of a kConcessivePairs.
  bool concession = false;
  bool condition = false;         // one of kTasteConditions
  bool love = false;              // one of kLoveVerbs
  bool rare = false;              // concession, condition or love (few words)
  bool sarcastic_praise = false;  // one of kSarcasticPraise
  bool praise_filler = false;     // one of kPraiseFillers
  bool though = false;            // "though", "tho": maybe an afterthought
  bool thanks = false;            // one of kThanksWords
  bool mag = false;               // German "mag" (Engine::ModalMag())
  bool way = false;               // "way" (Engine::TheWay())
  bool superseded = false;        // one of kSupersededWords
  // Any bit but the two of closing praise: Engine::Sum()'s first pass
  // skips a word without one.
  bool first_pass = false;
};
using CueMap = std::unordered_map<std::string_view, Cue>;

// Adjectives that grade the noun after them: before a negative term they
// boost it (Engine::Sum()), folded.
constexpr std::string_view kDegreeAdjectives[] = {
    // French
    "beau", "bel", "belle", "beaux", "belles", "enorme", "enormes", "gros",
    "grosse", "grosses", "vrai", "vraie", "vrais", "vraies", "veritable",
    "veritables", "immense", "immenses", "joli", "jolie", "jolis", "jolies",
    "parfait", "parfaite", "sacre", "sacree", "grand", "grande", "pur", "pure",
    "purs", "pures",
    // English ("pure" above)
    "real", "total", "absolute", "complete", "utter", "perfect", "fine",
    "great", "huge", "big", "sheer",
    // German (umlauts fold to ae, oe, ue)
    "schoener", "schoenes", "schoene", "schoenen", "echter", "echtes", "echte",
    "echten", "totaler", "totales", "totale", "totalen", "wahrer", "wahres",
    "wahre", "wahren", "riesige", "riesiger", "riesiges", "riesigen", "reinste",
    "reinster", "reinstes", "reinsten", "grosse", "grosser", "grosses",
    "grossen", "perfekte", "perfekter", "perfektes", "perfekten"};

// Words of degree placed after a negative term, which they grade rather
// than praise (Engine::Sum()): French adjectives ("une lourdeur incroyable",
// "un échec monumental") and the first words of "at its finest", "vom
// Feinsten", "dans toute sa splendeur".
constexpr std::string_view kDegreeAfter[] = {
    "incroyable", "incroyables", "monumental", "monumentale", "monumentaux",
    "monumentales", "phenomenal", "phenomenale", "phenomenaux", "phenomenales",
    "magistral", "magistrale", "magistraux", "magistrales", "extraordinaire",
    "extraordinaires", "remarquable", "remarquables", "spectaculaire",
    "spectaculaires", "exceptionnel", "exceptionnelle", "exceptionnels",
    "exceptionnelles", "absolu", "absolue", "at", "vom", "dans",
    // Ease and speed grade a failure:
    // "breaks easily", "died
    // quickly", "s'use vite",
    // "verkratzt schnell".
    "easily", "quickly", "fast", "rapidement", "vite", "schnell"};

// Exclamatives, praise before a neutral word ("Was für ein Spiel!") and a
// booster before a negative term ("Was für eine Enttäuschung!"): lexicon
// terms of several words, folded.
constexpr std::string_view kExclamatives[] = {"was fuer ein", "was fuer eine",
                                              "was fuer einen"};

// French determiners: "personne" after one is a person, not nobody.
constexpr std::string_view kFrenchDeterminers[] = {
    "une",      "la",       "cette", "chaque",  "aucune", "toute",
    "quelle",   "ma",       "ta",    "sa",      "notre",  "votre",
    "leur",     "autre",    "seule", "meme",    "bonne",  "vraie",
    "premiere", "derniere", "jeune", "vieille", "moindre"};

// Words of waiting (Engine::LongWaitAt()): verbs, and nouns that follow
// the time ("40 minutes d'attente", "zwei Stunden Wartezeit").
constexpr std::string_view kWaitWords[] = {
    "waited",    "waiting",  "wait",     "attendu", "attendre",  "attente",
    "patienter", "patiente", "gewartet", "warten",  "wartezeit", "warte",
    "wartet",    "attends",  "attend",   "queue",   "queued",    "queuing",
    "queueing",  "fallu",    "gedauert", "dauerte"};
// Words that make an orphan negation a failure (kOrphanFailure), folded.
constexpr std::string_view kFailureWords[] = {
    // English: persistence, inability, and what a product or a service does
    // ("open" is left out: "not open on Sundays" is news, not a complaint)
    "still", "anymore", "again", "can", "could", "cannot", "can't", "cant",
    "couldn't", "couldnt", "unable", "load", "loads", "start", "starts", "turn",
    "turns", "turned", "charge", "charges", "connect", "arrive", "arrived",
    "came", "come", "showed", "receive", "received", "deliver", "delivered",
    "back", "respond", "responded", "answer", "answered", "refund", "refunded",
    "hold", "holds", "close", "closes", "seal", "seals", "stay", "stays",
    "update", "updates", "heard", "reply", "replied", "word",
    // French ("plus" as the negator: "ne ... plus"; "arrive", "charge" above)
    "toujours", "encore", "plus", "arrivee", "arrivees", "arrives", "peux",
    "peut", "pouvons", "pouvez", "peuvent", "pu", "demarre", "allume", "recu",
    "recue", "recus", "livree", "livrees", "venu", "venue", "venus", "passe",
    "fonctionne", "marche", "repond", "rembourse", "remboursee", "reviendrai",
    "reviendrons", "retournerai", "retournerons", "tient", "tiennent", "ferme",
    "ferment", "colle", "collent", "seche", "sechent",
    // German (umlauts fold to ae, oe, ue)
    "mehr", "wieder", "immer", "kann", "kannst", "koennen", "konnen", "konnte",
    "konnten", "geht", "klappt", "funktioniert", "startet", "laedt",
    "angekommen", "gekommen", "geliefert", "bekommen", "erhalten",
    "zurueckbekommen", "antwortet", "erstattet", "haelt", "halten", "schliesst",
    "schliessen", "passt", "passen", "klebt", "kleben"};

// Two-word expressions that negate what follows them (Engine::
// NegatingPair()), folded.
constexpr std::pair<std::string_view, std::string_view> kNegatingPairs[] = {
    {"far", "from"},
    {"anything", "but"},
    {"nowhere", "near"},
    {"loin", "etre"},
    {"andere", "als"}};
// Verbs of failing and the particle after them, which negate what follows
// as kNegatingPairs do: "forgets to be funny", "fails to impress", "échoue
// à convaincre" (Engine::NegatingPair()). The verb has the cue bit, not
// the particle, which is common. Folded.
constexpr std::pair<std::string_view, std::string_view> kFailingVerbs[] = {
    {"fails", "to"},   {"failed", "to"},    {"fail", "to"},
    {"forgets", "to"}, {"struggles", "to"}, {"neglects", "to"},
    {"echoue", "a"},   {"echouent", "a"}};

// Two-word contrasts, beside the one-word ones of LangRules: "Bon accueil.
// Par contre, la chambre était sale." Folded.
constexpr std::pair<std::string_view, std::string_view> kContrastPairs[] = {
    {"par", "contre"}, {"en", "revanche"}, {"au", "contraire"}};

// Conjunctions and prepositions of concession that open a sentence: the
// clause they head, up to its comma, concedes what the main clause after it
// outweighs, as after a contrast ("Despite a strong cast, the script is
// flat", "Malgré quelques longueurs, on pardonne tout", "Obwohl der Akku
// gut ist, würde ich es nicht wieder kaufen"; Engine::FindConcession()).
constexpr std::string_view kConcessives[] = {
    "despite", "although", "though", "while",    "whilst",     "malgre",
    "quoique", "trotz",    "obwohl", "obgleich", "wenngleich", "zwar"};
// Concessions of two words: "even though", "bien que", "même si".
constexpr std::pair<std::string_view, std::string_view> kConcessivePairs[] = {
    {"even", "though"}, {"bien", "que"}, {"meme", "si"}};
// Sarcastic love of a fault (Engine::FindSarcasticLove()): the verbs, the
// words that may come before them in the sentence and the words that link
// them to the fault, folded.
constexpr std::string_view kLoveVerbs[] = {"love", "loving", "adore", "aime",
                                           "liebe"};
constexpr std::string_view kLoveOpeners[] = {"i", "just", "ich", "j", "je"};
constexpr std::string_view kLoveLinks[] = {"how",     "when", "that", "quand",
                                           "comment", "wenn", "dass"};
// The blame, summed, that makes such love sarcastic.
constexpr double kSarcasticLoveBlame = -0.8;
// A taste for what the clause blames, offered as a condition, is sarcasm
// ("Great place if you enjoy being ignored", "Parfait si vous aimez
// attendre", "Super, wenn man gerne wartet"; Engine::FindSarcasticTaste()):
// the conditions, the people they address and the verbs of liking, folded.
constexpr std::string_view kTasteConditions[] = {"if", "si", "wenn", "falls"};
constexpr std::string_view kTasteSubjects[] = {"you", "u",   "ya", "vous", "tu",
                                               "on",  "man", "du", "ihr"};
// Words that open a clause whose liking is no one's in particular: "Wer
// ruhige Filme mag, ...", "ob ich es mag" (Engine::FindAudienceTastes()).
constexpr std::string_view kAudienceOpeners[] = {"wer", "ob"};
constexpr std::string_view kTasteVerbs[] = {
    "enjoy", "like", "love",  "aimez", "aimes",  "aime",  "adorez", "adores",
    "adore", "mag",  "magst", "moegt", "liebst", "liebt", "gerne",  "gern"};

// Verdicts that call a text lukewarm or mixed ("sans plus", "mitigé",
// "mixed feelings", "durchwachsen", "average" but "above average", "it
// depends what you want"; Engine::NoLukewarmVerdict()): with
// one, the praise and the blame of the text are both qualified, and its
// compound is multiplied by kLukewarmScalar (scorer.h). Single words and
// two-word phrases, folded.
// clang-format off
constexpr std::string_view kLukewarmWords[] = {
    "mitige",           "mitigee",       "mitiges",         "mitigees",
    "mouais",           "bof",           "passable",        "middling",
    "okayish",          "durchwachsen",  "mittelpraechtig", "average",
    "durchschnittlich", "zwiegespalten", "evens",           "depends",
    "uneven",           "inegal",        "inegale",         "inegaux",
    "inegales",         "mittelmass",    "mittelmaessig",   "road",
    "middle",           "moyenne",       "moyen",           "durchschnitt",
    "sale"};
// clang-format on
// The words before a lukewarm "sale": "wait for a sale" (NoLukewarmVerdict()).
constexpr std::string_view kWaitForASale[3] = {"wait", "for", "a"};
// The words before a lukewarm "road" and "middle" (NoLukewarmVerdict()).
constexpr std::string_view kMiddleOfTheRoad[3] = {"middle", "of", "the"};
constexpr std::string_view kSomewhereInThe[3] = {"somewhere", "in", "the"};
// Middling words that, as a text's last sentence, give its verdict
// (Engine::FindFinalMiddlingVerdict()), folded.
constexpr std::string_view kMiddlingVerdicts[] = {
    "correct", "correcte",     "moyen",      "moyenne",
    "okay",    "ok",           "fine",       "ordentlich",
    "okayish", "durchschnitt", "mittelmass", "mittelmaessig"};
// Middling verdicts that mostly agree when they open a text as a sentence
// of their own ("Ok. Ich nehme einen Salat."): the others do give a verdict
// there ("Moyen. Quelques bonnes idées ...").
constexpr std::string_view kAgreeingVerdicts[] = {"okay", "ok", "fine",
                                                  "ordentlich"};
// Verbs that make a middling word (kMiddlingVerdicts, "alright") a verdict
// as a first sentence of two words: "It's ok.", "C'est correct.", "War
// okay.".
constexpr std::string_view kVerdictVerbs[] = {"it's", "its", "est",
                                              "ist",  "war", "was"};
// Two-word middling verdicts, as a text's last sentence: "Geht so.".
constexpr std::pair<std::string_view, std::string_view> kMiddlingPairs[] = {
    {"geht", "so"}, {"so", "lala"}, {"passt", "schon"}, {"ca", "passe"}};
constexpr std::pair<std::string_view, std::string_view> kLukewarmPairs[] = {
    {"sans", "plus"},
    {"pas", "plus"},  // "bien pour un bureau, pas plus" (PlusNoVerdict())
    {"demi", "teinte"},
    {"mi", "figue"},
    {"mixed", "feelings"},
    {"so", "so"},
    {"nothing", "special"},
    {"rien", "special"},
    {"rien", "exceptionnel"},
    {"rien", "extraordinaire"},
    {"nichts", "besonderes"},
    {"nothing", "memorable"},
    {"nothing", "remarkable"},
    {"nothing", "exceptional"},
    {"didn't", "love"},
    {"didnt", "love"},
    {"didn't", "hate"},
    {"didnt", "hate"},
    {"coin", "flip"},
    {"ni", "contre"},
    {"ni", "froid"},  // "ni chaud ni froid"
    {"avis", "neutre"},
    {"ca", "depend"},
    {"gemischte", "gefuehle"},
    {"gemischten", "gefuehlen"},
    {"mixed", "bag"},
    {"neither", "here"},
    {"ganz", "ok"},
    {"ganz", "okay"},
    {"ganz", "nett"},
    {"ganz", "ordentlich"},
    {"mehr", "drin"},
    // neither fish nor fowl
    {"noch", "fleisch"},
    {"ni", "poisson"},
    {"nor", "fowl"},
    // swings and roundabouts: gains and losses even out
    {"and", "roundabouts"},
    // faint praise: "pleasant enough", "don't expect miracles"
    {"pleasant", "enough"},
    {"nice", "enough"},
    {"decent", "enough"},
    {"watchable", "enough"},
    {"expect", "miracles"},
    {"keine", "wunder"},  // "keine Wunder erwarten" (not "kein Wunder")
    {"de", "miracle"},    // "pas de miracle"
    {"de", "miracles"},
    {"pas", "desagreable"},
    {"not", "unpleasant"},
    {"nicht", "unangenehm"},
    // waiting to see how it lasts: "we'll see after a few washes", "on
    // verra dans le temps", "mal sehen, wie lange es hält"
    {"we'll", "see"},
    {"we’ll", "see"},
    {"on", "verra"},
    {"mal", "sehen"},
    {"mal", "schauen"},
    {"bleibt", "abzuwarten"},
    // praise with reservations: "recommended, with reservations", "gut,
    // mit Abstrichen"
    {"with", "reservations"},
    // worth borrowing, not buying
    {"worth", "borrowing"},
    // faint praise: "a perfectly okay sequel", "nothing to write home about"
    {"perfectly", "okay"},
    {"perfectly", "ok"},
    {"perfectly", "fine"},
    {"perfectly", "decent"},
    {"perfectly", "serviceable"},
    {"perfectly", "adequate"},
    {"perfectly", "pleasant"},
    {"perfectly", "acceptable"},
    {"parfaitement", "correct"},
    {"parfaitement", "honnete"},
    {"fait", "correct"},  // "tout à fait correct"
    {"durchaus", "ordentlich"},
    {"durchaus", "solide"},
    {"absolut", "okay"},
    {"man", "machen"},    // "kann man machen"
    {"keine", "baeume"},  // "reißt keine Bäume aus"
    {"pas", "inoubliable"},
    {"reste", "correct"},  // "ça reste correct"
    {"reste", "correcte"},
    {"write", "home"},
    {"nothing", "exciting"},
    {"mit", "abstrichen"},
    // undecided: "ich sitze irgendwo dazwischen", "schwer zu bewerten"
    {"irgendwo", "dazwischen"},
    {"en", "penser"},      // "je ne sais pas quoi en penser"
    {"quoi", "penser"},    // "je n'ai pas su quoi penser"
    {"suis", "partagee"},  // "je suis partagée", "mon avis est partagé"
    {"suis", "partage"},
    {"peu", "partagee"},  // "je suis un peu partagée"
    {"peu", "partage"},
    {"rien", "plus"},  // "un livre honnête, rien de plus" (across "de")
    {"avis", "partage"},
    {"davon", "halten"},  // "weiß nicht, was ich davon halten soll"
    {"deux", "eaux"},     // "entre deux eaux"
    {"trade", "off"},     // "a trade-off, I guess"
    {"drauf", "an"},      // "kommt drauf an, was man mag"
    {"darauf", "an"},
    {"irgendwo", "zwischen"},
    {"zu", "bewerten"},
    {"mehr", "nicht"},
    {"nicht", "weniger"},
    {"nothing", "less"},
    {"nothing", "more"},
    {"deja", "ca"},
    {"rien", "inoubliable"},
    {"rien", "transcendant"},
    {"rien", "memorable"},
    {"pas", "transcendant"},
    {"se", "laisse"},
    {"nichts", "weltbewegendes"},
    // A middle rating: "trois étoiles", "three stars", "3 Sterne".
    {"trois", "etoiles"},
    {"three", "stars"},
    {"drei", "sterne"},
    {"3", "etoiles"},
    {"3", "stars"},
    {"3", "sterne"}};

// The generic words of praise that sarcasm uses: as the last sentence of
// a short text, alone or with a noun, after a complaint, they are not meant
// (Engine::Sum()). Not the words of a particular praise ("impressed",
// "miracle", "Meisterwerk", "zufrieden"), nor thanks, nor the words of a
// critic's verdict ("excellent", "magnifique", "superb"), which are mostly
// meant even then: a plot summary may be grim.
constexpr std::string_view kSarcasticPraise[] = {
    "great",         "brilliant",   "fantastic",   "perfect",
    "lovely",        "nice",        "awesome",     "amazing",
    "incredible",    "super",       "genial",      "geniale",
    "bravo",         "parfait",     "parfaite",    "top",
    "pratique",      "sympa",       "chouette",    "toll",
    "tolle",         "toller",      "tolles",      "klasse",
    "prima",         "spitze",      "perfekt",     "perfekter",
    "perfekte",      "perfektes",   "grossartig",  "herrlich",
    "wunderbar",     "grandios",    "grandioser",  "grandioses",
    "progress",      "progres",     "fortschritt", "classy",
    "cute",          "genius",      "belle",       "bel",
    "beau",          "vive",        "premium",     "wow",
    "incroyable",    "unglaublich", "congrats",    "congratulations",
    "felicitations", "gratuliere",  "gratulation", "glueckwunsch",
    "champion",      "champions",   "thanks",      "thx",
    "wonderful",     "marvellous",  "splendid",    "fabulous",
    "cheers",        "cool",        "helpful",     "useful",
    "hilfreich",     "utile"};
// Words that may stand beside sarcastic praise in such a sentence.
constexpr std::string_view kPraiseFillers[] = {
    "just",   "really",       "absolutely",    "truly",      "so",
    "very",   "again",        "lads",          "guys",       "folks",
    "mate",   "there",        "stuff",         "altogether", "vraiment",
    "encore", "les",          "gars",          "echt",       "wirklich",
    "wieder", "leute",        "mal",           "einfach",    "ganz",
    "tres",   "it",           "here",          "service",    "value",
    "job",    "work",         "communication", "customer",   "support",
    "timing", "organisation", "organization",  "planning"};
// The last words of "at first", "initially", "au début", "au départ",
// "dans un premier temps", "anfangs", "anfänglich", "am Anfang", "zu
// Beginn": a state since changed (Engine::SupersededPhraseLength()).
constexpr std::string_view kSupersededWords[] = {
    "first",   "initially",   "debut",      "depart", "temps",
    "anfangs", "anfaenglich", "anfanglich", "anfang", "beginn"};
// Words of thanks (Engine::CourtesyThanks()).
constexpr std::string_view kThanksWords[] = {
    "merci", "remercie", "remercier", "remercions", "remerciements", "thanks",
    "thank", "grateful", "danke",     "dank",       "bedanke"};
// Words of a copy sent for review ("Merci à Babelio et aux éditions X pour
// l'envoi", "Thanks to NetGalley and the publisher", "Danke an den Verlag
// für das Rezensionsexemplar"): thanks for it judge nothing of the work.
constexpr std::string_view kReviewCopyWords[] = {
    // French ("Masse Critique", "service presse")
    "editions", "edition", "babelio", "envoi", "partenariat", "masse", "presse",
    // English
    "netgalley", "publisher", "publishers", "arc",
    // German
    "verlag", "rezensionsexemplar", "leseexemplar", "lovelybooks",
    "vorablesen"};

// The cues of `lang`; for kUnd, of every language (the first booster value
// found, French first).
const CueMap& Cues(Lang lang) {
  static const auto* kMaps = [] {
    auto* maps = new std::array<CueMap, 4>;
    auto add = [](CueMap& m, Lang l) {
      const LangRules& r = Rules(l);
      for (std::string_view w : r.negators) m[w].negator = true;
      for (std::string_view w : r.contrast) m[w].contrast = true;
      // Word lists read by a cue bit: the words, or the second words of
      // two-word expressions.
      auto mark = [&m](const auto& words, bool Cue::*bit) {
        for (const auto& w : words) {
          if constexpr (std::is_same_v<std::decay_t<decltype(w)>,
                                       std::string_view>) {
            m[w].*bit = true;
          } else {
            m[w.second].*bit = true;
          }
        }
      };
      mark(kDegreeAdjectives, &Cue::degree);
      mark(kFailureWords, &Cue::failure);
      mark(kNegatingPairs, &Cue::pair_end);
      for (const auto& pair : kFailingVerbs) m[pair.first].pair_end = true;
      mark(kLukewarmWords, &Cue::lukewarm);
      mark(kLukewarmPairs, &Cue::lukewarm_pair);
      for (const auto& pair : kLukewarmPairs)
        m[pair.first].lukewarm_first = true;
      mark(kContrastPairs, &Cue::contrast_pair);
      mark(kConcessives, &Cue::concession);
      mark(kConcessivePairs, &Cue::concession);
      mark(kTasteConditions, &Cue::condition);
      mark(kAudienceOpeners, &Cue::condition);
      mark(kLoveVerbs, &Cue::love);
      mark(kSarcasticPraise, &Cue::sarcastic_praise);
      mark(kPraiseFillers, &Cue::praise_filler);
      mark(kSupersededWords, &Cue::superseded);
      mark(kThanksWords, &Cue::thanks);
      m["mag"].mag = true;
      m["way"].way = true;
      for (std::string_view w : {"though", "tho"}) m[w].though = true;
      for (auto& [w, cue] : m) {
        cue.rare = cue.concession || cue.condition || cue.love;
      }
      for (const auto& [w, v] : r.boosters) {
        Cue& c = m[w];
        if (c.booster == 0.0) c.booster = v;
      }
      for (auto& [w, c] : m) {
        c.first_pass = c.booster != 0.0 || c.negator || c.contrast ||
                       c.degree || c.failure || c.pair_end || c.lukewarm ||
                       c.lukewarm_pair || c.contrast_pair || c.rare ||
                       c.though || c.superseded || c.thanks || c.mag;
      }
    };
    for (Lang l : {kFr, kEn, kDe}) {
      add((*maps)[l], l);
      add((*maps)[kUnd], l);
    }
    return maps;
  }();
  return (*kMaps)[lang];
}

// What the scorer's rules test of a word itself, as bits of
// IndexedWord::flags, so that they compare no strings; kFlaggedWords lists
// the words of each.
enum WordFlag : std::uint16_t {
  kFlagPeu = 1u << 0,     // "peu"
  kFlagPeine = 1u << 1,   // "peine"
  kFlagA = 1u << 2,       // "a" ("à" folded)
  kFlagUn = 1u << 3,      // "un"
  kFlagNe = 1u << 4,      // "ne"
  kFlagPlus = 1u << 5,    // "plus"
  kFlagNicht = 1u << 6,   // "nicht", "nich"
  kFlagExcess = 1u << 7,  // "too", "trop"
  // Words that only rare rules read (kRareWords): a text without one skips
  // those rules' look-arounds.
  kFlagRare = 1u << 8,
  // Negators whose negation "so", "aussi", ... may turn into emphasis.
  kFlagNever = 1u << 9,
  // After "never"/"jamais"/"nie", these turn the negation into emphasis.
  kFlagComparative = 1u << 10,
  // Words that close French "ne ... pas" after the negated word.
  kFlagCloser = 1u << 11,
  // Negators that are no complaint alone (Engine::IsOrphanNegator).
  kFlagNoOrphan = 1u << 12,
  // After a negator, these make it no complaint ("not only", "ne ... que").
  kFlagOnlyNext = 1u << 13,
  // Nouns of customer talk that may make up one half of a hashtag
  // (kHashtagNouns).
  kFlagHashtagNoun = 1u << 14,
  // Verbs of knowing, reading and hesitating: negated, they state no
  // failure ("je ne sais pas", "I never read", "n'hésitez pas"), so a
  // negator near one is no complaint (kCognitionVerbs). Not "think",
  // "believe", "expect": "I don't think we'll go back" negates what follows.
  kFlagCognition = 1u << 15,
};

struct FlaggedWord {
  std::string_view word;
  std::uint16_t flag;
};

// The words of each WordFlag; a word may have several.
constexpr FlaggedWord kFlaggedWords[] = {
    {"peu", kFlagPeu},
    {"peine", kFlagPeine},
    {"a", kFlagA},
    {"un", kFlagUn},
    {"ne", kFlagNe},
    {"plus", kFlagPlus},
    {"nicht", kFlagNicht},
    {"nich", kFlagNicht},  // spoken "nicht" in the North
    {"too", kFlagExcess},
    {"trop", kFlagExcess},
    {"jamais", kFlagNever},
    {"never", kFlagNever},
    {"rarely", kFlagNever},  // "I've rarely been so bored"
    {"seldom", kFlagNever},
    {"nie", kFlagNever},
    {"niemals", kFlagNever},
    {"aussi", kFlagComparative},
    {"si", kFlagComparative},
    {"autant", kFlagComparative},
    {"tellement", kFlagComparative},
    {"so", kFlagComparative},
    {"more", kFlagComparative},
    {"this", kFlagComparative},
    {"such", kFlagComparative},
    {"better", kFlagComparative},
    {"worse", kFlagComparative},
    {"pire", kFlagComparative},
    {"schlechter", kFlagComparative},
    {"mieux", kFlagComparative},
    {"besser", kFlagComparative},
    {"schoner", kFlagComparative},
    {"schoener", kFlagComparative},
    {"pas", kFlagCloser},
    {"plus", kFlagCloser},
    {"jamais", kFlagCloser},
    {"rien", kFlagCloser},
    {"guere", kFlagCloser},
    {"point", kFlagCloser},
    {"personne", kFlagCloser},
    {"no", kFlagNoOrphan},
    {"non", kFlagNoOrphan},
    {"ni", kFlagNoOrphan},
    {"sans", kFlagNoOrphan},
    {"zero", kFlagNoOrphan},  // "zéro défaut", "zero issues"; not alone
    {"null", kFlagNoOrphan},
    {"without", kFlagNoOrphan},
    {"ohne", kFlagNoOrphan},
    {"nor", kFlagNoOrphan},
    {"neither", kFlagNoOrphan},
    {"weder", kFlagNoOrphan},
    {"only", kFlagOnlyNext},
    {"just", kFlagOnlyNext},
    {"seulement", kFlagOnlyNext},
    {"nur", kFlagOnlyNext},
    {"que", kFlagOnlyNext},
    {"mal", kFlagOnlyNext},
    {"too", kFlagOnlyNext},  // "not too long" is no complaint
};

// Nouns of customer talk that may make up one half of a hashtag.
constexpr std::string_view kHashtagNouns[] = {
    "service",       "client",    "clients",    "sav",      "livraison",
    "commande",      "produit",   "appli",      "app",      "banque",
    "magasin",       "customer",  "support",    "delivery", "order",
    "product",       "bank",      "store",      "shop",     "kunden",
    "kundenservice", "lieferung", "bestellung", "produkt",  "laden",
    "zug",           "bahn",      "train",      "vol",      "flight",
    "hotel",         "resto",     "restaurant", "food",     "fail",
    "epic",          "mega",      "trop",       "tres",     "so",
    "very"};

// The words of kFlagCognition, folded, in the forms that follow or precede
// a negator.
constexpr std::string_view kCognitionVerbs[] = {
    // French
    "sais", "sait", "savais", "savait", "savoir", "savons", "savez", "savent",
    "su", "connais", "connait", "connaissais", "connaissait", "connaitre", "lu",
    "lire", "lis", "hesitez", "hesite", "hesiter", "hesiterai", "hesiterais",
    "hesiterons", "hesitons", "hesitais", "souviens",
    // English ("pure" above)
    "know", "knew", "known", "read", "hesitate", "hesitated", "remember",
    "wonder",
    // German
    "weiss", "wusste", "wissen", "kenne", "kannte", "gelesen", "zogern",
    "zoegern", "zogere", "zoegere", "zogert", "zoegert"};

// Negators that only negate the sentence: an orphan one is a weak cue.
constexpr std::string_view kNegationParticles[] = {
    "not",   "dont",   "doesnt", "didnt",   "isnt",   "wasnt",
    "arent", "werent", "wont",   "wouldnt", "havent", "hasnt",
    "hadnt", "pas",    "ne",     "nicht",   "nich"};

// Comparatives of inferiority negate the term right after them, as
// VADER's "least" rule does: "the least convincing", "less interesting",
// "moins drôle", "weniger gut", "am wenigsten gelungen"; across "than",
// "of", "de": "less than stellar", "moins de bruit" (less noise: good).
constexpr std::string_view kInferiority[] = {"less", "least", "moins",
                                             "weniger", "wenigsten"};
constexpr std::string_view kInferiorityLinks[] = {"than", "of",  "de",
                                                  "d",    "que", "als"};
// Before a comparative of inferiority, these make another expression: "at
// least", "au moins", "du moins", "à moins de", "no less", "non moins",
// "more or less", "plus ou moins", "mehr oder weniger", "nicht weniger".
constexpr std::string_view kInferiorityOff[] = {
    "at", "au", "du",   "a",     "no",     "not",  "nothing", "non", "pas",
    "or", "ou", "oder", "nicht", "nichts", "kein", "keine",   "none"};

// Negative quantifiers that open their clause as its subject negate its
// terms beyond the negation window, up to kSubjectScope tokens on: "none of
// the actors were good", "no one liked it", "nobody in the cast is convincing",
// "aucun des acteurs n'est convaincant", "keiner der Schauspieler ist gut".
constexpr std::string_view kNegativeSubjects[] = {
    "none", "nobody", "nothing", "neither", "aucun",   "aucune", "personne",
    "rien", "keiner", "keine",   "keines",  "niemand", "nichts"};
constexpr std::size_t kSubjectScope = 8;
// Verbs of opinion that carry a negation over to their complement: "I
// don't think I will be back", "je ne pense pas que ce soit utile".
constexpr std::string_view kNegRaisingVerbs[] = {
    "think",   "believe", "suppose", "reckon", "say",      "pense",
    "pensais", "crois",   "croyais", "trouve", "trouvais", "dirais",
    "dire",    "glaube",  "denke",   "finde",  "sagen"};
// Verbs of understanding: negated before "how" or "why", their negation
// reaches the clause that asks ("I don't understand how anyone likes this",
// "je ne comprends pas pourquoi on l'aime", "ich verstehe nicht, wie man das
// gut finden kann").
constexpr std::string_view kUnderstandVerbs[] = {
    "understand", "get",     "see",     "comprends", "comprend",
    "verstehe",   "versteh", "kapiere", "kapier"};
// Verbs of belief whose negation before "how" or "what" is amazement
// ("can't believe how cheap it is").
constexpr std::string_view kBeliefVerbs[] = {"believe", "glauben", "croire"};
constexpr std::string_view kAmazedWhWords[] = {"how", "what",    "wie",
                                               "was", "comment", "combien"};
// Degree words before a term that a negated verb of thinking marvels at
// (Engine::AsksInAmazement()).
constexpr std::string_view kAmazedDegrees[] = {"this", "that",  "so",
                                               "si",   "aussi", "dermassen"};
constexpr std::string_view kWhWords[] = {
    "how", "why", "wie", "warum", "wieso", "weshalb", "comment", "pourquoi"};
// Conjunctions that open a clause of their own within that scope.
constexpr std::string_view kSubordinators[] = {
    "because", "since", "when", "while",  "although", "though",
    "if",      "parce", "car",  "quand",  "lorsque",  "puisque",
    "si",      "weil",  "wenn", "obwohl", "dass",     "da"};

// Past counterfactuals, wishes and past hopes (Engine::
// CounterfactualBefore()). English modals before "have" and a participle.
constexpr std::string_view kCounterfactualModals[] = {"could", "would",
                                                      "should", "might"};
constexpr std::string_view kIrregularParticiples[] = {
    "been",    "had",    "made",    "done",   "gone",   "got",   "seen", "felt",
    "given",   "paid",   "found",   "spent",  "taken",  "known", "read", "left",
    "brought", "bought", "thought", "caught", "taught", "sent",  "lost", "put",
    "hit",     "sat",    "kept",    "told",   "said",   "won"};
constexpr std::string_view kContractedModals[] = {
    "couldve",   "wouldve",  "shouldve", "mightve",  "could've",  "would've",
    "should've", "might've", "could’ve", "would’ve", "should’ve", "might’ve"};
constexpr std::string_view kEnglishWishes[] = {"wish", "wished", "hoping",
                                               "hoped", "used"};
// A past wish to like, before the infinitive of a verb of liking in its
// clause (kLikingInfinitives): the liking did not come ("Ich wollte dieses
// Spiel wirklich mögen", "je voulais vraiment aimer ce livre", "I wanted so
// much to like it").
constexpr std::string_view kPastWishes[] = {"wanted",  "wollte",  "wollten",
                                            "voulais", "voulait", "voulions"};
constexpr std::string_view kLikingInfinitives[] = {
    "like",  "love",   "enjoy",  "moegen",   "lieben",
    "aimer", "adorer", "kiffer", "apprecier"};
// Before "used to", these make it a passive or a custom, no past habit.
constexpr std::string_view kBeforeUsedTo[] = {
    "is",      "are",     "was",  "were", "be",    "been",  "being",   "am",
    "m",       "s",       "re",   "get",  "gets",  "got",   "getting", "become",
    "became",  "i'm",     "i’m",  "im",   "we're", "we’re", "you're",  "you’re",
    "they're", "they’re", "it's", "it’s", "he's",  "he’s",  "she's",   "she’s"};
// Before "wish", one of these makes a wish of what is not: "I wish it was".
constexpr std::string_view kPastForms[] = {"was",   "were",  "had",
                                           "could", "would", "did"};
// French only with a modal or a verb of wishing after it: "il aurait reçu"
// is also hearsay ("he reportedly received").
constexpr std::string_view kFrenchConditionals[] = {
    "aurait", "aurais", "auraient", "aurions", "auriez"};
constexpr std::string_view kFrenchConditionalNext[] = {
    "pu",       "du",     "aime",  "voulu", "prefere",
    "apprecie", "merite", "gagne", "fallu"};
constexpr std::string_view kFrenchHopes[] = {
    "esperais", "esperait",   "esperions",
    "esperiez", "esperaient", "seulement"};  // "si seulement"
// Negators that are prepositions, and the determiners, pronouns and
// conjunctions through which their scope reaches three words on
// (Engine::Negation()).
constexpr std::string_view kPrepositionalNegators[] = {"without", "sans",
                                                       "ohne"};
constexpr std::string_view kScopeThrough[] = {
    "a", "an", "the", "any", "much", "le", "la", "les", "un", "une", "des",
    "de", "du", "trop", "ein", "eine", "einen", "einem", "den", "die", "das",
    "dem", "der", "so", "ever", "being",
    // object pronouns: "ohne ihn je dumm dastehen zu lassen"
    "it", "him", "her", "them", "me", "us", "you", "lui", "leur", "nous",
    "vous", "ihn", "sie", "es", "ihm", "ihr", "ihnen", "mich", "dich", "uns",
    "euch",
    // "ohne dass", "sans que" open a clause that they negate
    "dass", "que"};
// After a negator, these make it "not only" (Engine::Negation()).
constexpr std::string_view kOnlyWords[] = {"only",   "just",      "merely",
                                           "simply", "seulement", "nur"};
// Modals and generic subjects of a question of disbelief
// (Engine::RhetoricalQuestionAt()).
constexpr std::string_view kDisbeliefModals[] = {
    "can", "could", "peut", "pourrait", "kann", "koennte"};
constexpr std::string_view kGenericSubjects[] = {
    "anyone", "anybody", "people", "someone", "one", "on", "man"};
// The first words and the words of a request for advice
// (Engine::AsksForAdvice()).
constexpr std::string_view kQuestionOpeners[] = {
    "which",  "what",       "any",       "anyone",  "does",    "do",
    "can",    "welche",     "welcher",   "welches", "welchen", "hat",
    "quel",   "quelle",     "quels",     "quelles", "vous",    "kennt",
    "weiss",  "connaissez", "quelqu'un", "kann",    "koennt",  "koennte",
    "could",  "has",        "pouvez",    "is",      "lohnt",   "lohnen",
    "what's", "whats",      "where",     "wo"};
// The first words of a yes/no question, by language (Engine::
// AsksYesOrNo()): a question of fact judges nothing ("Est-ce que la panne
// est réglée ?", "Is the flight still on despite the strike?", "Weiß
// jemand, ob die Störung behoben ist?"). Folded.
constexpr std::string_view kYesNoOpenersFr[] = {
    "est",  "vous",   "tu",    "quelqu'un", "y",
    "peut", "pouvez", "savez", "avez",      "connaissez"};
constexpr std::string_view kYesNoOpenersEn[] = {
    "is",   "are",    "was", "were", "do",  "does", "did",    "can",    "could",
    "will", "should", "has", "have", "had", "any",  "anyone", "anybody"};
constexpr std::string_view kYesNoOpenersDe[] = {
    "ist",    "sind",   "gibt",    "hat",   "habt",  "haben", "kann",
    "kannst", "koennt", "koennte", "kennt", "weiss", "wisst", "wird",
    "lohnt",  "lohnen", "muss",    "darf",  "soll",  "jemand"};
// Greetings that may come before a question's first word ("Bonjour,
// est-ce que ...").
constexpr std::string_view kGreetings[] = {"hi",    "hello", "hey",  "bonjour",
                                           "salut", "hallo", "moin", "servus"};
// Words that make a yes/no question a complaint: it asks why, or whether
// others suffer too ("Is anyone else's internet down?", "Quelqu'un
// d'autre n'a plus internet ?").
constexpr std::string_view kComplaintInQuestion[] = {
    "why",    "pourquoi", "warum",  "wieso", "weshalb", "else",
    "else's", "autre",    "autres", "sonst", "please",  "bitte"};
// Openers that ask for someone who knows by themselves.
constexpr std::string_view kKnowingOpeners[] = {"kennt", "weiss", "connaissez"};
// Openers that ask which thing is good: praise in their question is what
// is sought ("Which printer is good for home use?", "Welcher Drucker ist
// gut?"); blame is a complaint ("Which idiot designed this?").
constexpr std::string_view kWhichOpeners[] = {
    "which", "welche", "welcher", "welches", "welchen", "quel", "quelle",
    "quels", "quelles", "what's", "whats",
    // whether a thing is good or worth it: "Is Premium worth it?", "Lohnt
    // sich die BahnCard?"
    "is", "lohnt", "lohnen",
    // where the good thing is: "Where can I find the best pizza?", "Wo
    // gibt's das beste Schnitzel?"
    "where", "wo"};
// Words of seeking (Engine::SoughtPraise()): the praise after them in
// their sentence is what is sought, no verdict ("Looking for a bank with a
// good app", "Je cherche une banque sans frais", "Suche eine Bank mit
// guter App"). Folded; "looking" counts only before "for".
constexpr std::string_view kSeekWords[] = {"looking", "cherche", "cherchons",
                                           "recherche", "suche"};
constexpr std::string_view kAdviceWords[] = {"recommend",
                                             "recommendations",
                                             "recommendation",
                                             "suggestions",
                                             "suggest",
                                             "know",
                                             "knows",
                                             "empfehlen",
                                             "empfehlt",
                                             "empfehlung",
                                             "tipps",
                                             "tipp",
                                             "tip",
                                             "tips",
                                             "kennt",
                                             "weiss",
                                             "conseiller",
                                             "conseillez",
                                             "recommander",
                                             "recommandez",
                                             "connait",
                                             "connaissez",
                                             "sait",
                                             "savez",
                                             "erfahrung",
                                             "erfahrungen",
                                             "experience",
                                             "tried"};
// Coordinating conjunctions: a negation does not reach past one ("or"
// does not count: "no warmth or charm" negates both).
constexpr std::string_view kCoordinators[] = {"and", "et", "und"};
// After "yet", these make it an adverb, no contrast (Engine::IsAdverbYet()).
constexpr std::string_view kAfterAdverbYet[] = {"another", "again", "to",
                                                "more"};
// Conditions of exception: the praise in "unless you enjoy ..." is what
// the reader would need to like ("wouldn't recommend unless you enjoy
// waiting", "à moins que vous aimiez", "sauf si", "es sei denn"), read as
// negated by CounterfactualBefore(). "moins", "si" and "sei" count only
// after "à", "sauf" and before "denn".
constexpr std::string_view kExceptions[] = {"unless", "moins", "si", "sei"};
// Verbs of thanks, which a negation with "enough" emphasises ("can't thank
// them enough", "ne les remercierai jamais assez", "kann mich nicht genug
// bedanken"; Engine::ModalEmphasis(), Engine::Negation()), folded.
// Words of "enough" (Engine::ModalEmphasis(), Engine::ThanksNeverEnough()).
constexpr std::string_view kEnoughWords[] = {"enough", "assez", "genug"};
constexpr std::string_view kThanksVerbs[] = {
    "thank",      "remercier",    "remercie", "remercierai",
    "remerciera", "remercierons", "bedanken", "danken"};
// Verbs of expectation and fear (Engine::ExpectationBefore()).
constexpr std::string_view kExpectations[] = {
    "expecting", "expected",  "expect",    "feared",     "dreading",
    "dreaded",   "attendais", "attendait", "craignais",  "redoutais",
    "redoutait", "promised",  "promis",    "versprochen"};
constexpr std::size_t kExpectationScope = 4;  // tokens from verb to term
// Words of fear, grief and a dark tone that, in a text about a book, a film
// or a series, tell the effect the work had: praise ("genuinely scary",
// "devastating", "I cried", "un polar glaçant", "un roman sombre",
// "gruselig"). Read as kEffectScalar times their valence: reversed, and
// weaker.
constexpr std::string_view kEffectWords[] = {
    "scared",      "scary",       "scariest",
    "terrifying",  "terrified",   "chilling",
    "creepy",      "creepiest",   "dread",
    "frightening", "horrifying",  "disturbing",
    "eerie",       "devastating", "heartbreaking",
    "haunting",    "tense",       "sad",
    "cried",       "tears",       "sob",
    "terrifiant",  "effrayant",   "angoissant",
    "dechirant",   "oppressant",  "glauque",
    "flippant",    "glacant",     "etouffant",
    "etouffante",  "nerveux",     "nerveuse",
    "gruselig",    "verstoerend", "duester",
    "traurig",     "beklemmend",  "triste",
    "tristes",     "sombre",      "sombres",
    "grim",        "bleak",       "cry",
    "crying",      "wept",        "harrowing",
    "unsettling",  "pleure",      "pleurer",
    "larmes",      "geweint",     "weinen",
    "traenen",     "fassungslos", "herzzerreissend",
    "wehtut",      "peur",        "hante",
    "hantee",      "hantes"};
constexpr double kEffectScalar = -0.5;
// Words of what happens in a story (war, death, crime, illness): in a text
// about a book, a film or a series they tell its plot, not the writer's
// opinion ("un roman sur la guerre", "a murder mystery"): they count
// kPlotScalar times their valence, nothing.
constexpr std::string_view kPlotWords[] = {
    "war",           "wars",           "death",     "deaths",      "murder",
    "murders",       "murdered",       "killer",    "killers",     "killing",
    "crime",         "crimes",         "victim",    "victims",     "violence",
    "suicide",       "disease",        "illness",   "grief",       "loss",
    "tragedy",       "guerre",         "guerres",   "mort",        "morts",
    "meurtre",       "meurtres",       "meurtrier", "tueur",       "tueurs",
    "victime",       "victimes",       "maladie",   "deuil",       "drame",
    "tragedie",      "enfer",          "epreuves",  "souffrance",  "accident",
    "mourir",        "disparition",    "krieg",     "tod",         "mord",
    "moerder",       "verbrechen",     "opfer",     "gewalt",      "selbstmord",
    "krankheit",     "trauer",         "corpse",    "corpses",     "assassin",
    "assassination", "rape",           "abuse",     "trauma",      "cancer",
    "genocide",      "deces",          "coupable",  "assassinat",  "viol",
    "cadavre",       "cadavres",       "violences", "leiche",      "leichen",
    "missbrauch",    "vergewaltigung", "krebs",     "voelkermord", "villain",
    "villains",      "mechant",        "mechants",  "boesewicht"};
constexpr double kPlotScalar = 0.0;
// A contrast from praise to words the lexicons do not score makes a mixed
// verdict in texts of at most kMaxConcessionTokens tokens, when more than
// kMinDrawbackTokens tokens (the contrast word included) follow it
// (Engine::Sum()).
constexpr std::size_t kMaxConcessionTokens = 40;
constexpr std::size_t kMinDrawbackTokens = 3;
// The smallest valence of a strong term: after a contrast, one outweighs a
// criticism graded down before it (Engine::Sum()).
constexpr double kStrongValence = 2.0;
// How a text about a work reads a negative word of its plot or of its
// effect (Engine::Sum()): the word list, the scalar of its valence and the
// note of --explain (a format of the scalar).
struct WorkReading {
  const std::string_view* begin;
  const std::string_view* end;
  double scalar;
  const char* note;
};
constexpr WorkReading kWorkReadings[] = {
    {std::begin(kPlotWords), std::end(kPlotWords), kPlotScalar,
     "plot of a work (war, death) x%.2f"},
    {std::begin(kEffectWords), std::end(kEffectWords), kEffectScalar,
     "effect of a work (fear, tears) x%.2f"}};

// The reading of `word` in a text about a work, or nullptr.
const WorkReading* WorkReadingOf(std::string_view word) {
  for (const WorkReading& r : kWorkReadings) {
    if (std::find(r.begin, r.end, word) != r.end) return &r;
  }
  return nullptr;
}
// Words that make a text speak of a book, a film or a series.
// (Laid out by hand: clang-format puts a list this long one word a line.)
// clang-format off
constexpr std::string_view kWorkWords[] = {
    "book",           "novel",          "film",           "movie",
    "story",          "reader",         "chapter",        "author",
    "horror",         "thriller",       "series",         "episode",
    "plot",           "characters",     "prose",          "livre",
    "roman",          "histoire",       "lecture",        "lecteur",
    "lectrice",       "chapitre",       "auteur",         "autrice",
    "polar",          "serie",          "intrigue",       "personnages",
    "recit",          "ecriture",       "buch",           "geschichte",
    "leser",          "kapitel",        "autor",          "autorin",
    "krimi",          "handlung",       "figuren",        "trilogy",
    "trilogie",       "saga",           "novella",        "memoir",
    "manga",          "comic",          "pages",          "seiten",
    "lesen",          "gelesen",        "reading",        "psychothriller",
    "reportage",      "satire",         "documentary",    "documentaire",
    "dokumentation",  "bilderbuch",     "villain",        "villains",
    "mechant",        "bosewicht",      "boesewicht",     "scene",
    "scenes",         "szene",          "szenen",         "character",
    "hero",           "heroine",        "narrator",       "protagonist",
    "actors",         "sequel",         "novels",         "books",
    "films",          "movies",         "writer",         "personnage",
    "heros",          "narrateur",      "narration",      "protagoniste",
    "tome",           "tomes",          "oeuvre",         "ecrivain",
    "romancier",      "romanciere",     "romans",         "livres",
    "acteurs",        "erzaehler",      "protagonistin",  "heldin",
    "figur",          "romane",         "filme",          "buecher",
    "schauspieler",   "staffel",        "ending",         "finale",
    "screenplay",     "drehbuch",       "episodes",       "episoden",
    "album",          "soundtrack",     "realisateur",    "realisatrice",
    "regisseur",      "regisseurin",    "scenario",       "scenaristes",
    "acteur",         "actrice",        "generique",      "cinema",
    "casting",        "director",       "cinematography", "animation",
    "bd",             "kino",           "schauspielerin", "kinderbuch",
    "jugendbuch",     "sachbuch",       "hoerbuch",       "debuetroman"};
// clang-format on
constexpr std::string_view kGermanConditionals[] = {"haette", "haetten",
                                                    "waere", "waeren"};
constexpr std::string_view kGermanPast[] = {"gewesen", "koennen", "sollen"};
// German past habits: "früher" before a past form ("früher war alles besser").
constexpr std::string_view kGermanFormerly[] = {"frueher"};
constexpr std::string_view kGermanPastForms[] = {
    "war", "waren", "hatte", "hatten", "gab", "schmeckte", "schmeckten"};
// Verbs of remedy: a negative term right after one is what it removes
// ("fixes all the problems", "a résolu le problème", "hat den Fehler
// behoben"), read as negated (Engine::RemedyBefore()).
constexpr std::string_view kRemedyVerbs[] = {
    "fix", "fixes", "fixed", "fixing", "solve", "solves", "solved", "resolve",
    "resolves", "resolved", "eliminate", "eliminates", "eliminated", "prevent",
    "prevents", "prevented", "cure", "cures", "cured", "resout", "resolu",
    "resolue", "corrige", "elimine", "regle", "reglent", "repare", "behebt",
    "behoben", "beseitigt", "verhindert", "loest", "geloest", "repariert",
    "reguliert", "ersetzt", "ausgetauscht", "korrigiert", "stopped", "stops",
    "sorted",
    // a work that avoids a flaw: "le roman évite la mièvrerie"
    "avoids", "evite", "evitent", "vermeidet"};
// Participles of remedy right after a negative term, or one word on
// ("issue fixed", "problem is solved", "litige réglé", "bug corrigé").
constexpr std::string_view kRemedyParticiples[] = {
    "fixed",   "solved",   "resolved", "sorted",  "regle",
    "reglee",  "regles",   "resolu",   "resolue", "resolus",
    "corrige", "corrigee", "repare",   "reparee"};
// Where a customer looks for information (Engine::MissingInformation()).
constexpr std::string_view kInformationPlaces[] = {
    "description",   "website",      "site",
    "info",          "infos",        "information",
    "details",       "specs",        "manual",
    "faq",           "option",       "notice",
    "fiche",         "beschreibung", "anleitung",
    "webseite",      "homepage",     "seite",
    "informationen", "angaben",      "produktbeschreibung"};
// Past forms of a remedy to a customer's problem: a text that reports one
// tells of a problem solved, and its closing praise is meant ("Got scammed,
// the bank refunded it in 2 days. Brilliant bank", "fuite signalée à 7h,
// réparée avant midi. Bravo."), unless a negator comes just before.
constexpr std::string_view kRemedyReports[] = {
    "refunded",   "reimbursed",       "fixed",
    "sorted",     "resolved",         "solved",
    "replaced",   "repaired",         "rembourse",
    "remboursee", "rembourses",       "remboursees",
    "repare",     "reparee",          "repares",
    "resolu",     "resolue",          "regle",
    "reglee",     "retrouve",         "retrouvee",
    "remplace",   "remplacee",        "depanne",
    "erstattet",  "zurueckerstattet", "rueckerstattet",
    "repariert",  "behoben",          "geloest",
    "ersetzt",    "ausgetauscht"};
// Words of disappearance: a negative term before one, in its clause, is
// gone ("my back pain is gone", "la douleur a disparu", "die Schmerzen sind
// verschwunden"), read as negated (Engine::RemedyBefore()).
constexpr std::string_view kDisappearance[] = {
    "gone",     "disappeared", "vanished",     "disparu", "disparue",
    "disparus", "disparues",   "verschwunden", "weg"};
// Words that open the object of a French verb, or grade it, after a
// post-verbal "pas" (Engine::Negation()): "je recommande pas ce livre"
// (elided ones too: "je regrette pas d'avoir changé").
constexpr std::string_view kFrenchObjectStarts[] = {
    "ce",    "cet",  "cette", "ces",      "le",       "la",        "les",
    "un",    "une",  "des",   "du",       "de",       "mon",       "ma",
    "mes",   "ton",  "ta",    "tes",      "son",      "sa",        "ses",
    "notre", "nos",  "votre", "vos",      "leur",     "leurs",     "ca",
    "cela",  "trop", "tout",  "beaucoup", "vraiment", "tellement", "non"};
// Marks of irony (Engine::FindHits()): with one, a text's words of praise
// are read as negated. Emoji of ironic or exasperated praise, of anger
// beside thanks ("Danke Salon Haarmonie 😡"), and hashtags.
constexpr std::string_view kIronyEmoji[] = {"🙃", "🙄", "😒", "🤡",
                                            "😡",    "🤬", "😠", "😤"};
// Applause: twice in a row, a slow clap (Engine::IsSlowClap()).
constexpr std::string_view kClap = "👏";
constexpr std::size_t kIronyBefore = 15;  // tokens from term to mark
// The words that open a question of why (Engine::WhyQuestion()), folded.
constexpr std::string_view kWhyWords[] = {"why", "pourquoi", "warum", "wieso",
                                          "weshalb"};
// Words that make a question of why indignant (Engine::WhyQuestion()),
// folded.
constexpr std::string_view kIndignationWords[] = {
    "must",   "need",       "needs",      "always",  "every",    "even",
    "still",  "again",      "you",        "faut",    "toujours", "encore",
    "chaque", "vous",       "muss",       "muessen", "braucht",  "brauchen",
    "immer",  "eigentlich", "ueberhaupt", "wieder",  "jede",     "jeder",
    "jedes",  "jedem",      "ihr",        "euch",    "du"};
// What makes up for a fault: thanks for it are meant ("merci pour le
// remboursement"; Engine::ThanksForBlame()), folded.
constexpr std::string_view kRedressWords[] = {
    "refund",         "refunds",       "compensation", "remboursement",
    "dedommagement",  "indemnisation", "erstattung",   "rueckerstattung",
    "entschaedigung", "gutschrift"};
// Expletives that, opening a sentence of praise, exclaim it
// (Engine::ExclaimsPraise()), folded.
constexpr std::string_view kExpletives[] = {
    "shit",  "fuck",   "fucking", "damn",     "hell",    "bloody",
    "merde", "bordel", "putain",  "scheisse", "scheiss", "verdammt"};
// Words that, alone as a question, are exasperation
// (Engine::FindExasperation()), folded.
constexpr std::string_view kExasperationWords[] = {
    "seriously", "really",  "srsly",        "ernsthaft",
    "wirklich",  "serieux", "serieusement", "vraiment"};
// Words of a short question of disbelief (Engine::FindExasperation()),
// folded, and the words that address it to someone.
constexpr std::string_view kDisbeliefWords[] = {
    "serious", "kidding", "joke", "serieux", "serieuse", "blague", "ernst"};
constexpr std::string_view kAddressees[] = {"you", "u",    "this",  "vous",
                                            "tu",  "est",  "euer",  "eure",
                                            "ihr", "dein", "deine", "im"};
constexpr std::size_t kMaxDisbeliefWords = 5;
// Negators that, alone at a text's end, are marks of irony.
constexpr std::string_view kFinalNegators[] = {"not", "nicht", "pas", "nope"};
constexpr std::size_t kIronyAfter = 3;
// The most words a phrase in scare quotes has (Engine::InScareQuotes()).
constexpr std::uint32_t kMaxScareQuoted = 3;
// Verbs that introduce a quotation rather than a phrase in scare quotes:
// 'called it "a gem"', 'a dit "génial"', 'schreibt "Meisterwerk"'.
constexpr std::string_view kReportingVerbs[] = {
    "said",  "says",   "say",      "called",  "calls",   "call",
    "wrote", "writes", "dit",      "disait",  "appelle", "ecrit",
    "sagt",  "sagte",  "schreibt", "schrieb", "nennt",   "nannte"};
constexpr std::string_view kIronyTags[] = {"sarcasm",  "sarcastic", "irony",
                                           "ironie",   "sarkasmus", "sarcasme",
                                           "ironisch", "ironique"};
// Texts longer than this many tokens are no terse complaint with a
// sarcastic ending.
constexpr std::size_t kMaxSarcasmTokens = 40;
// Articles after an opening praise of a noun ("Super la SNCB, ...").
constexpr std::string_view kOpeningArticles[] = {"le",  "la",  "les", "the",
                                                 "der", "die", "das"};
// Determiners between a negator and the term it negates in a judgement
// (Engine::FindOpposedNegations()): "not the worst", "not his best".
constexpr std::string_view kJudgedDeterminers[] = {
    "the", "a",    "an",   "my",   "his",   "her",  "their", "le",  "la",
    "un",  "une",  "mon",  "son",  "sa",    "leur", "der",   "die", "das",
    "ein", "eine", "mein", "sein", "seine", "ihr",  "ihre"};
// Works of excellence that, before a link word and a term of blame, only
// grade the blame: "a masterpiece of boredom" (Engine::Sum()).
constexpr std::string_view kMasterworks[] = {
    "masterpiece", "masterclass", "triumph", "meisterwerk", "meisterstueck",
    "chefdoeuvre", "sommet",      "modele",  "model"};
constexpr std::string_view kGenitiveLinks[] = {"of",  "in",  "de", "d",
                                               "der", "des", "du"};
// Words before an opening praise ("Oh toll,", "Ganz toll,").
constexpr std::string_view kPraiseOpeners[] = {"oh", "ganz", "na", "ah", "wow"};
// The longest last sentence read for sarcasm ("Super sympa.").
constexpr std::size_t kFinalPraiseWords = 2;
// ... or of at most this many words of praise and fillers alone ("Really
// grand.", "Brilliant, just brilliant.").
constexpr std::size_t kFinalPraiseMaxWords = 4;
// Adverbs of scarcity (Engine::IsScarcity()); "à peine" has its flags.
constexpr std::string_view kScarcity[] = {"hardly", "barely", "scarcely",
                                          "kaum"};

// Whether a word of kWaitWords may start with `c`: Engine::Sum() tests
// the first letter before the list.
constexpr bool MayStartWaitWord(char c) {
  return c == 'w' || c == 'a' || c == 'p' || c == 'g' || c == 'q' || c == 't' ||
         c == 'f' || c == 'd';
}
static_assert(
    [] {
      for (std::string_view w : kWaitWords) {
        if (!MayStartWaitWord(w[0])) return false;
      }
      return true;
    }(),
    "Engine::Sum() looks for words of waiting by their first letters");
// What may stand between a verb of waiting and the time it took.
constexpr std::string_view kWaitFillers[] = {
    "for",    "over",   "about", "almost",  "nearly",  "another",
    "like",   "at",     "least", "close",   "to",      "more",
    "than",   "around", "some",  "a",       "good",    "pendant",
    "plus",   "de",     "pres",  "presque", "environ", "ueber",
    "fast",   "knapp",  "mehr",  "als",     "gut",     "bien",
    "encore", "noch",   "mal",   "depuis",  "seit",    "since"};
// A number word and its value.
struct NumberWord {
  std::string_view word;
  int value;
};
constexpr NumberWord kNumberWords[] = {
    {"a", 1},          {"an", 1},       {"one", 1},        {"two", 2},
    {"three", 3},      {"four", 4},     {"five", 5},       {"ten", 10},
    {"fifteen", 15},   {"twenty", 20},  {"thirty", 30},    {"forty", 40},
    {"fifty", 50},     {"sixty", 60},   {"ninety", 90},    {"une", 1},
    {"un", 1},         {"deux", 2},     {"trois", 3},      {"dix", 10},
    {"quinze", 15},    {"vingt", 20},   {"trente", 30},    {"quarante", 40},
    {"cinquante", 50}, {"eine", 1},     {"einer", 1},      {"zwei", 2},
    {"drei", 3},       {"zehn", 10},    {"fuenfzehn", 15}, {"zwanzig", 20},
    {"dreissig", 30},  {"vierzig", 40}, {"fuenfzig", 50},  {"half", 30},
    {"demi", 30},      {"halbe", 30},   {"halben", 30}};
// Units of time: minutes (false) or hours (true).
struct TimeUnit {
  std::string_view word;
  bool hours;
};
constexpr TimeUnit kTimeUnits[] = {
    {"min", false},     {"mins", false},    {"minute", false},
    {"minutes", false}, {"minuten", false}, {"hour", true},
    {"hours", true},    {"hr", true},       {"hrs", true},
    {"h", true},        {"heure", true},    {"heures", true},
    {"stunde", true},   {"stunden", true},  {"std", true},
    {"day", true},      {"days", true},     {"week", true},
    {"weeks", true},    {"month", true},    {"months", true},
    {"jour", true},     {"jours", true},    {"semaine", true},
    {"semaines", true}, {"mois", true},     {"tag", true},
    {"tage", true},     {"tagen", true},    {"woche", true},
    {"wochen", true},   {"monat", true},    {"monate", true},
    {"monaten", true}};
// The shortest wait in minutes that is a complaint.
constexpr int kLongWaitMinutes = 10;
// The same for a verb of how long something took ("il a fallu une heure",
// "hat drei Wochen gedauert"): a short job is no complaint. English "took"
// is left out: it times as many jobs done as waits.
constexpr int kLongDurationMinutes = 30;
// Verbs of how long something took, among kWaitWords.
constexpr std::string_view kDurationVerbs[] = {"fallu", "gedauert", "dauerte"};

// The words of coming back (Engine::ReturnIntentAt()).
constexpr std::string_view kReturnWords[] = {"again", "wieder", "nochmal"};
// The words of kFlagRare: every word the rules above test first.
constexpr const std::string_view* kRareWordLists[][2] = {
    {std::begin(kInferiority), std::end(kInferiority)},
    {std::begin(kNegativeSubjects), std::end(kNegativeSubjects)},
    {std::begin(kNegRaisingVerbs), std::end(kNegRaisingVerbs)},
    {std::begin(kCounterfactualModals), std::end(kCounterfactualModals)},
    {std::begin(kContractedModals), std::end(kContractedModals)},
    {std::begin(kEnglishWishes), std::end(kEnglishWishes)},
    {std::begin(kPastWishes), std::end(kPastWishes)},
    {std::begin(kFrenchConditionals), std::end(kFrenchConditionals)},
    {std::begin(kFrenchHopes), std::end(kFrenchHopes)},
    {std::begin(kGermanConditionals), std::end(kGermanConditionals)},
    {std::begin(kGermanFormerly), std::end(kGermanFormerly)},
    {std::begin(kExceptions), std::end(kExceptions)},
    {std::begin(kEffectWords), std::end(kEffectWords)},
    {std::begin(kPlotWords), std::end(kPlotWords)},
    {std::begin(kExpectations), std::end(kExpectations)},
    {std::begin(kScarcity), std::end(kScarcity)},
    {std::begin(kRemedyVerbs), std::end(kRemedyVerbs)},
    {std::begin(kDisappearance), std::end(kDisappearance)},
    {std::begin(kRemedyParticiples), std::end(kRemedyParticiples)},
    {std::begin(kIronyTags), std::end(kIronyTags)},
    {std::begin(kWaitWords), std::end(kWaitWords)},
    {std::begin(kWhyWords), std::end(kWhyWords)},
    {std::begin(kSeekWords), std::end(kSeekWords)},
    {std::begin(kExpletives), std::end(kExpletives)},
    {std::begin(kReturnWords), std::end(kReturnWords)}};

double Sign(double v) { return v < 0 ? -1.0 : 1.0; }

// Whether the last `words` ASCII words of `raw` follow a full stop, '!',
// '?' or '…', as a sentence of their own ("Great. Not.", not "great, not").
bool LastWordAfterStop(std::string_view raw, std::size_t words = 1,
                       bool comma_too = false) {
  constexpr std::string_view kEllipsis = "\u2026";
  auto ellipsis_ends_at = [&](std::size_t k) {
    return k >= 3 && raw.substr(k - 3, 3) == kEllipsis;
  };
  // A letter: ASCII, or a byte of a UTF-8 letter ("Überhaupt"), but no
  // byte of '…'.
  auto letter = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(raw[k - 1]);
    if (c >= 0x80) {
      return !ellipsis_ends_at(k) && !ellipsis_ends_at(k + 1) &&
             !ellipsis_ends_at(k + 2);
    }
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t k = raw.size();
  while (k > 0 && !letter(k)) --k;
  for (std::size_t w = 0; w < words; ++w) {
    while (k > 0 && letter(k)) --k;
    while (k > 0 && (raw[k - 1] == ' ' || raw[k - 1] == '\n')) --k;
  }
  if (k == 0) return false;
  const char c = raw[k - 1];
  return c == '.' || c == '!' || c == '?' || ellipsis_ends_at(k) ||
         (comma_too && c == ',');
}

// `raw` without the emoji and spaces that close it (pictographs of four
// UTF-8 bytes, with their variation selectors and joiners): "Top 👍" ->
// "Top".
std::string_view WithoutClosingEmoji(std::string_view raw) {
  auto ends_with = [&](std::string_view tail) { return raw.ends_with(tail); };
  for (int guard = 0; guard < 16 && !raw.empty(); ++guard) {
    if (raw.back() == ' ') {
      raw.remove_suffix(1);
    } else if (ends_with("\uFE0F") || ends_with("\u200D")) {
      raw.remove_suffix(3);
    } else if (raw.size() >= 4 &&
               static_cast<unsigned char>(raw[raw.size() - 4]) == 0xF0) {
      raw.remove_suffix(4);
    } else {
      break;
    }
  }
  return raw;
}

// `raw` without the hashtags (at most `max`) that close it: "genial. NICHT.
// #Maut" -> "genial. NICHT.".
std::string_view WithoutClosingHashtags(std::string_view raw, int max) {
  auto word_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (int tags = 0; tags < max; ++tags) {
    std::size_t k = raw.size();
    while (k > 0 && (raw[k - 1] == ' ' || raw[k - 1] == '\n')) --k;
    const std::size_t end = k;
    while (k > 0 && word_byte(raw[k - 1])) --k;
    if (k == 0 || k == end || raw[k - 1] != '#') break;
    raw = raw.substr(0, k - 1);
  }
  return raw;
}

// The first eight bytes of `w` as TermHead::lo holds them (little-endian,
// zero-padded), for comparing a token's head with a word in one compare.
constexpr std::uint64_t HeadWord(std::string_view w) {
  std::uint64_t h = 0;
  for (std::size_t b = 0; b < w.size() && b < 8; ++b) {
    h |= std::uint64_t{static_cast<unsigned char>(w[b])} << (8 * b);
  }
  return h;
}

// Whether `w` is one of `words` (a short array of string_views).
// Compares sizes and first bytes before calling memcmp: most candidates
// differ there.
template <typename Words>
bool IsOneOf(std::string_view w, const Words& words) {
  for (std::string_view x : words) {
    if (x.size() == w.size() &&
        (w.empty() ||
         (x[0] == w[0] && std::memcmp(x.data(), w.data(), w.size()) == 0))) {
      return true;
    }
  }
  return false;
}

const char* LangName(Lang l) {
  static const char* const kNames[] = {"fr", "en", "de", "und"};
  return kNames[l];
}

Lang LangOf(std::string_view s) {
  if (s.size() != 2) return kUnd;
  switch (s[0] << 8 | s[1]) {
    case 'f' << 8 | 'r':
      return kFr;
    case 'e' << 8 | 'n':
      return kEn;
    case 'd' << 8 | 'e':
      return kDe;
    default:
      return kUnd;
  }
}

// Concatenates `parts` (the explain strings; avoids operator+ chains).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

std::string Format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

enum class Source : std::uint8_t { kLang, kEmoji, kEmoticon };

struct Hit {
  double valence = 0.0;
  std::uint8_t span = 0;  // tokens covered; 0 = no term starts here
  Source source = Source::kLang;
  bool elongated = false;
  bool split = false;
  bool post_degree = false;  // grades the negative term before it (Sum())
};

// Where a term's valence comes from. The first three are the lexicons
// a language's words are looked up in (kFr, kEn, kDe); kSrcEn is en_extra's
// valence when it has the term, else en's.
enum Src { kSrcFr = 0, kSrcEn = 1, kSrcDe = 2, kSrcEnBase = 3, kSrcEmoji = 4 };
constexpr int kSources = 5;

// What the index holds about one term while it is being built.
struct TermFacts {
  double valence[kSources] = {};
  std::uint8_t has = 0;            // bit s: valence[s] is set
  std::uint8_t starts_phrase = 0;  // bit l: a multi-word term of language l
                                   // starts with it (and phrase_starts, when
                                   // given, has it)
  std::uint16_t cue_row = 0;
  std::uint16_t flags = 0;  // WordFlag bits
  WordClue clue;
};

// What the index holds about a term typed with the accents of one of its
// accent variants (Lexicon::Parse()).
struct SpelledFacts {
  std::uint32_t term = 0;  // id in the index's TermTable
  std::string spelling;    // AccentSpelling()
  TermFacts facts;         // the term's, with the variant's valences
};

}  // namespace

// One slot of ScorerIndex: a term and everything the scorer reads about it
// but its tag (in ScorerIndex::tags_), in 32 bytes, so that a look-up mostly
// touches one cache line of slots.
struct IndexedWord {
  static constexpr std::uint32_t kInline = 16;  // longest key held whole

  // HeadOf() the key; for a key longer than kInline, `hi` is instead the
  // offset of its bytes in ScorerIndex::bytes_.
  TermHead head;
  std::uint32_t size = 0;          // key bytes
  std::uint32_t valences = 0;      // ScorerIndex::valences_ offset of valence 0
  std::uint16_t flags = 0;         // WordFlag bits
  std::uint16_t clue = 0;          // in ScorerIndex::clues_: Clue()
  std::uint16_t cue_row = 0;       // in ScorerIndex::cues; 0: no cue
  std::uint8_t has = 0;            // bit s: has a valence from source s
  std::uint8_t starts_phrase = 0;  // bit l: as TermFacts::starts_phrase

  bool Has(int src) const { return (has >> src) & 1u; }
};
static_assert(sizeof(IndexedWord) == 32);

// The union of a scorer's lexicons and word lists, keyed by folded term in
// one open-addressing array of IndexedWord. Built once by the Scorer; immutable
// after.
class ScorerIndex {
 public:
  // Cues of a word in fr, en, de and und; row 0 has none.
  std::vector<std::array<Cue, 4>> cues = std::vector<std::array<Cue, 4>>(1);
  int max_words[3] = {0, 0, 0};  // by language: its lexicons' longest term
  bool has_words[3] = {false, false, false};  // the language has a lexicon
  EmoticonTable emoticons;                    // from the English lexicons
  // Unique among the indexes of the process (never reused, unlike addresses).
  std::uint64_t id = NextId();

  // Fills the table with `terms` and their `facts` (by term id), and keeps
  // `spelled` (accent variants of some of them) beside it.
  void Build(const TermTable& terms, const std::vector<TermFacts>& facts,
             const std::vector<SpelledFacts>& spelled) {
    std::size_t capacity = 16;
    while (capacity < 2 * terms.size()) capacity *= 2;
    slots_.assign(capacity, IndexedWord{});
    tags_.assign(capacity, 0);
    for (std::uint32_t id = 0; id < terms.size(); ++id) {
      const std::string_view term = terms.term(id);
      const TermFacts& f = facts[id];
      const TermHead head = HeadOf(term);
      const std::uint64_t h = HashTerm(term, head);
      std::size_t at = h & (capacity - 1);
      while (tags_[at] != 0) at = (at + 1) & (capacity - 1);
      IndexedWord& w = slots_[at];
      tags_[at] = TagOf(h);
      w.size = static_cast<std::uint32_t>(term.size());
      w.valences = static_cast<std::uint32_t>(valences_.size());
      for (int src = 0; src < kSources; ++src) {
        if ((f.has >> src) & 1u) valences_.push_back(f.valence[src]);
      }
      w.cue_row = f.cue_row;
      w.flags = f.flags;
      w.has = f.has;
      w.starts_phrase = f.starts_phrase;
      w.clue = ClueRow(MakeClue(f, term, head));
      w.head = head;
      if (term.size() > IndexedWord::kInline) {
        w.head.hi = bytes_.size();
        bytes_.append(term);
      }
    }
    for (const SpelledFacts& sf : spelled) {
      const IndexedWord* base = Find(terms.term(sf.term));
      SpelledWord& v = spelled_.emplace_back();
      v.base = SlotOf(base);
      v.spelling = sf.spelling;
      v.word = *base;
      v.word.valences = static_cast<std::uint32_t>(valences_.size());
      v.word.has = sf.facts.has;
      for (int src = 0; src < kSources; ++src) {
        if ((sf.facts.has >> src) & 1u)
          valences_.push_back(sf.facts.valence[src]);
      }
    }
    std::stable_sort(spelled_.begin(), spelled_.end(),
                     [](const SpelledWord& a, const SpelledWord& b) {
                       return a.base < b.base;
                     });
    Compact();
  }

  // Whether some word has accent variants.
  bool HasSpelledWords() const { return !spelled_.empty(); }
  // Whether `w` is a slot of the table (not absent() nor an accent
  // variant).
  bool InTable(const IndexedWord* w) const {
    return w >= slots_.data() && w < slots_.data() + slots_.size();
  }
  // Whether `w` (a slot of the table) has accent variants.
  bool HasSpellings(const IndexedWord* w) const {
    return FirstVariant(w) != spelled_.end();
  }
  // The accent variant of `w` spelled `spelling` (an AccentSpelling()), or
  // `w` itself when it has none.
  const IndexedWord* Spelled(const IndexedWord* w,
                             std::string_view spelling) const {
    const auto end = spelled_.end();
    for (auto it = FirstVariant(w); it != end && it->base == SlotOf(w); ++it) {
      if (it->spelling == spelling) return &it->word;
    }
    return w;
  }

  // The slot of `term`, or absent() when it has none: never null, so that
  // callers test what a word has without testing the pointer first.
  const IndexedWord* Find(std::string_view term) const {
    TokenKey key;
    key.head = HeadOf(term);
    key.hash = HashTerm(term, key.head);
    return Find(term, key);
  }
  // Same, with `key` that of `term`. Found or not, the answer usually
  // costs one branch that goes the same way: the slot is chosen without one.
  const IndexedWord* Find(std::string_view term, const TokenKey& key) const {
    const std::uint32_t tag = TagOf(key.hash);
    const std::size_t mask = tags_.size() - 1;
    const std::size_t n = term.size();
    for (std::size_t i = key.hash & mask;; i = (i + 1) & mask) {
      while (tags_[i] != tag && tags_[i] != 0) i = (i + 1) & mask;
      const bool empty = tags_[i] == 0;
      const IndexedWord* w = empty ? &absent_ : &slots_[i];
      // absent_ has size 0, which no token has.
      const bool same =
          n <= IndexedWord::kInline
              ? (w->size == n) & (w->head == key.head)
              : w->size == n &&
                    SameBytes(bytes_.data() + w->head.hi, term.data(), n);
      if (empty | same) return w;
    }
  }

  // Notes that a multi-word term starts with the words hashed `first` and
  // `second` (HashTerm).
  void AddPair(std::uint64_t first, std::uint64_t second) {
    const std::uint32_t bit = PairBit(first, second);
    pairs_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  // False when no multi-word term starts with the words hashed `first` and
  // `second`; true may be wrong (a cheap filter before building keys).
  bool MayPair(std::uint64_t first, std::uint64_t second) const {
    const std::uint32_t bit = PairBit(first, second);
    return (pairs_[bit / 64] >> (bit % 64)) & 1u;
  }

  // Notes a word of a work (kWorkWords) by its hash (HashTerm).
  void AddWorkWord(std::uint64_t hash) {
    work_words_[(hash >> 58) & 63] |= std::uint64_t{1} << (hash & 63);
  }
  // False when the word hashed `hash` is no word of a work; true may be
  // wrong (a cheap filter before comparing strings).
  bool MayBeWorkWord(std::uint64_t hash) const {
    return (work_words_[(hash >> 58) & 63] >> (hash & 63)) & 1u;
  }

  // The entry of every word the index lacks: no valence, flag, cue, phrase
  // start or clue.
  const IndexedWord* absent() const { return &absent_; }

  // Has Tokenize() start loading the first tag and slot Find(term, key)
  // reads of each token.
  KeyHook Prefetcher() const {
    KeyHook hook;
    hook.rows[0] = tags_.data();
    hook.row_bytes[0] = sizeof(tags_[0]);
    hook.rows[1] = slots_.data();
    hook.row_bytes[1] = sizeof(slots_[0]);
    hook.mask = tags_.size() - 1;
    return hook;
  }

  // The valence of `w` from source `src`. REQUIRES: w.Has(src).
  double Valence(const IndexedWord& w, int src) const {
    // The number of bits set in a 5-bit mask (no popcnt instruction needed).
    static constexpr std::uint8_t kBits[32] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2,
                                               3, 2, 3, 3, 4, 1, 2, 2, 3, 2, 3,
                                               3, 4, 2, 3, 3, 4, 3, 4, 4, 5};
    const std::uint32_t at = w.valences + kBits[w.has & ((1u << src) - 1u)];
    return valence_ids_.empty() ? valences_[at] : distinct_[valence_ids_[at]];
  }

  // What language identification reads of `w`.
  const WordClue& Clue(const IndexedWord& w) const { return clues_[w.clue]; }

 private:
  // What identification reads of `term`, whose HeadOf() is `head` and
  // facts `f`: its ending worked out once here rather than at each look-up.
  static WordClue MakeClue(const TermFacts& f, std::string_view term,
                           const TermHead& head) {
    WordClue clue = f.clue;
    if (clue.function_lang < 0) {
      clue.ending_lang =
          static_cast<std::int8_t>(LanguageVotes::EndingLanguage(term, head));
    }
    clue.in_lexicons =
        static_cast<std::uint8_t>((((f.has >> kSrcFr) & 1u) << kFr) |
                                  (((f.has >> kSrcEnBase) & 1u) << kEn) |
                                  (((f.has >> kSrcDe) & 1u) << kDe));
    return clue;
  }

  // The row of clues_ equal to `clue`, added when new.
  std::uint16_t ClueRow(const WordClue& clue) {
    for (std::size_t r = 0; r < clues_.size(); ++r) {
      const WordClue& c = clues_[r];
      if (c.function_lang == clue.function_lang &&
          c.in_lexicons == clue.in_lexicons &&
          c.ending_lang == clue.ending_lang &&
          std::bit_cast<std::uint64_t>(c.function_weight) ==
              std::bit_cast<std::uint64_t>(clue.function_weight)) {
        return static_cast<std::uint16_t>(r);
      }
    }
    clues_.push_back(clue);
    return static_cast<std::uint16_t>(clues_.size() - 1);
  }

  static std::uint64_t NextId() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }

  static std::uint32_t PairBit(std::uint64_t first, std::uint64_t second) {
    const std::uint64_t h =
        (first ^ (second * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    return static_cast<std::uint32_t>(h >> (64 - kPairBits));
  }

  static std::uint32_t TagOf(std::uint64_t h) {
    return static_cast<std::uint32_t>(h >> 32) | 1u;
  }

  // Replaces valences_ by valence_ids_ and distinct_ when the valences take
  // at most 256 distinct values (lexicon valences usually have one decimal),
  // so that they fit in cache: 1 byte per valence instead of 8. Values are
  // told apart by their bits (-0.0 is not 0.0).
  void Compact() {
    std::unordered_map<std::uint64_t, std::uint8_t> ids;
    std::vector<std::uint8_t> valence_ids;
    valence_ids.reserve(valences_.size());
    for (const double v : valences_) {
      const auto [it, fresh] =
          ids.emplace(std::bit_cast<std::uint64_t>(v),
                      static_cast<std::uint8_t>(ids.size()));
      if (fresh) {
        if (ids.size() > 256) {
          distinct_.clear();
          return;
        }
        distinct_.push_back(v);
      }
      valence_ids.push_back(it->second);
    }
    if (valence_ids.empty()) return;
    valence_ids_ = std::move(valence_ids);
    valences_.clear();
    valences_.shrink_to_fit();
  }

  std::vector<IndexedWord> slots_;  // a power of two, at most half full
  // By slot: its tag (high hash bits, odd; 0: empty), apart so that probes
  // read 4 bytes per slot (the tags stay in cache; the slots need not).
  std::vector<std::uint32_t> tags_;
  // Bit PairBit() set for the first two words of every multi-word term:
  // 2^18 bits (32 KiB), so that the tens of thousands of pairs of the three
  // lexicons leave most bits clear.
  static constexpr int kPairBits = 18;
  std::vector<std::uint64_t> pairs_ =
      std::vector<std::uint64_t>((std::size_t{1} << kPairBits) / 64);
  // Bits AddWorkWord() set: 4,096 for about a hundred words.
  std::array<std::uint64_t, 64> work_words_ = {};
  std::vector<double> valences_;  // each IndexedWord's, by source order;
                                  // empty when valence_ids_ is not
  std::vector<std::uint8_t> valence_ids_;  // same, as indexes in distinct_
  std::vector<double> distinct_;           // the distinct valences
  // Distinct Clue()s; row 0 is the empty clue, absent_'s.
  std::vector<WordClue> clues_ = std::vector<WordClue>(1);
  IndexedWord absent_;  // Find()'s answer for a word not in slots_
  std::string bytes_;   // keys longer than IndexedWord::kInline
  // A word as one of its accent variants reads: its slot's entry with the
  // variant's valences.
  struct SpelledWord {
    std::uint32_t base = 0;  // the slot
    std::string spelling;    // AccentSpelling()
    IndexedWord word;
  };
  std::vector<SpelledWord> spelled_;  // by base slot

  std::uint32_t SlotOf(const IndexedWord* w) const {
    return static_cast<std::uint32_t>(w - slots_.data());
  }
  // The first variant of `w`, or spelled_.end() when it has none (or is no
  // slot of the table).
  std::vector<SpelledWord>::const_iterator FirstVariant(
      const IndexedWord* w) const {
    if (!InTable(w)) return spelled_.end();
    const std::uint32_t slot = SlotOf(w);
    const auto it = std::lower_bound(
        spelled_.begin(), spelled_.end(), slot,
        [](const SpelledWord& v, std::uint32_t s) { return v.base < s; });
    return it != spelled_.end() && it->base == slot ? it : spelled_.end();
  }
};

namespace {

std::shared_ptr<const ScorerIndex> BuildIndex(const ScorerLexicons& lex) {
  auto index = std::make_shared<ScorerIndex>();
  index->emoticons = EmoticonTable(lex.en);
  index->emoticons.Add(lex.en_extra);
  TermTable terms;
  std::vector<TermFacts> facts;
  auto add = [&](std::string_view term) -> TermFacts& {
    const std::uint32_t id = terms.Insert(term);
    if (id == facts.size()) facts.emplace_back();
    return facts[id];
  };
  auto add_lexicon = [&](const Lexicon* l, int src, int lang) {
    if (l == nullptr) return;
    l->ForEach([&](std::string_view term, double v) {
      TermFacts& f = add(term);
      f.valence[src] = v;
      f.has |= static_cast<std::uint8_t>(1u << src);
      if (src == kSrcEnBase && ((f.has >> kSrcEn) & 1u) == 0) {
        f.valence[kSrcEn] = v;
        f.has |= 1u << kSrcEn;
      }
      const std::size_t space = term.find(' ');
      if (lang < 0 || space == std::string_view::npos) return;
      const std::string_view first = term.substr(0, space);
      const std::string_view rest = term.substr(space + 1);
      index->AddPair(HashTerm(first), HashTerm(rest.substr(0, rest.find(' '))));
      if (lex.phrase_starts != nullptr && !lex.phrase_starts->Contains(first)) {
        return;
      }
      add(first).starts_phrase |= static_cast<std::uint8_t>(1u << lang);
    });
  };
  add_lexicon(lex.en_extra, kSrcEn, kEn);
  add_lexicon(lex.en, kSrcEnBase, kEn);
  add_lexicon(lex.fr, kSrcFr, kFr);
  add_lexicon(lex.de, kSrcDe, kDe);
  add_lexicon(lex.emoji, kSrcEmoji, -1);
  const Lexicon* chains[3][2] = {
      {lex.fr, nullptr}, {lex.en_extra, lex.en}, {lex.de, nullptr}};
  for (int l = 0; l < 3; ++l) {
    for (const Lexicon* x : chains[l]) {
      if (x == nullptr) continue;
      index->has_words[l] = true;
      index->max_words[l] = std::max(index->max_words[l], x->max_words());
    }
  }
  for (std::string_view w : kHashtagNouns) add(w).flags |= kFlagHashtagNoun;
  for (std::string_view w : kCognitionVerbs) add(w).flags |= kFlagCognition;
  for (Lang l : {kFr, kEn, kDe, kUnd}) {
    for (const auto& [w, cue] : Cues(l)) {
      TermFacts& f = add(w);
      if (f.cue_row == 0) {
        f.cue_row = static_cast<std::uint16_t>(index->cues.size());
        index->cues.emplace_back();
      }
      index->cues[f.cue_row][l] = cue;
    }
  }
  for (std::string_view w : FunctionWords()) add(w).clue = FunctionWordClue(w);
  for (std::string_view w : kWorkWords) index->AddWorkWord(HashTerm(w));
  for (const FlaggedWord& fw : kFlaggedWords) add(fw.word).flags |= fw.flag;
  for (const auto& list : kRareWordLists) {
    for (const std::string_view* w = list[0]; w != list[1]; ++w) {
      add(*w).flags |= kFlagRare;
    }
  }
  // Accent variants: the term's facts with the variant's valence in its
  // lexicon's source (and in kSrcEn from en when en_extra lacks the term).
  std::vector<SpelledFacts> spelled;
  auto add_variants = [&](const Lexicon* l, int src) {
    if (l == nullptr) return;
    l->ForEachVariant([&](std::string_view term, std::string_view spelling,
                          double v) {
      const std::uint32_t id = terms.Find(term);
      auto it = std::find_if(spelled.begin(), spelled.end(),
                             [&](const SpelledFacts& sf) {
                               return sf.term == id && sf.spelling == spelling;
                             });
      if (it == spelled.end()) {
        it = spelled.insert(spelled.end(),
                            SpelledFacts{id, std::string(spelling), facts[id]});
      }
      it->facts.valence[src] = v;
      if (src == kSrcEnBase &&
          (lex.en_extra == nullptr || !lex.en_extra->Find(term))) {
        it->facts.valence[kSrcEn] = v;
      }
    });
  };
  add_variants(lex.en_extra, kSrcEn);
  add_variants(lex.en, kSrcEnBase);
  add_variants(lex.fr, kSrcFr);
  add_variants(lex.de, kSrcDe);
  index->Build(terms, facts, spelled);
  return index;
}

static_assert(std::endian::native == std::endian::little,
              "MayNormalise() reads term heads in little-endian order");

// False when the elongation and hashtag fallbacks can find nothing for the
// word `w` (a hashtag when `hashtag`; `head` is HeadOf(w)) beyond its own
// look-up: no run of three identical letters to collapse, no hashtag to
// split.
bool MayNormalise(std::string_view w, bool hashtag, const TermHead& head) {
  if (hashtag && w.size() >= 6) return true;
  // Words of at most 9 bytes (most), from their head: a triple at j <=>
  // byte j of (a ^ b) | (b ^ c) is 0. Shorter than 3: no window.
  if (w.size() <= 9) {
    const std::uint64_t a = head.lo;
    const std::uint64_t b = (head.lo >> 8) | (head.hi << 56);
    const std::uint64_t c = (head.lo >> 16) | (head.hi << 48);
    const std::uint64_t x = (a ^ b) | (b ^ c);
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
    const std::uint64_t zero = ~(((x & kLow7) + kLow7) | x) & ~kLow7;
    const std::uint64_t windows =
        w.size() < 3 ? 0 : (std::uint64_t{1} << (8 * (w.size() - 2))) - 1;
    if ((zero & windows) == 0) return false;
  }
  for (std::size_t k = 2; k < w.size(); ++k) {
    if (w[k] == w[k - 1] && w[k] == w[k - 2] && w[k] >= 'a' && w[k] <= 'z') {
      return w.size() <= kMaxWordBytes;
    }
  }
  return false;
}

// Whether `w` is longer than 3 bytes and ends in "n't" (one test: few words
// do).
bool EndsInNt(std::string_view w) {
  const std::size_t k = w.size();
  return k > 3 &&
         ((w[k - 3] ^ 'n') | (w[k - 2] ^ '\'') | (w[k - 1] ^ 't')) == 0;
}

// What the scoring passes read of one token, copied out of its IndexedWord
// by LookUp() into one small contiguous array, so that the passes over every
// token chase no pointer into the index.
struct TokenFacts {
  std::uint16_t flags = 0;         // IndexedWord::flags
  std::uint16_t cue_row = 0;       // IndexedWord::cue_row
  std::uint8_t has = 0;            // IndexedWord::has
  std::uint8_t starts_phrase = 0;  // IndexedWord::starts_phrase
  TokenKind kind = TokenKind::kWord;
  bool ends_nt = false;  // EndsInNt() the token

  bool Has(int src) const { return (has >> src) & 1u; }
};
static_assert(sizeof(TokenFacts) == 8);

// Collapses runs of 3+ identical ASCII letters in `w` to `keep` letters,
// and runs of two to `keep_double`, into `buf`; returns the new view, or an
// empty one when `w` has no run of 3+.
std::string_view Collapse(std::string_view w, std::size_t keep,
                          std::size_t keep_double, char* buf) {
  if (w.size() > kMaxWordBytes) return {};
  bool run3 = false;
  for (std::size_t i = 2; i < w.size() && !run3; ++i) {
    run3 = w[i] == w[i - 1] && w[i] == w[i - 2] && w[i] >= 'a' && w[i] <= 'z';
  }
  if (!run3) return {};
  std::size_t n = 0;
  bool changed = false;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t run = 1;
    while (i + run < w.size() && w[i + run] == w[i]) ++run;
    const char c = w[i];
    const bool letter = c >= 'a' && c <= 'z';
    const std::size_t out = !letter    ? run
                            : run >= 3 ? keep
                            : run == 2 ? keep_double
                                       : run;
    changed = changed || out != run;
    for (std::size_t k = 0; k < out; ++k) buf[n++] = c;
    i += run;
  }
  if (!changed) return {};
  return std::string_view(buf, n);
}

// The ways Collapse() tries an elongated word, in order: "gooood" -> "good"
// (not "god"), "nuuuul" -> "nul", then with a double letter of the word
// typed once ("gooodd" -> "good").
constexpr std::pair<std::size_t, std::size_t> kElongationKeeps[] = {
    {2, 2}, {1, 2}, {2, 1}, {1, 1}};

// A copy of a text in a buffer that only grows: copying into it is one
// memcpy (std::string::assign is a call that costs more than the copy of a
// short text).
class CopiedText {
 public:
  void Assign(std::string_view s) {
    if (s.size() > capacity_) {
      capacity_ = std::max(s.size(), 2 * capacity_);
      bytes_ = std::make_unique<char[]>(capacity_);
    }
    if (!s.empty()) std::memcpy(bytes_.get(), s.data(), s.size());
    size_ = s.size();
  }
  std::string_view view() const { return {bytes_.get(), size_}; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// Per-thread buffers, reused so that scoring does not allocate once warm.
struct Scratch {
  TokenizedText text;
  std::vector<const IndexedWord*> info;  // by token; never null
  std::vector<TokenFacts> facts;         // by token: info's, copied
  FunctionWordVotes function_votes;      // of the tokens, by LookUp()
  std::vector<Hit> hits;                 // by token
  std::vector<std::uint32_t> hit_at;     // the tokens where a hit starts
  std::vector<Cue> cues;
  // By token, set by Engine::FindRareCueReadings() when it finds a reading.
  std::vector<double> scale;
  std::string dotless_buf;  // a word's spelling without umlauts' 'e's
  TokenizedText name_text;  // a name of ScoreRequest::names, tokenized
  // The text being scored: the caller's, valid during its call.
  std::string_view raw_text;
  // When index_id is not 0, `text` and `info` are those of `source`,
  // tokenized with the emoticons of the index numbered `index_id`.
  std::uint64_t index_id = 0;
  CopiedText source;

  // Tokenizes `raw` with the emoticons of `index` and looks its tokens up,
  // unless `text` already holds just that: with `remember`, a later call for
  // the same text reuses the work (Analyzer asks Language() then Score() of
  // each text); without, nothing is copied.
  void Prepare(std::string_view raw, const ScorerIndex& index, bool remember) {
    raw_text = raw;
    if (index_id == index.id && source.view() == raw) return;
    // Each token's slot starts loading as soon as the token ends, well
    // before LookUp() reads it.
    Tokenize(raw, index.emoticons, text, index.Prefetcher());
    LookUp(index, raw);
    if (remember) {
      index_id = index.id;
      source.Assign(raw);
    } else {
      index_id = 0;
    }
  }

  // Looks every token up once, with the keys Tokenize() gave, and counts
  // the function-word votes identification reads first. `raw` is the text
  // tokenized.
  void LookUp(const ScorerIndex& index, std::string_view raw) {
    const std::size_t n = text.tokens.size();
    info.resize(n);
    facts.resize(n);
    function_votes = FunctionWordVotes{};
    const bool any_apostrophe = text.inner_apostrophes > 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view word = text.at(i);
      const IndexedWord* w = index.Find(word, text.keys[i]);
      info[i] = w;
      const Token& t = text.tokens[i];
      facts[i] = TokenFacts{w->flags, w->cue_row,
                            w->has,   w->starts_phrase,
                            t.kind,   any_apostrophe && EndsInNt(word)};
      if (Votes(t)) function_votes.Add(index.Clue(*w));
    }
    if (!text.umlaut_e.empty()) LookUpDotlessSpellings(index);
    if (!text.accented.empty() && index.HasSpelledWords()) {
      LookUpAccentVariants(index, raw);
    }
  }

  // A word typed with accents reads as the accent variant of its term
  // spelled the same, when there is one ("salé" is not "sale"). Out of
  // line: few words have variants.
  [[gnu::noinline]] void LookUpAccentVariants(const ScorerIndex& index,
                                              std::string_view raw) {
    for (const AccentedWord& a : text.accented) {
      const IndexedWord* w = info[a.token];
      if (!index.HasSpellings(w)) continue;
      const IndexedWord* v = index.Spelled(
          w, AccentSpelling(raw.substr(a.text_begin, a.text_size)));
      info[a.token] = v;
      facts[a.token].has = v->has;
    }
  }

  // A word written with an umlaut that nothing reads as folded ("toeten")
  // may be listed without the dots ("toten"): that entry then reads it, when
  // it is a lexicon word and nothing else (no function word or cue: "schön"
  // never turns into "schon"). Out of line: few texts have an umlaut.
  [[gnu::noinline]] void LookUpDotlessSpellings(const ScorerIndex& index) {
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
      if (ReadsSomething(index, *info[i])) continue;
      const std::string_view dotless = text.DotlessSpelling(i, dotless_buf);
      if (dotless.empty()) continue;
      const IndexedWord* plain = index.Find(dotless);
      if (plain->has == 0 || ReadsAsMoreThanTerm(index, *plain)) continue;
      info[i] = plain;
      facts[i].has = plain->has;
    }
  }

  // Makes every occurrence of `names` in the text unknown words (see
  // ScoreRequest::names), noted in `explain` when not null. The work of
  // Prepare() is then this request's alone: not reused.
  [[gnu::noinline]] void MaskNames(const ScorerIndex& index,
                                   std::span<const std::string_view> names,
                                   Explanation* explain) {
    index_id = 0;
    const std::size_t n = text.tokens.size();
    for (const std::string_view name : names) {
      Tokenize(name, nullptr, name_text);
      const std::size_t m = name_text.tokens.size();
      if (m == 0 || m > n) continue;
      for (std::size_t i = 0; i + m <= n; ++i) {
        if (!NameAt(i)) continue;
        for (std::size_t k = i; k < i + m; ++k) {
          info[k] = index.absent();
          facts[k] = TokenFacts{};
          facts[k].kind = text.tokens[k].kind;
        }
        if (explain != nullptr) {
          explain->normalisation.push_back(
              Cat({text.span(i, i + m - 1), " -> a name, judges nothing"}));
        }
        i += m - 1;
      }
    }
  }

  // Whether the words of name_text stand in a row at token `i`, each one
  // as folded or spelled without umlauts' 'e's ("mueller" for "muller").
  bool NameAt(std::size_t i) {
    for (std::size_t k = 0; k < name_text.tokens.size(); ++k) {
      const Token& t = text.tokens[i + k];
      if (t.kind != TokenKind::kWord) return false;
      const std::string_view want = name_text.at(k);
      if (text.at(i + k) != want &&
          text.DotlessSpelling(i + k, dotless_buf) != want) {
        return false;
      }
    }
    return true;
  }

  // Whether `w` means anything to the scorer or to identification.
  static bool ReadsSomething(const ScorerIndex& index, const IndexedWord& w) {
    return w.has != 0 || ReadsAsMoreThanTerm(index, w);
  }
  // Whether `w` is a cue, a function word or a phrase's first word.
  static bool ReadsAsMoreThanTerm(const ScorerIndex& index,
                                  const IndexedWord& w) {
    return w.flags != 0 || w.cue_row != 0 || w.starts_phrase != 0 ||
           index.Clue(w).function_lang >= 0;
  }

  // The language of `text`: from the function-word votes LookUp() counted
  // when they settle it, else from every word's votes.
  std::string_view Identify(const ScorerIndex& index) const {
    if (const std::string_view settled = function_votes.Settled(text);
        !settled.empty()) {
      return settled;
    }
    LanguageVotes votes;
    // A word LookUpDotlessSpellings() read as another ("toeten" as "toten")
    // has that word's ending in its clue: then work endings out.
    const bool clue_endings = text.umlaut_e.empty();
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
      if (!Votes(text.tokens[i])) continue;
      WordClue clue = index.Clue(*info[i]);
      if (!clue_endings) clue.ending_lang = -1;
      votes.Add(text.at(i), text.keys[i].head, clue);
    }
    return votes.Decide(text);
  }

  // Whether identification counts token `t`: a word, not from a hashtag.
  static bool Votes(const Token& t) {
    return t.kind == TokenKind::kWord && !t.hashtag;
  }
};

// The calling thread's scratch buffers, shared by every Scorer.
Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

class Engine {
 public:
  // REQUIRES: lang != kUnd; s.Prepare() ran on the current text.
  Engine(const ScorerIndex& index, Lang lang, Scratch& s, Explanation* ex)
      : index_(index), lang_(lang), s_(s), t_(s.text), ex_(ex) {}

  // Finds every term, in s_.hits and s_.hit_at; returns how many were found
  // with a language lexicon.
  int FindHits() {
    const std::size_t n = t_.tokens.size();
    irony_marks_ = 0;
    std::size_t slow_clap_at = kNone;
    const bool german = lang_ == kDe;
    s_.hits.assign(n, Hit{});
    s_.hit_at.clear();
    int count = 0;
    const int max_words = index_.max_words[lang_];
    const bool has_words = index_.has_words[lang_];
    for (std::size_t i = 0; i < n; ++i) {
      const TokenFacts& facts = s_.facts[i];
      Hit& hit = s_.hits[i];
      if (facts.kind == TokenKind::kEmoji) {
        if (IsOneOf(t_.at(i), kIronyEmoji)) AddIronyMark(i);
        // A slow clap, applause twice or more in a row ("Toller Service
        // 👏👏"), has no valence of its own; it is ironic after a complaint
        // (SlowClapIsIronic()).
        const bool slow_clap = IsSlowClap(i);
        if (slow_clap && (i == 0 || t_.at(i - 1) != kClap)) slow_clap_at = i;
        if (facts.Has(kSrcEmoji) && !slow_clap) {
          hit = Hit{index_.Valence(*s_.info[i], kSrcEmoji), 1, Source::kEmoji,
                    false, false};
          s_.hit_at.push_back(static_cast<std::uint32_t>(i));
        }
        continue;
      }
      if (facts.kind == TokenKind::kEmoticon) {
        // kSrcEn holds en_extra's valence, else en's.
        if (facts.Has(kSrcEn)) {
          hit = Hit{index_.Valence(*s_.info[i], kSrcEn), 1, Source::kEmoticon,
                    false, false};
          s_.hit_at.push_back(static_cast<std::uint32_t>(i));
        }
        continue;
      }
      if (!has_words) continue;
      if (Is(i, kFlagRare) && t_.tokens[i].hashtag &&
          IsOneOf(t_.at(i), kIronyTags)) {
        AddIronyMark(i);
      }
      int span = std::min<int>(max_words, static_cast<int>(n - i));
      // One test that is mostly false, not a first one whose way differs
      // from word to word (a word may start a term) then a second.
      const std::size_t next = i + 1 < n ? i + 1 : i;
      const bool may_start = ((facts.starts_phrase >> lang_) & 1u) != 0;
      const bool may_pair = index_.MayPair(t_.keys[i].hash, t_.keys[next].hash);
      if (!(may_start & (span >= 2) & may_pair)) span = 1;
      bool found = false;
      for (; span >= 2; --span) {
        if (!AllWords(i, span)) continue;
        if (const IndexedWord* term = index_.Find(PhraseKey(i, span));
            term->Has(lang_)) {
          const double valence = index_.Valence(*term, lang_);
          // A neutral term yields its last word to a term of judgement
          // that starts there: "feels like" to "like a toy".
          if (valence == 0.0 &&
              StartsJudgingPhrase(i + static_cast<std::size_t>(span) - 1)) {
            continue;
          }
          hit = Hit{valence, static_cast<std::uint8_t>(span), Source::kLang,
                    false, false};
          found = true;
          break;
        }
      }
      if (!found && facts.Has(lang_)) {
        hit = Hit{index_.Valence(*s_.info[i], lang_), 1, Source::kLang, false,
                  false};
        found = true;
      } else if (!found) {
        // Tested only for the words no look-up found.
        if (MayNormalise(t_.at(i), t_.tokens[i].hashtag, t_.keys[i].head)) {
          found = FindWord(i, hit);
          if (!found) AdoptElongatedCue(i);
        }
        if (!found && german && facts.kind == TokenKind::kWord &&
            facts.flags == 0 && facts.cue_row == 0 &&
            t_.tokens[i].size >= kMinGermanFormBytes) {
          found = FindGermanForm(i, hit);
        }
      }
      if (found) {
        ++count;
        s_.hit_at.push_back(static_cast<std::uint32_t>(i));
        i += hit.span - 1;
      }
    }
    if (slow_clap_at != kNone && SlowClapIsIronic()) [[unlikely]] {
      AddIronyMark(slow_clap_at);
    }
    if (ex_ != nullptr && !t_.umlaut_e.empty()) ExplainDotlessHits();
    if (ex_ != nullptr && !t_.accented.empty()) ExplainAccentVariants();
    return count;
  }

  // Whether a slow clap comes with a complaint: a term of blame or a
  // negator in the text ("Bravo, 10 jours sans internet 👏👏"; not "spot
  // on, compliments to the kitchen 👏👏"). Runs at the end of FindHits().
  [[gnu::noinline]] bool SlowClapIsIronic() const {
    for (std::size_t i = 0; i < t_.tokens.size(); ++i) {
      if (s_.hits[i].valence < 0.0 || s_.facts[i].ends_nt) return true;
      const std::uint16_t row = s_.facts[i].cue_row;
      if (row != 0 && index_.cues[row][lang_].negator) return true;
    }
    return false;
  }

  // Tokens `i` to `i + span - 1` joined by spaces, the key of a term of
  // several words: a view of the tokenized text (no copy).
  std::string_view PhraseKey(std::size_t i, int span) const {
    return t_.span(i, i + static_cast<std::size_t>(span) - 1);
  }

  // Whether a term of two or more words with a valence other than 0 starts
  // at token `k`. Out of line: runs only after a neutral term of several
  // words.
  [[gnu::noinline]] bool StartsJudgingPhrase(std::size_t k) {
    const std::size_t n = t_.tokens.size();
    if (k + 1 >= n || ((s_.facts[k].starts_phrase >> lang_) & 1u) == 0 ||
        !index_.MayPair(t_.keys[k].hash, t_.keys[k + 1].hash)) {
      return false;
    }
    const int max_words = index_.max_words[lang_];
    for (int span = 2;
         span <= max_words && k + static_cast<std::size_t>(span) <= n; ++span) {
      if (!AllWords(k, span)) return false;
      if (const IndexedWord* term = index_.Find(PhraseKey(k, span));
          term->Has(lang_) && index_.Valence(*term, lang_) != 0.0) {
        return true;
      }
    }
    return false;
  }

  // Notes each one-word hit read as an accent variant
  // (LookUpAccentVariants()).
  void ExplainAccentVariants() {
    for (const AccentedWord& a : t_.accented) {
      const Hit& hit = s_.hits[a.token];
      if (hit.span != 1 || hit.source != Source::kLang ||
          index_.InTable(s_.info[a.token])) {
        continue;
      }
      ex_->normalisation.push_back(
          Cat({t_.at(a.token), " -> ",
               AccentSpelling(s_.raw_text.substr(a.text_begin, a.text_size)),
               " (accent variant)"}));
    }
  }

  // Notes each one-word hit read by its spelling without umlauts
  // (LookUpDotlessSpellings()).
  void ExplainDotlessHits() {
    for (const std::uint32_t i : s_.hit_at) {
      if (s_.hits[i].span != 1 || s_.hits[i].source != Source::kLang ||
          index_.Find(t_.at(i)) == s_.info[i] || !index_.InTable(s_.info[i])) {
        continue;
      }
      ex_->normalisation.push_back(
          Cat({t_.at(i), " -> ", t_.DotlessSpelling(i, s_.dotless_buf)}));
    }
  }

  double Sum(int& counted) {
    const bool mixed_case = t_.any_all_caps && t_.any_lower;
    const std::size_t n = t_.tokens.size();
    // Only the first n are read: grown once, then reset in place.
    if (s_.cues.size() < n) [[unlikely]]
      s_.cues.resize(n);
    std::fill_n(s_.cues.begin(), n, Cue{});
    std::size_t contrast = n;
    // Whether some token is "too" or "trop", negates (any_negator_) or has
    // kFlagRare (any_rare_): else the passes and look-arounds that read
    // them have nothing to find.
    bool any_excess_word = false;
    any_rare_ = any_negator_ = may_negate_ = false;
    std::size_t return_word = kNone;
    std::size_t last_though = kNone;    // the last "though" or "tho"
    std::size_t superseded_at = kNone;  // the last "at first", "au début"...
    bool any_thanks = false;            // a word of kThanksWords
    bool any_mag = false;               // German "mag"
    bool any_rare_cue = false;          // see Cue::rare
    negator_count_ = 0;
    lukewarm_ = lukewarm_start_ = kNone;
    for (std::size_t i = 0; i < n; ++i) {
      const TokenFacts& facts = s_.facts[i];
      // A token without flag, cue or "n't" (most) neither boosts, negates
      // nor contrasts: its cue stays empty.
      if (facts.flags == 0 && !facts.ends_nt &&
          (facts.cue_row == 0 ||
           !index_.cues[facts.cue_row][lang_].first_pass)) {
        continue;
      }
      any_excess_word = any_excess_word || Is(i, kFlagExcess);
      if (facts.kind == TokenKind::kWord) {
        // Row 0, every word's without a cue (most), has none.
        const Cue* cue =
            facts.cue_row == 0 ? nullptr : &index_.cues[facts.cue_row][lang_];
        if (cue != nullptr &&
            ((cue->lukewarm && !NoLukewarmVerdict(i)) ||
             (cue->lukewarm_pair && i > 0 &&
              CueHas(i - 1, &Cue::lukewarm_first) &&
              EndsPair(i, kLukewarmPairs) && !SeesWhether(i) &&
              !DoubledBooster(i) && !PlusNoVerdict(i)))) {
          lukewarm_ = i;
          lukewarm_start_ = kNone;
        } else if (cue != nullptr && cue->lukewarm_pair &&
                   EndsPairAcrossDe(i, kLukewarmPairs) && !PlusNoVerdict(i)) {
          lukewarm_ = i;
          lukewarm_start_ = i - 2;
        }
        any_rare_cue = any_rare_cue || (cue != nullptr && cue->rare);
        if (cue != nullptr && cue->though) last_though = i;
        any_thanks = any_thanks || (cue != nullptr && cue->thanks);
        any_mag = any_mag || (cue != nullptr && cue->mag);
        if (cue != nullptr && cue->superseded &&
            SupersededPhraseLength(i) != 0) {
          superseded_at = i;
        }
        if (cue != nullptr &&
            (cue->booster != 0.0 || cue->negator || cue->contrast)) {
          s_.cues[i] = *cue;
          if (cue->way && TheWay(i)) s_.cues[i].booster = 0.0;
        } else if (IsAPeine(i)) {
          s_.cues[i].booster = -kBoosterIncrement;
        } else if (cue != nullptr && cue->contrast_pair &&
                   EndsPair(i, kContrastPairs)) {
          s_.cues[i].contrast = true;
        }
      }
      // Whether the token negates, kept in its cue: FindNegator() reads
      // only token i's cue, set above (and stores to a byte vector of their
      // own would alias every pointer the loop reads).
      s_.cues[i].negator = FindNegator(i);
      any_negator_ = any_negator_ || s_.cues[i].negator;
      if (s_.cues[i].negator) {
        if (negator_count_ < kMaxNegators) negators_[negator_count_] = i;
        ++negator_count_;
      }
      any_rare_ = any_rare_ || Is(i, kFlagRare);
      // The first word of kReturnWords, kept in a local (a member stored in
      // this loop is reloaded at each token).
      if (return_word == kNone && Is(i, kFlagRare) && IsReturnWord(i)) {
        return_word = i;
      }
      may_negate_ = may_negate_ || Is(i, kFlagPeu | kFlagCloser) ||
                    CueHas(i, &Cue::pair_end);
      // The end of a negating pair contrasts nothing: "anything but good".
      if (IsContrast(i) && (NegatingPair(i) != 0 || IsAdverbYet(i))) {
        s_.cues[i].contrast = false;
      }
      if (IsContrast(i)) contrast = i;
    }
    return_word_ = return_word;
    const bool reweigh = any_rare_cue && FindRareCueReadings(contrast == n);
    if (any_negator_ && lukewarm_ == kNone) FindNeitherNor();
    if (any_negator_ && lukewarm_ == kNone) FindOpposedNegations();
    // A last sentence of one or two words (few texts end with one).
    if (lukewarm_ == kNone && n >= 3 &&
        (t_.tokens[n - 1].boundary_before ||
         t_.tokens[n - 2].boundary_before)) {
      FindFinalMiddlingVerdict();
    }
    // A first sentence of one or two words (few texts open with one).
    if (lukewarm_ == kNone && n >= 3 &&
        ((t_.tokens[1].boundary_before | t_.tokens[2].boundary_before) &
         kSentenceStop) != 0) {
      FindOpeningMiddlingVerdict();
    }
    // A positive adjective of degree right before a negative term is its
    // booster, not praise: "une belle arnaque", "énorme déception", "a real
    // nightmare", "ein schöner Reinfall". A word of degree right after one
    // grades it too, as French places its adjectives ("une lourdeur
    // incroyable", "un échec monumental") and as "at its finest" and "vom
    // Feinsten" do.
    for (std::size_t k = 0; k + 1 < s_.hit_at.size(); ++k) {
      const std::size_t i = s_.hit_at[k];
      const std::size_t next = s_.hit_at[k + 1];
      const Hit& hit = s_.hits[i];
      const Hit& after = s_.hits[next];
      // A masterpiece of the blame after it is the blame's degree: "a
      // masterpiece of boredom", "ein Meisterwerk der Langeweile".
      if (next == i + 2 && hit.span == 1 && hit.valence > 0.0 &&
          after.valence < 0.0 && after.source == Source::kLang &&
          !t_.tokens[i + 1].boundary_before &&
          !t_.tokens[next].boundary_before &&
          IsOneOf(t_.at(i + 1), kGenitiveLinks) &&
          IsOneOf(t_.at(i), kMasterworks) &&
          // Not a genre: "a masterpiece of horror".
          !IsOneOf(t_.at(next), kWorkWords) &&
          WorkReadingOf(t_.at(next)) == nullptr) {
        s_.cues[i].booster = kBoosterIncrement;
        continue;
      }
      if (next != i + hit.span || hit.source != Source::kLang ||
          after.source != Source::kLang || t_.tokens[next].boundary_before) {
        continue;
      }
      if (hit.valence > 0.0 && after.valence < 0.0 &&
          (hit.span == 1 ? IsDegreeAdjective(i)
                         : IsOneOf(PhraseKey(i, hit.span), kExclamatives))) {
        s_.cues[i].booster = kBoosterIncrement;
      } else if (hit.valence < 0.0 && after.valence > 0.0 &&
                 IsOneOf(t_.at(next), kDegreeAfter)) {
        s_.hits[next].post_degree = true;
      }
    }
    double sum = 0.0;
    counted = 0;
    positive_ = negative_ = 0.0;
    polar_ = 0;
    // Praise that makes up the text's last sentence, held back until the
    // rest is summed: after a complaint it is sarcastic ("Verizon hung up
    // on me. Fantastic.", "Ma carte bloquée et la banque ne répond pas.
    // Super sympa.", "Paket nicht angekommen. Toll.").
    const std::size_t final_start = contrast == n ? FinalPraiseStart() : n;
    const std::size_t opening_end = contrast == n ? OpeningPraiseEnd() : 0;
    const std::pair<std::size_t, std::size_t> afterthought =
        last_though == kNone ? std::pair(n, n) : Afterthought(last_though);
    const std::pair<std::size_t, std::size_t> superseded =
        superseded_at == kNone ? std::pair(n, n)
                               : SupersededClause(superseded_at);
    // Whether any of the rare rules of one term below can apply (most texts
    // have none).
    const bool rare_term_rules =
        superseded_at != kNone || any_thanks || (any_mag && lang_ == kDe);
    double held[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t held_notes[4] = {kNone, kNone, kNone, kNone};
    int held_count = 0;
    // The signs of the terms on each side of the contrast (bit 0 praise,
    // bit 1 blame), and on which sides a diminisher or an intensifier
    // graded one (bit 0 before, bit 1 after).
    unsigned before_signs = 0;
    unsigned after_signs = 0;
    unsigned hedged_sides = 0;
    unsigned boosted_sides = 0;
    int before_polar = 0;
    int after_polar = 0;
    unsigned strong_sides = 0;  // with a term of kStrongValence or more
    for (const std::uint32_t at : s_.hit_at) {
      const std::size_t i = at;
      const Hit& hit = s_.hits[i];
      const std::string_view word = t_.at(i);
      if (hit.span > 1 && BoosterAt(i) != 0.0 &&
          NextHitAt(i + hit.span - 1, 1)) {
        continue;  // an exclamative grading the next term
      }
      if (hit.span == 1 && hit.source == Source::kLang) {
        if (BoosterAt(i) != 0.0 && NextHitAt(i, 2)) continue;
        if (IsNegator(i) && NextHitAt(i, kWindow)) continue;
      }
      ++counted;
      Contribution* c = nullptr;
      if (ex_ != nullptr) {
        ex_->contributions.emplace_back();
        c = &ex_->contributions.back();
        c->term.assign(word);
        for (int k = 1; k < hit.span; ++k) {
          c->term.append(" ").append(t_.at(i + static_cast<std::size_t>(k)));
        }
        c->lexicon = hit.source == Source::kEmoji      ? "emoji"
                     : hit.source == Source::kEmoticon ? "en"
                                                       : LangName(lang_);
        c->valence = hit.valence;
      }
      double v = hit.valence;
      if (v > 0.0 && hit.span == 1 && GradesAWord(i)) {
        v = 0.0;
        Note(c, [] { return std::string("adverb of degree"); });
      }
      if (i >= afterthought.first && i < afterthought.second) {
        v *= kAfterthoughtScalar;
        Note(c, [] {
          return Format("afterthought (though) x%.1f", kAfterthoughtScalar);
        });
      }
      if (rare_term_rules) [[unlikely]] {
        if (i >= superseded.first && i < superseded.second) {
          v *= kSupersededScalar;
          Note(c, [] {
            return Format("state since changed (at first) x%.1f",
                          kSupersededScalar);
          });
        }
        if (v > 0.0 && lang_ == kDe && hit.span == 1 && ModalMag(i)) {
          v = 0.0;
          Note(c, [] { return std::string("modal (mag ... sein)"); });
        }
        if (v > 0.0 && any_thanks && CourtesyThanks(i, hit.span)) {
          v = 0.0;
          Note(c, [] { return std::string("thanks for a review copy"); });
        }
      }
      if (v > 0.0 && hit.span == 2 && GuessesThePast(i)) {
        v = 0.0;
        Note(c, [] { return std::string("modal of a guess"); });
      }
      if (v != 0.0 && hit.span == 1 && IsDiscourseMarker(i)) {
        v = 0.0;
        Note(c, [] { return std::string("discourse marker"); });
      }
      if (t_.tokens[i].capitalised && InsideAName(i, hit.span)) {
        v = 0.0;
        Note(c, [] { return std::string("part of a name"); });
      }
      if (v > 0.0 && hit.span == 1 && any_negator_ &&
          CertaintyBeforeNegation(i)) {
        v = 0.0;
        Note(c, [] { return std::string("certainty before a negation"); });
      }
      if (v < 0.0 && Is(i, kFlagRare) &&
          (i == 0 || t_.tokens[i].boundary_before ||
           (i == 1 && Is(0, kFlagRare) && IsOneOf(t_.at(0), kExpletives))) &&
          ExclaimsPraise(i, hit.span)) {
        v = 0.0;
        Note(c, [] { return std::string("exclamation before praise"); });
      }
      // Not a question that a denying answer or a mark of irony takes back,
      // nor one the text answers yes ("Is it worth it? Absolutely.").
      if (v != 0.0 && t_.questions > 0 && irony_marks_ == 0) {
        const char* asks = AsksForAdvice(i) ? "request for advice"
                           : AsksYesOrNo(i) ? "yes/no question"
                           : AsksHowTo(i)   ? "how-to question"
                           : AsksWorth(i)   ? "question of worth"
                                            : nullptr;
        if (asks != nullptr && !EndsWithAffirmation()) {
          v = 0.0;
          Note(c, [asks] { return std::string(asks); });
        }
      }
      // A factor read before the loop: a call here would cost every text.
      if (reweigh) [[unlikely]] {
        v *= s_.scale[i];
        if (c != nullptr) NoteReweighing(i, c);
      }
      if (v > 0.0 && hit.span == 1 && ThanksForBlame(i)) {
        v *= kNegationScalar;
        Note(c, [] {
          return Format("thanks for a fault x%.2f", kNegationScalar);
        });
      }
      if (v > 0.0 && any_rare_ && SoughtPraise(i)) {
        v = 0.0;
        Note(c, [] { return std::string("praise sought"); });
      }
      if (v < 0.0 && hit.span == 1 && Is(i, kFlagRare)) {
        if (const WorkReading* r = WorkReadingOf(word);
            r != nullptr && AboutAWork()) {
          v *= r->scalar;
          Note(c, [r] { return Format(r->note, r->scalar); });
        }
      }
      if (v == 0.0) {
        if (c != nullptr) c->adjusted = 0.0;
        continue;
      }
      if (hit.post_degree) {
        v = -kBoosterIncrement;
        Note(c, [] {
          return Format("degree of the term before %+.3f", -kBoosterIncrement);
        });
      }
      const double sign = Sign(v);
      if (mixed_case && t_.tokens[i].all_caps) {
        v += sign * kCapsIncrement;
        Note(c, [&] { return Format("caps %+.3f", sign * kCapsIncrement); });
      }
      if (hit.elongated) {
        v += sign * kBoosterIncrement;
        Note(c, [&] {
          return Format("elongation %+.3f", sign * kBoosterIncrement);
        });
      }
      for (int d = 1; d <= kWindow && static_cast<std::size_t>(d) <= i; ++d) {
        const std::size_t j = i - static_cast<std::size_t>(d);
        if (t_.tokens[j + 1].boundary_before) break;
        double boost = BoosterAt(j);
        if (boost == 0.0) continue;
        if (IsLitotes(j)) continue;  // handled with negation
        if (contrast < n && (boost <= -kBoosterIncrement || boost > 0.0) &&
            !IsScarcity(j)) {
          (boost < 0.0 ? hedged_sides : boosted_sides) |=
              i < contrast ? 1u : 2u;
        }
        if (mixed_case && t_.tokens[j].all_caps)
          boost += Sign(boost) * kCapsIncrement;
        v += sign * boost * kDistanceFactor[d];
        Note(c, [&] {
          return Cat({"booster(", t_.at(j), ") ",
                      Format("%+.3f", sign * boost * kDistanceFactor[d])});
        });
      }
      if (const std::size_t k = PostDiminisherAt(i + hit.span); k != kNone) {
        v += sign * BoosterAt(k);
        if (contrast < n) hedged_sides |= i < contrast ? 1u : 2u;
        Note(c, [&] {
          return Cat({"booster(after: ", t_.at(k), ") ",
                      Format("%+.3f", sign * BoosterAt(k))});
        });
      }
      const std::string_view negator = Negation(i, hit.span);
      if (!negator.empty() && negator[0] == '+') {
        v += sign * kBoosterIncrement;
        Note(c, [&] {
          return Cat({"emphasis(", negator.substr(1), ") ",
                      Format("%+.3f", sign * kBoosterIncrement)});
        });
      } else if (negator == "peu") {
        v *= kLitotesScalar;
        Note(c, [&] { return Format("litotes(peu) x%.2f", kLitotesScalar); });
      } else if (!negator.empty() && v < 0.0 && RemedyBefore(i) != kNone) {
        // "didn't fix the problem": the negated remedy leaves the problem.
        Note(c, [&] { return Cat({"negated remedy(", negator, ")"}); });
      } else if (!negator.empty() && v > 0.0 && ConcededBy(i, negator)) {
        // "sans être parfait", "without being perfect": a hedge, no blame.
        v = 0.0;
        Note(c, [&] { return Cat({"concession(", negator, " being)"}); });
      } else if (!negator.empty()) {
        v *= kNegationScalar;
        Note(c, [&] {
          return Cat(
              {"negation(", negator, ") ", Format("x%.2f", kNegationScalar)});
        });
      } else if (v < 0.0) {
        if (const std::size_t m = RemedyBefore(i); m != kNone) {
          v *= kNegationScalar;
          Note(c, [&] {
            return Cat(
                {"remedy(", t_.at(m), ") ", Format("x%.2f", kNegationScalar)});
          });
        } else if (const std::size_t a = AvoidedBefore(i); a != kNone) {
          v *= kNegationScalar;
          Note(c, [&] {
            return Cat(
                {"avoided(", t_.at(a), ") ", Format("x%.2f", kNegationScalar)});
          });
        } else if (const std::size_t x = ExpectationBefore(i); x != kNone) {
          v *= kNegationScalar;
          Note(c, [&] {
            return Cat({"expectation(", t_.at(x), ") ",
                        Format("x%.2f", kNegationScalar)});
          });
        } else if (const std::size_t h = PastHabitBefore(i); h != kNone) {
          v *= kNegationScalar;
          Note(c, [&] {
            return Cat({"past habit(", t_.at(h), ") ",
                        Format("x%.2f", kNegationScalar)});
          });
        }
      } else if (v > 0.0 && i > 0 && !t_.tokens[i].boundary_before &&
                 IsScarcity(i - 1)) {
        v *= kLitotesScalar;
        Note(c, [&] {
          return Cat({"litotes(", t_.at(i - 1), ") ",
                      Format("x%.2f", kLitotesScalar)});
        });
      } else if (const std::size_t q = v > 0.0 && t_.questions > 0
                                           ? RhetoricalQuestionAt(i)
                                           : kNone;
                 q != kNone) {
        v *= kNegationScalar;
        Note(c, [&] {
          return Cat({"rhetorical question(", t_.at(q), ") ",
                      Format("x%.2f", kNegationScalar)});
        });
      } else if (v > 0.0) {
        if (const std::size_t m = CounterfactualBefore(i); m != kNone) {
          v *= kNegationScalar;
          Note(c, [&] {
            return Cat({IsOneOf(t_.at(m), kExceptions) ? "exception("
                                                       : "counterfactual(",
                        t_.at(m), ") ", Format("x%.2f", kNegationScalar)});
          });
        }
      }
      // A mark of irony ("Great, another price rise 🙄", "#sarcasm"): the
      // praise next to it is not meant.
      if (irony_marks_ > 0 && v > 0.0 && hit.source == Source::kLang &&
          NearIronyMark(i)) {
        v *= kNegationScalar;
        Note(c, [] { return Format("irony x%.2f", kNegationScalar); });
      } else if (v > 0.0 && !t_.quotes.empty() && InScareQuotes(i, hit.span)) {
        v *= kNegationScalar;
        Note(c, [] { return Format("scare quotes x%.2f", kNegationScalar); });
      }
      if (contrast < n && v != 0.0) {
        (i < contrast ? before_signs : after_signs) |= v > 0.0 ? 1u : 2u;
        ++(i < contrast ? before_polar : after_polar);
        if (std::abs(hit.valence) >= kStrongValence) {
          strong_sides |= i < contrast ? 1u : 2u;
        }
      }
      if (contrast < n) {
        if (i < contrast) {
          v *= kBeforeContrast;
          Note(c, [&] {
            return Cat({"contrast(before ", t_.at(contrast), ") ",
                        Format("x%.1f", kBeforeContrast)});
          });
        } else if (i > contrast) {
          v *= kAfterContrast;
          Note(c, [&] {
            return Cat({"contrast(after ", t_.at(contrast), ") ",
                        Format("x%.1f", kAfterContrast)});
          });
        }
      }
      if (c != nullptr) c->adjusted = v;
      // An emoji after the held praise goes with it: "... Top 👍".
      if (v > 0.0 &&
          (((i >= final_start || i < opening_end) && held_count < 3 &&
            hit.span == 1 && CueHas(i, &Cue::sarcastic_praise)) ||
           (i >= final_start && held_count > 0 && held_count < 4 &&
            hit.source == Source::kEmoji))) {
        held[held_count] = v;
        held_notes[held_count++] =
            c != nullptr ? ex_->contributions.size() - 1 : kNone;
        continue;
      }
      sum += v;
      Weigh(v);
    }
    // Praise and blame on either side of a contrast, one of them graded
    // down, are a lukewarm verdict: "bien joué mais un peu trop long",
    // "un peu bruyant mais il remplit son rôle"; not when the other side is
    // graded up, nor a strong term after the contrast outweighs a criticism
    // graded down before it ("un peu cher, mais parfait").
    if (hedged_sides != 0 && (boosted_sides & ~hedged_sides) == 0 &&
        !(hedged_sides == 1u && (strong_sides & 2u) != 0) &&
        lukewarm_ == kNone &&
        ((before_signs == 1u && after_signs == 2u) ||
         (before_signs == 2u && after_signs == 1u))) {
      lukewarm_ = contrast;
    }
    // Praise, then a contrast to a drawback, in a short text, is a mixed
    // verdict too: praise that is not strong before words the lexicons do
    // not score ("Good multiplayer, but the campaign is about 4 hours
    // long", "L'univers est riche mais les personnages manquent
    // d'épaisseur"; not after "fun" (2.3) or "great"), or one or two words
    // of praise before one word of blame, none of them strong ("Game looks
    // nice but the servers are slow", "Livraison rapide mais produit
    // abîmé").
    if (contrast < n && lukewarm_ == kNone && before_signs == 1u &&
        n <= kMaxConcessionTokens) {
      const bool unscored_drawback = (strong_sides & 1u) == 0 &&
                                     after_signs == 0u &&
                                     n - contrast > kMinDrawbackTokens;
      const bool mild_drawback = after_signs == 2u && strong_sides == 0u &&
                                 before_polar <= 2 && after_polar == 1;
      if (unscored_drawback || mild_drawback) lukewarm_ = contrast;
    }
    // A rule's own valence at token j, weighted by its side of the contrast.
    auto add_rule = [&](std::size_t j, double valence, auto term,
                        const char* why) {
      double v = valence;
      if (contrast < n) v *= j < contrast ? kBeforeContrast : kAfterContrast;
      sum += v;
      Weigh(v);
      ++counted;
      if (ex_ != nullptr) {
        Contribution c;
        c.term = term();
        c.lexicon = "rule";
        c.adjusted = v;
        c.modifiers.push_back(why);
        ex_->contributions.push_back(std::move(c));
      }
    };
    // The text of token `j`, for a rule of one word (one closure type, so
    // that add_rule is instantiated once for all of them).
    auto word_at = [this](std::size_t j) {
      return [this, j] { return std::string(t_.at(j)); };
    };
    for (std::size_t j = 0; any_negator_ && j < n; ++j) {
      if (!IsNegator(j) || !IsOrphanNegator(j)) continue;
      if (t_.questions > 0 && MissingInformation(j)) continue;
      const char* why =
          !IsNegationParticle(j) ? "absence (never, nothing, nobody...)"
          : SaysFailure(j)
              ? "negation of something that fails, stopped or cannot be done"
              : nullptr;
      add_rule(
          j, why != nullptr ? kOrphanFailure : kOrphanNegation, word_at(j),
          why != nullptr ? why : "negation without a sentiment term in scope");
    }
    if (const std::size_t w = any_rare_ ? WhyQuestion() : kNone; w != kNone) {
      add_rule(w, kWhyQuestion, word_at(w), "question of why");
    }
    if (exasperation_ != kNone) {
      add_rule(exasperation_, kExasperation, word_at(exasperation_),
               "exasperated question");
    }
    // An echo in capitals of a text that praises nothing repeats a fact in
    // exasperation.
    if (t_.any_all_caps && t_.any_lower && sum <= 0.0) {
      if (const std::size_t e = CapitalEcho(); e != kNone) {
        add_rule(e, kCapitalEcho, word_at(e), "echo in capitals");
      }
    }
    // An "again" of intent is the intent to return, no repetition.
    const std::pair<std::size_t, bool> intent =
        return_word_ != kNone ? ReturnIntentAt() : std::make_pair(kNone, false);
    if (intent.first != kNone) {
      add_rule(intent.first, intent.second ? -kReturnIntent : kReturnIntent,
               word_at(intent.first),
               intent.second ? "negated intent to return (won't ... again)"
                             : "intent to return (will ... again)");
    }
    // A repetition in a text that judges nothing else is a complaint:
    // "Train cancelled again.", "Encore un retard.", "Wieder mal kein Netz".
    if (polar_ == 0) {
      if (const std::size_t r = RepetitionAt();
          r != kNone && r != intent.first) {
        add_rule(r, kOrphanFailure, word_at(r),
                 "repetition (again, encore un, wieder mal)");
      }
    }
    // One long wait per text.
    for (std::size_t j = 0; any_rare_ && j < n; ++j) {
      if (!Is(j, kFlagRare)) continue;
      const char first = t_.folded[t_.tokens[j].begin];
      if (!MayStartWaitWord(first) || !IsOneOf(t_.at(j), kWaitWords)) {
        continue;
      }
      // A pair, not a structured binding: clang 14 cannot capture one.
      if (const std::pair<std::size_t, std::size_t> wait = LongWaitAt(j);
          wait.first != kNone) {
        add_rule(
            j, kLongWait,
            [&] { return std::string(t_.span(wait.first, wait.second)); },
            "long wait");
        break;
      }
    }
    for (std::size_t j = 0; any_excess_word && j < n; ++j) {
      // Only "too" and "trop" may be excess.
      if (!IsExcess(j)) continue;
      add_rule(
          j, kExcess,
          [&] {
            return Cat({t_.at(j), " ", t_.at(j + 1)});
          },
          "excess (too/trop before a neutral word)");
    }
    // After a complaint, or after words the writer quotes without praising
    // anything ('the "solution" is a 40 minute drive. Cool.'): a company's
    // words quoted back are a complaint of their own. Not after the plot of
    // a book or a film, which is no complaint ("Ein Film über Schach, der
    // mitreißt. Großartig gespielt.").
    const bool sarcastic = held_count > 0 &&
                           (sum < 0.0 || (sum <= 0.0 && !t_.quotes.empty())) &&
                           !AboutAWork() && !ReportsRemedy();
    for (int k = 0; k < held_count; ++k) {
      double v = held[k];
      if (sarcastic) {
        v *= kNegationScalar;
        if (held_notes[k] != kNone) {
          Contribution& c = ex_->contributions[held_notes[k]];
          c.adjusted = v;
          c.modifiers.push_back(
              Format("praise after a complaint x%.2f", kNegationScalar));
        }
      }
      sum += v;
      Weigh(v);
    }
    return sum;
  }

  // Where the last sentence of a short text starts when it is at most
  // kFinalPraiseWords words after a stop ("... hung up. Fantastic.", "...
  // Klasse Service."), or n.
  [[gnu::always_inline]] std::size_t FinalPraiseStart() const {
    const std::size_t n = t_.tokens.size();
    if (n < 4 || n > kMaxSarcasmTokens) return n;
    // Up to two emoji may close it: "... Top 👍", "... Bravo 👏"; or up to
    // three hashtag words: "... Brilliant. #virginmediadown".
    std::string_view raw = s_.raw_text;
    std::size_t m = n;  // the tokens before the closing emoji or hashtags
    if (s_.facts[n - 1].kind == TokenKind::kEmoji) [[unlikely]] {
      m = s_.facts[n - 2].kind == TokenKind::kEmoji ? n - 2 : n - 1;
      raw = WithoutClosingEmoji(raw);
      if (m < 4 || raw.size() == s_.raw_text.size()) return n;
    } else if (t_.tokens[n - 1].hashtag) [[unlikely]] {
      m = n - 1;
      while (m > 0 && n - m < 3 && t_.tokens[m - 1].hashtag) --m;
      if (m < 4 || t_.tokens[m - 1].hashtag) return n;
      raw = WithoutClosingHashtags(raw, 3);
    }
    const std::size_t start = FinalPraiseStartBefore(m, raw);
    return start == m ? n : start;
  }

  // FinalPraiseStart() of the text's first `n` tokens, `raw` their text.
  [[gnu::always_inline]] std::size_t FinalPraiseStartBefore(
      std::size_t n, std::string_view raw) const {
    if (s_.facts[n - 1].kind != TokenKind::kWord) return n;
    for (std::size_t words = 1; words <= kFinalPraiseWords; ++words) {
      // One word may also close the text after a comma: "Mon fils a
      // pleuré, bravo."
      if (t_.tokens[n - words].boundary_before) {
        if (!LastWordAfterStop(raw, words, words == 1)) break;
        const std::size_t start = PraiseSentencesBefore(n - words);
        // A filler after a comma closes a longer one: "Amazing service,
        // truly."
        if (words == 1 && !CueHas(n - 1, &Cue::sarcastic_praise)) {
          return std::min(start, LongerPraiseSentence(n));
        }
        return start;
      }
    }
    // A longer sentence of praise words and fillers alone: "Great
    // communication there lads" is none, "Really grand." and "Brilliant,
    // just brilliant." are.
    return LongerPraiseSentence(n);
  }

  // Where the sentence ending before token `n` starts when it is made of
  // words of kSarcasticPraise and kPraiseFillers alone, at most
  // kFinalPraiseMaxWords, one of them praise; else n.
  std::size_t LongerPraiseSentence(std::size_t n) const {
    // Most texts end with another word.
    const std::uint16_t row = s_.facts[n - 1].cue_row;
    if (row == 0) return n;
    const Cue& last = index_.cues[row][lang_];
    if (!last.sarcastic_praise && !last.praise_filler) return n;
    return PraiseAndFillersStart(n);
  }

  // LongerPraiseSentence() past its test for a term of praise.
  [[gnu::noinline]] std::size_t PraiseAndFillersStart(std::size_t n) const {
    bool praise = false;
    for (std::size_t words = 1; words <= kFinalPraiseMaxWords && words < n;
         ++words) {
      const std::size_t t = n - words;
      const bool is_praise = CueHas(t, &Cue::sarcastic_praise);
      if (!is_praise && !CueHas(t, &Cue::praise_filler)) return n;
      praise = praise || is_praise;
      if (t_.tokens[t].boundary_before & kSentenceStop) {
        return praise ? PraiseSentencesBefore(t) : n;
      }
    }
    return n;
  }

  // `start`, or where the sentence before it starts when that one is
  // praise alone too ("Brilliant. Absolutely brilliant.").
  std::size_t PraiseSentencesBefore(std::size_t start) const {
    if (start < 5 || !(t_.tokens[start].boundary_before & kSentenceStop)) {
      return start;
    }
    const std::size_t before = LongerPraiseSentence(start);
    return before < start ? before : start;
  }

  // The end of a short text's opening praise, a word of praise alone
  // before a comma or stop (after "oh", "ganz": "Génial, ils ont perdu ma
  // clé.", "Ganz toll, Baustelle vorm Fenster."), or 0.
  [[gnu::always_inline]] std::size_t OpeningPraiseEnd() const {
    const std::size_t n = t_.tokens.size();
    if (n < 4 || n > kMaxSarcasmTokens) return 0;
    if (t_.tokens[1].boundary_before) {
      return t_.tokens[0].boundary_before ? 0 : 1;
    }
    if (t_.tokens[2].boundary_before && IsOneOf(t_.at(0), kPraiseOpeners)) {
      return 2;
    }
    // Articles have two or three letters: most words need no comparison.
    const std::size_t article = t_.tokens[1].size;
    return t_.tokens[0].boundary_before == 0 &&
                   (t_.tokens[1].elision != 0 ||
                    ((article == 2 || article == 3) &&
                     IsOneOf(t_.at(1), kOpeningArticles)))
               ? PraisedNounEnd()
               : 0;
  }

  // The end of an opening praise of a noun before a comma or a relative
  // "qui", as French says it ("Super la SNCB, 25 min de retard", "Génial
  // l'appli, elle plante", "Top la salle qui ferme à 20h"), or 0: a word of
  // kSarcasticPraise, an article, at most four more words.
  [[gnu::noinline]] std::size_t PraisedNounEnd() const {
    if (!CueHas(0, &Cue::sarcastic_praise)) return 0;
    const std::size_t n = t_.tokens.size();
    for (std::size_t k = 2; k <= 6 && k < n; ++k) {
      if (t_.tokens[k].boundary_before != 0) {
        return t_.tokens[k].boundary_before == kClauseBoundary ? k : 0;
      }
      if (t_.at(k) == "qui") return k;
    }
    return 0;
  }

  // Whether the word of waiting to see at `i` ends a doubt that an
  // outcome will come ("on verra si le SAV répond", "we'll see if they
  // call back"), no wait to see how a product lasts.
  bool SeesWhether(std::size_t i) const {
    static constexpr std::string_view kWhether[] = {"si", "if", "whether",
                                                    "ob"};
    return i + 1 < t_.tokens.size() && !t_.tokens[i + 1].boundary_before &&
           IsOneOf(t_.at(i + 1), kWhether);
  }

  // Whether the "so" at `i` doubles the booster before it, grading the
  // term right after ("so so proud of her"), and says no "so-so".
  bool DoubledBooster(std::size_t i) const {
    return t_.at(i) == "so" && i + 1 < t_.tokens.size() &&
           !t_.tokens[i + 1].boundary_before && s_.hits[i + 1].span > 0 &&
           s_.hits[i + 1].valence != 0.0;
  }

  // Whether the "plus" of "sans plus" or "pas plus" at `i` gives no
  // lukewarm verdict ("bien pour un bureau, pas plus", "correct sans plus
  // mais ..."): it goes on in its clause, a quantity or a time ("pas plus
  // de cinq minutes", "sans plus attendre"), or closes "ne ... pas plus"
  // or "ne ... rien de plus" ("je n'en dis pas plus").
  bool PlusNoVerdict(std::size_t i) const {
    static constexpr std::string_view kContrasts[] = {"mais", "but", "aber"};
    if (t_.at(i) != "plus") return false;
    if (i + 1 < t_.tokens.size() && !t_.tokens[i + 1].boundary_before &&
        !IsOneOf(t_.at(i + 1), kContrasts)) {
      return true;
    }
    // The closer of "ne": "pas plus", "rien de plus".
    std::size_t closer = i - 1;
    if (t_.at(closer) == "de" && closer >= 1 && t_.at(closer - 1) == "rien") {
      --closer;
    } else if (t_.at(closer) != "pas") {
      return false;
    }
    // "ne" or "n'", also typed without its apostrophe ("je n en dis pas
    // plus", "je ne dirai rien de plus").
    if (NeBefore(closer)) return true;
    for (std::size_t k = closer; k-- > 0 && closer - k <= kWindow;) {
      if (t_.tokens[k + 1].boundary_before) break;
      if (t_.at(k) == "n") return true;
    }
    return false;
  }

  // Whether French "moyen" or "moyenne" at `i` is an adjective of
  // verdict ("Moyen.", "exécution moyenne", "SAV moyen"), not a noun ("un
  // moyen de", "la moyenne", "en moyenne", "pas moyen de"), a part of a
  // name ("Moyen Âge", "Moyen-Orient") or a middle size or class ("taille
  // moyenne", "classe moyenne", "d'âge moyen").
  bool MiddlingAdjective(std::size_t i) const {
    static constexpr std::string_view kNounBefore[] = {
        "le",     "la",     "un",   "une",      "du",      "au",    "en",
        "aucun",  "pas",    "seul", "meilleur", "bon",     "ce",    "quel",
        "son",    "sa",     "mon",  "ma",       "leur",    "cette", "de",
        "taille", "classe", "age",  "temps",    "vitesse", "duree", "gamme"};
    static constexpr std::string_view kNounAfter[] = {
        "de",     "age",      "ages", "orient", "terme",
        "format", "courrier", "des",  "du"};
    const std::size_t n = t_.tokens.size();
    if (i > 0 && !t_.tokens[i].boundary_before &&
        IsOneOf(t_.at(i - 1), kNounBefore)) {
      return false;
    }
    if (i + 1 < n && !t_.tokens[i + 1].boundary_before &&
        (IsOneOf(t_.at(i + 1), kNounAfter) || t_.tokens[i + 1].elision != 0)) {
      return false;
    }
    return true;
  }

  // Whether the lukewarm word at `i` gives no verdict here: "above
  // average", "better than average", "on average", "im Durchschnitt";
  // "depends" is one only before "what"
  // or at its clause's end ("it depends what you want", "it depends."; not
  // "the film's success depends on its cast").
  bool NoLukewarmVerdict(std::size_t i) const {
    const std::string_view w = t_.at(i);
    // "dans la moyenne" (not "au-dessus de la moyenne"), and French
    // "moyen(ne)" as an adjective of verdict: "Moyen.", "exécution
    // moyenne", "un produit moyen".
    if (w == "moyenne" || w == "moyen") {
      if (w == "moyenne" && i >= 2 && !t_.tokens[i].boundary_before &&
          !t_.tokens[i - 1].boundary_before && t_.at(i - 1) == "la" &&
          t_.at(i - 2) == "dans") {
        return false;
      }
      return !MiddlingAdjective(i);
    }
    // Only "middle of the road", "somewhere in the middle", "wait for a
    // sale".
    if (w == "road" || w == "middle" || w == "sale") {
      const std::string_view(&words)[3] = w == "road"   ? kMiddleOfTheRoad
                                          : w == "sale" ? kWaitForASale
                                                        : kSomewhereInThe;
      if (i < 3) return true;
      for (std::size_t k = 0; k < 3; ++k) {
        if (t_.tokens[i - k].boundary_before || t_.at(i - 3 + k) != words[k]) {
          return true;
        }
      }
      return false;
    }
    if (w == "depends") {
      // Also "depends on what/how/whether/your ...".
      const std::size_t n = t_.tokens.size();
      std::size_t k = i + 1;
      if (k + 1 < n && !t_.tokens[k].boundary_before && t_.at(k) == "on" &&
          !t_.tokens[k + 1].boundary_before) {
        static constexpr std::string_view kOpenQuestion[] = {
            "what", "how", "whether", "your", "you", "who"};
        if (IsOneOf(t_.at(k + 1), kOpenQuestion)) return false;
      }
      return k < n && !t_.tokens[k].boundary_before && t_.at(k) != "what";
    }
    if (i == 0 || (w != "average" && w != "durchschnitt")) return false;
    // Not a comparison, nor a mean: "on average", "im Durchschnitt", "über
    // dem Durchschnitt".
    const std::string_view before = t_.at(i - 1);
    return before == "above" || before == "below" || before == "than" ||
           before == "on" || before == "an" || before == "im" ||
           before == "dem" || before == "den";
  }

  // Whether the text holds a lukewarm verdict (kLukewarmWords,
  // kLukewarmPairs; set by Sum()).
  bool Lukewarm() const { return lukewarm_ != kNone; }
  // The whole lukewarm verdict, for an explanation: "sans plus", "mitige".
  std::string LukewarmPhrase() const {
    if (lukewarm_ == kNone) return {};
    if (lukewarm_start_ != kNone) {
      return std::string(t_.span(lukewarm_start_, lukewarm_));
    }
    const std::string_view w = t_.at(lukewarm_);
    if (!EndsPair(lukewarm_, kLukewarmPairs)) return std::string(w);
    return Cat({t_.at(lukewarm_ - 1), " ", w});
  }

  // "Neither praise nor blame" is a lukewarm verdict: "ni bon ni mauvais",
  // "ni déçu ni emballé", "neither good nor bad", "weder gut noch
  // schlecht", "ni coup de cœur ni déception" (two terms of opposite
  // signs). Runs after FindHits().
  void FindNeitherNor() {
    static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"ni", "ni"}, {"neither", "nor"}, {"weder", "noch"}};
    const std::size_t n = t_.tokens.size();
    ForEachNegator([&](std::size_t j) {
      if (j + 3 >= n) return true;
      const Hit& a = s_.hits[j + 1];
      const std::size_t second = j + 1 + std::max<std::size_t>(a.span, 1);
      if (a.span == 0 || second + 1 >= n) return false;
      const Hit& b = s_.hits[second + 1];
      if (b.span == 0 || a.valence * b.valence >= 0.0) return false;
      for (const auto& [x, y] : kPairs) {
        if (t_.at(j) == x && t_.at(second) == y) {
          lukewarm_start_ = j;
          lukewarm_ = second + b.span;
          return true;
        }
      }
      return false;
    });
  }

  // A last sentence of one or two words that holds a middling word is a
  // lukewarm verdict on the whole text: "Accueil un peu expéditif.
  // Correct.", "Cours sympa mais bondé. Moyen.", "Kids loved it. Okay
  // overall.", "Geht so." (kMiddlingVerdicts, kMiddlingPairs).
  [[gnu::noinline]] void FindFinalMiddlingVerdict() {
    const std::size_t n = t_.tokens.size();
    if (n < 3 || s_.facts[n - 1].kind != TokenKind::kWord) return;
    for (std::size_t words = 1; words <= 2; ++words) {
      if (!t_.tokens[n - words].boundary_before) continue;
      if (!LastWordAfterStop(s_.raw_text, words)) return;
      if (words == 2 && EndsPair(n - 1, kMiddlingPairs)) {
        lukewarm_start_ = n - 2;
        lukewarm_ = n - 1;
        return;
      }
      for (std::size_t k = n - words; k < n; ++k) {
        // Not a denied one: "Not ok.", "Pas correct.", "Nicht okay."
        if (IsOneOf(t_.at(k), kMiddlingVerdicts) &&
            (k == n - words || !IsNegator(k - 1))) {
          lukewarm_start_ = n - words;
          lukewarm_ = n - 1;
          return;
        }
      }
      return;
    }
  }

  // A first sentence of one middling word, or of a verb and a middling
  // word, closed by a full stop, is a lukewarm verdict on the whole text:
  // "Moyen. Quelques bonnes idées noyées dans un ensemble trop long.",
  // "Mittelmaß. Die Story ...", "It's ok. The kids liked it more than I
  // did." (kMiddlingVerdicts but kAgreeingVerdicts, kVerdictVerbs; not
  // "Correct !" nor "Correct
  // ?").
  [[gnu::noinline]] void FindOpeningMiddlingVerdict() {
    if (s_.facts[0].kind != TokenKind::kWord || t_.tokens[0].boundary_before) {
      return;
    }
    if ((t_.tokens[1].boundary_before & kSentenceStop) != 0) {
      if (!IsOneOf(t_.at(0), kMiddlingVerdicts) ||
          IsOneOf(t_.at(0), kAgreeingVerdicts)) {
        return;
      }
    } else if (t_.tokens[1].boundary_before != 0 ||
               !IsOneOf(t_.at(0), kVerdictVerbs) ||
               (!IsOneOf(t_.at(1), kMiddlingVerdicts) &&
                t_.at(1) != "alright")) {
      return;
    }
    const std::size_t stop = s_.raw_text.find_first_of(".!?");
    if (stop != std::string_view::npos && s_.raw_text[stop] == '.') {
      lukewarm_ = 0;
    }
  }

  // Calls `visit(j)` for each negator j of the text, in order, until it
  // returns true (the positions Sum() kept, or a scan when there were too
  // many to keep).
  template <typename Visit>
  void ForEachNegator(Visit visit) const {
    if (negator_count_ <= kMaxNegators) {
      for (std::size_t k = 0; k < negator_count_; ++k) {
        if (visit(negators_[k])) return;
      }
      return;
    }
    for (std::size_t j = 0; j < t_.tokens.size(); ++j) {
      if (IsNegator(j) && visit(j)) return;
    }
  }

  // Two negated judgements of opposite signs side by side are a lukewarm
  // verdict: "pas mauvais, pas génial", "not bad, not great", "pas cher,
  // pas terrible", "nicht schlecht, aber nicht gut", "not the worst, not
  // the best". A negated judgement is a negator and a one-word term (an
  // article between), or a term that starts with a negator
  // ("pas mal", "not bad"); the second starts at most three tokens after
  // the first, and no "and" joins them. Runs after FindHits().
  void FindOpposedNegations() {
    const std::size_t n = t_.tokens.size();
    // The sign of the negated judgement at `j` and its last token, or 0.
    auto judgement = [&](std::size_t j, std::size_t& last) -> int {
      if (!IsNegator(j)) return 0;
      const Hit& own = s_.hits[j];
      if (own.span >= 2 && own.valence != 0.0) {
        last = j + own.span - 1;
        return own.valence > 0.0 ? 1 : -1;
      }
      if (j + 1 >= n || own.span != 0) return 0;
      // A determiner may come between: "not the worst", "pas le pire",
      // "not his worst".
      std::size_t t = j + 1;
      if (s_.hits[t].span == 0 && j + 2 < n && s_.hits[j + 2].span == 1 &&
          s_.hits[j + 2].valence != 0.0 &&
          IsOneOf(t_.at(t), kJudgedDeterminers)) {
        ++t;
      }
      const Hit& next = s_.hits[t];
      if (next.span != 1 || next.valence == 0.0) return 0;
      last = t;
      return next.valence > 0.0 ? -1 : 1;
    };
    ForEachNegator([&](std::size_t j) {
      std::size_t last = 0;
      const int first = judgement(j, last);
      if (first == -1 && GradedDown(j, last)) {
        lukewarm_start_ = j - 1;
        lukewarm_ = last;
        return true;
      }
      if (j + 3 >= n) return true;
      if (first == 0) return false;
      for (std::size_t k = last + 1; k < n && k <= last + 3; ++k) {
        // Joined by "and", they add up: "pas cher et pas efficace".
        if (IsOneOf(t_.at(k), kCoordinators)) break;
        std::size_t end = 0;
        const int second = judgement(k, end);
        if (second == 0) continue;
        if (second == -first) {
          lukewarm_start_ = j;
          lukewarm_ = end;
          return true;
        }
        break;
      }
      return false;
    });
  }

  // Whether the praise negated by the negator at `j` (its term ends at
  // `last`) only grades down the weaker praise right before it, a comma or
  // a contrast between: "good, not great", "bien mais pas génial", "gut,
  // aber nicht überragend".
  bool GradedDown(std::size_t j, std::size_t last) const {
    std::size_t k = j;
    if (k > 0 && !t_.tokens[k].boundary_before && IsContrast(k - 1)) --k;
    if (k == 0 || (t_.tokens[k].boundary_before & kSentenceStop)) return false;
    const std::size_t prev = k - 1;
    const Hit& praise = s_.hits[prev];
    const Hit& negated = s_.hits[last];
    return praise.span == 1 && praise.valence > 0.0 &&
           praise.source == Source::kLang && negated.span == 1 &&
           negated.valence > praise.valence &&
           (prev == 0 || !IsNegator(prev - 1));
  }

  // The first token of the sentence that holds token `i`.
  std::size_t SentenceStart(std::size_t i) const {
    while (i > 0 && (t_.tokens[i].boundary_before & kSentenceStop) == 0) --i;
    return i;
  }

  // The end of the sentence that holds token `i`: the first token after
  // it, or the number of tokens at the text's end.
  std::size_t SentenceEnd(std::size_t i) const {
    std::size_t end = i + 1;
    while (end < t_.tokens.size() &&
           (t_.tokens[end].boundary_before & kSentenceStop) == 0) {
      ++end;
    }
    return end;
  }

  // Whether what stands before token `end` (the number of tokens: the
  // text's end) is a '?'.
  bool EndsQuestion(std::size_t end) const {
    const std::uint8_t stop = end < t_.tokens.size()
                                  ? t_.tokens[end].boundary_before
                                  : t_.boundary_after;
    return (stop & kQuestionStop) != 0;
  }

  // The first word of the text's first question of why, a sentence that
  // opens with "why", "pourquoi", "warum" ... and ends with '?', or kNone;
  // not "Why not?", "Pourquoi pas ?", "Warum nicht?".
  std::size_t WhyQuestion() const {
    const std::size_t n = t_.tokens.size();
    if (t_.questions == 0) return kNone;
    for (std::size_t k = 0; k < n; ++k) {
      if ((k > 0 && (t_.tokens[k].boundary_before & kSentenceStop) == 0) ||
          !Is(k, kFlagRare) || !IsOneOf(t_.at(k), kWhyWords)) {
        continue;
      }
      const std::size_t end = SentenceEnd(k);
      if (!EndsQuestion(end)) continue;
      if (end == k + 2 && IsNegator(k + 1)) continue;
      // Indignation: "??", "?!", or a word of obligation, insistence or
      // address in the question.
      if (t_.questions >= 2 || t_.exclamations > 0) return k;
      for (std::size_t j = k + 1; j < end; ++j) {
        if (IsOneOf(t_.at(j), kIndignationWords)) return k;
      }
    }
    return kNone;
  }

  // A word of disbelief alone as a question, after a sentence ("Zipper
  // broke on the first wear. Seriously?", "Ernsthaft?!", "Sérieux ?"), is
  // exasperation: a mark of irony with no valence of its own, and a
  // complaint (kExasperation, added by Sum()). Runs after FindHits().
  void FindExasperation() {
    const std::size_t n = t_.tokens.size();
    if (t_.questions == 0) return;
    for (std::size_t k = 1; k < n; ++k) {
      // A sentence of its own (a '?' is also a sentence stop).
      if ((t_.tokens[k].boundary_before & kSentenceStop) == 0 ||
          !EndsQuestion(k + 1) || !IsOneOf(t_.at(k), kExasperationWords)) {
        continue;
      }
      s_.hits[k].valence = 0.0;
      AddIronyMark(k);
      exasperation_ = k;
      return;
    }
    // A short question of disbelief addressed to someone: "Are you
    // serious?", "Are you kidding me?", "Vous êtes sérieux ?", "Ist das
    // euer Ernst?".
    for (std::size_t k = 0; k < n;) {
      const std::size_t end = SentenceEnd(k);
      if (end - k <= kMaxDisbeliefWords && EndsQuestion(end)) {
        bool addressed = false;
        std::size_t disbelief = kNone;
        for (std::size_t j = k; j < end; ++j) {
          const std::string_view w = t_.at(j);
          // "es" only as "t'es" ("Ist es ernst?" asks about a thing).
          addressed = addressed || IsOneOf(w, kAddressees) ||
                      (w == "es" && t_.tokens[j].elision != 0);
          if (IsOneOf(w, kDisbeliefWords)) disbelief = j;
        }
        if (addressed && disbelief != kNone) {
          s_.hits[disbelief].valence = 0.0;
          AddIronyMark(disbelief);
          exasperation_ = disbelief;
          return;
        }
      }
      k = end;
    }
  }

  // The first word of a sentence of one to three words in capitals (and
  // numbers), after another sentence, that repeats a word said before it:
  // "Tesla has had my car 5 weeks for a door handle. FIVE WEEKS.", "BMW
  // will 1.800 € für einen Schlüssel. EINEN SCHLÜSSEL.", "Les semelles ont
  // décollé au bout de 3 semaines. 3 SEMAINES."; or kNone. Its words may
  // not be terms.
  std::size_t CapitalEcho() const {
    const std::size_t n = t_.tokens.size();
    for (std::size_t k = 1; k < n;) {
      if ((t_.tokens[k].boundary_before & kSentenceStop) == 0) {
        ++k;
        continue;
      }
      const std::size_t end = SentenceEnd(k);
      bool caps = end - k <= 3;
      bool echo = false;
      for (std::size_t j = k; caps && j < end; ++j) {
        const Token& t = t_.tokens[j];
        const bool number = s_.facts[j].kind == TokenKind::kWord &&
                            t_.at(j)[0] >= '0' && t_.at(j)[0] <= '9';
        caps = t.kind == TokenKind::kWord && !t.hashtag &&
               (t.all_caps || number) && s_.hits[j].valence == 0.0;
        for (std::size_t i = 0; caps && !echo && !number && i < k; ++i) {
          echo = t_.at(i) == t_.at(j);
        }
      }
      if (caps && echo) return k;
      k = end;
    }
    return kNone;
  }

  // A negator alone at the end, as a sentence of its own, takes back what
  // was said: "Ich lach mich tot. Nicht.", "So much fun... not.", "#not".
  // Marks it as irony; runs after FindHits(). Tested first by the word's
  // size (3 to 5 bytes) and mark.
  void FindFinalNegator() {
    const std::size_t n = t_.tokens.size();
    if (n < 4) return;
    const Token& last = t_.tokens[n - 1];
    if (last.size - 3u <= 2u) {
      if (last.boundary_before || last.hashtag) {
        MarkFinalNegator(n - 1, s_.raw_text);
      } else if (n >= 5 && (t_.at(n - 1) == "all" || t_.at(n - 1) == "tout" ||
                            t_.at(n - 1) == "nicht")) {
        MarkFinalAnswer();
      }
    }
    // Up to three hashtags may close a tweet after it: "genial. NICHT.
    // #Maut".
    if (irony_marks_ > 0 || !last.hashtag) return;
    std::size_t m = n - 1;
    while (m > 0 && n - m <= 3 && t_.tokens[m].hashtag) --m;
    const Token& word = t_.tokens[m];
    if (m + 1 < n && m >= 3 && !word.hashtag && word.boundary_before &&
        word.size - 3u <= 2u) {
      MarkFinalNegator(m, WithoutClosingHashtags(s_.raw_text, 3));
    }
  }

  /// The mass of Sum()'s terms that cancels out: twice the smaller of the
  /// positive and the negative mass, when at least kConflictMinTerms terms
  /// are polar; else 0.
  double Conflict() const {
    return polar_ >= kConflictMinTerms ? 2.0 * std::min(positive_, negative_)
                                       : 0.0;
  }

 private:
  void Weigh(double v) {
    if (v > 0.0) {
      positive_ += v;
    } else {
      negative_ -= v;
    }
    ++polar_;
  }

  // Adds the modifier `what()` makes to `c`, if any; `what` runs only then,
  // so scoring without an explanation formats nothing.
  template <typename What>
  static void Note(Contribution* c, What what) {
    if (c != nullptr) c->modifiers.push_back(what());
  }

  // English "too" or French "trop" before a word of the same clause that is
  // no sentiment term ("too long", "trop cher", "trop de monde"), unless
  // negated ("not too long"). Before a term, it is a booster instead.
  bool IsExcess(std::size_t j) const {
    if (lang_ != kEn && lang_ != kFr) return false;
    const std::size_t n = t_.tokens.size();
    if (j + 1 >= n || t_.tokens[j + 1].boundary_before) return false;
    if (t_.tokens[j].kind != TokenKind::kWord ||
        t_.tokens[j + 1].kind != TokenKind::kWord) {
      return false;
    }
    // "too" (also elongated: "tooo") in English, "trop" in French.
    if (!Is(j, kFlagExcess) || t_.at(j).starts_with("to") != (lang_ == kEn)) {
      return false;
    }
    if (s_.hits[j].span > 0 || s_.hits[j + 1].span > 0) return false;
    if (j > 0 && !t_.tokens[j].boundary_before && IsNegator(j - 1)) {
      return false;
    }
    return true;
  }

  // A negator with no term within 3 tokens either side in its clause:
  // in reviews "it doesn't hold a charge" is a complaint.
  bool IsOrphanNegator(std::size_t j) const {
    if (s_.hits[j].span > 0 || !IsNegator(j)) return false;
    if (Is(j, kFlagNoOrphan)) return false;
    const std::size_t n = t_.tokens.size();
    if (j + 1 < n && !t_.tokens[j + 1].boundary_before &&
        Is(j + 1, kFlagOnlyNext)) {
      return false;
    }
    // German "nicht" negates up to 4 words back ("besser geht es ihm
    // nicht"; see Negation()).
    const std::size_t back = Is(j, kFlagNicht) ? kWindow + 1 : kWindow;
    const bool across_comma = j + 1 < n && t_.tokens[j + 1].boundary_before &&
                              NichtBeforeComparison(j);
    // A term of no valence ("support", "customer support") is in no
    // negation's scope, but one of several words after the negator carries
    // the scope past it (Negation()).
    if (AnyNearInClause(j, back, across_comma, [&](std::size_t k) {
          const Hit& h = s_.hits[k];
          return (h.span > 0 && h.valence != 0.0) || (h.span > 1 && k > j) ||
                 Is(k, kFlagCognition);
        })) {
      return false;
    }
    // A multi-word term covering the negator's neighbours.
    for (std::size_t d = 1; d <= Lexicon::kMaxWords && d <= j; ++d) {
      if (s_.hits[j - d].span > d) return false;
    }
    // A negative subject or the negator of a verb of opinion, with a term
    // further on in its clause.
    if (IsNegativeSubject(j) || IsRaisedNegator(j)) {
      std::size_t dass = kNone;
      for (std::size_t t = j + 1; t < n && t <= j + kSubjectScope; ++t) {
        if (t_.tokens[t].boundary_before || IsContrast(t)) {
          if (dass != kNone || !OpensComplementClause(t) ||
              !IsRaisedNegator(j)) {
            break;
          }
          dass = t;
        }
        if (s_.hits[t].span > 0) return SubordinatorBetween(j, t, dass);
      }
    }
    return true;
  }

  // Whether token `j` is one of kNegativeSubjects opening its clause.
  bool IsNegativeSubject(std::size_t j) const {
    if (IsNegator(j) && IsNotASingle(j)) return true;
    // It opens its clause, maybe after "and" or "but" ("And none of the
    // tones is acceptable", "mais personne n'a répondu").
    const bool after_link =
        j != 0 && (IsContrast(j - 1) || IsOneOf(t_.at(j - 1), kCoordinators)) &&
        (j == 1 || t_.tokens[j - 1].boundary_before);
    if (j != 0 && !t_.tokens[j].boundary_before && !after_link) return false;
    if (!IsNegator(j) && !Is(j, kFlagRare)) return false;
    const bool last = j + 1 >= t_.tokens.size();
    if (t_.at(j) == "no") return !last && t_.at(j + 1) == "one";
    // "none other (than)": emphasis.
    return IsOneOf(t_.at(j), kNegativeSubjects) &&
           (last || t_.at(j + 1) != "other");
  }

  // Whether the negator `j` opens "not a single", "not one", "pas un
  // seul", "kein einziger": a subject of none, wherever it stands ("it's
  // been 8 months and not a single key has died").
  bool IsNotASingle(std::size_t j) const {
    const std::size_t n = t_.tokens.size();
    auto at = [&](std::size_t k) {
      return k < n && !t_.tokens[k].boundary_before ? t_.at(k)
                                                    : std::string_view();
    };
    const std::string_view w = t_.at(j);
    const std::string_view next = at(j + 1);
    if (w == "not") {
      return next == "one" || (next == "a" && at(j + 2) == "single");
    }
    if (w == "pas") {
      const std::string_view third = at(j + 2);
      return (next == "un" || next == "une") &&
             (third == "seul" || third == "seule");
    }
    return w.starts_with("kein") && next.starts_with("einzig");
  }

  // Whether a word of kSubordinators lies strictly between `j` and `i`, but
  // the one at `crossed` (a German "dass" a raised negation reaches into).
  bool SubordinatorBetween(std::size_t j, std::size_t i,
                           std::size_t crossed = kNone) const {
    for (std::size_t t = j + 1; t < i; ++t) {
      if (t != crossed && IsOneOf(t_.at(t), kSubordinators)) return true;
    }
    return false;
  }

  // Whether token `k` opens a German "dass" clause, or one that asks ("wie",
  // "warum"), after a comma: a negated verb of opinion or of understanding
  // reaches into it ("ich glaube nicht, dass es gut ist", "ich verstehe
  // nicht, wie man das gut finden kann"), as German writes a comma there.
  bool OpensComplementClause(std::size_t k) const {
    if (lang_ != kDe && lang_ != kUnd) return false;
    const std::string_view w = t_.at(k);
    return (w == "dass" && !IsContrast(k)) || w == "wie" || w == "warum" ||
           w == "wieso" || w == "weshalb";
  }

  // The modal of a past counterfactual, or the verb of a wish or of a past
  // hope, whose clause holds the positive term at `i` after it, or kNone:
  // what could, would or should have been, or was wished or hoped for, did
  // not happen ("it could have been great", "would have loved more", "ça
  // aurait pu être mieux", "das hätte besser sein können", "I wish the
  // staff were friendlier", "I was hoping for better", "j'espérais un
  // meilleur final", "Ich wollte es wirklich mögen"), or is the condition
  // of an exception ("unless you enjoy waiting"). Not when negated ("couldn't
  // have been better", "n'aurait pas pu être mieux").
  std::size_t CounterfactualBefore(std::size_t i) const {
    return RareWordBefore(i, kSubjectScope, [&](std::size_t j) {
      if (!IsCounterfactual(j, i)) return kGoOn;
      return SubordinatorBetween(j, i) ? kStop : kFound;
    });
  }

  // What a test of RareWordBefore() says of a word.
  enum WordTest { kGoOn, kFound, kStop };

  // The first token with kFlagRare that `test` finds, walking back from the
  // term at `i` through at most `scope` tokens of its clause (not past a
  // boundary, a contrast or a negator), or kNone: also when `test` says
  // kStop. Only for texts with a kFlagRare token.
  template <typename Test>
  std::size_t RareWordBefore(std::size_t i, std::size_t scope,
                             Test test) const {
    if (!any_rare_) return kNone;
    for (std::size_t d = 1; d <= scope && d <= i; ++d) {
      const std::size_t j = i - d;
      if (t_.tokens[j + 1].boundary_before || IsContrast(j) || IsNegator(j)) {
        return kNone;
      }
      if (!Is(j, kFlagRare)) continue;
      const WordTest said = test(j);
      if (said != kGoOn) return said == kFound ? j : kNone;
    }
    return kNone;
  }

  // The first token of the clause that holds token `i`, at most
  // kSubjectScope tokens back.
  std::size_t ClauseStartBefore(std::size_t i) const {
    std::size_t k = i;
    while (k > 0 && !t_.tokens[k].boundary_before && i - k < kSubjectScope) {
      --k;
    }
    return k;
  }

  // Whether the praise at `i` follows a word of seeking (kSeekWords) in
  // its sentence, within kSubjectScope tokens: what is sought is no
  // verdict. Not "what I was looking for", which is found, nor what a
  // book seeks ("le recueil cherche à éclairer").
  bool SoughtPraise(std::size_t i) const {
    for (std::size_t d = 1; d <= kSubjectScope && d <= i; ++d) {
      const std::size_t j = i - d;
      if ((t_.tokens[j + 1].boundary_before & kSentenceStop) != 0) break;
      if (!Is(j, kFlagRare) || !IsOneOf(t_.at(j), kSeekWords)) continue;
      const std::string_view before = j > 0 ? t_.at(j - 1) : "";
      if (t_.at(j) == "looking") {
        return j + 1 < i && t_.at(j + 1) == "for" && before != "was" &&
               before != "were" && before != "been";
      }
      // French: the writer seeks ("je cherche", "on cherche"), not a book
      // or its hero ("le recueil cherche à ...").
      if (t_.at(j) != "suche" && t_.at(j) != "cherchons") {
        return before == "je" || before == "on";
      }
      return true;
    }
    return false;
  }

  // Whether the term at `i` is in a request for advice, which judges
  // nothing: a clause opened by a question word that asks for a
  // recommendation or for someone who knows ("Kennt jemand ein gutes Café?",
  // "Welche Laufschuhe könnt ihr für Anfänger empfehlen?", "Does anyone know
  // a good dentist?", "Any recommendations for a decent hotel?"), or which
  // thing is good ("Welcher Drucker ist gut?"). Runs only for texts with a
  // '?'.
  bool AsksForAdvice(std::size_t i) const {
    const std::size_t k = ClauseStartBefore(i);
    if (!IsOneOf(t_.at(k), kQuestionOpeners)) return false;
    if (IsOneOf(t_.at(k), kKnowingOpeners)) return true;
    if (s_.hits[i].valence > 0.0 && IsOneOf(t_.at(k), kWhichOpeners)) {
      return true;
    }
    const std::size_t n = t_.tokens.size();
    for (std::size_t t = k + 1; t < n && t <= i + kWindow; ++t) {
      if (t > i && t_.tokens[t].boundary_before) break;
      if (IsOneOf(t_.at(t), kAdviceWords)) return true;
    }
    return false;
  }

  // Whether the term at `i` is in a yes/no question of fact, which judges
  // nothing: a sentence that ends with '?' and opens (after a greeting)
  // with a word of kYesNoOpeners*; not one that asks why or whether others
  // suffer too, nor "is it just me". Runs only for texts with a '?'.
  bool AsksYesOrNo(std::size_t i) const {
    const std::size_t end = SentenceEnd(i);
    if (!EndsQuestion(end)) return false;
    std::size_t begin = SentenceStart(i);
    if (begin + 1 < end && IsOneOf(t_.at(begin), kGreetings) &&
        t_.tokens[begin + 1].boundary_before) {
      ++begin;
    }
    const std::string_view first = t_.at(begin);
    // French "est" opens "est-ce", "est-il", not "c'est", "qu'est-ce".
    if (t_.tokens[begin].elision != 0) return false;
    const bool opens =
        (lang_ != kEn && lang_ != kDe && IsOneOf(first, kYesNoOpenersFr)) ||
        (lang_ != kFr && lang_ != kDe && IsOneOf(first, kYesNoOpenersEn)) ||
        (lang_ != kFr && lang_ != kEn && IsOneOf(first, kYesNoOpenersDe));
    if (!opens) return false;
    for (std::size_t k = begin; k < end; ++k) {
      const std::string_view w = t_.at(k);
      if (IsOneOf(w, kComplaintInQuestion)) return false;
      if (w == "me" && k > begin && t_.at(k - 1) == "just") return false;
    }
    // A question closed by "or what" asks nothing ("Ist das ein Witz oder
    // was?").
    if (end >= begin + 3) {
      const std::string_view last = t_.at(end - 1);
      const std::string_view before = t_.at(end - 2);
      if ((last == "what" || last == "was" || last == "quoi") &&
          (before == "or" || before == "oder" || before == "ou")) {
        return false;
      }
    }
    return true;
  }

  // Whether the term at `i` (of `span` tokens), opening its sentence, is an
  // expletive of kExpletives said in amazement: the rest of the sentence
  // praises and blames nothing ("Scheiße, ist die App gut geworden",
  // "Fucking hell, what a goal!", "Merde, c'est bon").
  bool ExclaimsPraise(std::size_t i, int span) const {
    if (!IsOneOf(t_.at(i), kExpletives)) return false;
    const std::size_t end = SentenceEnd(i);
    bool praise = false;
    for (std::size_t k = i + static_cast<std::size_t>(span); k < end; ++k) {
      if (s_.hits[k].span == 0) continue;
      if (s_.hits[k].valence < 0.0) return false;
      praise = praise || s_.hits[k].valence > 0.0;
    }
    return praise;
  }

  // Whether the term at `i` is thanks for what its clause blames, which
  // are sarcastic: "Thanks for the mouldy strawberries", "Merci pour le
  // retard", "Danke für die Verspätung"; not when praise comes first
  // ("Thanks for the quick reply despite the delay").
  [[gnu::always_inline]] bool ThanksForBlame(std::size_t i) const {
    // One compare of the head per word of thanks (a token holds no NUL
    // byte): most terms are none.
    const std::uint64_t h = t_.keys[i].head.lo;
    if (h != HeadWord("thanks") && h != HeadWord("thank") &&
        h != HeadWord("merci") && h != HeadWord("danke")) {
      return false;
    }
    return ThanksForBlameAfter(i);
  }
  // ThanksForBlame() of a word of thanks. Out of line: few terms are one.
  [[gnu::noinline]] bool ThanksForBlameAfter(std::size_t i) const {
    const std::size_t n = t_.tokens.size();
    if (i + 2 >= n || t_.tokens[i + 1].boundary_before) return false;
    std::size_t k = i + 1;
    if (t_.at(k) == "you" || t_.at(k) == "u") ++k;
    const std::string_view for_word = t_.at(k);
    if (for_word != "for" && for_word != "pour" && for_word != "fuer" &&
        for_word != "fur") {
      return false;
    }
    for (std::size_t t = k + 1; t < n && t <= k + 5; ++t) {
      if (t_.tokens[t].boundary_before || IsOneOf(t_.at(t), kRedressWords)) {
        return false;
      }
      if (s_.hits[t].span == 0) continue;
      if (s_.hits[t].valence > 0.0) return false;
      if (s_.hits[t].valence < 0.0) return true;
    }
    return false;
  }

  // The word of a repetition, outside a question and a text about a work:
  // "again" (not after a word of intent: "will order again", "we'd do it
  // again"; nor "again and again", "over and over again"), French "encore"
  // before "un" or "une" (not "encore une fois"), German "wieder" after "schon"
  // or "mal" or before "mal", "erneut"; or kNone.
  std::size_t RepetitionAt() const {
    static constexpr std::string_view kIntent[] = {
        "will",  "would", "we'd",   "i'd",        "you'd",  "they'd",
        "we'll", "i'll",  "you'll", "definitely", "gladly", "happily"};
    const std::size_t n = t_.tokens.size();
    for (std::size_t k = 0; k < n; ++k) {
      const std::string_view w = t_.at(k);
      bool found = false;
      if (w == "again") {
        found = !(k > 0 && (t_.at(k - 1) == "and" || t_.at(k - 1) == "over")) &&
                !(k + 1 < n && t_.at(k + 1) == "and");
        for (std::size_t j = k; found && j > 0 && k - j < 6; --j) {
          if (t_.tokens[j].boundary_before) break;
          found = !IsOneOf(t_.at(j - 1), kIntent);
        }
      } else if (w == "erneut") {
        found = true;
      } else if (w == "encore") {
        found = k + 2 < n && (t_.at(k + 1) == "un" || t_.at(k + 1) == "une") &&
                t_.at(k + 2) != "fois";
      } else if (w == "wieder") {
        found = (k > 0 && (t_.at(k - 1) == "schon" || t_.at(k - 1) == "mal")) ||
                (k + 1 < n && t_.at(k + 1) == "mal");
      }
      if (found && !EndsQuestion(SentenceEnd(k)) && !AboutAWork()) return k;
    }
    return kNone;
  }

  // Whether token `j` is a word of kReturnWords, compared by its head (a
  // token holds no NUL byte, so a head equals only the word itself).
  bool IsReturnWord(std::size_t j) const {
    const std::uint64_t h = t_.keys[j].head.lo;
    for (std::string_view w : kReturnWords) {
      if (h == HeadWord(w)) return true;
    }
    return false;
  }

  // The word of kReturnWords ("again", "wieder", "nochmal") of an intent to
  // come back or to buy again, in a clause with a first person and a word of
  // intent, and whether a negator is in that clause: "Will order from them
  // again!", "We'd do it again", "Ich würde wieder hingehen"; "I will never use
  // them again". Not in a question, with a word of obligation or doubt
  // (kNoIntent), nor inside a term ("never again", "wieder bestellen"); kNone
  // if there is none.
  std::pair<std::size_t, bool> ReturnIntentAt() const {
    static constexpr std::string_view kIntent[] = {
        "will",  "would", "won't",     "wont", "wouldn't", "wouldnt",
        "i'll",  "we'll", "i'd",       "we'd", "wuerde",   "wuerden",
        "gerne", "gern",  "jederzeit", "fall"};  // "auf jeden Fall"
    static constexpr std::string_view kOmittedSubject[] = {
        "will", "would", "won't", "wont", "wouldn't", "wouldnt", "wuerde"};
    static constexpr std::string_view kFirstPerson[] = {
        "i", "we", "i'll", "we'll", "i'd", "we'd", "ich", "wir"};
    // Obligation ("I'll have to call again") and doubt ("not sure if we
    // will go back again") are no intent.
    static constexpr std::string_view kNoIntent[] = {
        "have",  "has",    "had",     "need",   "needs",     "must",
        "muss",  "musste", "muessen", "sollte", "if",        "whether",
        "maybe", "might",  "perhaps", "ob",     "vielleicht"};
    const std::size_t n = t_.tokens.size();
    for (std::size_t j = std::max<std::size_t>(return_word_, 1); j < n; ++j) {
      if (!IsReturnWord(j) || s_.hits[j].span > 0 || s_.hits[j - 1].span >= 2 ||
          (j >= 2 && s_.hits[j - 2].span >= 3) ||
          EndsQuestion(SentenceEnd(j))) {
        continue;
      }
      const std::size_t start = ClauseStartBefore(j);
      // The subject is often left out: "Will order again!"
      bool person = IsOneOf(t_.at(start), kOmittedSubject);
      bool intent = false;
      bool negated = false;
      bool doubt = false;
      for (std::size_t k = start; k < j; ++k) {
        const std::string_view w = t_.at(k);
        intent = intent || IsOneOf(w, kIntent);
        person = person || IsOneOf(w, kFirstPerson);
        negated = negated || IsNegator(k);
        doubt = doubt || IsOneOf(w, kNoIntent);
      }
      if (intent && person && !doubt) return {j, negated};
    }
    return {kNone, false};
  }

  // Whether the term at `i` asks whether something is worth it, in a
  // sentence that ends with '?', which judges nothing: "Ça vaut le coup,
  // l'abonnement ?", "Worth it for a beginner?", "Lohnt sich das Abo?".
  bool AsksWorth(std::size_t i) const {
    const std::string_view w = t_.at(i);
    if (w != "worth" && w != "vaut" && w != "lohnt" && w != "lohnen") {
      return false;
    }
    if (!EndsQuestion(SentenceEnd(i))) return false;
    const std::string_view first = t_.at(SentenceStart(i));
    return first != "why" && first != "pourquoi" && first != "warum";
  }

  // Whether the term at `i` is in a question of how to do something, asked
  // for oneself, which judges nothing: "How do I change my billing
  // address?", "Comment modifier mon adresse ?", "comment je transfère ma
  // ligne ?", "Wie kündige ich meinen Vertrag?". Not "how do you ..." nor
  // "wie kann man ...", which are indignation or disbelief. Runs only for
  // texts with a '?'.
  bool AsksHowTo(std::size_t i) const {
    const std::size_t end = SentenceEnd(i);
    if (!EndsQuestion(end)) return false;
    const std::size_t begin = SentenceStart(i);
    for (std::size_t k = begin; k < i && k + 2 < end; ++k) {
      const std::string_view w = t_.at(k);
      if (w != "how" && w != "comment" && w != "wie") continue;
      const std::string_view next = t_.at(k + 1);
      const std::string_view after = t_.at(k + 2);
      if (w == "how") {
        return next == "to" ||
               ((next == "do" || next == "can" || next == "should") &&
                after == "i");
      }
      if (w == "comment") {
        return next == "je" || next == "j" ||
               (next.size() > 3 && (next.ends_with("er") ||
                                    next.ends_with("ir") || next == "faire"));
      }
      return after == "ich";
    }
    return false;
  }

  // Whether the text's last sentence is one word of affirmation:
  // "Absolutely.", "Oui !", "Ja!".
  bool EndsWithAffirmation() const {
    static constexpr std::string_view kAffirmations[] = {
        "absolutely", "yes",        "definitely", "totally",
        "oui",        "absolument", "carrement",  "totalement",
        "ja",         "absolut",    "definitiv",  "unbedingt"};
    const std::size_t n = t_.tokens.size();
    return n >= 3 && t_.tokens[n - 1].boundary_before &&
           IsOneOf(t_.at(n - 1), kAffirmations) &&
           LastWordAfterStop(s_.raw_text);
  }

  // The first word of the question of disbelief that holds the term at
  // `i`, or kNone: "how" with a modal and a generic subject opening the
  // clause ("How could anyone like this?", "Comment peut-on aimer ça ?",
  // "Wie kann man das gut finden?"). Runs only for texts with a '?'.
  std::size_t RhetoricalQuestionAt(std::size_t i) const {
    const std::size_t k = ClauseStartBefore(i);
    const std::string_view w = t_.at(k);
    if (w != "how" && w != "comment" && w != "wie") return kNone;
    bool modal = false;
    bool generic = false;
    for (std::size_t t = k + 1; t < i && t <= k + 4; ++t) {
      const std::string_view x = t_.at(t);
      modal = modal || IsOneOf(x, kDisbeliefModals);
      generic = generic || IsOneOf(x, kGenericSubjects);
    }
    return modal && generic ? k : kNone;
  }

  // The modal of "could have been", "aurait pu être" or "hätte ... sein
  // können" whose clause holds the negative term at `i`, or kNone: what
  // could have been bad and is not ("it could have been a disaster", "ça
  // aurait pu être mièvre", "es hätte schlimmer sein können"). Not
  // "should have been" or "would have been", which blame.
  std::size_t AvoidedBefore(std::size_t i) const {
    const std::size_t n = t_.tokens.size();
    return RareWordBefore(i, kSubjectScope, [&](std::size_t j) {
      const std::string_view w = t_.at(j);
      if (lang_ == kEn || lang_ == kUnd) {
        if ((w == "could" || w == "might") &&
            (WordAt(j + 1) == "have" || WordAt(j + 1) == "ve") &&
            WordAt(j + 2) == "been" && j + 2 < i) {
          return kFound;
        }
        if ((w == "could've" || w == "couldve" || w == "could’ve" ||
             w == "might've" || w == "mightve" || w == "might’ve") &&
            WordAt(j + 1) == "been" && j + 1 < i) {
          return kFound;
        }
      }
      if ((lang_ == kFr || lang_ == kUnd) && IsOneOf(w, kFrenchConditionals) &&
          WordAt(j + 1) == "pu" && WordAt(j + 2) == "etre" && j + 2 < i) {
        return kFound;
      }
      if ((lang_ == kDe || lang_ == kUnd) && IsOneOf(w, kGermanConditionals)) {
        for (std::size_t t = i + 1; t + 1 < n; ++t) {
          if (t_.tokens[t].boundary_before) break;
          if (t_.at(t) == "sein" && t_.at(t + 1) == "koennen") return kFound;
        }
      }
      return kGoOn;
    });
  }

  // Whether the kFlagRare token `j` opens a counterfactual, a wish or a
  // past hope that reaches the term at `i` (CounterfactualBefore()).
  bool IsCounterfactual(std::size_t j, std::size_t i) const {
    const std::string_view w = t_.at(j);
    const std::string_view before = j > 0 ? t_.at(j - 1) : std::string_view();
    if (IsOneOf(w, kExceptions) && OpensException(j)) return true;
    if (IsOneOf(w, kPastWishes) && IsOneOf(t_.at(i), kLikingInfinitives)) {
      return true;
    }
    if (lang_ == kEn || lang_ == kUnd) {
      // "I wish the staff were friendlier" (not "I wish you a great
      // day"), "I was hoping for better", "we had hoped for more".
      if (w == "wish" || w == "wished") {
        for (std::size_t t = j + 1; t < i; ++t) {
          if (IsOneOf(t_.at(t), kPastForms)) return true;
        }
      }
      if ((w == "hoping" && (before == "was" || before == "were")) ||
          (w == "hoped" && before == "had")) {
        return true;
      }
      // A habit of the past is no longer: "used to love this brand", "it
      // used to be great" (not the passive "was used to make", nor "got
      // used to").
      if (w == "used" && j + 1 < i && t_.at(j + 1) == "to" &&
          !IsOneOf(before, kBeforeUsedTo)) {
        return true;
      }
      // The participle after "could have" or "could've".
      std::size_t p = kNone;
      if (IsOneOf(w, kContractedModals)) {
        p = j + 1;
      } else if (IsOneOf(w, kCounterfactualModals) && j + 1 < i &&
                 (t_.at(j + 1) == "have" || t_.at(j + 1) == "ve")) {
        p = j + 2;
      }
      if (p != kNone && p <= i &&
          (t_.at(p).ends_with("ed") || t_.at(p).ends_with("en") ||
           IsOneOf(t_.at(p), kIrregularParticiples))) {
        return true;
      }
    }
    if (lang_ == kFr || lang_ == kUnd) {
      if (IsOneOf(w, kFrenchConditionals) && j + 1 <= i &&
          IsOneOf(t_.at(j + 1), kFrenchConditionalNext) &&
          (j == 0 || !IsNegator(j - 1))) {
        return true;
      }
      // "j'espérais un meilleur final", "si seulement c'était drôle"
      if (IsOneOf(w, kFrenchHopes) && (w != "seulement" || before == "si")) {
        return true;
      }
    }
    // "früher war alles besser": a habit of the past is no longer.
    // Also with the verb first: "die Show war früher mal witzig". Not the
    // comparative: "kam einen Tag früher als angekündigt".
    if ((lang_ == kDe || lang_ == kUnd) && w == "frueher" &&
        !(j + 1 < t_.tokens.size() && t_.at(j + 1) == "als")) {
      if (j > 0 && !t_.tokens[j].boundary_before &&
          IsOneOf(t_.at(j - 1), kGermanPastForms)) {
        return true;
      }
      for (std::size_t t = j + 1; t < i; ++t) {
        if (IsOneOf(t_.at(t), kGermanPastForms)) return true;
      }
    }
    if ((lang_ == kDe || lang_ == kUnd) && IsOneOf(w, kGermanConditionals)) {
      for (std::size_t t = j + 1; t < t_.tokens.size(); ++t) {
        if (t_.tokens[t].boundary_before || IsNegator(t)) return false;
        if (IsOneOf(t_.at(t), kGermanPast)) return true;
      }
    }
    return false;
  }

  // The verb of expectation or fear whose object is the negative term at
  // `i`, in its clause, or kNone: what one feared is said to be what did not
  // happen ("called expecting a nightmare", "expecting to hate it", "je
  // m'attendais à un énième film sans âme", "je redoutais l'appel"). Not
  // when the verb is negated ("didn't expect it to break").
  std::size_t ExpectationBefore(std::size_t i) const {
    return RareWordBefore(i, kExpectationScope, [&](std::size_t j) {
      if (!IsOneOf(t_.at(j), kExpectations)) return kGoOn;
      // "je m'attendais à", not "j'attendais un collègue" (waited for).
      // Also past a booster: "je m'attendais franchement à pire".
      if (t_.at(j).starts_with("attend")) {
        std::size_t k = j + 1;
        if (k + 1 < i && BoosterAt(k) != 0.0) ++k;
        if (t_.at(k) != "a") return kStop;
      }
      const bool negated =
          j > 0 && !t_.tokens[j].boundary_before &&
          (IsNegator(j - 1) ||
           (j > 1 && !t_.tokens[j - 1].boundary_before && IsNegator(j - 2)));
      return negated ? kStop : kFound;
    });
  }

  // The "used to" or German "früher" of a past habit whose clause holds
  // the negative term at `i`, or kNone: what used to be bad is no longer
  // ("T-Mobile used to be the bad one", "früher war der Service schlecht").
  std::size_t PastHabitBefore(std::size_t i) const {
    return RareWordBefore(i, kSubjectScope, [&](std::size_t j) {
      const std::string_view w = t_.at(j);
      return (w == "used" || w == "frueher") && IsCounterfactual(j, i) ? kFound
                                                                       : kGoOn;
    });
  }

  // Whether the negator `negator` of the term at `i` is "sans" or
  // "without" right before "être" or "being", one or two words before the
  // term: "sans être parfait", "sans être le chef-d'œuvre annoncé",
  // "without being perfect"; or "ohne" with "zu sein" after a one-word
  // term: "ohne perfekt zu sein".
  bool ConcededBy(std::size_t i, std::string_view negator) const {
    if (negator == "ohne") {
      return WordAt(i + 1) == "zu" && WordAt(i + 2) == "sein";
    }
    if (negator != "sans" && negator != "without") return false;
    for (std::size_t d = 1; d <= 2 && d + 1 <= i; ++d) {
      const std::size_t j = i - d;
      const std::string_view w = t_.at(j);
      if ((w == "etre" || w == "being") && t_.at(j - 1) == negator) return true;
    }
    return false;
  }

  // Whether the text speaks of a book, a film or a series (kWorkWords);
  // looked up once, on the first word of effect.
  bool AboutAWork() const {
    if (about_work_ < 0) {
      about_work_ = 0;
      for (std::size_t t = 0; t < t_.tokens.size() && about_work_ == 0; ++t) {
        if (index_.MayBeWorkWord(t_.keys[t].hash) &&
            IsOneOf(t_.at(t), kWorkWords)) {
          about_work_ = 1;
        }
      }
    }
    return about_work_ == 1;
  }

  // Whether the negator at `j` says that a text which asks a question found
  // no answer where it looked: a word of kInformationPlaces in its clause,
  // within kWindow words ("Does it fit the 2019 model? The description
  // doesn't say.", "Pas trouvé l'info sur le site.", "Finde dazu nichts in
  // der Beschreibung."). That is the question's reason, no complaint.
  bool MissingInformation(std::size_t j) const {
    const std::size_t n = t_.tokens.size();
    const std::size_t from = j >= kWindow ? j - kWindow : 0;
    for (std::size_t k = j; k > from && !t_.tokens[k].boundary_before;) {
      --k;
      if (IsOneOf(t_.at(k), kInformationPlaces)) return true;
    }
    for (std::size_t k = j + 1; k < n && k <= j + 2 * kWindow; ++k) {
      if (t_.tokens[k].boundary_before) break;
      if (IsOneOf(t_.at(k), kInformationPlaces)) return true;
    }
    return false;
  }

  // Whether the text reports a remedy to a problem (kRemedyReports) that no
  // negator just before denies ("still not refunded") and no scare quotes
  // doubt ('the "fixed" leak').
  bool ReportsRemedy() const {
    for (std::size_t t = 0; t < t_.tokens.size(); ++t) {
      if (!IsOneOf(t_.at(t), kRemedyReports)) continue;
      if (!t_.quotes.empty() && InScareQuotes(t, 1)) continue;
      bool denied = false;
      for (std::size_t d = 1; d <= kWindow && d <= t; ++d) {
        denied = denied || IsNegator(t - d);
      }
      if (!denied) return true;
    }
    return false;
  }

  // Whether a coordinating conjunction (kCoordinators) stands between
  // tokens `j` and `i`, both excluded.
  bool CoordinatorBetween(std::size_t j, std::size_t i) const {
    for (std::size_t t = j + 1; t < i; ++t) {
      if (IsOneOf(t_.at(t), kCoordinators)) return true;
    }
    return false;
  }

  // Whether the contrast word at `i` is the adverb "yet", no contrast: "yet
  // another sequel", "has yet to impress", "not yet", "as yet", "the best
  // one yet" (not "and yet, it works").
  bool IsAdverbYet(std::size_t i) const {
    if (t_.at(i) != "yet") return false;
    const std::size_t n = t_.tokens.size();
    const std::string_view before = i > 0 && !t_.tokens[i].boundary_before
                                        ? t_.at(i - 1)
                                        : std::string_view();
    if (before == "not" || before == "as") return true;
    if (i + 1 == n || t_.tokens[i + 1].boundary_before) {
      return !before.empty() && before != "and" && before != "but";
    }
    return IsOneOf(t_.at(i + 1), kAfterAdverbYet);
  }

  // The folded text of token `k`, or empty past the last token.
  std::string_view WordAt(std::size_t k) const {
    return k < t_.tokens.size() ? t_.at(k) : std::string_view();
  }

  // Whether the kExceptions word at `j` opens a condition of exception in
  // this language: "unless", "à moins que", "sauf si", "es sei denn".
  bool OpensException(std::size_t j) const {
    const std::string_view w = t_.at(j);
    const std::string_view before = j > 0 ? t_.at(j - 1) : std::string_view();
    if (w == "unless") return lang_ == kEn || lang_ == kUnd;
    if (lang_ == kFr || lang_ == kUnd) {
      if (w == "moins") return before == "a" && WordAt(j + 1) == "que";
      if (w == "si") return before == "sauf";
    }
    return (lang_ == kDe || lang_ == kUnd) && w == "sei" &&
           WordAt(j + 1) == "denn";
  }

  // Whether token `j` negates a verb of opinion next to it
  // (kNegRaisingVerbs): "don't think", "ne pense pas".
  // Also a verb of understanding before "how" or "why" (kUnderstandVerbs):
  // "don't understand how", "verstehe nicht, wie".
  bool IsRaisedNegator(std::size_t j) const {
    if (!IsNegator(j)) return false;
    const std::size_t n = t_.tokens.size();
    return (j + 1 < n && !t_.tokens[j + 1].boundary_before &&
            Is(j + 1, kFlagRare) && IsOneOf(t_.at(j + 1), kNegRaisingVerbs)) ||
           (j > 0 && !t_.tokens[j].boundary_before && Is(j - 1, kFlagRare) &&
            IsOneOf(t_.at(j - 1), kNegRaisingVerbs)) ||
           NegatesUnderstanding(j);
  }

  // Whether negator `j` negates a verb of understanding before "how" or
  // "why" (kUnderstandVerbs): "don't understand how", "ne comprends pas
  // pourquoi", "verstehe nicht, wie", also with a booster between a verb and
  // the negator after it ("versteh echt nicht, wie"). Its clause asks about
  // what others think: it negates praise there, not blame ("I don't
  // understand how this garbage got released").
  bool NegatesUnderstanding(std::size_t j) const {
    const std::size_t n = t_.tokens.size();
    // The question word, rarer than the verbs, first, by its first letter
    // (h, w, c, p) before the list.
    auto wh = [&](std::size_t k) {
      if (k >= n) return false;
      const char c = t_.at(k)[0];
      return (c == 'h' || c == 'w' || c == 'c' || c == 'p') &&
             IsOneOf(t_.at(k), kWhWords);
    };
    const bool wh1 = wh(j + 1);
    const bool wh2 = !wh1 && wh(j + 2);
    if (!wh1 && !wh2) return false;
    // No flag of their own: "get" and "see" are too common to make a text
    // run the rare rules; only a negator's neighbours are compared.
    auto verb = [&](std::size_t k) {
      return IsOneOf(t_.at(k), kUnderstandVerbs);
    };
    const bool after =
        j + 1 < n && !t_.tokens[j + 1].boundary_before && verb(j + 1);
    const bool before = j > 0 && !t_.tokens[j].boundary_before && verb(j - 1);
    const bool boosted_before = j > 1 && !t_.tokens[j].boundary_before &&
                                !t_.tokens[j - 1].boundary_before &&
                                BoosterAt(j - 1) != 0.0 && verb(j - 2);
    return after ? wh2 : wh1 && (before || boosted_before);
  }

  // The negative subject (IsNegativeSubject) or the negator of a verb of
  // opinion (IsRaisedNegator) whose clause holds the term at `i`, more than
  // the negation window before it, or kNone.
  std::size_t WideNegatorBefore(std::size_t i) const {
    if (!any_negator_ && !any_rare_) return kNone;
    std::size_t dass = kNone;  // a German "dass" clause crossed back
    for (std::size_t d = 1; d <= kSubjectScope && d <= i; ++d) {
      const std::size_t j = i - d;
      if (IsContrast(j)) break;
      if (t_.tokens[j + 1].boundary_before) {
        if (dass != kNone || !OpensComplementClause(j + 1)) break;
        dass = j + 1;
      }
      // Nearer, the negation window reads it, but not across a comma; a
      // negator inside a term is that term's ("rien de tel", "nichts geht
      // über").
      if ((d > kWindow || dass != kNone) &&
          (IsNegator(j) || Is(j, kFlagRare)) &&
          (IsNegativeSubject(j) || IsRaisedNegator(j)) && !InMultiWordHit(j)) {
        if (dass != kNone && !IsRaisedNegator(j)) return kNone;
        if (!IsNegativeSubject(j) && AsksInAmazement(j, i)) return kNone;
        return SubordinatorBetween(j, i, dass) ? kNone : j;
      }
    }
    return kNone;
  }

  // Whether negator `j` asks about the clause that holds the term at `i`:
  // a verb of belief then "how" or "what" ("can't believe how good", "kann
  // nicht glauben, wie schlecht"), or, for a negative term, a verb of
  // understanding then "how" or "why" (NegatesUnderstanding()).
  bool AsksInAmazement(std::size_t j, std::size_t i) const {
    if (j + 2 >= i) return false;
    // A verb of thinking or expecting, then the term graded by "this" or
    // "so": "didn't think it could be this comfortable", "never expected
    // it to be so good".
    if (Is(j + 1, kFlagRare) && IsOneOf(t_.at(i - 1), kAmazedDegrees) &&
        (IsOneOf(t_.at(j + 1), kNegRaisingVerbs) ||
         IsOneOf(t_.at(j + 1), kExpectations))) {
      return true;
    }
    if (IsOneOf(t_.at(j + 1), kBeliefVerbs) &&
        IsOneOf(t_.at(j + 2), kAmazedWhWords)) {
      return true;
    }
    return s_.hits[i].valence < 0.0 && NegatesUnderstanding(j);
  }

  // Whether the negator at `j` is a plain particle of sentence negation
  // (not, n't, pas, ne, nicht) rather than a word of absence (never,
  // nothing, nobody; jamais, rien, personne, aucun; nie, nichts, niemand,
  // kein), which asserts that something is missing: "nobody answered".
  bool IsNegationParticle(std::size_t j) const {
    return s_.facts[j].ends_nt || IsOneOf(t_.at(j), kNegationParticles);
  }

  // The first and last tokens of the word of waiting at `j` and the long
  // time it states: after it, maybe past a few fillers ("waited over 40
  // minutes", "attendu plus d'une heure", "waiting for an hour"), or right
  // before it ("40 Minuten gewartet", "zwei Stunden lang gewartet", "45
  // minutes d'attente"); {kNone, kNone} when there is none. Minutes count
  // from kLongWaitMinutes, hours always.
  std::pair<std::size_t, std::size_t> LongWaitAt(std::size_t j) const {
    constexpr std::pair<std::size_t, std::size_t> kNoWait = {kNone, kNone};
    const std::size_t n = t_.tokens.size();
    const bool duration = IsOneOf(t_.at(j), kDurationVerbs);
    const int long_minutes = duration ? kLongDurationMinutes : kLongWaitMinutes;
    if (duration) {
      // A short time: "it only took", "hat nur ... gedauert" (kOnlyWords
      // anywhere before in the clause).
      for (std::size_t k = j; k-- > 0;) {
        if (IsOneOf(t_.at(k), kOnlyWords)) return kNoWait;
        if (t_.tokens[k].boundary_before) break;
      }
    }
    int minutes = 0;
    std::size_t end = 0;
    for (std::size_t k = j + 1, skipped = 0;
         k < n && skipped <= 3 && !t_.tokens[k].boundary_before;
         ++k, ++skipped) {
      if (TimeAt(k, minutes, end)) {
        return minutes >= long_minutes ? std::pair(j, end - 1) : kNoWait;
      }
      if (!IsOneOf(t_.at(k), kWaitFillers)) break;
    }
    if (t_.tokens[j].boundary_before) return kNoWait;
    std::size_t unit_end = j;  // the token after the time
    if (j >= 1 && (t_.at(j - 1) == "lang" || t_.at(j - 1) == "long")) {
      unit_end = j - 1;
      if (t_.tokens[unit_end].boundary_before) return kNoWait;
    }
    // "trois semaines que j'attends": "que" between the time and the verb
    // (the elided subject is no token).
    // "2h30 de queue": "de" between the time and the noun.
    if (unit_end >= 1 && !t_.tokens[unit_end].boundary_before &&
        (t_.at(unit_end - 1) == "que" || t_.at(unit_end - 1) == "de")) {
      --unit_end;
    }
    for (std::size_t back = 1; back <= 3 && back <= unit_end; ++back) {
      const std::size_t k = unit_end - back;
      if (t_.tokens[k + 1].boundary_before) break;
      if (TimeAt(k, minutes, end) && end == unit_end) {
        return minutes >= long_minutes ? std::pair(k, j) : kNoWait;
      }
    }
    return kNoWait;
  }

  // Whether a time starts at token `k`: a number ("40", "forty five",
  // "an", "half an") then a unit ("minutes", "h"), or both in one token
  // ("40min", "2h"). Sets `minutes` (an hour or more for any number of
  // hours) and `time_end`, the token after the time.
  bool TimeAt(std::size_t k, int& minutes, std::size_t& time_end) const {
    const std::size_t n = t_.tokens.size();
    const std::string_view w = t_.at(k);
    int value = 0;
    std::size_t digits = 0;
    while (digits < w.size() && digits < 4 && w[digits] >= '0' &&
           w[digits] <= '9') {
      value = value * 10 + (w[digits] - '0');
      ++digits;
    }
    std::string_view unit;
    std::size_t end = k + 1;
    auto next_word = [&](std::size_t t) {
      return t < n && !t_.tokens[t].boundary_before ? t_.at(t)
                                                    : std::string_view();
    };
    auto number_word = [](std::string_view x) -> const NumberWord* {
      for (const NumberWord& nw : kNumberWords) {
        if (nw.word == x) return &nw;
      }
      return nullptr;
    };
    if (digits > 0 && digits < w.size()) {
      // "40min", "2h", "1h30": the letters glued on.
      unit = w.substr(digits);
      std::size_t letters = 0;
      while (letters < unit.size() &&
             !(unit[letters] >= '0' && unit[letters] <= '9')) {
        ++letters;
      }
      unit = unit.substr(0, letters);
    } else {
      if (digits == 0) {
        const NumberWord* nw = number_word(w);
        if (nw == nullptr) return false;
        value = nw->value;
        // A second number word: "forty five", "half an", "une demi".
        if (number_word(next_word(end)) != nullptr) ++end;
      }
      unit = next_word(end);
      ++end;
    }
    for (const TimeUnit& u : kTimeUnits) {
      if (u.word == unit) {
        minutes = u.hours ? 60 * std::max(value, 1) : value;
        time_end = end;
        return true;
      }
    }
    return false;
  }

  // Whether the orphan negator at `j`, or a word of its clause within the
  // negation window either side, is one of kFailureWords.
  bool SaysFailure(std::size_t j) const {
    auto failure = [&](std::size_t k) { return CueHas(k, &Cue::failure); };
    return failure(j) || AnyNearInClause(j, kWindow, false, failure);
  }

  // Whether `pred(k)` holds for a token k of `j`'s clause among the `back`
  // tokens before `j` and the kWindow tokens after it. With
  // `across_first_boundary`, the clause boundary right after `j` does not end
  // the look ahead ("nicht, was ...").
  template <typename Pred>
  bool AnyNearInClause(std::size_t j, std::size_t back,
                       bool across_first_boundary, Pred pred) const {
    for (std::size_t d = 1; d <= back && d <= j; ++d) {
      if (t_.tokens[j - d + 1].boundary_before) break;
      if (pred(j - d)) return true;
    }
    const std::size_t n = t_.tokens.size();
    std::size_t last = j + kWindow;
    for (std::size_t t = j + 1; t < n && t <= last; ++t) {
      if (t_.tokens[t].boundary_before &&
          !(t == j + 1 && across_first_boundary)) {
        break;
      }
      if (pred(t)) return true;
      // As in Negation(): "any" and "a single" are no words of the scope.
      if (IsScopeFiller(t)) ++last;
    }
    return false;
  }

  // The first token of the term of two or more words that token `j`
  // belongs to, or kNone.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t MultiWordHitStart(std::size_t j) const {
    for (std::size_t d = 0; d < Lexicon::kMaxWords && d <= j; ++d) {
      if (s_.hits[j - d].span > std::max<std::size_t>(d, 1)) return j - d;
    }
    return kNone;
  }

  // Whether token `j` belongs to a term of two or more words.
  bool InMultiWordHit(std::size_t j) const {
    return MultiWordHitStart(j) != kNone;
  }

  // Whether negator `j` negates a verb of hesitating or stopping before the
  // term at `i` ("wouldn't hesitate to recommend", "n'hésitez pas à le
  // recommander", "can't stop smiling", "je n'arrête pas de rire"): then
  // the term is what the author urges or keeps doing, not negated. Runs
  // only once a negator is found.
  bool NegatesHesitation(std::size_t j, std::size_t i) const {
    for (std::size_t t = j >= 2 ? j - 2 : 0; t < i; ++t) {
      const std::string_view w = t_.at(t);
      if (w.starts_with("hesit") || w.starts_with("zoger") ||
          w.starts_with("zoeger") || w == "stop" || w == "stopped" ||
          w.starts_with("arret") || w.starts_with("aufhor") ||
          w.starts_with("aufhoer")) {
        return true;
      }
    }
    return false;
  }

  // Whether the multi-word term holding negator `j` has a negative valence
  // and ends at token `end`.
  bool NegatedTermEndsAt(std::size_t j, std::size_t end) const {
    const std::size_t start = MultiWordHitStart(j);
    if (start == kNone) return false;
    const Hit& h = s_.hits[start];
    return h.valence < 0 && start + static_cast<std::size_t>(h.span) == end;
  }

  bool AllWords(std::size_t i, int span) const {
    for (int k = 0; k < span; ++k) {
      const Token& t = t_.tokens[i + static_cast<std::size_t>(k)];
      if (t.kind != TokenKind::kWord) return false;
      if (k > 0 && t.boundary_before) return false;
    }
    return true;
  }

  // An elongated word that is no term may be a negator, booster or other
  // cue ("soooo", "nooot", "veryyy"): it then acts as one, for Sum().
  [[gnu::noinline]] void AdoptElongatedCue(std::size_t i) {
    char buf[kMaxWordBytes];
    for (const auto& [keep, keep_double] : kElongationKeeps) {
      const std::string_view shorter =
          Collapse(t_.at(i), keep, keep_double, buf);
      if (shorter.empty()) return;
      const IndexedWord* w = index_.Find(shorter);
      if (w->flags == 0 && w->cue_row == 0) continue;
      s_.facts[i].flags = w->flags;
      s_.facts[i].cue_row = w->cue_row;
      return;
    }
  }

  // Single-word lookup with the elongation and hashtag fallbacks.
  [[gnu::noinline]] bool FindWord(std::size_t i, Hit& hit) {
    const std::string_view w = t_.at(i);
    if (const IndexedWord* info = s_.info[i]; info->Has(lang_)) {
      hit = Hit{index_.Valence(*info, lang_), 1, Source::kLang, false, false};
      return true;
    }
    char buf[kMaxWordBytes];
    for (const auto& [keep, keep_double] : kElongationKeeps) {
      const std::string_view shorter = Collapse(w, keep, keep_double, buf);
      if (shorter.empty()) break;
      if (const auto v = Find(shorter)) {
        hit = Hit{*v, 1, Source::kLang, true, false};
        if (ex_ != nullptr) {
          ex_->normalisation.push_back(Cat({w, " -> ", shorter}));
        }
        return true;
      }
    }
    if (t_.tokens[i].hashtag && w.size() >= 6) {
      for (std::size_t k = 3; k + 3 <= w.size(); ++k) {
        const std::string_view left = w.substr(0, k);
        const std::string_view right = w.substr(k);
        const auto lv = Find(left);
        const auto rv = Find(right);
        if (!lv && !rv) continue;
        if ((lv && rv) || (rv && IsHashtagNoun(left)) ||
            (lv && IsHashtagNoun(right))) {
          hit = Hit{lv.value_or(0.0) + rv.value_or(0.0), 1, Source::kLang,
                    false, true};
          hit.valence = std::clamp(hit.valence, -4.0, 4.0);
          if (ex_ != nullptr) {
            ex_->normalisation.push_back(
                Cat({"#", w, " -> ", left, " ", right}));
          }
          return true;
        }
      }
    }
    return false;
  }

  // A German word the lexicon lacks, read as an inflected adjective
  // (ReadGermanAdjectiveForm()) or as a compound of evaluative parts
  // (ReadGermanCompound()), whose parts may be inflected adjectives too.
  [[gnu::noinline]] bool FindGermanForm(std::size_t i, Hit& hit) {
    const std::string_view w = t_.at(i);
    const PartValence find = [this](std::string_view part) {
      return Find(part);
    };
    std::string buffer;
    if (const auto form = ReadGermanAdjectiveForm(w, find, &buffer)) {
      hit = Hit{form->valence, 1, Source::kLang, false, false};
      if (ex_ != nullptr) {
        ex_->normalisation.push_back(Cat({w, " -> ", form->base}));
      }
      return true;
    }
    // Two references: small enough for std::function to hold without
    // allocating.
    const PartValence find_form =
        [&find, &buffer](std::string_view part) -> std::optional<double> {
      if (const auto v = find(part)) return v;
      if (const auto form = ReadGermanAdjectiveForm(part, find, &buffer)) {
        return form->valence;
      }
      return std::nullopt;
    };
    const auto reading = ReadGermanCompound(w, find_form, kBoosterIncrement);
    if (!reading) return false;
    hit = Hit{reading->valence, 1, Source::kLang, false, true};
    if (ex_ != nullptr) {
      ex_->normalisation.push_back(Cat({w, " -> ", w.substr(0, reading->split),
                                        " + ", w.substr(reading->split)}));
    }
    return true;
  }

  // Marks the end as irony when it is an answer that denies, as a
  // sentence of its own: "Is it worth it? Not at all.", "Pas du tout.",
  // "Gar nicht.", "Überhaupt nicht.", "Eher nicht."
  [[gnu::noinline]] void MarkFinalAnswer() {
    const std::size_t n = t_.tokens.size();
    std::size_t words = 0;
    if ((t_.at(n - 3) == "not" && t_.at(n - 2) == "at" &&
         t_.at(n - 1) == "all") ||
        (t_.at(n - 3) == "pas" && t_.at(n - 2) == "du" &&
         t_.at(n - 1) == "tout")) {
      words = 3;
    } else if ((t_.at(n - 2) == "gar" || t_.at(n - 2) == "ueberhaupt" ||
                t_.at(n - 2) == "eher") &&
               t_.at(n - 1) == "nicht") {
      words = 2;
    }
    if (words == 0 || n - words < 3 || !t_.tokens[n - words].boundary_before) {
      return;
    }
    if (LastWordAfterStop(s_.raw_text, words)) AddIronyMark(n - 1);
  }

  // Marks token `i`, the last word of `raw` (the text, or the text without
  // its closing hashtags), as irony when it is a word of kFinalNegators
  // standing as a sentence of its own (or a hashtag).
  [[gnu::noinline]] void MarkFinalNegator(std::size_t i, std::string_view raw) {
    const Token& last = t_.tokens[i];
    if (s_.facts[i].kind == TokenKind::kWord &&
        IsOneOf(t_.at(i), kFinalNegators) &&
        (last.hashtag || LastWordAfterStop(raw))) {
      AddIronyMark(i);
    }
  }

  void AddIronyMark(std::size_t i) {
    if (irony_marks_ < static_cast<int>(irony_at_.size())) {
      irony_at_[static_cast<std::size_t>(irony_marks_++)] =
          static_cast<std::uint32_t>(i);
    }
  }

  // Whether token `i` is applause next to another.
  bool IsSlowClap(std::size_t i) const {
    return t_.at(i) == kClap &&
           ((i + 1 < t_.tokens.size() && t_.at(i + 1) == kClap) ||
            (i > 0 && t_.at(i - 1) == kClap));
  }

  // Whether the term of `span` tokens at `i` is all there is between two
  // double quotation marks, with at most kMaxScareQuoted words: a phrase
  // the writer does not vouch for ('the "sea view" was a car park', 'un
  // "geste commercial"'). Not a title or a quoted sentence, which opens
  // with a capital (but for German, whose nouns do) or holds a full stop,
  // nor a quotation a verb introduces ('called it "a gem"').
  bool InScareQuotes(std::size_t i, int span) const {
    const std::vector<QuoteMark>& q = t_.quotes;
    for (std::size_t k = 0; k + 1 < q.size(); k += 2) {
      const std::uint32_t open = q[k].token;
      const std::uint32_t close = q[k + 1].token;
      if (i < open) return false;
      if (i + static_cast<std::size_t>(span) > close) continue;
      if (close - open > kMaxScareQuoted) return false;
      if ((q[k].capitalised && lang_ != kDe) || q[k + 1].after_stop) {
        return false;
      }
      for (std::uint32_t t = open + 1; t < close; ++t) {
        if (t_.tokens[t].boundary_before & kSentenceStop) return false;
      }
      for (std::uint32_t b = open; b > 0 && open - b < 2; --b) {
        if (IsOneOf(t_.at(b - 1), kReportingVerbs)) return false;
        if (t_.tokens[b].boundary_before & kSentenceStop) break;
      }
      return true;
    }
    return false;
  }

  // Whether the term at `i` is within reach of a mark of irony: up to
  // kIronyBefore tokens before it ("Fantastic. 🙃") or in the sentence it
  // closes, no contrast between ("Top la salle qui ferme à 20h en semaine, pour
  // ceux qui travaillent c'est vraiment pensé pour nous 🙄"), or kIronyAfter
  // after.
  bool NearIronyMark(std::size_t i) const {
    for (int k = 0; k < irony_marks_; ++k) {
      const std::size_t m = irony_at_[static_cast<std::size_t>(k)];
      if ((i < m && (m - i <= kIronyBefore || InReachBefore(i, m))) ||
          (i > m && i - m <= kIronyAfter)) {
        return true;
      }
    }
    return false;
  }

  // Whether no contrast stands between tokens `a` < `m`, nor a sentence
  // stop unless `m` closes a short text.
  bool InReachBefore(std::size_t a, std::size_t m) const {
    const std::size_t n = t_.tokens.size();
    const bool closes_short_text = m + 1 == n && n <= kMaxSarcasmTokens;
    for (std::size_t t = a + 1; t <= m; ++t) {
      if ((!closes_short_text &&
           (t_.tokens[t].boundary_before & kSentenceStop)) ||
          IsContrast(t)) {
        return false;
      }
    }
    return true;
  }

  // The valence of `term` in this language's lexicons.
  std::optional<double> Find(std::string_view term) const {
    const IndexedWord* info = index_.Find(term);
    if (!info->Has(lang_)) return std::nullopt;
    return index_.Valence(*info, lang_);
  }

  bool IsHashtagNoun(std::string_view w) const {
    const IndexedWord* info = index_.Find(w);
    return (info->flags & kFlagHashtagNoun) != 0;
  }

  bool NextHitAt(std::size_t i, int k) const {
    for (std::size_t t = i + 1;
         t < s_.hits.size() && t <= i + static_cast<std::size_t>(k); ++t) {
      if (t_.tokens[t].boundary_before) return false;
      if (s_.hits[t].span > 0) return true;
    }
    return false;
  }

  double BoosterAt(std::size_t j) const { return s_.cues[j].booster; }

  // The diminisher that grades the term ending before token `e` from after
  // it, closing its clause or followed by no term: "nervt ein bisschen",
  // "ça traîne un peu", "drags a bit", "wackelt etwas". kNone if none.
  std::size_t PostDiminisherAt(std::size_t e) const {
    static constexpr std::string_view kArticles[] = {"un", "a", "ein"};
    static constexpr std::string_view kAfterArticle[] = {"peu", "bit", "little",
                                                         "bisschen", "wenig"};
    static constexpr std::string_view kAlone[] = {"etwas", "slightly",
                                                  "somewhat"};
    const std::size_t n = t_.tokens.size();
    if (e >= n || t_.tokens[e].boundary_before) return kNone;
    std::size_t k = kNone;
    if (e + 1 < n && !t_.tokens[e + 1].boundary_before &&
        BoosterAt(e + 1) <= -kBoosterIncrement &&
        IsOneOf(t_.at(e), kArticles) && IsOneOf(t_.at(e + 1), kAfterArticle)) {
      k = e + 1;
    } else if (BoosterAt(e) <= -kBoosterIncrement &&
               IsOneOf(t_.at(e), kAlone)) {
      k = e;
    }
    if (k == kNone) return kNone;
    if (k + 1 < n && !t_.tokens[k + 1].boundary_before &&
        s_.hits[k + 1].span != 0) {
      return kNone;  // it grades the term after it
    }
    return k;
  }

  // Whether token `i`'s cue in this language has `bit`: a word list read
  // from the index, with no string compared.
  bool CueHas(std::size_t i, bool Cue::*bit) const {
    const std::uint16_t row = s_.facts[i].cue_row;
    return row != 0 && index_.cues[row][lang_].*bit;
  }

  // Whether token `i` is one of kDegreeAdjectives.
  bool IsDegreeAdjective(std::size_t i) const {
    return CueHas(i, &Cue::degree);
  }

  // French "peu" not after "un": "peu convaincant" is not convincing.
  bool IsLitotes(std::size_t j) const {
    return (lang_ == kFr || lang_ == kUnd) && Is(j, kFlagPeu) &&
           (j == 0 || !Is(j - 1, kFlagUn));
  }

  bool IsContrast(std::size_t i) const { return s_.cues[i].contrast; }

  // Whether the term at `i` (of `span` tokens), capitalised inside a
  // sentence, sits next to another capitalised word of its clause that is
  // no term: then it is a word of a name, not an opinion ("chez Sakura
  // Délice", "in Paradise Valley", "le Super Coop"). Not in German, which
  // capitalises every noun, nor in a hashtag, nor in a text written
  // mostly in capitalised words (a title).
  bool InsideAName(std::size_t i, std::size_t span) const {
    if (lang_ == kDe || lang_ == kUnd || i == 0) return false;
    const Token& t = t_.tokens[i];
    if (t.hashtag || (t.boundary_before & kSentenceStop) != 0) return false;
    const std::size_t n = t_.tokens.size();
    auto name_word = [&](std::size_t j) {
      const Token& w = t_.tokens[j];
      return (w.capitalised || w.all_caps) && !w.hashtag &&
             s_.hits[j].span == 0 && w.kind == TokenKind::kWord;
    };
    const bool before = t.boundary_before == 0 && name_word(i - 1) &&
                        i - 1 > 0 &&
                        (t_.tokens[i - 1].boundary_before & kSentenceStop) == 0;
    const std::size_t next = i + span;
    const bool after =
        next < n && t_.tokens[next].boundary_before == 0 && name_word(next);
    if (!before && !after) return false;
    std::size_t capitalised = 0;
    for (const Token& w : t_.tokens) capitalised += w.capitalised ? 1 : 0;
    return 2 * capitalised < n;
  }

  // Whether the term at `i` is an adverb of certainty that a negator
  // follows in its clause: it is sure of the negation, and praises nothing
  // ("I definitely won't order again", "certainement pas", "sicher nicht").
  bool CertaintyBeforeNegation(std::size_t i) const {
    static constexpr std::string_view kCertainty[] = {
        "definitely",   "certainly",      "surely",     "absolutely",
        "certainement", "definitivement", "assurement", "surement",
        "absolument",   "sicher",         "definitiv",  "bestimmt",
        "garantiert",   "definately"};
    const std::size_t n = t_.tokens.size();
    for (std::size_t j = i + 1; j < n && j <= i + 3; ++j) {
      if (t_.tokens[j].boundary_before || IsContrast(j)) return false;
      if (IsNegator(j)) return IsOneOf(t_.at(i), kCertainty);
    }
    return false;
  }

  // Whether token `i` is a word of praise used as a discourse marker: alone
  // in its clause, opening the sentence before a clause of three words or
  // more that does not contrast ("Bon... il est temps d'en parler", "Well,
  // the food was cold"; not "Bon, mais cher", "Ok." alone, nor the
  // one-word verdicts of "Bon. Rapide. Super.").
  // Whether the term at `i` is "pretty" as an adverb of degree before a
  // word the lexicons do not score ("pretty standard", "pretty thin"), no
  // praise.
  bool GradesAWord(std::size_t i) const {
    static constexpr std::string_view kGraded[] = {
        "standard",    "average",     "basic",     "thin",
        "slight",      "generic",     "simple",    "short",
        "long",        "small",       "big",       "much",
        "similar",     "ordinary",    "sure",      "quick",
        "low",         "high",        "typical",   "plain",
        "light",       "heavy",       "loud",      "quiet",
        "old",         "hard",        "easy",      "rough",
        "dark",        "fast",        "flat",      "empty",
        "busy",        "full",        "samey",     "straightforward",
        "predictable", "forgettable", "expensive", "pricey",
        "steep"};
    return i + 1 < t_.tokens.size() && !t_.tokens[i + 1].boundary_before &&
           t_.at(i) == "pretty" && IsOneOf(t_.at(i + 1), kGraded);
  }

  // The sentence after the first that the "though" or "tho" at `last`
  // ends, an afterthought, as [begin, end) of its tokens; {n, n} when that
  // word ends no such sentence.
  std::pair<std::size_t, std::size_t> Afterthought(std::size_t last) const {
    const std::size_t n = t_.tokens.size();
    if (last + 1 < n &&
        !(t_.tokens[last + 1].boundary_before & kSentenceStop)) {
      return {n, n};
    }
    const std::size_t begin = SentenceStart(last);
    if (begin == 0 || begin == last) return {n, n};
    return {begin, last + 1};
  }

  // The number of words of the phrase of a state since changed that ends
  // at `i` ("at first", "au début", "am Anfang", "dans un premier temps",
  // "anfangs"), or 0 when none does. "at first sight" (love at first
  // sight), and "au début du livre", "am Anfang des Films" (a place in the
  // work) mark no change.
  std::size_t SupersededPhraseLength(std::size_t i) const {
    const std::size_t n = t_.tokens.size();
    const std::string_view w = t_.at(i);
    auto word_before = [&](std::size_t d) -> std::string_view {
      for (std::size_t k = 0; k < d; ++k) {
        if (i < k + 1 || t_.tokens[i - k].boundary_before) return {};
      }
      return t_.at(i - d);
    };
    const bool next_word = i + 1 < n && !t_.tokens[i + 1].boundary_before;
    const std::string_view next = next_word ? t_.at(i + 1) : std::string_view{};
    if (w == "initially" || w == "anfangs" || w == "anfaenglich" ||
        w == "anfanglich") {
      return 1;
    }
    if (w == "first") return word_before(1) == "at" && next != "sight" ? 2 : 0;
    if (w == "debut" || w == "depart") {
      const bool of_something =
          next_word && (next == "de" || next == "du" || next == "des" ||
                        t_.tokens[i + 1].elision);
      return word_before(1) == "au" && !of_something ? 2 : 0;
    }
    if (w == "anfang" || w == "beginn") {
      static constexpr std::string_view kOf[] = {
          "des", "der", "dieses", "dieser", "von", "meiner", "seiner", "ihrer"};
      const std::string_view before = word_before(1);
      const bool at = (w == "anfang" && (before == "am" || before == "zu")) ||
                      (w == "beginn" && before == "zu");
      return at && !IsOneOf(next, kOf) ? 2 : 0;
    }
    if (w == "temps" && word_before(1) == "premier" && word_before(2) == "un" &&
        word_before(3) == "dans") {
      return 4;
    }
    return 0;
  }

  // The clause that the phrase of a state since changed ending at `i`
  // belongs to, as [begin, end) of its tokens: from the clause boundary or
  // contrast before it to the one after it. A phrase that makes up its own
  // clause ("At first, I hated the controls") marks the next one.
  std::pair<std::size_t, std::size_t> SupersededClause(std::size_t i) const {
    const std::size_t n = t_.tokens.size();
    const std::size_t phrase = i + 1 - SupersededPhraseLength(i);
    std::size_t begin = phrase;
    while (begin > 0 && !t_.tokens[begin].boundary_before &&
           !IsContrast(begin - 1)) {
      --begin;
    }
    auto clause_end = [&](std::size_t from) {
      std::size_t end = from;
      while (end < n && !t_.tokens[end].boundary_before && !IsContrast(end)) {
        ++end;
      }
      return end;
    };
    std::size_t end = clause_end(i + 1);
    if (begin == phrase && end == i + 1 && end < n &&
        (t_.tokens[end].boundary_before & kSentenceStop) == 0) {
      end = clause_end(end + 1);
    }
    return {begin, end};
  }

  // Whether the booster "way" at `i` is the noun after a determiner ("the
  // way I'd hoped", "no way"), which grades nothing, not "way better".
  bool TheWay(std::size_t i) const {
    static constexpr std::string_view kDeterminers[] = {
        "the", "a",    "this", "that", "no",    "any", "every", "one",
        "my",  "your", "his",  "her",  "their", "our", "its",   "same"};
    return i > 0 && !t_.tokens[i].boundary_before &&
           IsOneOf(t_.at(i - 1), kDeterminers);
  }

  // Whether German "mag" at `i` is the modal of a concession, "sein" later
  // in its clause ("Die Grafik mag hübsch sein, aber ..."), no liking.
  bool ModalMag(std::size_t i) const {
    if (t_.tokens[i].size != 3 || t_.at(i) != "mag") return false;
    for (std::size_t k = i + 1; k < t_.tokens.size(); ++k) {
      if (t_.tokens[k].boundary_before || IsContrast(k)) return false;
      if (t_.at(k) == "sein") return true;
    }
    return false;
  }

  // Whether the negator at `j` is "nothing", "rien" or "nichts" before a
  // comparative term at `i` and its "than": a superlative, no negation
  // ("nothing better than a cold beer", "rien de plus beau que",
  // "nichts Schöneres als", "nothing worse than cold fries").
  bool NothingComparedTo(std::size_t j, std::size_t i, int span) const {
    static constexpr std::string_view kNothing[] = {"nothing", "rien",
                                                    "nichts"};
    static constexpr std::string_view kThan[] = {"than", "que", "qu", "als"};
    if (!IsOneOf(t_.at(j), kNothing)) return false;
    bool comparative = false;
    for (std::size_t t = j + 1; t <= i; ++t) {
      const std::string_view w = t_.at(t);
      comparative = comparative || Is(t, kFlagComparative) || w == "plus" ||
                    (t == i && lang_ != kFr &&
                     (w.ends_with("er") || w.ends_with("eres")));
    }
    if (!comparative) return false;
    const std::size_t n = t_.tokens.size();
    const std::size_t after = i + static_cast<std::size_t>(span);
    for (std::size_t t = after; t < n && t < after + 3; ++t) {
      if (t_.tokens[t].boundary_before) break;
      if (IsOneOf(t_.at(t), kThan)) return true;
    }
    return false;
  }

  // Whether the term at [i, i + span) holds a word of thanks in a sentence
  // about a copy sent for review (kReviewCopyWords).
  bool CourtesyThanks(std::size_t i, int span) const {
    bool thanks = false;
    for (std::size_t k = i; k < i + static_cast<std::size_t>(span); ++k) {
      thanks = thanks || CueHas(k, &Cue::thanks);
    }
    if (!thanks) return false;
    const std::size_t end = SentenceEnd(i);
    for (std::size_t k = SentenceStart(i); k < end; ++k) {
      if (IsOneOf(t_.at(k), kReviewCopyWords)) return true;
    }
    return false;
  }

  // Whether "must have" at `i` guesses at the past before a participle
  // ("we must have brought them", "must have been an off night"), no
  // praise of a must-have.
  bool GuessesThePast(std::size_t i) const {
    const std::size_t p = i + 2;
    if (p >= t_.tokens.size() || t_.tokens[p].boundary_before ||
        t_.at(i) != "must" || t_.at(i + 1) != "have") {
      return false;
    }
    const std::string_view w = t_.at(p);
    return w.ends_with("ed") || w.ends_with("en") ||
           IsOneOf(w, kIrregularParticiples);
  }

  bool IsDiscourseMarker(std::size_t i) const {
    static constexpr std::string_view kMarkers[] = {"bon", "bien", "well",
                                                    "ok",  "okay", "alright"};
    const std::size_t n = t_.tokens.size();
    if ((i != 0 && !t_.tokens[i].boundary_before) || i + 3 >= n ||
        !t_.tokens[i + 1].boundary_before || IsContrast(i + 1) ||
        t_.tokens[i + 2].boundary_before || t_.tokens[i + 3].boundary_before) {
      return false;
    }
    return IsOneOf(t_.at(i), kMarkers);
  }

  // The verb of remedy (kRemedyVerbs) within the negation window before the
  // term at `i` (in German also after it), or a word of disappearance
  // (kDisappearance) after it, in its clause, or kNone.
  std::size_t RemedyBefore(std::size_t i) const {
    if (!any_rare_) return kNone;
    for (std::size_t d = 1; d <= kWindow && d <= i; ++d) {
      const std::size_t j = i - d;
      if (t_.tokens[j + 1].boundary_before || IsContrast(j)) break;
      if (Is(j, kFlagRare) && IsOneOf(t_.at(j), kRemedyVerbs)) {
        // Not a remedy the writer doubts: 'the "fixed" leak'.
        return t_.quotes.empty() || !InScareQuotes(j, 1) ? j : kNone;
      }
    }
    // German puts the participle last: "hat den Fehler endlich behoben";
    // what has disappeared comes first in each language: "the pain is
    // gone"; and so does what was fixed in a short report: "issue fixed",
    // "problème réglé". Not past a negator: "immer noch nicht behoben".
    const bool german = lang_ == kDe || lang_ == kUnd;
    const std::size_t n = t_.tokens.size();
    const std::size_t end = i + std::max<std::size_t>(s_.hits[i].span, 1);
    for (std::size_t t = i; t < end && t < n; ++t) {
      if (IsNegator(t)) return kNone;
    }
    for (std::size_t t = end; t < n && t < end + kSubjectScope; ++t) {
      if (t_.tokens[t].boundary_before || IsContrast(t) || IsNegator(t)) {
        break;
      }
      // A word of disappearance ("the pain is gone", "pain gone by the
      // evening"); "weg" not right after the term ("den kaputten Weg", the
      // broken path); not "gone back" (returned).
      if (Is(t, kFlagRare) &&
          ((german && IsOneOf(t_.at(t), kRemedyVerbs)) ||
           ((t > end || t_.at(t) != "weg") &&
            IsOneOf(t_.at(t), kDisappearance) &&
            !(t + 1 < n && t_.at(t + 1) == "back")) ||
           (t <= end + 1 && IsOneOf(t_.at(t), kRemedyParticiples)))) {
        return t;
      }
    }
    return kNone;
  }

  // Whether token `j` is an adverb of scarcity: right before a positive
  // term, it denies it as French "peu" does ("barely edible", "hardly
  // worth it", "à peine mangeable", "kaum genießbar"); before a negative
  // one, it only dampens it ("barely scratched").
  bool IsScarcity(std::size_t j) const {
    return (Is(j, kFlagRare) && IsOneOf(t_.at(j), kScarcity)) || IsAPeine(j);
  }

  // Whether token `j` is the "peine" of French "à peine" (barely).
  bool IsAPeine(std::size_t j) const {
    return (lang_ == kFr || lang_ == kUnd) && j > 0 && Is(j, kFlagPeine) &&
           Is(j - 1, kFlagA);
  }

  // Whether token `j` is a comparative of inferiority (kInferiority) that
  // negates the term at `i`: right before it, or one link word before it,
  // and not part of "at least", "pour le moins" and the like.
  bool IsInferiority(std::size_t j, std::size_t i) const {
    if (!Is(j, kFlagRare) || !IsOneOf(t_.at(j), kInferiority)) return false;
    if (i - j > 2 ||
        (i - j == 2 && !IsOneOf(t_.at(j + 1), kInferiorityLinks))) {
      return false;
    }
    if (j == 0 || t_.tokens[j].boundary_before) return true;
    if (IsOneOf(t_.at(j - 1), kInferiorityOff)) return false;
    // "pour le moins décevant": disappointing, to say the least.
    return !(j >= 2 && t_.at(j - 1) == "le" && t_.at(j - 2) == "pour");
  }

  // Whether token `j` is "any": one compare of its head (a token holds no
  // NUL byte, so the head's other bytes are 0 only for a 3-byte word).
  bool IsAny(std::size_t j) const {
    return t_.keys[j].head.lo == HeadWord("any") && t_.keys[j].head.hi == 0;
  }

  // Whether token `j` is a word a negation's scope reaches over: "any",
  // "single" after "a" ("never had a single dropped call"), which only a
  // negation licenses, or "du tout" ("pas du tout le navet annoncé").
  bool IsScopeFiller(std::size_t j) const {
    constexpr std::uint64_t kSingle = HeadWord("single");
    constexpr std::uint64_t kDu = HeadWord("du");
    constexpr std::uint64_t kTout = HeadWord("tout");
    if (IsAny(j)) return true;
    if (j == 0) return false;
    const std::uint64_t w = t_.keys[j].head.lo;
    const std::uint64_t before = t_.keys[j - 1].head.lo;
    if (w == kSingle && before == 'a') return true;
    if (lang_ == kEn) return false;
    // "un seul", "une seule"; "ein einziges", "kein einziger".
    constexpr std::uint64_t kSeul = HeadWord("seul");
    constexpr std::uint64_t kSeule = HeadWord("seule");
    constexpr std::uint64_t kUn = HeadWord("un");
    constexpr std::uint64_t kUne = HeadWord("une");
    constexpr std::uint64_t kEinzig = HeadWord("einzig");
    return (w == kTout && before == kDu) ||
           (w == kDu && j + 1 < t_.keys.size() &&
            t_.keys[j + 1].head.lo == kTout) ||
           ((w == kSeul || w == kSeule) && (before == kUn || before == kUne)) ||
           ((w & 0xFFFFFFFFFFFF) == kEinzig && t_.keys[j].head.hi == 0);
  }

  // Whether token `j` is one of the words of `flag` (WordFlag).
  bool Is(std::size_t j, std::uint16_t flag) const {
    return (s_.facts[j].flags & flag) != 0;
  }

  // Whether token `j` negates; cached by Sum() once the cues are set.
  bool IsNegator(std::size_t j) const { return s_.cues[j].negator; }

  bool FindNegator(std::size_t j) const {
    if (s_.cues[j].negator) return true;
    if (s_.facts[j].kind != TokenKind::kWord) return false;
    if (lang_ == kFr || lang_ == kUnd) {
      // "plus" is "more" unless ne/n' comes before it ("n'est plus bon").
      if (Is(j, kFlagPlus)) return NeBefore(j);
      // A closer before "ne" is its subject: "personne n'est compétent",
      // "et personne ne rembourse" (nobody), not "une personne ne ...".
      if (Is(j, kFlagCloser) && j + 1 < t_.tokens.size() &&
          ((t_.tokens[j + 1].elision & kNegatingElision) != 0 ||
           Is(j + 1, kFlagNe)) &&
          (j == 0 || t_.tokens[j].boundary_before ||
           !IsOneOf(t_.at(j - 1), kFrenchDeterminers))) {
        return true;
      }
    }
    if (lang_ == kEn || lang_ == kUnd) {
      // Ends with "n't" (LookUp() tested).
      return s_.facts[j].ends_nt;
    }
    return false;
  }

  // "ne" or "n'" within the 3 tokens before `i`, or "n'" right before `i`.
  bool NeBefore(std::size_t i) const {
    const std::size_t lowest = i >= kWindow ? i - kWindow : 0;
    for (std::size_t k = i + 1; k-- > lowest;) {
      if ((t_.tokens[k].elision & kNegatingElision) != 0) return true;
      if (k < i && Is(k, kFlagNe)) return true;
      if (k > 0 && t_.tokens[k].boundary_before) break;
    }
    return false;
  }

  // Whether the term at `i` is a verb of thanks (kThanksVerbs) and a word
  // of "enough" follows its negator at `from`, in the clause and at most
  // three tokens past the term: thanks never enough, which is emphasis.
  bool ThanksNeverEnough(std::size_t i, std::size_t from) const {
    if (!IsOneOf(t_.at(i), kThanksVerbs)) return false;
    const std::size_t n = t_.tokens.size();
    for (std::size_t t = from + 1; t < n && t <= i + 3; ++t) {
      if (t > from + 1 && t_.tokens[t].boundary_before) break;
      if (IsOneOf(t_.at(t), kEnoughWords)) return true;
    }
    return false;
  }

  // Whether the negator at `j` of the term at [i, i + span) is a modal's
  // emphasis: a negated "could" before a comparative ("couldn't be happier",
  // "could not have been worse", "je ne pourrais pas être plus heureux",
  // "ich könnte nicht glücklicher sein") or before "enough" after the term
  // ("can't thank you enough") or "more" ("couldn't love it more", not
  // "more than"). "Less" keeps the negation ("couldn't care less"), and so
  // does "not good enough", which has no modal. Rare (a negated term):
  // plain string comparisons.
  bool ModalEmphasis(std::size_t j, std::size_t i, int span) const {
    static constexpr std::string_view kModalNegators[] = {
        "couldn't", "can't", "couldnt", "cant", "cannot", "couldn’t", "can’t"};
    static constexpr std::string_view kModals[] = {
        "could",    "can",        "pourrais", "pourrait", "pourrions",
        "pourriez", "pourraient", "pourrai",  "pourra",   "peux",
        "peut",     "konnte",     "konnten",  "kann",     "konnen",
        "koennte",  "koennten",   "koennen"};
    static constexpr std::string_view kUpward[] = {
        "more", "better", "worse", "plus", "mieux", "pire", "mehr", "besser"};
    // French compound past: "je n'aurais pas pu être plus heureux".
    const bool modal = IsOneOf(t_.at(j), kModalNegators) ||
                       (j > 0 && !t_.tokens[j].boundary_before &&
                        IsOneOf(t_.at(j - 1), kModals)) ||
                       (j + 1 < i && t_.at(j + 1) == "pu");
    // Thanks never enough, with or without a modal: "ich kann mich nicht
    // genug bedanken".
    if (ThanksNeverEnough(i, j)) return true;
    if (!modal) return false;
    for (std::size_t t = j + 1; t <= i; ++t) {
      const std::string_view w = t_.at(t);
      if (IsOneOf(w, kUpward)) return true;
      // "can't say enough good things", "can't recommend it enough" below.
      if (t < i && IsOneOf(w, kEnoughWords) &&
          IsOneOf(t_.at(j), kModalNegators)) {
        return true;
      }
      // The term itself a comparative: English "-ier" (happier, easier),
      // or "-er" right after "be" ("couldn't have been simpler"), German
      // "-er" (glücklicher, zufriedener).
      if (t == i && w.size() > 4 &&
          (w.ends_with("ier") || (lang_ == kDe && w.ends_with("er")) ||
           (lang_ != kDe && w.ends_with("er") &&
            (t_.at(i - 1) == "be" || t_.at(i - 1) == "been")))) {
        return true;
      }
    }
    const std::size_t n = t_.tokens.size();
    const std::size_t after = i + static_cast<std::size_t>(span);
    for (std::size_t t = after; t < n && t < after + 3; ++t) {
      if (t_.tokens[t].boundary_before) break;
      if (IsOneOf(t_.at(t), kEnoughWords))
        return t > after;  // not "good enough"
      // "couldn't love it more", "can't recommend them more highly".
      if (t_.at(t) == "more" && IsOneOf(t_.at(j), kModalNegators)) {
        return t + 1 == n || t_.at(t + 1) != "than";
      }
    }
    return false;
  }

  // Whether the comparative at `i` and "geht (es) nicht" at [after, nicht]
  // say it could not be more so: "besser geht es nicht", "schlechter
  // geht's nicht".
  bool GehtNichtEmphasis(std::size_t i, std::size_t after,
                         std::size_t nicht) const {
    const std::string_view term = t_.at(i);
    if (term.size() <= 4 || !term.ends_with("er")) return false;
    if (nicht < after + 1 || nicht > after + 2) return false;
    const std::string_view verb = t_.at(after);
    if (verb != "geht" && verb != "ging" && verb != "gehts" &&
        verb != "geht's") {
      return false;
    }
    return nicht == after + 1 || t_.at(after + 1) == "es";
  }

  // Reads the concession, the sarcastic condition of taste and the
  // sarcastic love of the text (concession_, taste_, sarcastic_love_), whose
  // words carry Cue::rare; a concession only `without_contrast`. Whether
  // any was found. Out of line: few texts have such a word.
  [[gnu::noinline]] bool FindRareCueReadings(bool without_contrast) {
    bool any_condition = false;
    bool any_love = false;
    std::size_t concession_start = kNone;
    for (std::size_t i = 0; i < t_.tokens.size(); ++i) {
      const std::uint32_t row = s_.facts[i].cue_row;
      if (row == 0 || s_.facts[i].kind != TokenKind::kWord) continue;
      const Cue& cue = index_.cues[row][lang_];
      if (!cue.rare) continue;
      if (cue.concession && concession_start == kNone) {
        concession_start = ConcessionStart(i);
      }
      any_condition = any_condition || cue.condition;
      any_love = any_love || cue.love;
    }
    if (without_contrast && concession_start != kNone) {
      concession_ = FindConcession(concession_start);
    }
    if (any_condition) {
      taste_ = FindSarcasticTaste();
      FindAudienceTastes();
      // A verdict given for an audience only ("Wer Kostümfilme mag, wird
      // zufrieden sein", "worth a watch if you like the genre") is a
      // lukewarm one.
      if (audience_tastes_ > 0 && lukewarm_ == kNone) {
        lukewarm_ = audience_at_[0];
      }
    }
    if (any_love) sarcastic_love_ = FindSarcasticLove();
    if (concession_.begin == kNone && taste_.verb == kNone &&
        sarcastic_love_ == kNone && audience_tastes_ == 0) {
      return false;
    }
    s_.scale.assign(t_.tokens.size(), 1.0);
    for (const std::uint32_t at : s_.hit_at) {
      s_.scale[at] = Reweighing(at);
    }
    return true;
  }

  // The factor of the term at `i` by the concession and the sarcasm found
  // by FindRareCueReadings().
  double Reweighing(std::size_t i) const {
    const bool praise = s_.hits[i].valence > 0.0;
    double f = 1.0;
    if (praise && i == sarcastic_love_) f *= kNegationScalar;
    if (praise && (i == taste_.verb || IsAudienceTaste(i))) return 0.0;
    if (praise && i >= taste_.praise_begin && i < taste_.condition) {
      f *= kNegationScalar;
    }
    if (i >= concession_.begin && i < concession_.main_end) {
      f *= i < concession_.end ? kBeforeContrast : kAfterContrast;
    }
    return f;
  }

  // The notes of Reweighing() for the term at `i`, for --explain. Out of
  // line: explanations are rare.
  [[gnu::noinline]] void NoteReweighing(std::size_t i, Contribution* c) const {
    const bool praise = s_.hits[i].valence > 0.0;
    if (praise && i == sarcastic_love_) {
      Note(c, [] {
        return Format("sarcastic love of a fault x%.2f", kNegationScalar);
      });
    }
    if (praise && i == taste_.verb) {
      Note(c, [] { return std::string("taste offered as a condition"); });
      return;
    }
    if (praise && IsAudienceTaste(i)) {
      Note(c, [] { return std::string("taste of an audience"); });
      return;
    }
    if (praise && i >= taste_.praise_begin && i < taste_.condition) {
      Note(c,
           [] { return Format("sarcastic condition x%.2f", kNegationScalar); });
    }
    if (i >= concession_.begin && i < concession_.main_end) {
      const bool conceded = i < concession_.end;
      Note(c, [&] {
        return Cat(
            {conceded ? "concession(" : "main clause after (",
             t_.at(concession_.begin), ") ",
             Format("x%.1f", conceded ? kBeforeContrast : kAfterContrast)});
      });
    }
  }

  // Finds the verbs of liking that say a reader's or a viewer's taste, not
  // the author's (audience_at_): after "if you", "si vous", "wenn man" in
  // their clause ("if you like slow films, ..."), in a German clause opened
  // by "wer" or "ob" ("Wer ruhige Filme mag, wird ...", "ob ich es mag").
  void FindAudienceTastes() {
    audience_tastes_ = 0;
    for (const std::uint32_t at : s_.hit_at) {
      const std::size_t i = at;
      // Not a sarcastic taste (FindSarcasticTaste(), run before).
      if (s_.hits[i].valence <= 0.0 || s_.hits[i].span != 1 ||
          i == taste_.verb || !IsOneOf(t_.at(i), kTasteVerbs)) {
        continue;
      }
      for (std::size_t k = i; k > 0 && i - k < 6; --k) {
        if (t_.tokens[k].boundary_before || IsContrast(k - 1)) break;
        const std::string_view w = t_.at(k - 1);
        const bool opener =
            (IsOneOf(w, kAudienceOpeners) &&
             (k - 1 == 0 || t_.tokens[k - 1].boundary_before || w == "ob")) ||
            (IsOneOf(w, kTasteSubjects) && k >= 2 &&
             !t_.tokens[k - 1].boundary_before &&
             IsOneOf(t_.at(k - 2), kTasteConditions) &&
             // Not an exception, which negates it: "sauf si vous aimez".
             (k < 3 || t_.at(k - 3) != "sauf"));
        if (!opener) continue;
        if (audience_tastes_ < audience_at_.size()) {
          audience_at_[audience_tastes_++] = static_cast<std::uint32_t>(i);
        }
        break;
      }
    }
  }

  bool IsAudienceTaste(std::size_t i) const {
    for (std::size_t k = 0; k < audience_tastes_; ++k) {
      if (audience_at_[k] == i) return true;
    }
    return false;
  }

  // A condition of taste for what its clause blames: the verb of liking,
  // the condition word before it, and where the sentence's praise before
  // the condition starts (Engine::Sum() reads that praise as sarcasm).
  // All kNone when there is none.
  struct SarcasticTaste {
    std::size_t verb = kNone;
    std::size_t condition = kNone;
    std::size_t praise_begin = kNone;
  };
  SarcasticTaste FindSarcasticTaste() const {
    const std::size_t n = t_.tokens.size();
    for (const std::uint32_t at : s_.hit_at) {
      const std::size_t blame = at;
      if (s_.hits[blame].valence >= 0.0 || blame < 3) continue;
      // Back through its clause to "if you", "si vous", "wenn man"...
      std::size_t cond = kNone;
      for (std::size_t k = blame - 1; k >= 1 && blame - k <= 8; --k) {
        if (t_.tokens[k + 1].boundary_before) break;
        if (IsOneOf(t_.at(k), kTasteSubjects) &&
            !t_.tokens[k].boundary_before &&
            IsOneOf(t_.at(k - 1), kTasteConditions)) {
          cond = k - 1;
          break;
        }
      }
      // Not a genre or a plot: "if you like horror".
      if (cond == kNone || IsOneOf(t_.at(blame), kWorkWords) ||
          WorkReadingOf(t_.at(blame)) != nullptr) {
        continue;
      }
      // ... and a verb of liking in that clause, before the blame ("si vous
      // aimez attendre") or, in German, at its end ("wenn man Dreck mag").
      for (std::size_t v = cond + 2; v < n && v <= blame + 4; ++v) {
        if (v > blame && t_.tokens[v].boundary_before) break;
        if (v != blame && IsOneOf(t_.at(v), kTasteVerbs)) {
          return {v, cond, SentenceStart(cond)};
        }
      }
    }
    return {};
  }

  // The verb of "love how", "love when", "j'adore quand", "ich liebe es,
  // wenn" opening a sentence that blames something and praises nothing
  // after it: sarcasm ("Love how my flight got delayed 5 hours", "J'adore
  // quand le train est supprimé"); kNone if there is none.
  std::size_t FindSarcasticLove() const {
    const std::size_t n = t_.tokens.size();
    for (const std::uint32_t at : s_.hit_at) {
      const std::size_t i = at;
      const std::size_t span = s_.hits[i].span;  // 2: "liebe es"
      if (span > 2 || s_.hits[i].valence <= 0.0 ||
          !IsOneOf(t_.at(i), kLoveVerbs) || i + span + 1 >= n) {
        continue;
      }
      // At the sentence's start, maybe after "I", "just", "je"...
      std::size_t start = i;
      while (start > 0 && i - start < 3 &&
             !(t_.tokens[start].boundary_before & kSentenceStop) &&
             IsOneOf(t_.at(start - 1), kLoveOpeners)) {
        --start;
      }
      if (start != 0 && !(t_.tokens[start].boundary_before & kSentenceStop)) {
        continue;
      }
      // "how", "when", "that", "quand", "comment"; "es, wenn" in German.
      std::size_t link = i + span;
      if (t_.at(link) == "es" || t_.at(link) == "it") ++link;
      if (link >= n || (t_.tokens[link].boundary_before & kSentenceStop) ||
          !IsOneOf(t_.at(link), kLoveLinks)) {
        continue;
      }
      // Blame of some weight: not "Love that you can just leave it".
      double blame = 0.0;
      for (std::size_t t = link + 1; t < n; ++t) {
        if (t_.tokens[t].boundary_before & kSentenceStop) break;
        const Hit& h = s_.hits[t];
        if (h.span == 0) continue;
        if (h.valence > 0.0) return kNone;
        if (h.valence < 0.0 && Negation(t, h.span).empty()) blame += h.valence;
      }
      if (blame <= kSarcasticLoveBlame) return i;
    }
    return kNone;
  }

  // Where the concession that token `i`, a word with the concession cue,
  // belongs to opens its sentence: at `i` (kConcessives) or at the word
  // before it (the end of a kConcessivePairs); kNone if it opens none.
  std::size_t ConcessionStart(std::size_t i) const {
    auto starts_sentence = [&](std::size_t k) {
      return k == 0 || (t_.tokens[k].boundary_before & kSentenceStop) != 0;
    };
    if (starts_sentence(i) && IsOneOf(t_.at(i), kConcessives)) return i;
    if (i > 0 && starts_sentence(i - 1) && EndsPair(i, kConcessivePairs)) {
      return i - 1;
    }
    return kNone;
  }

  // The sentence whose concession starts at token `begin`
  // (ConcessionStart()), up to the comma that ends its clause: [begin, end)
  // the conceded clause, [end, main_end) the main clause up to the
  // sentence's end. Empty (begin == kNone) when the clause runs to a stop.
  struct Concession {
    std::size_t begin = kNone;
    std::size_t end = kNone;
    std::size_t main_end = kNone;
  };
  Concession FindConcession(std::size_t begin) const {
    const std::size_t n = t_.tokens.size();
    std::size_t end = begin + 1;
    while (end < n && t_.tokens[end].boundary_before == 0) ++end;
    if (end == n || (t_.tokens[end].boundary_before & kSentenceStop) != 0) {
      return {};
    }
    std::size_t main_end = end + 1;
    while (main_end < n &&
           (t_.tokens[main_end].boundary_before & kSentenceStop) == 0) {
      ++main_end;
    }
    return {begin, end, main_end};
  }

  // The negator that negates the term at `i`, "+word" when it is emphasis
  // ("never so good", "couldn't be happier"), "peu" for French litotes, or
  // empty.
  std::string_view Negation(std::size_t i, int span) const {
    // Every way below to a negation reads a negator, a rare word, a litotes,
    // a closer of "ne" or the end of a negating pair.
    if (!any_negator_ && !any_rare_ && !may_negate_) return {};
    // French negation is concord: a term of blame of several words that
    // starts with its own negator ("aucun intérêt", "rien de neuf") is
    // negated once, by itself ("n'a plus aucun intérêt"). Praise of that
    // kind changes sense instead: "il n'avait plus rien à dire".
    if (span > 1 && (lang_ == kFr || lang_ == kUnd) && IsNegator(i) &&
        s_.hits[i].valence < 0.0) {
      return {};
    }
    // A neutral term of several words between the negator and the term
    // counts as one word: "doesn't feel like a cash grab".
    int reach = kWindow;
    for (int d = 1; d <= reach && static_cast<std::size_t>(d) <= i; ++d) {
      const std::size_t j = i - static_cast<std::size_t>(d);
      if (s_.hits[j].span > 1 && s_.hits[j].valence == 0.0) {
        reach += s_.hits[j].span - 1;
      }
      // "any" and "a single" count for nothing: "never had any major
      // problems".
      if (IsScopeFiller(j)) ++reach;
      if ((t_.tokens[j + 1].boundary_before && !NichtBeforeComparison(j)) ||
          IsContrast(j)) {
        break;
      }
      const std::string_view w = t_.at(j);
      if (d == 1 && IsLitotes(j)) return w;
      if (IsInferiority(j, i)) return w;
      if (const int pair = NegatingPair(j); pair != 0) {
        return pair > 0 ? w : std::string_view();
      }
      if (!IsNegator(j)) continue;
      // "not only good", "pas seulement drôle", "nicht nur gut": the term
      // holds, and more is said.
      if (j + 1 < i && IsOneOf(t_.at(j + 1), kOnlyWords)) break;
      // Amazement and puzzlement hold the clause they ask about: "can't
      // believe how good it is", "don't understand how anyone can be this
      // rude".
      if (AsksInAmazement(j, i)) break;
      // A coordinated verb or clause has a scope of its own: "never ordered
      // and refused to take it off", "n'a pas répondu et a raccroché".
      if (CoordinatorBetween(j, i)) break;
      // "without", "sans", "ohne" govern the phrase right after them: three
      // words on only through a determiner or a pronoun ("without a single
      // problem", "sans le moindre souci"), not past a noun ("ohne Ton war
      // Chaos").
      if (d == 3 && IsOneOf(w, kPrepositionalNegators) &&
          !IsOneOf(t_.at(j + 1), kScopeThrough)) {
        break;
      }
      // A negator inside a term ("pas cher", "not bad") is that term's, but
      // a negated term also negates the term right after it ("nicht gut
      // gefallen"); a litotes does not ("pas mal réussi").
      if (InMultiWordHit(j) && !NegatedTermEndsAt(j, i)) continue;
      if (NegatesHesitation(j, i)) return {};
      if (ModalEmphasis(j, i, span)) return std::string_view("+could");
      if (Is(j, kFlagNever)) {
        // The term itself may be the comparative: "never felt better",
        // "never been happier", "jamais vu pire".
        for (std::size_t t = j + 1; t <= i; ++t) {
          if (Is(t, kFlagComparative) ||
              (t == i && lang_ != kDe && t_.at(t).size() > 4 &&
               t_.at(t).ends_with("ier"))) {
            return std::string_view("+never");
          }
        }
      }
      if (NothingComparedTo(j, i, span)) return std::string_view("+nothing");
      return w;
    }
    if (const std::size_t q = WideNegatorBefore(i); q != kNone) {
      return t_.at(q);
    }
    const std::size_t n = t_.tokens.size();
    const std::size_t after = i + static_cast<std::size_t>(span);
    // "ne" with its closer after the term: "je ne l'aime plus". Not when
    // the term holds the closer ("je n'ai rien à redire"), nor "de plus"
    // (more: "rien à dire de plus").
    if ((lang_ == kFr || lang_ == kUnd) && NeBefore(i)) {
      bool closed = false;
      for (std::size_t t = i; t < after; ++t) closed = closed || IsNegator(t);
      for (std::size_t t = after; !closed && t < n && t < after + 2; ++t) {
        if (t_.tokens[t].boundary_before) break;
        if (Is(t, kFlagCloser) &&
            !(t_.at(t) == "plus" && t_.at(t - 1) == "de")) {
          // Thanks never enough: "je ne les remercierai jamais assez".
          if (ThanksNeverEnough(i, t)) return std::string_view("+assez");
          return t_.at(t);
        }
      }
    }
    // Spoken French drops "ne": "j'aime pas", "je recommande pas ce livre",
    // a "pas" that ends the clause or opens the verb's object. Not a "pas"
    // of a term of its own ("bon pas cher"), before one, or before what it
    // negates itself ("des promesses pas forcément tenues").
    if ((lang_ == kFr || lang_ == kUnd) && after < n &&
        !t_.tokens[after].boundary_before && t_.at(after) == "pas" &&
        s_.hits[after].span == 0 && !NextHitAt(after, kWindow) &&
        (after + 1 == n || t_.tokens[after + 1].boundary_before ||
         t_.tokens[after + 1].elision != 0 ||  // "pas d'avoir", "pas l'hôtel"
         IsOneOf(t_.at(after + 1), kFrenchObjectStarts))) {
      return t_.at(after);
    }
    // "leider" (unfortunately) comments on the clause: "leider nicht" is no
    // negated regret.
    if ((lang_ == kDe || lang_ == kUnd) && t_.at(i) != "leider") {
      // Clause-final "nicht", "nicht mehr" or "nie": "das gefällt mir
      // nicht", "enttäuscht nie", also before the particle of a separable
      // verb ("ich empfehle es nicht weiter", "stürzt nicht mehr ab"); a
      // conjunction ends the clause too ("verklumpt nicht und hält").
      static constexpr std::string_view kConjunctions[] = {
          "und", "oder", "aber", "sondern", "denn"};
      // Not the "und" of "hinten und vorne nicht" (not at all).
      auto clause_ends = [&](std::size_t k) {
        return k == n || t_.tokens[k].boundary_before ||
               (IsOneOf(t_.at(k), kConjunctions) && t_.at(k - 1) != "hinten");
      };
      for (std::size_t t = after; t < n && t < after + 4; ++t) {
        // A conjunction before the "nicht" ends the term's clause: "ist
        // schön und rutscht nicht".
        if (clause_ends(t)) break;
        if (s_.hits[t].span > 0 && t_.at(t) != "leider") break;
        if (!IsNegator(t)) continue;
        // "ich bereue es keine Sekunde", "kein bisschen".
        if (NoneOfAMeasure(t)) return t_.at(t);
        if (!Is(t, kFlagNicht) && t_.at(t) != "nie" && t_.at(t) != "niemals") {
          continue;
        }
        // "stürzt nicht mehr ab", "enttäuscht nie".
        const std::size_t e =
            t + 1 < n && !clause_ends(t + 1) && t_.at(t + 1) == "mehr" ? t + 1
                                                                       : t;
        if (clause_ends(e + 1) ||
            (clause_ends(e + 2) && IsVerbParticle(t_.at(e + 1)))) {
          return GehtNichtEmphasis(i, after, t) ? std::string_view("+geht")
                                                : t_.at(t);
        }
      }
    }
    return {};
  }

  // Whether token `i` ends one of `pairs`, two words of one clause.
  template <std::size_t N>
  bool EndsPair(
      std::size_t i,
      const std::pair<std::string_view, std::string_view> (&pairs)[N]) const {
    if (i == 0 || t_.tokens[i].boundary_before) return false;
    return IsPair(t_.at(i - 1), t_.at(i), pairs);
  }

  // Whether token `i` ends one of `pairs` with French "de" between its two
  // words ("rien de spécial"; "rien d'exceptionnel" elides it).
  template <std::size_t N>
  bool EndsPairAcrossDe(
      std::size_t i,
      const std::pair<std::string_view, std::string_view> (&pairs)[N]) const {
    if (i < 2 || t_.tokens[i].boundary_before ||
        t_.tokens[i - 1].boundary_before || t_.at(i - 1) != "de") {
      return false;
    }
    return IsPair(t_.at(i - 2), t_.at(i), pairs);
  }

  // Whether `before` then `w` are one of `pairs`.
  template <std::size_t N>
  static bool IsPair(
      std::string_view before, std::string_view w,
      const std::pair<std::string_view, std::string_view> (&pairs)[N]) {
    for (const auto& [first, second] : pairs) {
      // Sizes and first bytes first: most pairs differ there.
      if (second.size() == w.size() && second[0] == w[0] &&
          first.size() == before.size() && w == second && before == first) {
        return true;
      }
    }
    return false;
  }

  // Whether token `j` ends a two-word expression that negates what follows
  // it (1), or a verb of failing starts one (kFailingVerbs): "far from
  // perfect", "anything but good", "nowhere near as good",
  // "loin d'être parfait", "alles andere als gut"; -1 when a negator before
  // it cancels it ("pas loin d'être parfait" is nearly perfect); else 0.
  int NegatingPair(std::size_t j) const {
    // The second words have a cue bit: no string compared for the others.
    return CueHas(j, &Cue::pair_end) ? CuedNegatingPair(j) : 0;
  }
  // NegatingPair() of a token with the cue bit. Out of line: few have it.
  [[gnu::noinline]] int CuedNegatingPair(std::size_t j) const {
    if (EndsPair(j, kNegatingPairs)) {
      return j >= 2 && !t_.tokens[j - 1].boundary_before && IsNegator(j - 2)
                 ? -1
                 : 1;
    }
    // A verb of failing before its particle (kFailingVerbs): "fails to".
    if (j + 1 >= t_.tokens.size() || t_.tokens[j + 1].boundary_before) return 0;
    for (const auto& [verb, particle] : kFailingVerbs) {
      if (t_.at(j) == verb && t_.at(j + 1) == particle) {
        return j >= 1 && !t_.tokens[j].boundary_before && IsNegator(j - 1) ? -1
                                                                           : 1;
      }
    }
    return 0;
  }

  // Whether token `j` is German "nicht" before a comma and "was" or "wie"
  // ("hält nicht, was es verspricht", "nicht, wie beschrieben"): the
  // negation reaches the clause the comma opens.
  bool NichtBeforeComparison(std::size_t j) const {
    if ((lang_ != kDe && lang_ != kUnd) || !Is(j, kFlagNicht)) return false;
    // Not after a verb of knowing: "ich weiß nicht, was gut ist".
    if (j > 0 && Is(j - 1, kFlagCognition)) return false;
    if (j + 1 >= t_.tokens.size()) return false;
    const std::string_view next = t_.at(j + 1);
    return next == "was" || next == "wie";
  }

  // Whether German negator `t` is "kein" before a measure of time or degree
  // ("keine Sekunde", "kein bisschen", "keinen Tag"), which negates the verb
  // before it.
  bool NoneOfAMeasure(std::size_t t) const {
    if (t + 1 >= t_.tokens.size() || t_.tokens[t + 1].boundary_before) {
      return false;
    }
    static constexpr std::string_view kKein[] = {"kein", "keine", "keinen"};
    static constexpr std::string_view kMeasures[] = {
        "sekunde",  "minute", "moment", "augenblick",
        "bisschen", "stuck",  "tag"};
    return IsOneOf(t_.at(t), kKein) && IsOneOf(t_.at(t + 1), kMeasures);
  }

  // Whether folded German `w` is the particle a separable verb leaves at
  // the end of its clause ("empfehle ... weiter", "kommt ... an").
  static bool IsVerbParticle(std::string_view w) {
    static constexpr std::string_view kParticles[] = {
        "weiter", "zuruck", "zurueck", "mehr", "an",      "aus",   "ab",
        "ein",    "mit",    "vor",     "zu",   "auf",     "durch", "fest",
        "los",    "her",    "hin",     "um",   "zusammen"};
    return IsOneOf(w, kParticles);
  }

  const ScorerIndex& index_;
  Lang lang_;
  Scratch& s_;
  bool any_rare_ = false;        // some token has kFlagRare (set by Sum())
  mutable int about_work_ = -1;  // AboutAWork(): -1 until looked up
  bool any_negator_ = false;     // some token negates (set by Sum())
  // Some token is "peu", a closer of "ne" or the end of a pair (set by Sum()).
  bool may_negate_ = false;
  // The first kMaxNegators negators, and how many there are (set by Sum()).
  static constexpr std::size_t kMaxNegators = 8;
  std::array<std::size_t, kMaxNegators> negators_{};
  std::size_t negator_count_ = 0;
  // The first marks of irony (kIronyEmoji, kIronyTags), by FindHits().
  std::array<std::uint32_t, 4> irony_at_{};
  int irony_marks_ = 0;
  // A lukewarm verdict's token, or kNone (set by Sum()).
  std::size_t lukewarm_ = kNone;
  // The word of an exasperated question, or kNone (FindExasperation()).
  std::size_t exasperation_ = kNone;
  // The first word of kReturnWords, or kNone (set by Sum()).
  std::size_t return_word_ = kNone;
  // Where a lukewarm verdict of several words starts, or kNone (set by
  // FindNeitherNor()).
  std::size_t lukewarm_start_ = kNone;
  // The sentence opened by a concession and the sarcastic condition of
  // taste, empty when none (set by Sum()).
  Concession concession_;
  SarcasticTaste taste_;
  std::size_t sarcastic_love_ = kNone;  // FindSarcasticLove()
  // The verbs of an audience's taste (FindAudienceTastes()), the first few.
  std::array<std::uint32_t, 4> audience_at_{};
  std::size_t audience_tastes_ = 0;
  const TokenizedText& t_;
  Explanation* ex_;
  // Sum()'s positive and negative mass, and its number of polar terms.
  double positive_ = 0.0;
  double negative_ = 0.0;
  int polar_ = 0;
};

}  // namespace

Scorer::Scorer(ScorerLexicons lexicons, ScorerOptions opts)
    : lex_(lexicons), opts_(opts), index_(BuildIndex(lex_)) {}

ScoreResult Scorer::Score(std::string_view text) const {
  return Score(text, ScoreRequest{});
}

std::string_view Scorer::Language(std::string_view text) const {
  Scratch& scratch = ThreadScratch();
  scratch.Prepare(text, *index_, /*remember=*/true);
  // Without emoticon tokens, the tokens are those Tokenize() gives without
  // emoticons, which identification reads; with some, tokenize again.
  const std::vector<Token>& tokens = scratch.text.tokens;
  if (std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return t.kind == TokenKind::kEmoticon;
      })) {
    scratch.index_id = 0;
    Tokenize(text, nullptr, scratch.text);
    scratch.LookUp(*index_, text);
  }
  return scratch.Identify(*index_);
}

Label Scorer::LabelOf(double compound) const {
  if (compound <= opts_.negative_threshold) return Label::kNegative;
  if (compound >= opts_.positive_threshold) return Label::kPositive;
  return Label::kNeutral;
}

double Scorer::BlendRating(double compound, double stars, bool had_terms) {
  if (!std::isfinite(stars)) return compound;
  const double s = std::clamp((stars - 3.0) / 2.0, -1.0, 1.0);
  return had_terms ? 0.5 * compound + 0.5 * s : s;
}

ScoreResult Scorer::Score(std::string_view text, const ScoreRequest& request,
                          Explanation* explain) const {
  Scratch& scratch = ThreadScratch();
  scratch.Prepare(text, *index_, /*remember=*/false);

  ScoreResult result;
  Lang lang = LangOf(request.language);
  if (explain != nullptr) {
    *explain = Explanation{};
    explain->language_source = lang == kUnd ? "identified" : "given";
  }
  if (lang == kUnd) lang = LangOf(scratch.Identify(*index_));
  result.language = LangName(lang);
  if (!request.names.empty()) {
    scratch.MaskNames(*index_, request.names, explain);
  }

  if (lang == kUnd) {
    // Unsure: the lexicon that recognises the most words.
    int best_count = -1;
    Lang best = kEn;
    for (Lang l : {kFr, kEn, kDe}) {
      Engine probe(*index_, l, scratch, nullptr);
      const int count = probe.FindHits();
      if (count > best_count) {
        best_count = count;
        best = l;
      }
    }
    lang = best;
  }
  Engine engine(*index_, lang, scratch, explain);
  engine.FindHits();
  engine.FindFinalNegator();
  engine.FindExasperation();
  int counted = 0;
  double sum = engine.Sum(counted) + request.extra_valence;
  double stated = 0.0;
  bool middle_rating = false;
  bool rated = false;  // a stated rating off the middle
  // Every stated rating has a digit, which most texts lack.
  if (const auto rating = scratch.text.any_digit
                              ? FindStatedRating(text)
                              : std::optional<StatedRating>()) {
    stated = kStatedRatingWeight * rating->valence;
    sum += stated;
    ++counted;
    middle_rating = std::abs(rating->valence) < kMiddleRatingValence;
    rated = !middle_rating;
  }
  result.terms = counted;
  double punctuation = 0.0;
  if (sum != 0.0) {
    punctuation = kExclamationIncrement *
                  std::min(scratch.text.exclamations, kMaxExclamations);
    const int q = scratch.text.questions;
    if (q > 3) {
      punctuation += kManyQuestions;
    } else if (q > 1) {
      punctuation += kQuestionIncrement * q;
    }
    if (punctuation != 0.0) {
      punctuation *= Sign(sum);
      sum += punctuation;
    }
  }
  const double conflict = engine.Conflict();
  if (sum != 0.0) {
    result.compound =
        std::clamp(sum / std::sqrt(sum * sum + kAlpha +
                                   kConflictWeight * conflict * conflict),
                   -1.0, 1.0);
  }
  // A lukewarm verdict ("sans plus", "mixed feelings", "durchwachsen",
  // "trois étoiles", "3/5") qualifies the text's praise and blame alike;
  // a rating off the middle is the author's verdict over a lukewarm
  // phrase ("on verra. 1/5").
  const bool lukewarm_phrase = engine.Lukewarm() && !rated;
  if (lukewarm_phrase || middle_rating) result.compound *= kLukewarmScalar;
  result.label = LabelOf(result.compound);
  if (explain != nullptr) {
    explain->language = result.language;
    explain->extra_valence = request.extra_valence;
    explain->stated_rating = stated;
    explain->punctuation = punctuation;
    explain->sum = sum;
    explain->conflict = conflict;
    explain->lukewarm = lukewarm_phrase ? engine.LukewarmPhrase()
                        : middle_rating ? std::string("middle rating")
                                        : std::string();
    explain->compound = result.compound;
  }
  return result;
}

}  // namespace vigie
