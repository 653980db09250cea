#include "cli/demo_story.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace vigie::demo {

namespace {

// 2026-11-02T07:00:00Z
constexpr std::int64_t kStartMs = 1793602800000;
constexpr Millis kMinute{60000};

struct Template {
  const char* title;
  const char* html;
};

// Calm talk: mostly pleased or factual, the odd small grumble.
constexpr std::array kCalmPositive = {
    Template{"Petit-déjeuner au Fournil Duval",
             "<p>Super accueil ce matin au Fournil Duval, les croissants sont "
             "d&eacute;licieux et le caf&eacute; excellent.</p>"},
    Template{"Fournil Duval, toujours au top",
             "Merci au Fournil Duval de Nantes pour la tarte aux pommes, "
             "un vrai r&eacute;gal !"},
    Template{"Lunch at Fournil Duval",
             "Lovely lunch at Fournil Duval today, friendly staff and great "
             "sourdough."},
    Template{"Fournil Duval recommended",
             "<b>Highly recommend</b> the new pistachio brioche at Fournil "
             "Duval. Delicious!"},
    Template{"Bravo Fournil Duval",
             "Bravo &agrave; l&rsquo;&eacute;quipe du Fournil Duval de Rennes, "
             "service rapide et pain parfait."},
};
constexpr std::array kCalmNeutral = {
    Template{"Nouvelle boutique Fournil Duval",
             "Le Fournil Duval ouvre une boutique &agrave; Lille en "
             "d&eacute;cembre."},
    Template{"Fournil Duval opening hours",
             "Fournil Duval will open at 6:30 on Sundays from next month."},
    Template{"Fournil Duval et la galette",
             "Le Fournil Duval annonce sa galette des rois pour janvier."},
};
constexpr std::array kCalmNegative = {
    Template{"Attente au Fournil Duval",
             "Trop d'attente au Fournil Duval de Bordeaux ce midi, "
             "d&eacute;&ccedil;u."},
};
// The burst: a cockroach found in a salad at the Lyon shop.
constexpr std::array kBurst = {
    Template{"Cafard au Fournil Duval",
             "Un cafard dans ma salade au Fournil Duval de Lyon !!! "
             "C'est d&eacute;go&ucirc;tant, honteux."},
    Template{"Fournil Duval Lyon",
             "<p>Cockroach crawling on the counter at Fournil Duval Lyon. "
             "Disgusting, never going back.</p>"},
    Template{
        "Hygiène Fournil Duval",
        "Hygi&egrave;ne scandaleuse au Fournil Duval de Lyon, "
        "j&rsquo;ai &eacute;t&eacute; malade toute la nuit. Inadmissible."},
    Template{"Fournil Duval food poisoning",
             "Food poisoning after eating at Fournil Duval Lyon. Terrible, "
             "the kitchen must be filthy."},
    Template{"Fournil Duval = à fuir",
             "Vid&eacute;o d'un cafard au Fournil Duval Lyon, c'est "
             "&eacute;c&oelig;urant. Boutique &agrave; fuir, nul."},
    Template{"Shame on Fournil Duval",
             "Shame on Fournil Duval, a cockroach in a salad and no apology. "
             "Awful customer service."},
    Template{"Fournil Duval répondez",
             "Fournil Duval, vous allez r&eacute;pondre ? Un cafard dans une "
             "salade, c'est grave. Horrible."},
    Template{"Fournil Duval disgusting",
             "I saw the cockroach video from Fournil Duval Lyon. Gross and "
             "unacceptable."},
};
constexpr std::array kAuthors = {"camille_l",  "julien.b", "sarah_m", "tom_h",
                                 "lea.dupont", "marc_r",   "emma.k",  "hugo_v",
                                 "ines.a",     "paul_g",   "chloe_t", "nina_w"};

std::string Rfc822(TimePoint t) {
  const std::time_t tt = static_cast<std::time_t>(ToUnixMillis(t) / 1000);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string EscapeXml(const std::string& in) {
  std::string out;
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
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

TimePoint StoryStart() { return FromUnixMillis(kStartMs); }
Millis StoryLength() { return kMinute * 240; }
TimePoint BurstStart() { return StoryStart() + kMinute * 180; }

std::vector<StoryItem> BuildStory() {
  std::mt19937 rng(20261102);
  std::vector<StoryItem> story;
  int n = 0;
  auto add = [&](const Template& t, TimePoint at) {
    StoryItem item;
    item.id = "demo-" + std::to_string(++n);
    item.author = kAuthors[static_cast<std::size_t>(n) % kAuthors.size()];
    item.title = t.title;
    item.html = t.html;
    item.url = "https://social.example/" + item.author + "/" + item.id;
    item.published = at;
    story.push_back(std::move(item));
  };
  std::uniform_int_distribution<int> jitter(0, 2);
  // Calm hours: a mention every ~6 minutes, one grumble an hour.
  for (int minute = 2; minute < 180; minute += 5 + jitter(rng)) {
    const int kind = minute % 60 < 6 ? 2 : (n % 3 == 0 ? 1 : 0);
    const TimePoint at = StoryStart() + kMinute * minute;
    if (kind == 2)
      add(kCalmNegative[0], at);
    else if (kind == 1)
      add(kCalmNeutral[static_cast<std::size_t>(n) % kCalmNeutral.size()], at);
    else
      add(kCalmPositive[static_cast<std::size_t>(n) % kCalmPositive.size()],
          at);
  }
  // The burst: about one angry post a minute for 30 minutes.
  for (int minute = 0; minute < 30; ++minute) {
    add(kBurst[static_cast<std::size_t>(minute) % kBurst.size()],
        BurstStart() + kMinute * minute + Millis(jitter(rng) * 10000));
  }
  // The tail: calmer, still some anger.
  for (int minute = 32; minute < 60; minute += 6) {
    const TimePoint at = BurstStart() + kMinute * minute;
    if (minute % 12 == 2)
      add(kBurst[static_cast<std::size_t>(minute) % kBurst.size()], at);
    else
      add(kCalmNeutral[static_cast<std::size_t>(minute) % kCalmNeutral.size()],
          at);
  }
  std::sort(story.begin(), story.end(),
            [](const StoryItem& a, const StoryItem& b) {
              return a.published < b.published;
            });
  return story;
}

std::string RenderRss(const std::vector<StoryItem>& story, TimePoint now,
                      std::size_t max_items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel><title>Social mentions: Fournil Duval</title>"
      "<link>https://social.example/search?q=fournil+duval</link>"
      "<description>Simulated mention feed of the vigie demo</description>\n";
  std::size_t emitted = 0;
  for (auto it = story.rbegin(); it != story.rend() && emitted < max_items;
       ++it) {
    if (it->published > now) continue;
    ++emitted;
    xml += "<item><guid isPermaLink=\"false\">" + it->id + "</guid>";
    xml += "<title>" + EscapeXml(it->title) + "</title>";
    xml += "<link>" + EscapeXml(it->url) + "</link>";
    xml += "<dc:creator>" + EscapeXml(it->author) + "</dc:creator>";
    xml += "<pubDate>" + Rfc822(it->published) + "</pubDate>";
    xml += "<description>" + EscapeXml(it->html) + "</description></item>\n";
  }
  xml += "</channel></rss>\n";
  return xml;
}

}  // namespace vigie::demo
