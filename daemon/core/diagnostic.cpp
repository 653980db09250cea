#include "vigie/core/diagnostic.h"

#include <algorithm>

namespace vigie {

namespace {

std::string_view LineAt(std::string_view text, int line) {
  int current = 1;
  std::size_t start = 0;
  while (current < line) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
    ++current;
  }
  if (start > text.size()) return {};
  std::size_t end = text.find('\n', start);
  std::string_view out =
      text.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                       : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace

std::string FormatDiagnostic(std::string_view path, std::string_view text,
                             SourcePos pos, std::string_view message) {
  std::string out(path);
  out += ':' + std::to_string(std::max(pos.line, 1)) + ':' +
         std::to_string(std::max(pos.column, 1)) + ": ";
  out += message;
  if (pos.line < 1) return out;
  std::string_view line = LineAt(text, pos.line);
  if (line.empty()) return out;
  constexpr std::size_t kMaxQuoted = 100;
  std::string quoted(line.substr(0, kMaxQuoted));
  for (char& c : quoted) {
    if (c == '\t') c = ' ';
  }
  out += "\n  ";
  out += quoted;
  const std::size_t col = std::min<std::size_t>(
      static_cast<std::size_t>(std::max(pos.column, 1)), quoted.size() + 1);
  out += "\n  ";
  out.append(col - 1, ' ');
  out += '^';
  return out;
}

Status FileError(std::string_view path, std::string_view text, SourcePos pos,
                 std::string_view message) {
  return Status::InvalidArgument(FormatDiagnostic(path, text, pos, message));
}

}  // namespace vigie
