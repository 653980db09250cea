#include "vigie/analyze/evaluation.h"

#include "vigie/core/diagnostic.h"

namespace vigie {

namespace {

bool ParseLabel(std::string_view s, Label& out) {
  if (s == "negative" || s == "0") {
    out = Label::kNegative;
  } else if (s == "neutral") {
    out = Label::kNeutral;
  } else if (s == "positive" || s == "1") {
    out = Label::kPositive;
  } else {
    return false;
  }
  return true;
}

}  // namespace

Result<std::vector<LabelledText>> ParseLabelledTsv(std::string_view path,
                                                   std::string_view content) {
  std::vector<LabelledText> out;
  std::size_t start = 0;
  int line_no = 0;
  while (start < content.size()) {
    ++line_no;
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t skip = 0;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;
    if (line.size() == skip) continue;
    const std::size_t first_tab = line.find('\t', skip);
    if (first_tab == std::string_view::npos) {
      return FileError(path, content,
                       SourcePos{line_no, static_cast<int>(line.size()) + 1},
                       "missing TAB between text and label");
    }
    if (first_tab == skip) {
      return FileError(path, content, SourcePos{line_no, 1}, "empty text");
    }
    const std::size_t last_tab = line.rfind('\t');
    const std::string_view label = line.substr(last_tab + 1);
    LabelledText t;
    if (!ParseLabel(label, t.gold)) {
      return FileError(path, content,
                       SourcePos{line_no, static_cast<int>(last_tab) + 2},
                       "unknown label '" + std::string(label) +
                           "' (expected negative, neutral, positive, 0 or 1)");
    }
    t.text = std::string(line.substr(skip, first_tab - skip));
    t.line = line_no;
    out.push_back(std::move(t));
  }
  return out;
}

void Confusion::Add(Label gold, Label predicted) {
  ++counts_[Index(gold)][Index(predicted)];
}

int Confusion::Count(Label gold, Label predicted) const {
  return counts_[Index(gold)][Index(predicted)];
}

int Confusion::Total() const {
  int n = 0;
  for (const auto& row : counts_) {
    for (int c : row) n += c;
  }
  return n;
}

double Confusion::Accuracy() const {
  const int n = Total();
  if (n == 0) return 0.0;
  return static_cast<double>(counts_[0][0] + counts_[1][1] + counts_[2][2]) / n;
}

double Confusion::Precision(Label label) const {
  const int k = Index(label);
  int predicted = 0;
  for (int g = 0; g < 3; ++g) predicted += counts_[g][k];
  return predicted == 0 ? 0.0 : static_cast<double>(counts_[k][k]) / predicted;
}

double Confusion::Recall(Label label) const {
  const int k = Index(label);
  int gold = 0;
  for (int p = 0; p < 3; ++p) gold += counts_[k][p];
  return gold == 0 ? 0.0 : static_cast<double>(counts_[k][k]) / gold;
}

double Confusion::F1(Label label) const {
  const double p = Precision(label);
  const double r = Recall(label);
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

double Confusion::MacroF1(const std::vector<Label>& labels) const {
  if (labels.empty()) return 0.0;
  double sum = 0.0;
  for (Label l : labels) sum += F1(l);
  return sum / static_cast<double>(labels.size());
}

}  // namespace vigie
