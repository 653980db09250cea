// HttpClient: the seam through which vigie sends every outbound HTTP request
// (source polls, webhooks, chat notifications).
//
// Components take an `HttpClient&` in their constructor; tests substitute a
// recording fake or talk to a loopback server through the real client.
// Thread-safety: implementations accept Send() from any thread.
// Lifetime: the client must outlive the components holding a reference; a
// request already started completes (its callback runs) even if the client is
// destroyed first, as long as the executor's context still runs.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/core/result.h"

namespace vigie {

/// One HTTP request to send.
struct HttpRequest {
  /// Any token ("GET", "POST", "PURGE"...).
  std::string method = "GET";
  /// Absolute http:// or https:// URL. May carry secrets in its path or
  /// query: it never appears in error messages.
  std::string url;
  /// Extra header fields, sent in this order; a name given here replaces the
  /// client's default (Host, User-Agent, Connection).
  std::vector<std::pair<std::string, std::string>> headers;
  /// Request body; Content-Length is set from it.
  std::string body;
};

/// A complete HTTP response, whatever its status (404 and 500 included).
struct HttpResponse {
  /// Status code, e.g. 200.
  int status = 0;
  /// Header fields in the order received; a name may repeat.
  std::vector<std::pair<std::string, std::string>> headers;
  /// The body as received (not decompressed).
  std::string body;

  /// Value of the first field named `name` (case-insensitive), "" when absent.
  std::string_view header(std::string_view name) const {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    for (const auto& [key, value] : headers) {
      if (key.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < key.size() && same; ++i) {
        same = lower(key[i]) == lower(name[i]);
      }
      if (same) return value;
    }
    return {};
  }
};

/// Called once, on the client's executor, with the response or the error.
/// It must not throw.
using HttpCallback = std::function<void(Result<HttpResponse>)>;

/// Sends HTTP requests asynchronously.
///
/// Errors reach the callback as a Status whose message starts with a stable
/// kind prefix: "url:", "request:", "dns:", "connect:", "tls:", "timeout:",
/// "too_large:" or "http:". A non-2xx status is not an error at this layer.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  /// Starts one request; never blocks and never calls `done` before
  /// returning. REQUIRES: `done` is not empty.
  virtual void Send(HttpRequest request, HttpCallback done) = 0;
};

}  // namespace vigie
