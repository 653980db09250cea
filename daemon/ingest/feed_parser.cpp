#include "vigie/ingest/feed_parser.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>

#include "vigie/core/diagnostic.h"
#include "vigie/core/text_fold.h"
#include "vigie/ingest/feed_time.h"

namespace vigie {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// --- encoding -------------------------------------------------------------

// The encoding named in the XML declaration, or "" when there is none.
std::string_view DeclaredEncoding(std::string_view body) {
  if (body.substr(0, 5) != "<?xml") return {};
  const std::string_view decl = body.substr(0, body.find("?>"));
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return {};
  std::size_t i = key + 8;
  while (i < decl.size() && IsSpace(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && IsSpace(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  const char quote = decl[i];
  const std::size_t end = decl.find(quote, i + 1);
  if (end == std::string_view::npos) return {};
  return decl.substr(i + 1, end - i - 1);
}

bool IsWindows1252Label(std::string_view label) {
  static constexpr std::string_view kLabels[] = {
      "iso-8859-1",   "iso8859-1", "latin1",   "l1",
      "windows-1252", "cp1252",    "x-cp1252", "us-ascii"};
  for (std::string_view l : kLabels) {
    if (EqualsIgnoreCase(label, l)) return true;
  }
  return false;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Windows1252ToUtf8(std::string_view in) {
  static constexpr std::array<char32_t, 32> kHigh = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b <= 0x9F) {
      AppendUtf8(out, kHigh[b - 0x80]);
    } else {
      AppendUtf8(out, b);
    }
  }
  return out;
}

// --- positions and errors -------------------------------------------------

SourcePos PositionAt(std::string_view text, std::ptrdiff_t offset) {
  const std::size_t end =
      offset < 0 ? 0 : std::min(static_cast<std::size_t>(offset), text.size());
  SourcePos pos{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = static_cast<int>(end - line_start) + 1;
  return pos;
}

Status ErrorAt(std::string_view name, std::string_view text,
               std::ptrdiff_t offset, std::string_view message) {
  // The quoted line may hold invalid UTF-8; messages reach logs and JSON.
  return Status::InvalidArgument(SanitizeUtf8(
      FormatDiagnostic(name, text, PositionAt(text, offset), message)));
}

// Where an element starts ('<'), from pugixml's offset of its name.
std::ptrdiff_t ElementOffset(pugi::xml_node node, std::string_view text) {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset > 0 && static_cast<std::size_t>(offset) <= text.size() &&
      text[static_cast<std::size_t>(offset) - 1] == '<') {
    --offset;
  }
  return offset;
}

// --- element access by local name -----------------------------------------

std::string_view LocalName(const char* name) {
  const std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The first child element named `local`, preferring an unprefixed one.
pugi::xml_node Child(pugi::xml_node parent, std::string_view local) {
  pugi::xml_node prefixed;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view n(child.name());
    if (n == local) return child;
    if (!prefixed && LocalName(child.name()) == local) prefixed = child;
  }
  return prefixed;
}

// The text directly inside `node` (its text and CDATA children, joined).
std::string PlainText(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    }
  }
  return out;
}

std::string TrimmedText(pugi::xml_node node) {
  return std::string(Trim(PlainText(node)));
}

void AppendText(std::string& out, std::string_view text, bool escape) {
  if (!escape) {
    out += text;
    return;
  }
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out.push_back(c);
    }
  }
}

// The content of `node` as markup for HtmlToText: child elements become bare
// tags (attributes dropped), text is copied, with '<' and '>' escaped when
// `escape_text` (plain-text and XHTML content). '&' is never escaped: XML
// decoding leaves HTML references such as "&eacute;" untouched, and
// HtmlToText decodes them. Iterative, so deep nesting cannot overflow.
std::string Markup(pugi::xml_node node, bool escape_text) {
  std::string out;
  pugi::xml_node cur = node.first_child();
  while (cur) {
    if (cur.type() == pugi::node_element) {
      out += '<';
      out += LocalName(cur.name());
      out += '>';
      if (cur.first_child()) {
        cur = cur.first_child();
        continue;
      }
      out += "</";
      out += LocalName(cur.name());
      out += '>';
    } else if (cur.type() == pugi::node_pcdata ||
               cur.type() == pugi::node_cdata) {
      AppendText(out, cur.value(), escape_text);
    }
    while (!cur.next_sibling()) {
      cur = cur.parent();
      if (cur == node) return out;
      out += "</";
      out += LocalName(cur.name());
      out += '>';
    }
    cur = cur.next_sibling();
  }
  return out;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

std::optional<TimePoint> DateOf(pugi::xml_node node) {
  if (!node) return std::nullopt;
  return ParseFeedDate(PlainText(node));
}

std::optional<double> ParseRating(std::string_view text) {
  std::string s(Trim(text));
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  if (s.empty() || s[0] == '-' || s[0] == '+') return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> RatingOf(pugi::xml_node item) {
  const pugi::xml_node node = Child(item, "rating");
  if (!node) return std::nullopt;
  const std::string text = PlainText(node);
  if (!IsBlank(text)) return ParseRating(text);
  return ParseRating(node.attribute("value").value());
}

bool StartsWithHttp(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://";
}

// --- RSS ------------------------------------------------------------------

FeedEntry ReadRssItem(pugi::xml_node item) {
  FeedEntry e;
  const pugi::xml_node guid = Child(item, "guid");
  e.id = TrimmedText(guid);
  if (e.id.empty()) e.id = Trim(item.attribute("rdf:about").value());
  const pugi::xml_node link = Child(item, "link");
  e.url = TrimmedText(link);
  if (e.url.empty()) e.url = Trim(link.attribute("href").value());
  if (e.url.empty() && guid &&
      !EqualsIgnoreCase(Trim(guid.attribute("isPermaLink").value()), "false") &&
      StartsWithHttp(e.id)) {
    e.url = e.id;
  }
  e.title = Markup(Child(item, "title"), /*escape_text=*/false);
  e.content = Markup(Child(item, "encoded"), /*escape_text=*/false);
  if (IsBlank(e.content)) {
    e.content = Markup(Child(item, "description"), /*escape_text=*/false);
  }
  e.author = TrimmedText(Child(item, "author"));
  if (e.author.empty()) e.author = TrimmedText(Child(item, "creator"));
  e.published = DateOf(Child(item, "pubDate"));
  if (!e.published) e.published = DateOf(Child(item, "date"));
  e.rating = RatingOf(item);
  return e;
}

// --- Atom -----------------------------------------------------------------

// An Atom text construct or content element, as markup for HtmlToText.
std::string AtomText(pugi::xml_node node) {
  const std::string_view type = Trim(node.attribute("type").value());
  const bool html =
      EqualsIgnoreCase(type, "html") || EqualsIgnoreCase(type, "text/html");
  return Markup(node, /*escape_text=*/!html);
}

std::string AtomLink(pugi::xml_node entry) {
  for (pugi::xml_node child : entry.children()) {
    if (child.type() != pugi::node_element ||
        LocalName(child.name()) != "link") {
      continue;
    }
    const std::string_view rel = Trim(child.attribute("rel").value());
    if (rel.empty() || rel == "alternate") {
      return std::string(Trim(child.attribute("href").value()));
    }
  }
  return {};
}

FeedEntry ReadAtomEntry(pugi::xml_node entry, std::string_view feed_author) {
  FeedEntry e;
  e.id = TrimmedText(Child(entry, "id"));
  e.url = AtomLink(entry);
  e.title = AtomText(Child(entry, "title"));
  const pugi::xml_node content = Child(entry, "content");
  if (!content.attribute("src")) e.content = AtomText(content);
  if (IsBlank(e.content)) e.content = AtomText(Child(entry, "summary"));
  e.author = TrimmedText(Child(Child(entry, "author"), "name"));
  if (e.author.empty()) e.author = feed_author;
  e.published = DateOf(Child(entry, "published"));
  if (!e.published) e.published = DateOf(Child(entry, "updated"));
  e.rating = RatingOf(entry);
  return e;
}

// --- document -------------------------------------------------------------

enum class Format { kRss, kAtom };

bool IsUsable(const FeedEntry& e) {
  return !e.id.empty() || !e.url.empty() || !IsBlank(e.title) ||
         !IsBlank(e.content);
}

}  // namespace

Result<std::vector<FeedEntry>> ParseFeed(std::string_view name,
                                         std::string_view body) {
  std::string converted;
  pugi::xml_encoding encoding = pugi::encoding_auto;
  std::string_view text = body;
  if (IsWindows1252Label(DeclaredEncoding(body))) {
    converted = Windows1252ToUtf8(body);
    text = converted;
    encoding = pugi::encoding_utf8;
  }

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(),
                      pugi::parse_default | pugi::parse_declaration, encoding);
  if (!parsed) {
    std::string message = "malformed XML: ";
    std::ptrdiff_t offset = parsed.offset;
    if (parsed.status == pugi::status_end_element_mismatch &&
        offset + 1 >= static_cast<std::ptrdiff_t>(text.size())) {
      // pugixml reports a document cut short as a tag mismatch on its last
      // byte; point just past it instead.
      message += "unexpected end of document (an element is not closed)";
      offset = static_cast<std::ptrdiff_t>(text.size());
    } else {
      std::string description = parsed.description();
      if (!description.empty()) description[0] = AsciiLower(description[0]);
      message += description;
    }
    return ErrorAt(name, text, offset, message);
  }

  const pugi::xml_node root = doc.document_element();
  const std::string_view root_name = LocalName(root.name());
  Format format = Format::kRss;
  pugi::xml_node container;
  std::string_view item_name;
  if (root_name == "rss") {
    format = Format::kRss;
    container = Child(root, "channel");
    item_name = "item";
  } else if (root_name == "RDF") {
    format = Format::kRss;
    container = root;
    item_name = "item";
  } else if (root_name == "feed") {
    format = Format::kAtom;
    container = root;
    item_name = "entry";
  } else {
    std::string shown =
        SanitizeUtf8(std::string_view(root.name()).substr(0, 64));
    return Status::InvalidArgument(
        std::string(name) +
        ":1:1: not an RSS 2.0 or Atom 1.0 feed (root element <" + shown + ">)");
  }

  std::vector<pugi::xml_node> items;
  for (pugi::xml_node child : container.children()) {
    if (child.type() != pugi::node_element ||
        LocalName(child.name()) != item_name) {
      continue;
    }
    if (items.size() == kMaxFeedEntries) {
      return ErrorAt(
          name, text, ElementOffset(child, text),
          "feed has more than " + std::to_string(kMaxFeedEntries) + " entries");
    }
    items.push_back(child);
  }

  std::string feed_author;
  if (format == Format::kAtom) {
    feed_author = TrimmedText(Child(Child(root, "author"), "name"));
  }
  std::vector<FeedEntry> entries;
  entries.reserve(items.size());
  for (pugi::xml_node item : items) {
    FeedEntry e = format == Format::kRss ? ReadRssItem(item)
                                         : ReadAtomEntry(item, feed_author);
    if (IsUsable(e)) entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace vigie
