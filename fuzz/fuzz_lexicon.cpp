// Fuzzes Lexicon::Parse: any bytes give a lexicon or a positioned error;
// and the lints (fold collisions, elided words, hyphens) over the same
// bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/lexicon_lint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  vigie::Result<vigie::Lexicon> lexicon =
      vigie::Lexicon::Parse("fuzz.tsv", text);
  if (!lexicon.ok() && lexicon.status().message().rfind("fuzz.tsv:", 0) != 0) {
    __builtin_trap();  // every error must name the file and a position
  }
  for (const std::string& w :
       vigie::FoldCollisionWarnings("fuzz.tsv", text, "de")) {
    if (w.rfind("fuzz.tsv:", 0) != 0) __builtin_trap();
  }
  for (const std::string& w : vigie::ElidedWordWarnings("fuzz.tsv", text)) {
    if (w.rfind("fuzz.tsv:", 0) != 0) __builtin_trap();
  }
  for (const std::string& w : vigie::HyphenWarnings("fuzz.tsv", text)) {
    if (w.rfind("fuzz.tsv:", 0) != 0) __builtin_trap();
  }
  return 0;
}
