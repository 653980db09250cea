// score_bench: single-thread scoring throughput of the lexicon scorer, and
// of the full analyzer (brand match + score + RE2 topic rules).
//
//   score_bench --rules DIR [--input FILE.tsv ...] [--seconds S]
//
// Texts: the first tab-separated column of each --input file, or a built-in
// set of review-like sentences written for this benchmark. Start-up (loading
// rules, reading inputs) is excluded from the timings.
// Prints "bench: score.texts_per_s N 1/s" and "bench: score.rules_texts_per_s".
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "vigie/config/rule_set.h"

namespace {

const char* const kBuiltin[] = {
    "The battery lasts two days, really impressed with this phone.",
    "Terrible customer service, I waited an hour and nobody answered.",
    "Not bad at all, the screen is bright and the sound is fine.",
    "Worst purchase ever, it broke after a week. Avoid!",
    "Service rapide et personnel très sympa, je recommande.",
    "Livraison en retard de dix jours et aucune réponse du SAV, déçu.",
    "Le pain n'est pas bon du tout, vraiment décevant.",
    "Great food, friendly staff, we will definitely come back!!!",
    "The plot was predictable but the acting was excellent.",
    "Arnaque totale, remboursez-moi immédiatement.",
    "It works as described, nothing more to say.",
    "Franchement génial, merci à toute l'équipe !",
    "I would not recommend this place, the kitchen looked dirty.",
    "Produit conforme, reçu hier.",
    "Absolutely love it, best headset I have owned.",
    "C'est nul, je ne reviendrai jamais.",
};

std::vector<std::string> ReadTexts(const std::vector<std::string>& files) {
  std::vector<std::string> texts;
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      texts.push_back(line.substr(0, line.find('\t')));
    }
  }
  if (texts.empty()) {
    for (const char* t : kBuiltin) texts.emplace_back(t);
  }
  return texts;
}

template <typename F>
double TextsPerSecond(const std::vector<std::string>& texts, double seconds,
                      F&& fn) {
  using Clock = std::chrono::steady_clock;
  std::size_t done = 0;
  const auto start = Clock::now();
  const auto until = start + std::chrono::duration<double>(seconds);
  while (Clock::now() < until) {
    for (const std::string& t : texts) fn(t);
    done += texts.size();
  }
  const double elapsed =
      std::chrono::duration<double>(Clock::now() - start).count();
  return static_cast<double>(done) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = VIGIE_SOURCE_RULES_DIR;
  std::vector<std::string> inputs;
  double seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rules" && i + 1 < argc)
      rules_dir = argv[++i];
    else if (a == "--input" && i + 1 < argc)
      inputs.emplace_back(argv[++i]);
    else if (a == "--seconds" && i + 1 < argc)
      seconds = std::stod(argv[++i]);
    else {
      std::cerr << "usage: score_bench [--rules DIR] [--input FILE]... "
                   "[--seconds S]\n";
      return 2;
    }
  }
  auto rules = vigie::LoadRuleSet(rules_dir, vigie::ScorerOptions{}, 1);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  const std::vector<std::string> texts = ReadTexts(inputs);
  const vigie::Scorer& scorer = *(*rules)->scorer;
  const vigie::Analyzer& analyzer = *(*rules)->analyzer;
  double sink = 0;
  const double lexicon_only = TextsPerSecond(
      texts, seconds,
      [&](const std::string& t) { sink += scorer.Score(t).compound; });
  const double with_rules =
      TextsPerSecond(texts, seconds, [&](const std::string& t) {
        vigie::Mention m;
        m.text = t;
        analyzer.Analyze(m);
        sink += m.compound + static_cast<double>(m.topics.size());
      });
  std::printf("bench: score.texts %zu 1\n", texts.size());
  std::printf("bench: score.texts_per_s %.0f 1/s\n", lexicon_only);
  std::printf("bench: score.rules_texts_per_s %.0f 1/s\n", with_rules);
  std::fprintf(stderr, "(checksum %.3f)\n", sink);
  return 0;
}
