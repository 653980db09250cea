// score_bench: single-thread scoring throughput of the lexicon scorer, of the
// full analyzer (brand match + score + RE2 topic rules), and of the npm peers
// of bench/peers on the same texts in the same run.
//
//   score_bench [--rules DIR] [--input FILE.tsv]... [--seconds S]
//               [--peers DIR [--node BIN]]
//
// Texts: the first tab-separated column of each --input file, or a built-in
// set of review-like sentences written for this benchmark. Each figure is
// timed over S seconds (default 2) split into 5 rounds of full passes over
// the texts; the lexicon-only and analyzer rounds alternate. A figure is the
// best round, the usual estimate of a single thread's speed on a shared
// machine (other tenants only ever slow a round down); the median round is
// printed beside it as NAME_median. Start-up (loading rules, reading inputs,
// loading the peers and their JIT warm-up) is excluded from the timings.
// With --peers, the texts are written to a temporary file and DIR/throughput.js
// is run under Node (BIN, default "node") for vader-sentiment, sentiment
// (AFINN) and wink-sentiment, timed the same way; the ratios are vigie
// lexicon-only / peer, best round to best round.
// Prints "bench: score.texts_per_s N 1/s", "bench: score.rules_texts_per_s",
// and with --peers "bench: score.<peer>_texts_per_s" and "bench:
// score.vs_<peer> R x" for each peer.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
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
      std::string text = line.substr(0, line.find('\t'));
      if (!text.empty()) texts.push_back(std::move(text));
    }
  }
  if (texts.empty()) {
    for (const char* t : kBuiltin) texts.emplace_back(t);
  }
  return texts;
}

constexpr int kRounds = 5;

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

// The rates of the rounds of one figure, in texts per second.
struct Rounds {
  std::vector<double> rates;

  double Best() const { return *std::max_element(rates.begin(), rates.end()); }
  double Median() const {
    std::vector<double> sorted = rates;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
  }
};

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

struct PeerRate {
  std::string name;  // as throughput.js prints it: vader_js, afinn_js, wink
  double texts_per_s = 0;         // best round
  double median_texts_per_s = 0;  // median round
};

// Runs bench/peers/throughput.js on `texts`; an empty result on failure,
// after saying why on stderr.
std::vector<PeerRate> TimePeers(const std::vector<std::string>& texts,
                                const std::string& peers_dir,
                                const std::string& node, double seconds) {
  char path[] = "/tmp/vigie_score_bench_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    std::perror("score_bench: mkstemp");
    return {};
  }
  close(fd);
  {
    std::ofstream out(path);
    for (const std::string& t : texts) out << t << '\n';
  }
  std::ostringstream cmd;
  cmd << ShellQuote(node) << ' ' << ShellQuote(peers_dir + "/throughput.js")
      << " --seconds " << seconds << " --rounds " << kRounds << ' '
      << ShellQuote(path);
  std::vector<PeerRate> rates;
  FILE* pipe = popen(cmd.str().c_str(), "r");
  if (pipe != nullptr) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr) {
      std::istringstream line(buf);
      PeerRate r;
      if (line >> r.name >> r.texts_per_s >> r.median_texts_per_s) {
        rates.push_back(r);
      }
    }
    const int status = pclose(pipe);
    if (status != 0) {
      std::cerr << "score_bench: " << cmd.str() << " failed (exit status "
                << (WIFEXITED(status) ? WEXITSTATUS(status) : status) << ")\n";
      rates.clear();
    }
  } else {
    std::perror("score_bench: popen");
  }
  std::remove(path);
  return rates;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = VIGIE_SOURCE_RULES_DIR;
  std::string peers_dir;
  std::string node = "node";
  std::vector<std::string> inputs;
  double seconds = 2.0;
  bool usage_error = false;
  for (int i = 1; i < argc && !usage_error; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--rules" && has_value) {
      rules_dir = argv[++i];
    } else if (a == "--input" && has_value) {
      inputs.emplace_back(argv[++i]);
    } else if (a == "--seconds" && has_value) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--peers" && has_value) {
      peers_dir = argv[++i];
    } else if (a == "--node" && has_value) {
      node = argv[++i];
    } else {
      usage_error = true;
    }
  }
  if (usage_error || !(seconds > 0)) {
    std::cerr << "usage: score_bench [--rules DIR] [--input FILE]... "
                 "[--seconds S] [--peers DIR [--node BIN]]\n";
    return 2;
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
  Rounds lexicon_rounds;
  Rounds rules_rounds;
  const double round_seconds = seconds / kRounds;
  for (int r = 0; r < kRounds; ++r) {
    lexicon_rounds.rates.push_back(TextsPerSecond(
        texts, round_seconds,
        [&](const std::string& t) { sink += scorer.Score(t).compound; }));
    rules_rounds.rates.push_back(
        TextsPerSecond(texts, round_seconds, [&](const std::string& t) {
          vigie::Mention m;
          m.text = t;
          analyzer.Analyze(m);
          sink += m.compound + static_cast<double>(m.topics.size());
        }));
  }
  const double lexicon_only = lexicon_rounds.Best();
  std::printf("bench: score.texts %zu 1\n", texts.size());
  std::printf("bench: score.texts_per_s %.0f 1/s\n", lexicon_only);
  std::printf("bench: score.texts_per_s_median %.0f 1/s\n",
              lexicon_rounds.Median());
  std::printf("bench: score.rules_texts_per_s %.0f 1/s\n", rules_rounds.Best());
  std::printf("bench: score.rules_texts_per_s_median %.0f 1/s\n",
              rules_rounds.Median());
  std::fflush(stdout);
  std::fprintf(stderr, "(checksum %.3f)\n", sink);
  if (peers_dir.empty()) return 0;
  const std::vector<PeerRate> peers =
      TimePeers(texts, peers_dir, node, seconds);
  if (peers.empty()) return 1;
  for (const PeerRate& p : peers) {
    std::printf("bench: score.%s_texts_per_s %.0f 1/s\n", p.name.c_str(),
                p.texts_per_s);
    std::printf("bench: score.%s_texts_per_s_median %.0f 1/s\n", p.name.c_str(),
                p.median_texts_per_s);
  }
  for (const PeerRate& p : peers) {
    std::printf("bench: score.vs_%s %.1f x\n", p.name.c_str(),
                lexicon_only / p.texts_per_s);
  }
  return 0;
}
