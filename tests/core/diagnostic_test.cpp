#include "vigie/core/diagnostic.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE(
    "FormatDiagnostic quotes the line and puts a caret under the column") {
  const std::string text = "first line\nsecond\tline here\nthird\n";
  const std::string d =
      FormatDiagnostic("rules/x.toml", text, SourcePos{2, 8}, "bad value");
  CHECK(d ==
        "rules/x.toml:2:8: bad value\n"
        "  second line here\n"
        "         ^");
}

TEST_CASE("FormatDiagnostic survives positions outside the text") {
  CHECK(FormatDiagnostic("f", "abc", SourcePos{9, 3}, "m") == "f:9:3: m");
  CHECK(FormatDiagnostic("f", "", SourcePos{0, 0}, "m") == "f:1:1: m");
  Status s = FileError("f", "a\r\nb", SourcePos{1, 5}, "m");
  CHECK(s.IsInvalidArgument());
  CHECK(s.message() == "f:1:5: m\n  a\n   ^");
}

}  // namespace vigie
