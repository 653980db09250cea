#include "vigie/notify/slack_message.h"

#include <doctest/doctest.h>

#include <boost/json.hpp>

namespace vigie {

namespace {
Alert SampleAlert() {
  Alert a;
  a.state = "open";
  a.brand = "Fournil Duval";
  a.scenario = "bad-buzz";
  a.description = "Negative mentions <spiking> & rising";
  a.severity = "warning";
  a.language = "en";
  a.bucket_start = FromUnixMillis(1793602800000);
  a.bucket_width = Millis(300000);
  a.negative = 7;
  a.total = 9;
  a.expected = 0.25;
  a.samples = {
      {"feed", "A cockroach in my salad!", "https://x.example/1", -0.8}};
  a.playbook = {"Answer within the hour", "Prepare a holding statement"};
  return a;
}
}  // namespace

TEST_CASE("The Slack message is Block Kit JSON with a text fallback") {
  const std::string body = FormatSlackMessage(SampleAlert());
  auto v = boost::json::parse(body).as_object();
  const std::string text(v.at("text").as_string());
  CHECK(text.find("Fournil Duval") != std::string::npos);
  CHECK(text.find("*7*") != std::string::npos);
  auto blocks = v.at("blocks").as_array();
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].at("type").as_string() == "header");
  const std::string section(blocks[1].at("text").at("text").as_string());
  CHECK(section.find("&lt;spiking&gt; &amp; rising") != std::string::npos);
  const std::string samples(blocks[2].at("text").at("text").as_string());
  CHECK(samples.find("<https://x.example/1>") != std::string::npos);
  const std::string playbook(blocks[3].at("text").at("text").as_string());
  CHECK(playbook.find("1. Answer within the hour") != std::string::npos);
  CHECK(playbook.find("2. Prepare") != std::string::npos);
}

TEST_CASE("A volume spike on a topic says so, with its top terms") {
  Alert a = SampleAlert();
  a.volume = true;
  a.topic = "boycott";
  a.total = 42;
  a.top_terms = {"boycott", "<prix>"};
  a.language = "fr";
  auto v = boost::json::parse(FormatSlackMessage(a)).as_object();
  const std::string text(v.at("text").as_string());
  CHECK(text.find("*42* mentions maintenant") != std::string::npos);
  CHECK(text.find("sujet boycott") != std::string::npos);
  CHECK(text.find("négatives") == std::string::npos);
  auto blocks = v.at("blocks").as_array();
  const std::string samples(blocks[2].at("text").at("text").as_string());
  CHECK(samples.rfind("*Termes fréquents*: boycott, &lt;prix&gt;\n", 0) == 0);
  // Without the new fields, the negative count stays the headline.
  const std::string plain = FormatSlackMessage(SampleAlert());
  CHECK(plain.find("*7* negative now (of 9)") != std::string::npos);
  CHECK(plain.find("Top terms") == std::string::npos);
}

TEST_CASE("Slack limits hold for huge inputs") {
  Alert a = SampleAlert();
  a.brand = std::string(400, 'B');
  a.samples.assign(5, {"feed", std::string(5000, 'x'), "", -0.5});
  a.playbook.assign(40, std::string(200, 'p'));
  auto v = boost::json::parse(FormatSlackMessage(a)).as_object();
  for (const auto& b : v.at("blocks").as_array()) {
    const auto& t = b.at("text").at("text").as_string();
    if (b.at("type").as_string() == "header") {
      CHECK(t.size() <= 150 * 3);
    } else {
      CHECK(t.size() <= 3000 * 3);
    }
  }
}

TEST_CASE("TruncateUtf8 counts code points and never splits one") {
  CHECK(TruncateUtf8("éééé", 4) == "éééé");
  CHECK(TruncateUtf8("ééééé", 4) == "ééé…");
  CHECK(TruncateUtf8("abc", 0) == "");
}

}  // namespace vigie
