// TomlFields: typed, position-aware reading of one TOML table.
//
// Each getter checks the type and range of one key and remembers the first
// error as "path:line:col: message"; Finish() adds unknown keys (typos) to the
// checks and returns the first error. A caller reads all its keys, then
// returns Finish() — one error path per table.
// Thread-safety: none; a TomlFields lives on the stack of one loader.
// Lifetime: `path`, `text` and `table` must outlive the TomlFields.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/diagnostic.h"
#include "vigie/core/result.h"
#include "vigie/core/status.h"

namespace vigie {

/// Parses TOML `text`, turning a syntax error into "path:line:col: message".
/// Also refuses, with a positioned error, two malformed inputs on which
/// toml++ 3.3 asserts instead of throwing: a table header starting with a
/// character that cannot start a key ("[#", "[=", "[[[", fixed upstream by
/// tomlplusplus PR #301) and a '}' where an array expects a value ("[1, }]").
Result<toml::table> ParseToml(std::string_view path, std::string_view text);

/// The position of toml++'s `p` in `text`, with the column counted in bytes
/// (toml++ counts code points; diagnostics count bytes).
SourcePos TomlPos(std::string_view text, const toml::source_position& p);

/// Reads the keys of one TOML table with types, ranges and positions.
class TomlFields {
 public:
  /// `what` names the table in messages, e.g. "[[scenario]]".
  TomlFields(std::string_view path, std::string_view text,
             const toml::table& table, std::string_view what);

  /// A string; nullopt when absent (an error if `required`) or mistyped.
  std::optional<std::string> String(std::string_view key, bool required);
  /// An integer within [min, max].
  std::optional<std::int64_t> Int(std::string_view key, bool required,
                                  std::int64_t min, std::int64_t max);
  /// A number (integer or float) within [min, max].
  std::optional<double> Number(std::string_view key, bool required, double min,
                               double max);
  /// A boolean.
  std::optional<bool> Bool(std::string_view key, bool required);
  /// An array of strings; `non_empty` rejects [].
  std::optional<std::vector<std::string>> Strings(std::string_view key,
                                                  bool required,
                                                  bool non_empty);
  /// A sub-table, or nullptr.
  const toml::table* Table(std::string_view key, bool required);
  /// An array of tables (`[[key]]`), empty when absent.
  std::vector<const toml::table*> Tables(std::string_view key);

  /// Position of `node`, column in bytes.
  SourcePos PosOf(const toml::node& node) const;
  /// Position of `key`'s value, or of the table when the key is absent.
  SourcePos PosOfKey(std::string_view key) const;
  /// Records an error at `pos` unless one is already recorded.
  void Fail(SourcePos pos, std::string_view message);
  /// True while no error has been recorded.
  bool ok() const { return error_.ok(); }
  /// Checks for unknown keys and returns the first error, or OK.
  Status Finish();

 private:
  const toml::node* Get(std::string_view key, bool required);

  std::string_view path_;
  std::string_view text_;
  const toml::table& table_;
  std::string what_;
  std::set<std::string, std::less<>> seen_;
  Status error_;
};

}  // namespace vigie
