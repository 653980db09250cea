// Fuzzes the other two rule files: BrandMatcher::Parse (brands.toml, with
// its timezone names) and ParseScenarios (scenarios.toml). The first byte
// picks the parser. Any bytes give a result or an error naming the file; a
// brand file that loads matches its own source text without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/analyze/brand_matcher.h"
#include "vigie/core/text_fold.h"
#include "vigie/detect/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const bool brands = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  if (brands) {
    vigie::Result<vigie::BrandMatcher> m =
        vigie::BrandMatcher::Parse("fuzz.toml", text);
    if (!m.ok()) {
      if (m.status().message().rfind("fuzz.toml:", 0) != 0) __builtin_trap();
      return 0;
    }
    for (const std::string& name : m->Match(vigie::FoldText(text))) {
      if (m->Find(name) == nullptr) __builtin_trap();
    }
    return 0;
  }
  vigie::Result<vigie::ScenarioSet> set =
      vigie::ParseScenarios("fuzz.toml", text);
  if (!set.ok()) {
    if (set.status().message().rfind("fuzz.toml:", 0) != 0) __builtin_trap();
    return 0;
  }
  for (const vigie::Scenario& sc : set->scenarios) {
    if (sc.name.empty() || sc.Playbook("fr").empty()) __builtin_trap();
  }
  return 0;
}
