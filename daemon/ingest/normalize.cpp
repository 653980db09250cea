#include "vigie/ingest/normalize.h"

#include <openssl/evp.h>

#include <string>

#include "vigie/core/text_fold.h"
#include "vigie/ingest/html_text.h"

namespace vigie {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string CleanField(std::string_view raw) {
  std::string s = SanitizeUtf8(raw);
  std::size_t begin = 0;
  std::size_t end = s.size();
  while (begin < end && IsSpace(s[begin])) ++begin;
  while (end > begin && IsSpace(s[end - 1])) --end;
  return s.substr(begin, end - begin);
}

// Cuts valid UTF-8 `text` to at most `max_bytes` without splitting a
// character.
void CutAtBoundary(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  text.resize(cut);
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

std::string Sha1Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(),
                 nullptr) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0F]);
  }
  return out;
}

}  // namespace

Mention ToMention(const FeedEntry& entry, std::string_view source,
                  TimePoint fetched) {
  Mention m;
  m.source = std::string(source);
  m.title = HtmlToText(entry.title);
  m.text = HtmlToText(entry.content);
  CutAtBoundary(m.text, kMaxMentionTextBytes);
  m.url = CleanField(entry.url);
  m.author = CleanField(entry.author);
  m.external_id = CleanField(entry.id);
  if (m.external_id.empty()) m.external_id = m.url;
  if (m.external_id.empty()) {
    m.external_id = "sha1:" + Sha1Hex(m.title + "\n" + m.text);
  }
  m.published = entry.published.value_or(fetched);
  m.fetched = fetched;
  m.rating = entry.rating;
  return m;
}

}  // namespace vigie
