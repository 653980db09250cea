#include <cstdlib>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/detect/incident_engine.h"
#include "vigie/store/sqlite_store.h"

namespace vigie::cli {

namespace {

void PrintIncident(const Incident& i) {
  std::cout << i.id << "\t" << IncidentStateName(i.state) << "\t" << i.severity
            << "\t" << i.brand << "\t" << i.scenario << "\topened "
            << FormatTime(i.opened_at) << "\tupdated "
            << FormatTime(i.updated_at) << "\n";
}

}  // namespace

int RunIncidents(const Args& args) {
  if (args.empty() || args[0].rfind("--", 0) == 0) {
    std::cerr
        << "vigie incidents: expected list, show ID, ack ID or resolve ID\n";
    return 2;
  }
  const std::string verb = args[0];
  std::int64_t id = 0;
  Args rest(args.begin() + 1, args.end());
  if (verb == "show" || verb == "ack" || verb == "resolve") {
    if (rest.empty()) {
      std::cerr << "vigie incidents " << verb << ": missing incident id\n";
      return 2;
    }
    try {
      std::size_t used = 0;
      id = std::stoll(rest[0], &used);
      if (used != rest[0].size() || id <= 0) throw std::invalid_argument("id");
    } catch (const std::exception&) {
      std::cerr << "vigie incidents " << verb << ": bad incident id '"
                << rest[0] << "'\n";
      return 2;
    }
    rest.erase(rest.begin());
  } else if (verb != "list") {
    std::cerr << "vigie incidents: unknown action '" << verb << "'\n";
    return 2;
  }
  if (std::string bad = UnknownArgument(rest, {"config", "by"}, {});
      !bad.empty()) {
    std::cerr << "vigie incidents: unknown argument " << bad << "\n";
    return 2;
  }
  std::string config_path;
  if (!FlagValue(rest, "config", &config_path)) {
    std::cerr << "vigie incidents: --config FILE is required\n";
    return 2;
  }
  auto config = LoadConfig(config_path);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 1;
  }
  auto store = SqliteStore::Open(config->store_path);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  if (verb == "list") {
    auto list = (*store)->ListIncidents();
    if (!list.ok()) {
      std::cerr << list.status().message() << "\n";
      return 1;
    }
    for (const Incident& i : *list) PrintIncident(i);
    return 0;
  }
  if (verb == "show") {
    auto found = (*store)->GetIncident(id);
    auto events = (*store)->ListIncidentEvents(id);
    if (!found.ok() || !events.ok()) {
      std::cerr << (found.ok() ? events.status() : found.status()).message()
                << "\n";
      return 1;
    }
    if (!found->has_value()) {
      std::cerr << "vigie incidents show: no incident " << id << "\n";
      return 1;
    }
    PrintIncident(**found);
    for (const IncidentEvent& e : *events) {
      std::cout << "  r" << e.revision << "\t" << FormatTime(e.at) << "\t"
                << IncidentStateName(e.state) << "\t" << e.note << "\n";
    }
    std::cout << "  evidence " << (*found)->evidence_json << "\n";
    return 0;
  }
  ScorerOptions options;
  auto rules = LoadRuleSet(config->rules_dir, options, 1);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  std::set<std::string> channels;
  for (const auto& ch : config->notify.slack) channels.insert(ch.name);
  IncidentEngine engine(**store, channels);
  std::string who = "cli";
  if (const char* user = std::getenv("USER"); user && *user) who = user;
  FlagValue(rest, "by", &who);
  SystemClock clock;
  auto outcome = verb == "ack"
                     ? engine.Acknowledge(id, who, **rules, clock.now())
                     : engine.Resolve(id, who, **rules, clock.now());
  if (!outcome.ok()) {
    std::cerr << "vigie incidents " << verb << ": "
              << outcome.status().message() << "\n";
    return 1;
  }
  std::cout << "incident " << id << " "
            << (verb == "ack" ? "acknowledged" : "resolved") << " by " << who
            << "; " << outcome->notifications
            << " notification(s) queued for the running daemon\n";
  return 0;
}

}  // namespace vigie::cli
