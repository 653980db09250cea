// Diagnostics for rule and config files: "path:line:col: message", then the
// offending line and a caret under the column, as compilers print them.
#pragma once

#include <string>
#include <string_view>

#include "vigie/core/status.h"

namespace vigie {

/// A position in a text file; line and column count from 1 (column in bytes).
struct SourcePos {
  int line = 0;
  int column = 0;
};

/// Formats "path:line:col: message\n  <line text>\n  <caret>" from the
/// file's `text`. The quoted line is cut at 100 bytes; when `pos.line` is
/// out of range only the first line is produced.
std::string FormatDiagnostic(std::string_view path, std::string_view text,
                             SourcePos pos, std::string_view message);

/// Returns an InvalidArgument Status whose message is FormatDiagnostic(...).
Status FileError(std::string_view path, std::string_view text, SourcePos pos,
                 std::string_view message);

}  // namespace vigie
