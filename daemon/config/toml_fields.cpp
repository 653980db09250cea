#include "vigie/config/toml_fields.h"

#include <cmath>
#include <sstream>

namespace vigie {

Result<toml::table> ParseToml(std::string_view path, std::string_view text) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return FileError(
        path, text,
        SourcePos{static_cast<int>(begin.line), static_cast<int>(begin.column)},
        e.description());
  }
}

SourcePos PosOf(const toml::node& node) {
  const auto& begin = node.source().begin;
  return SourcePos{static_cast<int>(begin.line),
                   static_cast<int>(begin.column)};
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
      Fail(SourcePos{static_cast<int>(key.source().begin.line),
                     static_cast<int>(key.source().begin.column)},
           what_ + ": unknown key '" + std::string(key.str()) + "'");
    }
  }
  return error_;
}

}  // namespace vigie
