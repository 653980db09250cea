// detect_bench: single-thread throughput of the detector's count model:
// bucket updates per second over many series (brand × topic counts).
//
//   detect_bench [--series N] [--days D] [--rules DIR]
//
// Each series gets its own CountModel and synthetic counts: a level between
// 0.1 and 100 per bucket (log-uniform), a daily cycle, noise and rare
// spikes, drawn by a cheap generator inside the timed loop (its cost is
// included). 5-minute buckets. --rules is accepted for scripts/bench and
// unused. Prints "bench: detect.updates_per_s N 1/s".
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "vigie/detect/count_model.h"

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

}  // namespace

int main(int argc, char** argv) {
  int series = 10000;
  int days = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--series" && i + 1 < argc) {
      series = std::atoi(argv[++i]);
    } else if (a == "--days" && i + 1 < argc) {
      days = std::atoi(argv[++i]);
    } else if (a == "--rules" && i + 1 < argc) {
      ++i;
    } else {
      std::fprintf(stderr,
                   "usage: detect_bench [--series N] [--days D] [--rules "
                   "DIR]\n");
      return 2;
    }
  }
  if (series < 1 || days < 1) {
    std::fprintf(stderr, "detect_bench: --series and --days must be >= 1\n");
    return 2;
  }
  using vigie::Millis;
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
  return 0;
}
