// HttpServer: a small HTTP/1.1 server over Boost.Beast, with keep-alive,
// size limits and read/write deadlines; the API, dashboard and test servers
// are built on it.
//
// Each connection is a session on its own strand; requests on a connection
// are handled one at a time, so at most one response is being written.
// Thread-safety: Start() is called once, before Stop(), from one thread;
// Stop() and port() may be called from any thread, a request handler
// included. The handler runs on the session's strand: when the io_context
// runs on several threads, handlers of different connections run
// concurrently.
// Lifetime: the io_context must outlive the server; the destructor calls
// Stop(). Sessions keep their own state alive, so responses in flight finish
// after the server object is gone.
#pragma once

#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/status.h"

namespace vigie {

/// One parsed HTTP request, as given to the handler.
struct ServerRequest {
  /// "GET", "POST"...
  std::string method;
  /// Request target as sent: path and query, still percent-encoded.
  std::string target;
  /// Header fields in the order received; a name may repeat.
  std::vector<std::pair<std::string, std::string>> headers;
  /// The whole body (at most ServerOptions::body_limit bytes).
  std::string body;

  /// Value of the first field named `name` (case-insensitive), "" when absent.
  std::string_view header(std::string_view name) const;
};

/// The handler's answer; Content-Length and Connection are set by the server.
struct ServerResponse {
  /// Status code, 200 to 599; anything else is answered with 500.
  int status = 200;
  /// Content-Type field; left out when empty.
  std::string content_type = "text/plain; charset=utf-8";
  /// Body; not sent for HEAD requests and 204 or 304 statuses.
  std::string body;
  /// Extra fields, appended in order. A name that is not a token, a value
  /// holding CR, LF or NUL, or a framing field the server owns
  /// (Content-Length, Transfer-Encoding, Connection) turns the response into
  /// a 500.
  std::vector<std::pair<std::string, std::string>> headers;
};

/// Produces the response to one request. Called on the session's strand; it
/// should return quickly (it blocks its strand). An exception becomes a 500.
using RequestHandler = std::function<ServerResponse(const ServerRequest&)>;

/// Where to listen and the limits applied to every connection.
struct ServerOptions {
  /// Numeric IPv4 or IPv6 address to bind.
  std::string address = "127.0.0.1";
  /// TCP port; 0 picks a free port (see HttpServer::port()).
  unsigned short port = 0;
  /// Largest request body, in bytes; larger requests get 413.
  std::size_t body_limit = 1024 * 1024;
  /// Largest request line plus header fields, in bytes; larger get 431.
  std::size_t header_limit = 16 * 1024;
  /// Deadline for receiving a whole request, including the wait for it on an
  /// idle keep-alive connection; on expiry the connection is closed.
  Millis read_timeout{10000};
  /// Deadline for writing one response; on expiry the connection is closed.
  Millis write_timeout{10000};
};

/// Listens on one address and serves every request with one handler.
class HttpServer {
 public:
  /// Prepares a server; nothing is bound until Start().
  HttpServer(boost::asio::io_context& ioc, ServerOptions opts,
             RequestHandler handler);
  /// Calls Stop().
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds, listens and starts accepting (on the io_context). Returns
  /// InvalidArgument for a bad address or a second call, IOError when the
  /// address cannot be bound.
  Status Start();
  /// The bound port after a successful Start(), 0 before.
  unsigned short port() const;
  /// Stops accepting and closes idle connections; responses being produced
  /// or written finish, then their connections close. Once every session is
  /// gone the server holds no pending work, so `ioc.run()` can return.
  void Stop();

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace vigie
