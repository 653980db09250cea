// Fuzzes Lexicon::Parse: any bytes give a lexicon or a positioned error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigie/analyze/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  vigie::Result<vigie::Lexicon> lexicon =
      vigie::Lexicon::Parse("fuzz.tsv", text);
  if (!lexicon.ok() && lexicon.status().message().rfind("fuzz.tsv:", 0) != 0) {
    __builtin_trap();  // every error must name the file and a position
  }
  return 0;
}
