// BeastHttpClient: the real HttpClient, HTTP/1.1 over Boost.Beast, with TLS
// through OpenSSL (peer verification, SNI and host name checks always on).
//
// One connection per request ("Connection: close", no pool); each request
// runs in its own session on its own strand of the executor.
// Thread-safety: Send() may be called from any thread.
// Lifetime: the executor's execution context must outlive every request;
// requests in flight keep what they need alive, so the client itself may be
// destroyed before they complete.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <memory>

#include "vigie/ingest/fetch_options.h"
#include "vigie/ingest/http_client.h"

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace vigie {

/// Sends requests with Boost.Beast; see HttpClient for the error prefixes.
///
/// Error kinds: "url:" (malformed or unsupported URL), "request:" (invalid
/// method or header field) and "too_large:" are Rejected; "dns:", "connect:",
/// "tls:", "timeout:" and "http:" (connection cut, malformed response) are
/// Unavailable. Messages name the peer as host:port only, never the path or
/// the query of the URL.
class BeastHttpClient final : public HttpClient {
 public:
  /// Builds a client whose callbacks run on `ex`. Loads the system CA
  /// certificates once; when that fails, HTTPS requests fail with "tls:".
  BeastHttpClient(boost::asio::any_io_executor ex, FetchOptions opts);
  ~BeastHttpClient() override;
  BeastHttpClient(const BeastHttpClient&) = delete;
  BeastHttpClient& operator=(const BeastHttpClient&) = delete;

  /// Starts one request; `done` runs once, on a strand of the executor.
  void Send(HttpRequest request, HttpCallback done) override;

 private:
  boost::asio::any_io_executor ex_;
  FetchOptions opts_;
  std::shared_ptr<boost::asio::ssl::context> tls_;  // null: TLS unavailable
};

}  // namespace vigie
