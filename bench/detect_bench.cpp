// detect_bench: the detect stage's two figures.
//
//   detect_bench [--series N] [--days D] [--brands B] [--rules DIR]
//
// detect.updates_per_s — single-thread throughput of the count model: each
// of N series (brand × topic counts) gets its own CountModel and synthetic
// counts: a level between 0.1 and 100 per bucket (log-uniform), a daily
// cycle, noise and rare spikes, drawn by a cheap generator inside the timed
// loop (its cost is included). 5-minute buckets.
//
// detect.store_to_outbox_p99_ms — for B brands with a day of calm history
// in a SQLite file (WAL), the time from the commit of the batch holding the
// mention that makes a negative spike significant to the commit of its
// incident and outbox row: the daemon's path (RunDetectionStep: Detector,
// scenarios of DIR, IncidentEngine, Slack payload), one sample per brand,
// models warm as in a running daemon. Also prints the median.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "vigie/config/rule_set.h"
#include "vigie/core/log.h"
#include "vigie/detect/count_model.h"
#include "vigie/detect/detection_step.h"
#include "vigie/store/sqlite_store.h"

namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t Next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
};

using vigie::Millis;
using vigie::TimePoint;

vigie::Mention Negative(const std::string& brand, int n, TimePoint at) {
  vigie::Mention m;
  m.source = "bench";
  m.external_id = brand + "/" + std::to_string(n);
  m.url = "https://example.test/" + m.external_id;
  m.text =
      "Awful service at " + brand + ", complaint number " + std::to_string(n);
  m.language = "en";
  m.published = at;
  m.fetched = at;
  m.brands = {brand};
  m.compound = -0.6;
  m.label = vigie::Label::kNegative;
  return m;
}

// Returns 0 or an exit status after printing why.
int BenchStoreToOutbox(int brands, const std::string& rules_dir) {
  // One info line per incident would dominate the timing on a terminal.
  vigie::log::SetLevel(vigie::log::Level::kWarn);
  auto rules = vigie::LoadRuleSet(rules_dir, vigie::ScorerOptions{}, 1);
  if (!rules.ok()) {
    std::fprintf(stderr, "detect_bench: %s\n",
                 rules.status().ToString().c_str());
    return 1;
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("vigie-detect-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() { std::filesystem::remove_all(dir); }
  } cleanup{dir};
  auto store = vigie::SqliteStore::Open((dir / "bench.db").string());
  if (!store.ok()) {
    std::fprintf(stderr, "detect_bench: %s\n",
                 store.status().ToString().c_str());
    return 1;
  }
  vigie::SqliteStore& db = **store;
  // A day of calm: one complaint every 30 minutes per brand.
  const TimePoint t0 = vigie::FromUnixMillis(1793664000000);
  const TimePoint burst = t0 + Millis(86400000);
  std::vector<std::string> names;
  std::vector<vigie::Mention> history;
  int n = 0;
  for (int b = 0; b < brands; ++b) {
    names.push_back("Brand " + std::to_string(b));
    for (int k = 0; k < 48; ++k) {
      history.push_back(Negative(names.back(), ++n, t0 + Millis(1800000) * k));
    }
  }
  if (!db.InsertMentions(history).ok()) return 1;
  vigie::Detector detector(db, vigie::DetectConfig{});
  vigie::IncidentEngine engine(db, {"slack"});
  auto step = [&](std::vector<vigie::Mention> batch, TimePoint now) {
    if (!db.InsertMentions(batch).ok()) return vigie::DetectionStepResult{};
    return vigie::RunDetectionStep(detector, engine, batch, **rules, now);
  };
  // Warm every brand's model, then four complaints in the burst bucket:
  // not yet significant (the minimum volume is five).
  for (const std::string& brand : names) {
    step({Negative(brand, ++n, burst - Millis(60000))}, burst);
    std::vector<vigie::Mention> four;
    for (int k = 0; k < 4; ++k) {
      four.push_back(Negative(brand, ++n, burst + Millis(10000) * k));
    }
    if (step(four, burst + Millis(60000)).outcome.opened != 0) {
      std::fprintf(stderr, "detect_bench: opened before the fifth\n");
      return 1;
    }
  }
  std::vector<double> ms;
  for (const std::string& brand : names) {
    std::vector<vigie::Mention> fifth{
        Negative(brand, ++n, burst + Millis(90000))};
    if (!db.InsertMentions(fifth).ok()) return 1;
    const auto stored = std::chrono::steady_clock::now();
    const vigie::DetectionStepResult r = vigie::RunDetectionStep(
        detector, engine, fifth, **rules, burst + Millis(120000));
    const auto done = std::chrono::steady_clock::now();
    if (!r.status.ok() || r.outcome.opened != 1 ||
        r.outcome.notifications < 1) {
      std::fprintf(stderr,
                   "detect_bench: %s: no incident and outbox row (%s)\n",
                   brand.c_str(), r.status.ToString().c_str());
      return 1;
    }
    ms.push_back(
        std::chrono::duration<double, std::milli>(done - stored).count());
  }
  auto due = db.DueOutbox(burst + Millis(120000), brands * 2);
  if (!due.ok() || static_cast<int>(due->size()) != brands) {
    std::fprintf(stderr, "detect_bench: expected %d outbox rows\n", brands);
    return 1;
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&ms](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(
                                          q * static_cast<double>(ms.size())))];
  };
  std::fprintf(stderr,
               "detect_bench: %d spike-making mentions, store to outbox: "
               "median %.3f ms, max %.3f ms\n",
               brands, at(0.5), ms.back());
  std::printf("bench: detect.store_to_outbox_p50_ms %.3f ms\n", at(0.5));
  std::printf("bench: detect.store_to_outbox_p99_ms %.3f ms\n", at(0.99));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int series = 10000;
  int days = 7;
  int brands = 300;
  std::string rules_dir = "rules";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--series" && i + 1 < argc) {
      series = std::atoi(argv[++i]);
    } else if (a == "--days" && i + 1 < argc) {
      days = std::atoi(argv[++i]);
    } else if (a == "--brands" && i + 1 < argc) {
      brands = std::atoi(argv[++i]);
    } else if (a == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: detect_bench [--series N] [--days D] [--brands B] "
                   "[--rules DIR]\n");
      return 2;
    }
  }
  if (series < 1 || days < 1 || brands < 1) {
    std::fprintf(stderr,
                 "detect_bench: --series, --days and --brands must be >= 1\n");
    return 2;
  }
  const vigie::CountModelOptions options;
  std::vector<vigie::CountModel> models(static_cast<std::size_t>(series),
                                        vigie::CountModel(options));
  std::vector<double> level(static_cast<std::size_t>(series));
  Rng rng{0x9e3779b97f4a7c15ULL};
  for (double& l : level) l = 0.1 * std::pow(1000.0, rng.Unit());
  std::vector<double> cycle(288);
  for (int b = 0; b < 288; ++b) {
    cycle[static_cast<std::size_t>(b)] =
        1.0 + 0.6 * std::sin(2 * M_PI * (b / 12.0 - 8) / 24);
  }
  const vigie::TimePoint t0 = vigie::FromUnixMillis(1793664000000);
  const int buckets = days * 288;
  double sink = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int b = 0; b < buckets; ++b) {
    const vigie::TimePoint t = t0 + Millis(300000) * b;
    const double c = cycle[static_cast<std::size_t>(b % 288)];
    for (std::size_t i = 0; i < models.size(); ++i) {
      double mean = level[i] * c * (0.5 + rng.Unit());
      if ((rng.Next() & 1023) == 0) mean *= 10;
      const auto count = static_cast<std::int64_t>(mean + rng.Unit());
      sink += models[i].Observe(t, count).anomaly_score;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  const double updates = static_cast<double>(buckets) * series;
  std::fprintf(stderr, "detect_bench: %d series x %d buckets in %.2f s (%g)\n",
               series, buckets, seconds, sink);
  std::printf("bench: detect.updates_per_s %.0f 1/s\n", updates / seconds);
  std::fflush(stdout);
  return BenchStoreToOutbox(brands, rules_dir);
}
