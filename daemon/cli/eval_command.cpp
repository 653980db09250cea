#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "vigie/analyze/evaluation.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/core/read_file.h"

namespace vigie::cli {

namespace {

void PrintReport(const std::string& path, const Confusion& m, bool binary,
                 int skipped, const std::string& lang) {
  const std::vector<Label> labels =
      binary ? std::vector<Label>{Label::kNegative, Label::kPositive}
             : std::vector<Label>{Label::kNegative, Label::kNeutral,
                                  Label::kPositive};
  std::printf(
      "%s: %d texts%s, %s, language %s\n", path.c_str(), m.Total(),
      binary ? (" (" + std::to_string(skipped) + " neutral skipped)").c_str()
             : "",
      binary ? "binary (sign of compound; 0 is wrong)" : "3-class",
      lang.empty() ? "identified per text" : lang.c_str());
  std::printf("  accuracy %.3f  macro-F1 %.3f\n", m.Accuracy(),
              m.MacroF1(labels));
  std::printf("  %-9s %9s %7s %6s %7s\n", "class", "precision", "recall", "F1",
              "support");
  for (Label l : labels) {
    int support = 0;
    for (Label p : {Label::kNegative, Label::kNeutral, Label::kPositive}) {
      support += m.Count(l, p);
    }
    std::printf("  %-9s %9.3f %7.3f %6.3f %7d\n",
                std::string(LabelName(l)).c_str(), m.Precision(l), m.Recall(l),
                m.F1(l), support);
  }
  std::printf("  confusion (rows: gold, columns: predicted)\n");
  std::printf("  %-9s %9s %9s %9s\n", "", "negative", "neutral", "positive");
  for (Label g : labels) {
    std::printf("  %-9s", std::string(LabelName(g)).c_str());
    for (Label p : {Label::kNegative, Label::kNeutral, Label::kPositive}) {
      std::printf(" %9d", m.Count(g, p));
    }
    std::printf("\n");
  }
}

}  // namespace

int RunEval(const Args& args) {
  std::vector<std::string> files;
  bool binary = false;
  std::string lang;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--binary") {
      binary = true;
    } else if (a == "--lang" || a == "--rules" || a == "--config") {
      if (i + 1 >= args.size()) {
        std::cerr << "vigie eval: " << a << " needs a value\n";
        return 2;
      }
      ++i;
    } else if (a.rfind("--lang=", 0) == 0 || a.rfind("--rules=", 0) == 0 ||
               a.rfind("--config=", 0) == 0) {
      continue;
    } else if (a.rfind("--", 0) == 0) {
      std::cerr << "vigie eval: unknown argument " << a << "\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  FlagValue(args, "lang", &lang);
  if (!lang.empty() && lang != "fr" && lang != "en" && lang != "de") {
    std::cerr << "vigie eval: --lang must be fr, en or de\n";
    return 2;
  }
  if (files.empty()) {
    std::cerr << "usage: vigie eval FILE.tsv... [--binary] [--lang L] "
                 "[--rules DIR | --config FILE]\n";
    return 2;
  }
  auto rules = LoadCliRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  const Scorer& scorer = *(*rules)->scorer;
  ScoreRequest request;
  request.language = lang;

  // Parse every file first, so a bad line anywhere fails before any output.
  std::vector<std::vector<LabelledText>> sets;
  int status = 0;
  for (const std::string& path : files) {
    auto content = ReadFile(path);
    if (!content.ok()) {
      std::cerr << content.status().message() << "\n";
      status = 1;
      continue;
    }
    auto parsed = ParseLabelledTsv(path, *content);
    if (!parsed.ok()) {
      std::cerr << parsed.status().message() << "\n";
      status = 1;
      continue;
    }
    sets.push_back(std::move(*parsed));
  }
  if (status != 0) return status;

  for (std::size_t f = 0; f < files.size(); ++f) {
    Confusion m;
    int skipped = 0;
    for (const LabelledText& t : sets[f]) {
      if (binary && t.gold == Label::kNeutral) {
        ++skipped;
        continue;
      }
      const ScoreResult r = scorer.Score(t.text, request);
      Label predicted = r.label;
      if (binary) {
        predicted = r.compound > 0   ? Label::kPositive
                    : r.compound < 0 ? Label::kNegative
                                     : Label::kNeutral;
      }
      m.Add(t.gold, predicted);
    }
    PrintReport(files[f], m, binary, skipped, lang);
  }
  return 0;
}

}  // namespace vigie::cli
