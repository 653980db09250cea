#include "vigie/server/http_server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>

#include "vigie/core/log.h"

namespace vigie {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;

using Response = http::response<http::string_body>;

// What every session of one server shares; immutable.
struct Config {
  ServerOptions options;
  RequestHandler handler;
};

std::string ToString(beast::string_view s) {
  return std::string(s.data(), s.size());
}

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

bool IsHttpParseError(error_code ec) {
  return ec.category() ==
         http::make_error_code(http::error::bad_version).category();
}

// A plain-text response the server writes on its own (errors).
Response TextResponse(unsigned status, unsigned version, std::string text) {
  Response res;
  res.result(status);
  res.version(version);
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.body() = std::move(text);
  res.body() += "\n";
  res.prepare_payload();
  return res;
}

// Turns the handler's answer into a wire response; nullopt, with the reason
// in `problem`, when the handler produced something that cannot be sent.
std::optional<Response> ToWire(const ServerResponse& in, unsigned version,
                               bool head, std::string* problem) {
  if (in.status < 200 || in.status > 599) {
    *problem = "status " + std::to_string(in.status) + " out of range";
    return std::nullopt;
  }
  if (!IsFieldValue(in.content_type)) {
    *problem = "invalid Content-Type value";
    return std::nullopt;
  }
  for (const auto& [name, value] : in.headers) {
    if (!IsToken(name)) {
      *problem = "invalid header name";
      return std::nullopt;
    }
    if (!IsFieldValue(value)) {
      *problem = "invalid value for header '" + name + "'";
      return std::nullopt;
    }
    for (std::string_view framing :
         {"Content-Length", "Transfer-Encoding", "Connection"}) {
      if (beast::iequals(name, framing)) {
        *problem = "header '" + name + "' is set by the server";
        return std::nullopt;
      }
    }
  }
  Response res;
  res.result(static_cast<unsigned>(in.status));
  res.version(version);
  if (!in.content_type.empty()) {
    res.set(http::field::content_type, in.content_type);
  }
  for (const auto& [name, value] : in.headers) res.insert(name, value);
  if (in.status == 204 || in.status == 304) return res;
  res.body() = in.body;
  res.prepare_payload();
  if (head) res.body().clear();
  return res;
}

// One connection: read a request, run the handler, write the response, and
// again while keep-alive holds. Every member is used on the strand only.
class ServerSession : public std::enable_shared_from_this<ServerSession> {
 public:
  ServerSession(tcp::socket socket, std::shared_ptr<const Config> config)
      : stream_(std::move(socket)), config_(std::move(config)) {}

  void Run() {
    net::dispatch(
        stream_.get_executor(),
        beast::bind_front_handler(&ServerSession::DoRead, shared_from_this()));
  }

  // Asks the session to finish: an idle connection closes now, a response
  // being produced or written completes first.
  void Shutdown() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&ServerSession::OnShutdown,
                                            shared_from_this()));
  }

 private:
  void OnShutdown() {
    stopping_ = true;
    if (reading_) stream_.close();
  }

  void DoRead() {
    if (stopping_) return DoClose();
    parser_.emplace();
    parser_->body_limit(
        static_cast<std::uint64_t>(config_->options.body_limit));
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(config_->options.header_limit,
                              std::numeric_limits<std::uint32_t>::max())));
    stream_.expires_after(config_->options.read_timeout);
    reading_ = true;
    http::async_read(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&ServerSession::OnRead, shared_from_this()));
  }

  void OnRead(error_code ec, std::size_t) {
    reading_ = false;
    if (stopping_) return DoClose();
    if (ec == http::error::body_limit) {
      return SendError(413, "request body too large");
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      return SendError(431, "request header too large");
    }
    if (ec == http::error::end_of_stream ||
        ec == http::error::partial_message) {
      return DoClose();
    }
    if (ec && IsHttpParseError(ec)) return SendError(400, "bad request");
    if (ec) return;  // timeout, reset, cancelled: the socket closes with us
    Handle(parser_->release());
  }

  void Handle(http::request<http::string_body> req) {
    ServerRequest request;
    request.method = ToString(req.method_string());
    request.target = ToString(req.target());
    for (const auto& field : req) {
      request.headers.emplace_back(ToString(field.name_string()),
                                   ToString(field.value()));
    }
    request.body = std::move(req.body());

    std::optional<Response> res;
    try {
      std::string problem;
      res = ToWire(config_->handler(request), req.version(),
                   req.method() == http::verb::head, &problem);
      if (!res) {
        log::Error("http-server")
            << request.method
            << " handler returned an invalid response: " << problem;
      }
    } catch (const std::exception& ex) {
      log::Error("http-server")
          << request.method << " handler failed: " << ex.what();
    } catch (...) {
      log::Error("http-server")
          << request.method << " handler failed with a non-standard exception";
    }
    if (!res) {
      res = TextResponse(500, req.version(), "internal server error");
    }
    res->keep_alive(req.keep_alive() && !stopping_);
    response_ = std::move(*res);
    DoWrite();
  }

  // Answers a request that could not be read; the connection then closes,
  // since the rest of the stream cannot be trusted.
  void SendError(unsigned status, std::string text) {
    response_ = TextResponse(status, 11, std::move(text));
    response_.keep_alive(false);
    DoWrite();
  }

  void DoWrite() {
    stream_.expires_after(config_->options.write_timeout);
    http::async_write(
        stream_, response_,
        beast::bind_front_handler(&ServerSession::OnWrite, shared_from_this()));
  }

  void OnWrite(error_code ec, std::size_t) {
    if (ec) return;
    if (response_.need_eof() || stopping_) return DoClose();
    DoRead();
  }

  void DoClose() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  std::shared_ptr<const Config> config_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Response response_;
  bool reading_ = false;
  bool stopping_ = false;
};

}  // namespace

// Owns the acceptor and the registry of live sessions; both are used on
// `strand_` only, except during Start() before accepting begins.
class HttpServer::Impl : public std::enable_shared_from_this<HttpServer::Impl> {
 public:
  Impl(net::io_context& ioc, ServerOptions opts, RequestHandler handler)
      : ioc_(ioc),
        config_(std::make_shared<const Config>(
            Config{std::move(opts), std::move(handler)})),
        strand_(net::make_strand(ioc)),
        acceptor_(strand_),
        retry_timer_(strand_) {}

  Status Start() {
    if (started_)
      return Status::InvalidArgument("http server: already started");
    started_ = true;
    const ServerOptions& opts = config_->options;
    error_code ec;
    net::ip::address address = net::ip::make_address(opts.address, ec);
    if (ec) {
      return Status::InvalidArgument(
          "http server: invalid listen address '" + opts.address + "'",
          ec.message());
    }
    tcp::endpoint endpoint(address, opts.port);
    std::string where =
        (address.is_v6() ? "[" + opts.address + "]" : opts.address) + ":" +
        std::to_string(opts.port);
    auto fail = [this, &where](std::string_view what, error_code error) {
      error_code ignored;
      acceptor_.close(ignored);
      return Status::IOError(
          "http server: cannot " + std::string(what) + " " + where,
          error.message());
    };
    if (acceptor_.open(endpoint.protocol(), ec); ec) return fail("open", ec);
    if (acceptor_.set_option(net::socket_base::reuse_address(true), ec); ec) {
      return fail("configure", ec);
    }
    if (acceptor_.bind(endpoint, ec); ec) return fail("bind", ec);
    if (acceptor_.listen(net::socket_base::max_listen_connections, ec); ec) {
      return fail("listen on", ec);
    }
    tcp::endpoint local = acceptor_.local_endpoint(ec);
    if (ec) return fail("read the port of", ec);
    port_ = local.port();
    net::post(strand_,
              beast::bind_front_handler(&Impl::DoAccept, shared_from_this()));
    return Status::Ok();
  }

  unsigned short port() const { return port_; }

  void Stop() {
    net::dispatch(strand_,
                  beast::bind_front_handler(&Impl::OnStop, shared_from_this()));
  }

 private:
  void DoAccept() {
    if (stopped_) return;
    acceptor_.async_accept(
        net::make_strand(ioc_),
        beast::bind_front_handler(&Impl::OnAccept, shared_from_this()));
  }

  void OnAccept(error_code ec, tcp::socket socket) {
    if (stopped_ || !acceptor_.is_open()) return;
    if (ec) {
      // Out of descriptors, typically: pause rather than spin and flood the
      // log.
      log::Warn("http-server") << "accept failed: " << ec.message();
      retry_timer_.expires_after(std::chrono::milliseconds(100));
      retry_timer_.async_wait(
          beast::bind_front_handler(&Impl::OnRetryTimer, shared_from_this()));
      return;
    }
    auto session = std::make_shared<ServerSession>(std::move(socket), config_);
    std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
    sessions_.push_back(session);
    session->Run();
    DoAccept();
  }

  void OnRetryTimer(error_code) { DoAccept(); }

  void OnStop() {
    if (stopped_) return;
    stopped_ = true;
    error_code ignored;
    acceptor_.close(ignored);
    retry_timer_.cancel();
    for (const auto& weak : sessions_) {
      if (auto session = weak.lock()) session->Shutdown();
    }
    sessions_.clear();
  }

  net::io_context& ioc_;
  std::shared_ptr<const Config> config_;
  net::strand<net::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_timer_;
  std::vector<std::weak_ptr<ServerSession>> sessions_;
  bool started_ = false;
  bool stopped_ = false;
  std::atomic<unsigned short> port_{0};
};

std::string_view ServerRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(beast::string_view(key.data(), key.size()),
                       beast::string_view(name.data(), name.size()))) {
      return value;
    }
  }
  return {};
}

HttpServer::HttpServer(boost::asio::io_context& ioc, ServerOptions opts,
                       RequestHandler handler)
    : impl_(std::make_shared<Impl>(ioc, std::move(opts), std::move(handler))) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() { return impl_->Start(); }

unsigned short HttpServer::port() const { return impl_->port(); }

void HttpServer::Stop() { impl_->Stop(); }

}  // namespace vigie
