// FetchOptions: limits and identity for every outbound HTTP request.
//
// A plain value, filled by config/ and copied into each HttpClient; safe to
// share read-only across threads.
#pragma once

#include <cstddef>
#include <string>

#include "vigie/core/clock.h"

#ifndef VIGIE_VERSION
#define VIGIE_VERSION "0.0.0"
#endif

namespace vigie {

/// Deadlines, size caps and the User-Agent of outbound HTTP requests.
struct FetchOptions {
  // Behaviour.

  /// Deadline for resolving the host name, again for the TCP connect, and
  /// again for the TLS handshake.
  Millis connect_timeout{5000};
  /// Deadline for writing the request and reading the whole response,
  /// measured from the first byte written (not an idle timeout).
  Millis request_timeout{20000};
  /// Largest response body accepted, in bytes as received on the wire;
  /// larger bodies fail with "too_large". Decompressed size is the caller's
  /// to check (this layer never inflates).
  std::size_t max_body_bytes = 15 * 1024 * 1024;
  /// Largest response status line plus header fields, in bytes.
  std::size_t max_header_bytes = 64 * 1024;
  /// Sent as User-Agent unless the request carries its own.
  std::string user_agent =
      "vigie/" VIGIE_VERSION " (+https://github.com/vigie-monitoring/vigie)";
};

}  // namespace vigie
