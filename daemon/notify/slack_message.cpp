#include "vigie/notify/slack_message.h"

#include <boost/json.hpp>
#include <cstdio>

namespace vigie {

namespace json = boost::json;

namespace {

constexpr std::size_t kHeaderMax = 150;
constexpr std::size_t kSectionMax = 3000;
constexpr std::size_t kSampleMax = 280;

struct Labels {
  const char* alert;
  const char* now;
  const char* all_now;
  const char* topic;
  const char* top_terms;
  const char* usual;
  const char* of_total;
  const char* window;
  const char* samples;
  const char* playbook;
  const char* severity;
};

const Labels kFrench{"Alerte",
                     "négatives maintenant",
                     "mentions maintenant",
                     "sujet",
                     "Termes fréquents",
                     "habituellement",
                     "sur",
                     "fenêtre",
                     "Mentions d'exemple",
                     "Playbook",
                     "Gravité"};
const Labels kEnglish{"Alert",    "negative now", "mentions now",
                      "topic",    "Top terms",    "usually",
                      "of",       "window",       "Sample mentions",
                      "Playbook", "Severity"};

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

json::object Section(const std::string& markdown) {
  return {
      {"type", "section"},
      {"text",
       {{"type", "mrkdwn"}, {"text", TruncateUtf8(markdown, kSectionMax)}}}};
}

// Slack's mrkdwn needs &, < and > escaped in user text.
std::string EscapeMrkdwn(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string TruncateUtf8(const std::string& text, std::size_t max_chars) {
  auto is_lead = [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  };
  std::size_t total = 0;
  for (char c : text) total += is_lead(c) ? 1 : 0;
  if (total <= max_chars) return text;
  if (max_chars == 0) return {};
  std::size_t kept = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (is_lead(text[i]) && kept++ == max_chars - 1) break;
  }
  return text.substr(0, i) + "…";
}

std::string FormatSlackMessage(const Alert& a) {
  const Labels& l = a.language == "fr" ? kFrench : kEnglish;
  const bool fr = a.language == "fr";
  std::string kind = l.alert;
  if (a.state == "updated") kind = fr ? "Mise à jour" : "Update";
  if (a.state == "escalated") kind = fr ? "Escalade" : "Escalated";
  if (a.state == "resolved") kind = fr ? "Résolu" : "Resolved";
  if (a.state == "acknowledged") kind = fr ? "Pris en charge" : "Acknowledged";
  const bool closing = a.state == "resolved" || a.state == "acknowledged";
  const std::string headline =
      kind + " " + a.severity + " · " + a.brand + " · " + a.scenario;
  const std::string count_part =
      a.volume ? "*" + std::to_string(a.total) + "* " + l.all_now
               : "*" + std::to_string(a.negative) + "* " + l.now + " (" +
                     l.of_total + " " + std::to_string(a.total) + ")";
  const std::string numbers_line =
      count_part + " · " + l.usual + " " + Number(a.expected) +
      (a.topic.empty() ? "" : " · " + std::string(l.topic) + " " + a.topic) +
      " · " + l.window + " " + FormatTime(a.bucket_start) + " +" +
      std::to_string(a.bucket_width.count() / 60000) + " min";
  const std::string numbers =
      a.summary.empty() ? numbers_line : EscapeMrkdwn(a.summary);

  json::array blocks;
  blocks.push_back({{"type", "header"},
                    {"text",
                     {{"type", "plain_text"},
                      {"text", TruncateUtf8(headline, kHeaderMax)}}}});
  blocks.push_back(Section(
      EscapeMrkdwn(a.description) + "\n" + numbers + "\n" + l.severity + ": *" +
      a.severity + "*" +
      (a.note.empty() ? std::string() : "\n_" + EscapeMrkdwn(a.note) + "_")));
  if (!a.samples.empty() && !closing) {
    std::string text = std::string("*") + l.samples + "*";
    if (!a.top_terms.empty()) {
      std::string terms;
      for (const std::string& t : a.top_terms) {
        terms += (terms.empty() ? "" : ", ") + t;
      }
      text = std::string("*") + l.top_terms + "*: " + EscapeMrkdwn(terms) +
             "\n" + text;
    }
    for (const AlertSample& s : a.samples) {
      text += "\n• ";
      text += EscapeMrkdwn(TruncateUtf8(s.text, kSampleMax));
      text += " (" + EscapeMrkdwn(s.source) + ", " + Number(s.compound) + ")";
      if (!s.url.empty()) text += " <" + EscapeMrkdwn(s.url) + ">";
    }
    blocks.push_back(Section(text));
  }
  if (!a.playbook.empty() && !closing) {
    std::string text = std::string("*") + l.playbook + "*";
    int n = 1;
    for (const std::string& step : a.playbook) {
      text += "\n" + std::to_string(n++) + ". " + EscapeMrkdwn(step);
    }
    blocks.push_back(Section(text));
  }
  json::object msg;
  msg["text"] = TruncateUtf8(headline + " — " + numbers, kSectionMax);
  msg["blocks"] = std::move(blocks);
  return json::serialize(msg);
}

}  // namespace vigie
