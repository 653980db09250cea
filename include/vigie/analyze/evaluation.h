// Evaluation: labelled TSV test sets and the metrics `vigie eval` prints.
//
// A labelled file holds one `text<TAB>...<TAB>label` per line: the text in
// the first column, the label in the last (negative, neutral, positive, or
// 0 / 1 for binary sets, 0 meaning negative); columns in between are
// ignored. Empty lines are skipped; a UTF-8 byte order mark is skipped.
//
// Thread-safety: plain values; Confusion is not synchronised.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/mention.h"
#include "vigie/core/result.h"

namespace vigie {

/// One labelled text.
struct LabelledText {
  std::string text;  ///< the first column
  Label gold = Label::kNeutral;
  int line = 0;  ///< 1-based line in its file
};

/// Parses a labelled TSV file's `content`; `path` names it in errors
/// ("path:line:col: message": no TAB, empty text, unknown label).
Result<std::vector<LabelledText>> ParseLabelledTsv(std::string_view path,
                                                   std::string_view content);

/// A 3x3 confusion matrix over negative, neutral, positive.
class Confusion {
 public:
  /// Counts one text with gold label `gold` predicted as `predicted`.
  void Add(Label gold, Label predicted);
  /// The count of gold `gold` predicted as `predicted`.
  int Count(Label gold, Label predicted) const;
  /// Texts counted.
  int Total() const;
  /// Share of correct predictions, 0 when empty.
  double Accuracy() const;
  /// Precision of `label` (0 when nothing was predicted as it).
  double Precision(Label label) const;
  /// Recall of `label` (0 when no gold text has it).
  double Recall(Label label) const;
  /// F1 of `label` (0 when precision + recall is 0).
  double F1(Label label) const;
  /// Mean F1 over `labels`.
  double MacroF1(const std::vector<Label>& labels) const;

 private:
  static int Index(Label l) { return static_cast<int>(l) + 1; }
  std::array<std::array<int, 3>, 3> counts_{};
};

}  // namespace vigie
