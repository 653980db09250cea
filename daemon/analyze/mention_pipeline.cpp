#include "vigie/analyze/mention_pipeline.h"

#include <set>
#include <string>
#include <utility>

namespace vigie {

MentionPipeline::MentionPipeline(const RuleSetHolder& rules, BatchSink sink)
    : rules_(rules), sink_(std::move(sink)) {}

Status MentionPipeline::Accept(std::vector<Mention> batch) {
  const std::shared_ptr<const RuleSet> rules = rules_.Get();
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Mention> out;
  out.reserve(batch.size());
  for (Mention& m : batch) {
    if (!seen.emplace(m.source, m.external_id).second) continue;
    rules->analyzer->Analyze(m);
    if (m.brands.empty()) {
      unmatched_.fetch_add(1);
      continue;
    }
    m.rule_set_version = rules->version;
    out.push_back(std::move(m));
  }
  if (out.empty()) return Status::Ok();
  const auto n = static_cast<std::int64_t>(out.size());
  if (Status st = sink_(std::move(out)); !st.ok()) return st;
  accepted_.fetch_add(n);
  return Status::Ok();
}

}  // namespace vigie
