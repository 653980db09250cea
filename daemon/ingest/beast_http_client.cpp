#include "vigie/ingest/beast_http_client.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/scheme.hpp>
#include <boost/url/url_view.hpp>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "vigie/core/log.h"

namespace vigie {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace urls = boost::urls;
using tcp = net::ip::tcp;
using boost::system::error_code;

using Request = http::request<http::string_body>;

// Where a request goes. `authority` ("host:port") is the only part of the URL
// that error messages may show.
struct Endpoint {
  bool tls = false;
  std::string host;  // decoded, IPv6 without brackets
  bool host_is_name = false;
  std::string port;        // decimal
  std::string authority;   // host:port, IPv6 in brackets
  std::string host_field;  // value of the Host header
  std::string target;      // path and query
};

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsTokenChar);
}

bool IsFieldValue(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) ==
         std::string_view::npos;
}

bool IsHostNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return beast::iequals(beast::string_view(a.data(), a.size()),
                        beast::string_view(b.data(), b.size()));
}

std::string ToString(beast::string_view s) {
  return std::string(s.data(), s.size());
}

std::string MillisText(Millis d) { return std::to_string(d.count()) + " ms"; }

Result<Endpoint> ParseEndpoint(std::string_view url) {
  auto parsed = urls::parse_uri(url);
  if (!parsed) {
    return Status::Rejected("url: not a valid absolute URL",
                            parsed.error().message());
  }
  const urls::url_view& u = *parsed;
  Endpoint e;
  if (u.scheme_id() == urls::scheme::https) {
    e.tls = true;
  } else if (u.scheme_id() != urls::scheme::http) {
    return Status::Rejected("url: unsupported scheme '" +
                            std::string(u.scheme()) + "'");
  }
  if (u.has_userinfo()) {
    return Status::Rejected("url: credentials in the URL are not supported");
  }
  switch (u.host_type()) {
    case urls::host_type::name:
      e.host_is_name = true;
      break;
    case urls::host_type::ipv4:
    case urls::host_type::ipv6:
      break;
    default:
      return Status::Rejected("url: missing or unsupported host");
  }
  e.host = u.host_address();
  if (e.host.empty()) return Status::Rejected("url: missing host");
  if (e.host_is_name &&
      !std::all_of(e.host.begin(), e.host.end(), IsHostNameChar)) {
    return Status::Rejected(
        "url: invalid host name (internationalised names must be punycode)");
  }
  std::string host_in_url(u.encoded_host());
  if (u.has_port() && !u.port().empty()) {
    // port_number() wraps values above 65535 in Boost 1.81: parse it here.
    std::string_view digits = u.port();
    unsigned long value = 0;
    for (char c : digits) {
      value = value * 10 + static_cast<unsigned long>(c - '0');
      if (value > 65535) break;
    }
    if (value == 0 || value > 65535) {
      return Status::Rejected("url: invalid port");
    }
    e.port = std::to_string(value);
    e.host_field = host_in_url + ":" + e.port;
  } else {
    e.port = e.tls ? "443" : "80";
    e.host_field = host_in_url;
  }
  e.authority = host_in_url + ":" + e.port;
  e.target = std::string(u.encoded_target());
  if (e.target.empty() || e.target.front() != '/') e.target.insert(0, "/");
  return e;
}

Result<Request> BuildRequest(const HttpRequest& in, const Endpoint& e,
                             const FetchOptions& opts) {
  if (!IsToken(in.method)) {
    return Status::Rejected("request: invalid method");
  }
  for (const auto& [name, value] : in.headers) {
    if (!IsToken(name)) return Status::Rejected("request: invalid header name");
    if (!IsFieldValue(value)) {
      return Status::Rejected("request: invalid value for header '" + name +
                              "'");
    }
  }
  auto given = [&in](std::string_view name) {
    return std::any_of(
        in.headers.begin(), in.headers.end(),
        [name](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  };
  try {
    Request req;
    req.version(11);
    http::verb verb = http::string_to_verb(in.method);
    if (verb == http::verb::unknown) {
      req.method_string(in.method);
    } else {
      req.method(verb);
    }
    req.target(e.target);
    if (!given("Host")) req.set(http::field::host, e.host_field);
    if (!given("User-Agent")) req.set(http::field::user_agent, opts.user_agent);
    if (!given("Connection")) req.set(http::field::connection, "close");
    for (const auto& [name, value] : in.headers) req.insert(name, value);
    req.body() = in.body;
    req.prepare_payload();
    return req;
  } catch (const std::exception& ex) {
    return Status::Rejected("request: cannot build the request", ex.what());
  }
}

// One request from resolve to close. Stream is beast::tcp_stream for http://
// and beast::ssl_stream<beast::tcp_stream> for https://. Every member is used
// on the session's strand only.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Session(net::any_io_executor strand, std::shared_ptr<ssl::context> tls,
          Endpoint endpoint, Request request, const FetchOptions& opts,
          HttpCallback done)
      : tls_(std::move(tls)),
        resolver_(strand),
        resolve_timer_(strand),
        stream_(MakeStream(strand, tls_)),
        endpoint_(std::move(endpoint)),
        request_(std::move(request)),
        connect_timeout_(opts.connect_timeout),
        request_timeout_(opts.request_timeout),
        done_(std::move(done)) {
    parser_.body_limit(static_cast<std::uint64_t>(opts.max_body_bytes));
    parser_.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
        opts.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // A response to HEAD announces a length but carries no body.
    if (request_.method() == http::verb::head) parser_.skip(true);
    max_body_bytes_ = opts.max_body_bytes;
    max_header_bytes_ = opts.max_header_bytes;
  }

  void Run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::DoResolve,
                                            this->shared_from_this()));
  }

 private:
  static Stream MakeStream(const net::any_io_executor& strand,
                           const std::shared_ptr<ssl::context>& tls) {
    if constexpr (kTls) {
      return Stream(strand, *tls);
    } else {
      return Stream(strand);
    }
  }

  // The system resolver may take far longer than connect_timeout_ (retries
  // against an unreachable name server): the session gives up at the
  // deadline and ignores the late answer.
  void DoResolve() {
    resolve_timer_.expires_after(connect_timeout_);
    resolve_timer_.async_wait(beast::bind_front_handler(
        &Session::OnResolveDeadline, this->shared_from_this()));
    resolver_.async_resolve(endpoint_.host, endpoint_.port,
                            beast::bind_front_handler(
                                &Session::OnResolve, this->shared_from_this()));
  }

  void OnResolveDeadline(error_code ec) {
    if (ec || !done_) return;
    resolver_.cancel();
    Finish(Status::Unavailable("timeout: resolving " + endpoint_.authority +
                               " took longer than " +
                               MillisText(connect_timeout_)));
  }

  void OnResolve(error_code ec, tcp::resolver::results_type results) {
    resolve_timer_.cancel();
    if (!done_) return;
    if (ec) {
      return Finish(Status::Unavailable(
          "dns: cannot resolve " + endpoint_.authority, ec.message()));
    }
    beast::get_lowest_layer(stream_).expires_after(connect_timeout_);
    beast::get_lowest_layer(stream_).async_connect(
        results, beast::bind_front_handler(&Session::OnConnect,
                                           this->shared_from_this()));
  }

  void OnConnect(error_code ec, const tcp::endpoint&) {
    if (ec == beast::error::timeout) {
      return Finish(Status::Unavailable(
          "timeout: connecting to " + endpoint_.authority +
          " took longer than " + MillisText(connect_timeout_)));
    }
    if (ec) {
      return Finish(Status::Unavailable(
          "connect: cannot connect to " + endpoint_.authority, ec.message()));
    }
    if constexpr (kTls) {
      DoHandshake();
    } else {
      DoWrite();
    }
  }

  void DoHandshake() {
    if (endpoint_.host_is_name &&
        !SSL_set_tlsext_host_name(stream_.native_handle(),
                                  endpoint_.host.c_str())) {
      return Finish(Status::Unavailable("tls: cannot set the server name for " +
                                        endpoint_.authority));
    }
    stream_.set_verify_mode(ssl::verify_peer);
    stream_.set_verify_callback(ssl::host_name_verification(endpoint_.host));
    beast::get_lowest_layer(stream_).expires_after(connect_timeout_);
    stream_.async_handshake(
        ssl::stream_base::client,
        beast::bind_front_handler(&Session::OnHandshake,
                                  this->shared_from_this()));
  }

  void OnHandshake(error_code ec) {
    if (ec == beast::error::timeout) {
      return Finish(Status::Unavailable(
          "timeout: TLS handshake with " + endpoint_.authority +
          " took longer than " + MillisText(connect_timeout_)));
    }
    if (ec) {
      return Finish(Status::Unavailable(
          "tls: handshake with " + endpoint_.authority + " failed",
          ec.message()));
    }
    DoWrite();
  }

  void DoWrite() {
    beast::get_lowest_layer(stream_).expires_after(request_timeout_);
    http::async_write(
        stream_, request_,
        beast::bind_front_handler(&Session::OnWrite, this->shared_from_this()));
  }

  void OnWrite(error_code ec, std::size_t) {
    if (ec == beast::error::timeout) return Finish(RequestTimeout());
    if (ec) {
      return Finish(Status::Unavailable(
          "http: sending the request to " + endpoint_.authority + " failed",
          ec.message()));
    }
    http::async_read(
        stream_, buffer_, parser_,
        beast::bind_front_handler(&Session::OnRead, this->shared_from_this()));
  }

  void OnRead(error_code ec, std::size_t) {
    if (ec) return Finish(ReadError(ec));
    auto message = parser_.release();
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(ToString(field.name_string()),
                                    ToString(field.value()));
    }
    response.body = std::move(message.body());
    Finish(std::move(response));
    DoClose();
  }

  Status RequestTimeout() const {
    return Status::Unavailable("timeout: no complete response from " +
                               endpoint_.authority + " within " +
                               MillisText(request_timeout_));
  }

  Status ReadError(error_code ec) const {
    if (ec == beast::error::timeout) return RequestTimeout();
    if (ec == http::error::body_limit) {
      return Status::Rejected("too_large: response body from " +
                              endpoint_.authority + " exceeds " +
                              std::to_string(max_body_bytes_) + " bytes");
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      return Status::Rejected("too_large: response header from " +
                              endpoint_.authority + " exceeds " +
                              std::to_string(max_header_bytes_) + " bytes");
    }
    if (ec == http::error::end_of_stream ||
        ec == http::error::partial_message || ec == net::error::eof ||
        ec == ssl::error::stream_truncated) {
      return Status::Unavailable("http: " + endpoint_.authority +
                                 " closed the connection before a complete "
                                 "response");
    }
    if (ec.category() ==
        http::make_error_code(http::error::bad_version).category()) {
      return Status::Unavailable(
          "http: malformed response from " + endpoint_.authority, ec.message());
    }
    return Status::Unavailable(
        "http: reading the response from " + endpoint_.authority + " failed",
        ec.message());
  }

  void DoClose() {
    error_code ignored;
    if constexpr (kTls) {
      beast::get_lowest_layer(stream_).expires_after(connect_timeout_);
      stream_.async_shutdown(beast::bind_front_handler(
          &Session::OnShutdown, this->shared_from_this()));
    } else {
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.close();
    }
  }

  // A peer that closes without its own close_notify (stream truncated) or a
  // deadline here does not matter: the response was complete.
  void OnShutdown(error_code) { beast::get_lowest_layer(stream_).close(); }

  void Finish(Result<HttpResponse> result) {
    if (!done_) return;
    HttpCallback done = std::move(done_);
    done_ = nullptr;
    done(std::move(result));
  }

  std::shared_ptr<ssl::context> tls_;  // outlives stream_, which uses it
  tcp::resolver resolver_;
  net::steady_timer resolve_timer_;
  Stream stream_;
  Endpoint endpoint_;
  Request request_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
  Millis connect_timeout_;
  Millis request_timeout_;
  std::size_t max_body_bytes_ = 0;
  std::size_t max_header_bytes_ = 0;
  HttpCallback done_;
};

using PlainSession = Session<beast::tcp_stream>;
using TlsSession = Session<beast::ssl_stream<beast::tcp_stream>>;

std::shared_ptr<ssl::context> MakeTlsContext() {
  try {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    error_code ec;
    ctx->set_options(ssl::context::default_workarounds |
                         ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                     ec);
    if (!ec) ctx->set_default_verify_paths(ec);
    if (!ec) ctx->set_verify_mode(ssl::verify_peer, ec);
    if (ec) {
      log::Error("http-client")
          << "TLS set-up failed, HTTPS requests will fail: " << ec.message();
      return nullptr;
    }
    return ctx;
  } catch (const std::exception& ex) {
    log::Error("http-client")
        << "TLS set-up failed, HTTPS requests will fail: " << ex.what();
    return nullptr;
  }
}

}  // namespace

BeastHttpClient::BeastHttpClient(boost::asio::any_io_executor ex,
                                 FetchOptions opts)
    : ex_(std::move(ex)), opts_(std::move(opts)), tls_(MakeTlsContext()) {}

BeastHttpClient::~BeastHttpClient() = default;

void BeastHttpClient::Send(HttpRequest request, HttpCallback done) {
  auto fail = [this, &done](Status status) {
    net::post(ex_, [done = std::move(done), status = std::move(status)] {
      done(status);
    });
  };
  Result<Endpoint> endpoint = ParseEndpoint(request.url);
  if (!endpoint.ok()) return fail(endpoint.status());
  Result<Request> built = BuildRequest(request, *endpoint, opts_);
  if (!built.ok()) return fail(built.status());
  net::any_io_executor strand = net::make_strand(ex_);
  if (endpoint->tls) {
    if (!tls_) {
      return fail(Status::Unavailable("tls: TLS is unavailable for " +
                                      endpoint->authority));
    }
    std::make_shared<TlsSession>(strand, tls_, std::move(*endpoint),
                                 std::move(*built), opts_, std::move(done))
        ->Run();
  } else {
    std::make_shared<PlainSession>(strand, nullptr, std::move(*endpoint),
                                   std::move(*built), opts_, std::move(done))
        ->Run();
  }
}

}  // namespace vigie
