// End to end: a feed on a loopback socket plays the demo's bad-buzz story,
// the real pipeline runs, and a Slack-compatible receiver gets the alert.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "cli/demo.h"
#include "cli/demo_story.h"
#include "test_util.h"
#include "vigie/core/log.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

TEST_CASE("The bad-buzz story opens one incident and delivers one alert") {
  log::SetLevel(log::Level::kWarn);
  testing::TempDir dir;
  demo::DemoOptions options;
  options.rules_dir = VIGIE_TEST_RULES_DIR;
  options.store_path = dir.file("e2e.db");
  options.tick = Millis(40);
  auto report = demo::RunDemo(options);
  REQUIRE_MESSAGE(report.ok(), report.status().message());

  // Every post of the story was ingested once (the feed repeats items).
  CHECK(report->mentions_stored == report->story_items);
  CHECK(report->labels.total() == report->story_items);
  // The burst is angry; the calm hours are mostly not.
  CHECK(report->labels.negative >= 30);
  CHECK(report->labels.positive >= 10);

  REQUIRE(report->incidents.size() == 1);
  const Incident& inc = report->incidents[0];
  CHECK(inc.brand == "Fournil Duval");
  // The burst is about hygiene: the specific scenario speaks, and the
  // general bad-buzz one, which it inhibits, stays silent.
  CHECK(inc.scenario == "hygiene-incident");
  CHECK(inc.severity == "critical");
  // Opened during the burst, not before it.
  CHECK(inc.opened_at >= demo::BurstStart());
  CHECK(inc.opened_at < demo::BurstStart() + Millis(30 * 60000));

  REQUIRE(report->alerts_received.size() == 1);
  auto alert = boost::json::parse(report->alerts_received[0]).as_object();
  const std::string text(alert.at("text").as_string());
  CHECK(text.find("Fournil Duval") != std::string::npos);
  const std::string rendered =
      demo::SlackMessageToText(report->alerts_received[0]);
  CHECK(rendered.find("cafard") != std::string::npos);
  CHECK(rendered.find("Termes fréquents") != std::string::npos);
  CHECK(rendered.find("Playbook") != std::string::npos);
  CHECK(report->pending_outbox == 0);
  CHECK(report->clean_shutdown);

  // The store file holds what the report says.
  auto store = SqliteStore::Open(options.store_path);
  REQUIRE(store.ok());
  CHECK(*(*store)->CountMentions() == report->mentions_stored);
  CHECK(*(*store)->CountPendingOutbox() == 0);
  CHECK((*(*store)->ListIncidents()).size() == 1);
}

}  // namespace vigie
