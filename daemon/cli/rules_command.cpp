#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "vigie/analyze/sponsorship.h"
#include "vigie/analyze/topic_rules.h"
#include "vigie/core/text_fold.h"

namespace vigie::cli {

namespace {

void WriteRule(const TopicRule& rule, std::ostream& out) {
  out << "  " << rule.name << "  topic=" << rule.topic
      << "  severity=" << rule.severity;
  if (rule.weight) out << "  weight=" << *rule.weight;
  if (!rule.language.empty()) out << "  language=" << rule.language;
}

void WritePatternPos(const SponsorshipPattern& p, std::ostream& out) {
  out << "line " << p.pos.line << ":" << p.pos.column;
}

}  // namespace

int WriteRuleHits(const TopicRules& rules, std::string_view language,
                  std::istream& in, std::ostream& out) {
  const SponsorshipDetector* sponsorship = rules.sponsorship();
  int texts = 0;
  int matched = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++texts;
    out << texts << ": " << SanitizeUtf8(line) << "\n";
    const std::string folded = FoldText(line);
    const std::vector<const TopicRule*> hits =
        rules.MatchRules(folded, language);
    if (!hits.empty()) ++matched;
    const SponsorshipHits sponsor =
        sponsorship ? sponsorship->Explain(folded) : SponsorshipHits{};
    for (const TopicRule* rule : hits) {
      WriteRule(*rule, out);
      if (sponsorship && rule == &sponsorship->rule()) {
        out << "  (promo pattern at ";
        WritePatternPos(*sponsor.promo.front(), out);
        out << ", no disclosure)";
      }
      out << "\n";
    }
    if (!sponsor.promo.empty() && !sponsor.disclosure.empty()) {
      out << "  (promotional, pattern at ";
      WritePatternPos(*sponsor.promo.front(), out);
      out << ", but disclosed, pattern at ";
      WritePatternPos(*sponsor.disclosure.front(), out);
      out << ")\n";
    } else if (!sponsor.promo.empty() && !sponsor.not_promo.empty()) {
      out << "  (mentions a code or link, pattern at ";
      WritePatternPos(*sponsor.promo.front(), out);
      out << ", but not as a promotion, pattern at ";
      WritePatternPos(*sponsor.not_promo.front(), out);
      out << ")\n";
    }
    if (hits.empty()) out << "  (no rule)\n";
  }
  out << texts << (texts == 1 ? " text, " : " texts, ") << matched
      << " with a rule hit\n";
  return matched;
}

int RunRules(const Args& args) {
  if (args.empty() || args[0] != "test") {
    std::cerr << "usage: vigie rules test FILE [--rules DIR] "
                 "[--lang fr|en|de]\n";
    return 2;
  }
  if (args.size() < 2 || args[1].rfind("--", 0) == 0) {
    std::cerr << "vigie rules test: missing FILE (one text per line, - for "
                 "stdin)\n";
    return 2;
  }
  const std::string file = args[1];
  const Args flags(args.begin() + 2, args.end());
  if (std::string bad = UnknownArgument(flags, {"rules", "lang"}, {});
      !bad.empty()) {
    std::cerr << "vigie rules test: unknown argument " << bad << "\n";
    return 2;
  }
  std::string language;
  if (FlagValue(flags, "lang", &language) && language != "fr" &&
      language != "en" && language != "de") {
    std::cerr << "vigie rules test: --lang must be fr, en or de, not '"
              << language << "'\n";
    return 2;
  }
  const std::string path = DefaultRulesDir(flags) + "/topics.toml";
  Result<TopicRules> rules = TopicRules::Load(path);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  if (file == "-") {
    WriteRuleHits(*rules, language, std::cin, std::cout);
    return 0;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "vigie rules test: cannot read " << file << "\n";
    return 1;
  }
  WriteRuleHits(*rules, language, in, std::cout);
  return 0;
}

}  // namespace vigie::cli
