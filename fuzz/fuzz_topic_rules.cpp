// Fuzzes TopicRules::Parse (with its [sponsorship] table): any bytes give a
// rule set or a positioned error; a rule set that loads matches its own
// source text, folded, without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/analyze/topic_rules.h"
#include "vigie/core/text_fold.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  vigie::Result<vigie::TopicRules> rules =
      vigie::TopicRules::Parse("fuzz.toml", text);
  if (!rules.ok()) {
    if (rules.status().message().rfind("fuzz.toml:", 0) != 0) {
      __builtin_trap();  // every error must name the file
    }
    return 0;
  }
  const std::string folded = vigie::FoldText(text);
  for (std::string_view language : {"", "fr", "en", "de", "und"}) {
    for (const vigie::TopicRule* rule : rules->MatchRules(folded, language)) {
      if (rule->topic.empty()) __builtin_trap();
    }
  }
  return 0;
}
