#include "vigie/core/toml_fields.h"

#include <cmath>
#include <sstream>
#include <vector>

namespace vigie {

namespace {

// toml++ 3.3 trips an assertion (abort in debug builds, undefined behaviour
// under clang's __builtin_assume otherwise) on two malformed inputs instead of
// throwing parse_error: a table header whose name starts with a character
// that cannot start a key ("[#", "[=", "[[["; fixed upstream by tomlplusplus
// PR #301) and a '}' where an array expects a value ("[1, }"). This scan
// finds both before toml++ sees the text; it follows strings, comments and
// brackets just enough to tell headers and array slots apart.
struct TomlTrap {
  std::size_t offset = std::string_view::npos;
  const char* message = "";
};

bool IsTomlKeyStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '"' ||
         c == '\'';
}

// Returns the offset just past the string starting at `i`.
std::size_t SkipTomlString(std::string_view t, std::size_t i) {
  const char quote = t[i];
  auto triple = [&](std::size_t at) {
    return at + 2 < t.size() && t[at] == quote && t[at + 1] == quote &&
           t[at + 2] == quote;
  };
  const bool multi_line = triple(i);
  std::size_t j = i + (multi_line ? 3 : 1);
  while (j < t.size()) {
    if (quote == '"' && t[j] == '\\') {
      j += 2;
      continue;
    }
    if (!multi_line && (t[j] == quote || t[j] == '\n')) return j + 1;
    if (multi_line && triple(j)) {
      j += 3;
      // Up to two quotes right before the closing ones belong to the string.
      for (int extra = 0; extra < 2 && j < t.size() && t[j] == quote; ++extra) {
        ++j;
      }
      return j;
    }
    ++j;
  }
  return j;
}

TomlTrap FindTomlTrap(std::string_view t) {
  std::vector<char> open;  // '[' and '{' of values, innermost last
  bool line_start = true;
  bool array_slot = false;  // right after '[' or ',' inside an array
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (open.empty() && line_start && c == '[') {
      std::size_t j = i + 1;
      auto skip_blanks = [&] {
        while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
      };
      skip_blanks();
      // "[ [" is reported by toml++ itself; "[[" opens an array of tables.
      const bool spaced_bracket = j != i + 1 && j < t.size() && t[j] == '[';
      if (j == i + 1 && j < t.size() && t[j] == '[') {
        ++j;
        skip_blanks();
      }
      if (!spaced_bracket && j < t.size() && t[j] != ']' &&
          !IsTomlKeyStart(t[j])) {
        return {j, "expected a table name after '['"};
      }
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    if (c == '"' || c == '\'') {
      i = SkipTomlString(t, i);
      array_slot = false;
      continue;
    }
    const bool in_array = !open.empty() && open.back() == '[';
    if (c == '}' && in_array && array_slot) {
      return {i, "expected a value or ']', saw '}'"};
    }
    switch (c) {
      case '[':
      case '{':
        open.push_back(c);
        array_slot = c == '[';
        break;
      case ']':
      case '}':
        if (!open.empty() && open.back() == (c == ']' ? '[' : '{')) {
          open.pop_back();
        }
        array_slot = false;
        break;
      case ',':
        array_slot = in_array;
        break;
      default:
        array_slot = false;
    }
    ++i;
  }
  return {};
}

// The position of byte `offset` of `text`.
SourcePos PosOfOffset(std::string_view text, std::size_t offset) {
  SourcePos pos{1, 1};
  for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

// toml++ counts columns in code points; diagnostics count bytes.
SourcePos TomlPosImpl(std::string_view text, const toml::source_position& p) {
  if (p.line == 0) return SourcePos{};
  std::size_t start = 0;
  for (toml::source_index line = 1; line < p.line; ++line) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos)
      return SourcePos{static_cast<int>(p.line), 1};
    start = nl + 1;
  }
  std::size_t at = start;
  for (toml::source_index col = 1;
       col < p.column && at < text.size() && text[at] != '\n'; ++col) {
    ++at;
    while (at < text.size() &&
           (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
      ++at;
    }
  }
  return SourcePos{static_cast<int>(p.line), static_cast<int>(at - start) + 1};
}

}  // namespace

SourcePos TomlPos(std::string_view text, const toml::source_position& p) {
  return TomlPosImpl(text, p);
}

Result<toml::table> ParseToml(std::string_view path, std::string_view text) {
  if (const TomlTrap trap = FindTomlTrap(text);
      trap.offset != std::string_view::npos) {
    return FileError(path, text, PosOfOffset(text, trap.offset), trap.message);
  }
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return FileError(path, text, TomlPos(text, e.source().begin),
                     e.description());
  }
}

SourcePos TomlFields::PosOf(const toml::node& node) const {
  return TomlPos(text_, node.source().begin);
}

TomlFields::TomlFields(std::string_view path, std::string_view text,
                       const toml::table& table, std::string_view what)
    : path_(path), text_(text), table_(table), what_(what) {}

const toml::node* TomlFields::Get(std::string_view key, bool required) {
  seen_.emplace(key);
  const toml::node* node = table_.get(key);
  if (node == nullptr && required) {
    Fail(PosOf(table_),
         what_ + ": missing required key '" + std::string(key) + "'");
  }
  return node;
}

SourcePos TomlFields::PosOfKey(std::string_view key) const {
  const toml::node* node = table_.get(key);
  return node ? PosOf(*node) : PosOf(table_);
}

void TomlFields::Fail(SourcePos pos, std::string_view message) {
  if (error_.ok()) error_ = FileError(path_, text_, pos, message);
}

std::optional<std::string> TomlFields::String(std::string_view key,
                                              bool required) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  Fail(PosOf(*node), "'" + std::string(key) + "' must be a string");
  return std::nullopt;
}

std::optional<std::int64_t> TomlFields::Int(std::string_view key, bool required,
                                            std::int64_t min,
                                            std::int64_t max) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return std::nullopt;
  const auto* v = node->as_integer();
  if (v == nullptr) {
    Fail(PosOf(*node), "'" + std::string(key) + "' must be an integer");
    return std::nullopt;
  }
  if (v->get() < min || v->get() > max) {
    Fail(PosOf(*node), "'" + std::string(key) + "' must be between " +
                           std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return v->get();
}

std::optional<double> TomlFields::Number(std::string_view key, bool required,
                                         double min, double max) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return std::nullopt;
  double value = 0;
  if (const auto* f = node->as_floating_point()) {
    value = f->get();
  } else if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else {
    Fail(PosOf(*node), "'" + std::string(key) + "' must be a number");
    return std::nullopt;
  }
  if (!std::isfinite(value) || value < min || value > max) {
    std::ostringstream msg;
    msg << "'" << key << "' must be between " << min << " and " << max;
    Fail(PosOf(*node), msg.str());
    return std::nullopt;
  }
  return value;
}

std::optional<bool> TomlFields::Bool(std::string_view key, bool required) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  Fail(PosOf(*node), "'" + std::string(key) + "' must be true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> TomlFields::Strings(
    std::string_view key, bool required, bool non_empty) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return std::nullopt;
  const auto* arr = node->as_array();
  if (arr == nullptr) {
    Fail(PosOf(*node),
         "'" + std::string(key) + "' must be an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr) {
      Fail(PosOf(item), "'" + std::string(key) + "' must hold only strings");
      return std::nullopt;
    }
    out.push_back(s->get());
  }
  if (non_empty && out.empty()) {
    Fail(PosOf(*node), "'" + std::string(key) + "' must not be empty");
    return std::nullopt;
  }
  return out;
}

const toml::table* TomlFields::Table(std::string_view key, bool required) {
  const toml::node* node = Get(key, required);
  if (node == nullptr) return nullptr;
  if (const auto* t = node->as_table()) return t;
  Fail(PosOf(*node), "'" + std::string(key) + "' must be a table");
  return nullptr;
}

std::vector<const toml::table*> TomlFields::Tables(std::string_view key) {
  std::vector<const toml::table*> out;
  const toml::node* node = Get(key, false);
  if (node == nullptr) return out;
  const auto* arr = node->as_array();
  if (arr == nullptr) {
    Fail(PosOf(*node), "'" + std::string(key) +
                           "' must be an array of tables ([[" +
                           std::string(key) + "]])");
    return out;
  }
  for (const toml::node& item : *arr) {
    const auto* t = item.as_table();
    if (t == nullptr) {
      Fail(PosOf(item), "'" + std::string(key) + "' must hold only tables");
      return {};
    }
    out.push_back(t);
  }
  return out;
}

Status TomlFields::Finish() {
  for (const auto& [key, node] : table_) {
    if (!seen_.contains(key.str())) {
      Fail(TomlPos(text_, key.source().begin),
           what_ + ": unknown key '" + std::string(key.str()) + "'");
    }
  }
  return error_;
}

}  // namespace vigie
