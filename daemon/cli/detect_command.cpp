#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/detect/count_csv.h"
#include "vigie/detect/detector.h"

namespace vigie::cli {

int RunDetect(const Args& args) {
  if (std::string bad =
          UnknownArgument(args, {"config", "bucket-seconds"}, {"csv"});
      !bad.empty()) {
    std::cerr << "vigie detect: unknown argument " << bad << "\n";
    return 2;
  }
  if (!HasFlag(args, "csv")) {
    std::cerr << "vigie detect: --csv is required (the only input format)\n";
    return 2;
  }
  DetectConfig detect;
  std::string config_path;
  if (FlagValue(args, "config", &config_path)) {
    auto cfg = LoadConfig(config_path);
    if (!cfg.ok()) {
      std::cerr << cfg.status().message() << "\n";
      return 1;
    }
    detect = cfg->detect;
  }
  std::string bucket_text;
  const bool bucket_given = FlagValue(args, "bucket-seconds", &bucket_text);
  double bucket_seconds = 0;
  if (bucket_given) {
    try {
      std::size_t used = 0;
      bucket_seconds = std::stod(bucket_text, &used);
      if (used != bucket_text.size()) bucket_seconds = 0;
    } catch (const std::exception&) {
      bucket_seconds = 0;
    }
    if (!(bucket_seconds >= 1 && bucket_seconds <= 86400 * 7)) {
      std::cerr << "vigie detect: --bucket-seconds takes a number of seconds "
                   "from 1 to 604800\n";
      return 2;
    }
  }
  const std::string text(std::istreambuf_iterator<char>(std::cin), {});
  auto rows = ParseCountCsv("<stdin>", text);
  if (!rows.ok()) {
    std::cerr << rows.status().message() << "\n";
    return 1;
  }
  CountModelOptions options = CountModelOptionsFrom(detect);
  options.bucket =
      bucket_given ? Millis(static_cast<std::int64_t>(bucket_seconds * 1000.0))
                   : InferBucketWidth(*rows, detect.bucket);
  const std::vector<double> scores = ScoreCountSeries(*rows, options);
  std::string out;
  out.reserve(rows->size() * 32);
  char buf[32];
  for (std::size_t i = 0; i < rows->size(); ++i) {
    std::snprintf(buf, sizeof buf, ",%.8f\n", scores[i]);
    out += (*rows)[i].timestamp;
    out += buf;
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace vigie::cli
