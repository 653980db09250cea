#include "vigie/server/http_server.h"

#include <doctest/doctest.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace vigie {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

// Runs `ioc` in this thread until `done()` holds or `limit` passes.
bool RunUntil(net::io_context& ioc, const std::function<bool()>& done,
              Millis limit = 5000ms) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    if (ioc.stopped()) ioc.restart();
    ioc.run_for(10ms);
  }
  return done();
}

// A raw TCP peer: connects, writes `bytes`, then reads until the server
// closes, keeping everything received.
class RawClient : public std::enable_shared_from_this<RawClient> {
 public:
  RawClient(net::io_context& ioc, unsigned short port, std::string bytes)
      : socket_(ioc), port_(port), out_(std::move(bytes)) {}

  static std::shared_ptr<RawClient> Start(net::io_context& ioc,
                                          unsigned short port,
                                          std::string bytes) {
    auto client = std::make_shared<RawClient>(ioc, port, std::move(bytes));
    client->Connect();
    return client;
  }

  std::string received;
  bool closed = false;

 private:
  void Connect() {
    socket_.async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), port_),
        [self = shared_from_this()](boost::system::error_code ec) {
          if (ec) {
            self->closed = true;
            return;
          }
          net::async_write(
              self->socket_, net::buffer(self->out_),
              [self](boost::system::error_code, std::size_t) { self->Read(); });
        });
  }

  void Read() {
    socket_.async_read_some(net::buffer(buffer_),
                            [self = shared_from_this()](
                                boost::system::error_code ec, std::size_t n) {
                              self->received.append(self->buffer_.data(), n);
                              if (ec) {
                                self->closed = true;
                                return;
                              }
                              self->Read();
                            });
  }

  tcp::socket socket_;
  unsigned short port_;
  std::string out_;
  std::array<char, 4096> buffer_{};
};

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

ServerResponse Hello(const ServerRequest&) {
  ServerResponse res;
  res.body = "hello";
  return res;
}

}  // namespace

TEST_SUITE("HttpServer") {
  TEST_CASE("serves a request and hands method, target, headers and body") {
    net::io_context ioc;
    ServerRequest seen;
    HttpServer server(ioc, ServerOptions{}, [&seen](const ServerRequest& req) {
      seen = req;
      ServerResponse res;
      res.status = 201;
      res.content_type = "application/json";
      res.body = R"({"ok":true})";
      res.headers.emplace_back("X-Reply", "yes");
      return res;
    });
    REQUIRE(server.Start().ok());
    CHECK(server.port() != 0);
    auto client = RawClient::Start(
        ioc, server.port(),
        "POST /api/v1?x=1 HTTP/1.1\r\nHost: test\r\nX-Custom: Value\r\n"
        "Content-Length: 5\r\nConnection: close\r\n\r\nabcde");
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(seen.method == "POST");
    CHECK(seen.target == "/api/v1?x=1");
    CHECK(seen.header("x-custom") == "Value");
    CHECK(seen.header("X-CUSTOM") == "Value");
    CHECK(seen.header("absent").empty());
    CHECK(seen.body == "abcde");
    CHECK(client->received.rfind("HTTP/1.1 201 Created\r\n", 0) == 0);
    CHECK(client->received.find("Content-Type: application/json\r\n") !=
          std::string::npos);
    CHECK(client->received.find("X-Reply: yes\r\n") != std::string::npos);
    CHECK(client->received.find("Content-Length: 11\r\n") != std::string::npos);
    CHECK(client->received.ends_with("\r\n\r\n{\"ok\":true}"));
  }

  TEST_CASE("keep-alive serves pipelined requests in order on one connection") {
    net::io_context ioc;
    int calls = 0;
    HttpServer server(ioc, ServerOptions{}, [&calls](const ServerRequest& req) {
      ++calls;
      ServerResponse res;
      res.body = "reply to " + req.target;
      return res;
    });
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(
        ioc, server.port(),
        "GET /one HTTP/1.1\r\nHost: t\r\n\r\n"
        "GET /two HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(calls == 2);
    CHECK(Count(client->received, "HTTP/1.1 200 OK") == 2);
    auto one = client->received.find("reply to /one");
    auto two = client->received.find("reply to /two");
    REQUIRE(one != std::string::npos);
    REQUIRE(two != std::string::npos);
    CHECK(one < two);
  }

  TEST_CASE("a body over body_limit gets 413 without calling the handler") {
    net::io_context ioc;
    ServerOptions opts;
    opts.body_limit = 16;
    int calls = 0;
    HttpServer server(ioc, opts, [&calls](const ServerRequest& req) {
      ++calls;
      return Hello(req);
    });
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(
        ioc, server.port(),
        "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n" +
            std::string(100, 'x'));
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(client->received.rfind("HTTP/1.1 413 ", 0) == 0);
    CHECK(calls == 0);

    // A body exactly at the limit is accepted.
    auto fits =
        RawClient::Start(ioc, server.port(),
                         "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 16\r\n"
                         "Connection: close\r\n\r\n" +
                             std::string(16, 'x'));
    REQUIRE(RunUntil(ioc, [&] { return fits->closed; }));
    CHECK(fits->received.rfind("HTTP/1.1 200 OK", 0) == 0);
    CHECK(calls == 1);
  }

  TEST_CASE("garbage bytes get 400 and the connection closes") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, Hello);
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(ioc, server.port(),
                                   std::string("\x01\x02\xff garbage\r\n\r\n"));
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(client->received.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0);
    CHECK(client->received.find("Connection: close") != std::string::npos);

    auto bad_version = RawClient::Start(ioc, server.port(),
                                        "GET / HTTP/9.Z\r\nHost: t\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return bad_version->closed; }));
    CHECK(bad_version->received.rfind("HTTP/1.1 400 ", 0) == 0);
  }

  TEST_CASE("a header section over header_limit gets 431") {
    net::io_context ioc;
    ServerOptions opts;
    opts.header_limit = 256;
    HttpServer server(ioc, opts, Hello);
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(ioc, server.port(),
                                   "GET / HTTP/1.1\r\nHost: t\r\nX-Big: " +
                                       std::string(1000, 'a') + "\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(client->received.rfind("HTTP/1.1 431 ", 0) == 0);
  }

  TEST_CASE("a throwing handler gives 500 and the server keeps serving") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, [](const ServerRequest& req) {
      if (req.target == "/boom") throw std::runtime_error("kaboom");
      if (req.target == "/int") throw 42;
      return Hello(req);
    });
    REQUIRE(server.Start().ok());
    auto boom = RawClient::Start(
        ioc, server.port(),
        "GET /boom HTTP/1.1\r\nHost: t\r\n\r\n"
        "GET /int HTTP/1.1\r\nHost: t\r\n\r\n"
        "GET /fine HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return boom->closed; }));
    CHECK(Count(boom->received, "HTTP/1.1 500 Internal Server Error") == 2);
    CHECK(boom->received.find("kaboom") == std::string::npos);
    CHECK(boom->received.ends_with("\r\n\r\nhello"));
  }

  TEST_CASE("a response the handler got wrong becomes 500") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, [](const ServerRequest& req) {
      ServerResponse res;
      if (req.target == "/status") res.status = 42;
      if (req.target == "/inject") {
        res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stolen=1");
      }
      if (req.target == "/framing") {
        res.headers.emplace_back("Content-Length", "3");
      }
      return res;
    });
    REQUIRE(server.Start().ok());
    for (const char* target : {"/status", "/inject", "/framing"}) {
      CAPTURE(target);
      auto client = RawClient::Start(ioc, server.port(),
                                     std::string("GET ") + target +
                                         " HTTP/1.1\r\nHost: t\r\n"
                                         "Connection: close\r\n\r\n");
      REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
      CHECK(client->received.rfind("HTTP/1.1 500 ", 0) == 0);
      CHECK(client->received.find("stolen") == std::string::npos);
    }
  }

  TEST_CASE("HEAD gets the length of the body but not the body") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, Hello);
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(
        ioc, server.port(),
        "HEAD / HTTP/1.1\r\nHost: t\r\n\r\n"
        "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return client->closed; }));
    CHECK(Count(client->received, "Content-Length: 5\r\n") == 2);
    CHECK(Count(client->received, "hello") == 1);
    CHECK(client->received.ends_with("\r\n\r\nhello"));
  }

  TEST_CASE("an idle connection is closed after read_timeout") {
    net::io_context ioc;
    ServerOptions opts;
    opts.read_timeout = 200ms;
    HttpServer server(ioc, opts, Hello);
    REQUIRE(server.Start().ok());
    auto start = std::chrono::steady_clock::now();
    auto client = RawClient::Start(ioc, server.port(),
                                   "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(RunUntil(
        ioc, [&] { return client->closed; }, 3000ms));
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(client->received.ends_with("\r\n\r\nhello"));
    CHECK(elapsed >= 150ms);
    CHECK(elapsed < 2000ms);
  }

  TEST_CASE("Start reports an address in use and an invalid address") {
    net::io_context ioc;
    HttpServer first(ioc, ServerOptions{}, Hello);
    REQUIRE(first.Start().ok());

    ServerOptions same;
    same.port = first.port();
    HttpServer second(ioc, same, Hello);
    Status in_use = second.Start();
    CHECK(in_use.kind() == Status::Kind::kIOError);
    CHECK(in_use.message().find("cannot bind 127.0.0.1:" +
                                std::to_string(first.port())) !=
          std::string::npos);
    CHECK(second.port() == 0);

    ServerOptions bad;
    bad.address = "not-an-address";
    HttpServer third(ioc, bad, Hello);
    Status invalid = third.Start();
    CHECK(invalid.IsInvalidArgument());
    CHECK(invalid.message().find("not-an-address") != std::string::npos);

    CHECK(first.Start().IsInvalidArgument());
  }

  TEST_CASE("Stop with no connection lets run() return") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, Hello);
    REQUIRE(server.Start().ok());
    ioc.run_for(50ms);
    CHECK_FALSE(ioc.stopped());
    server.Stop();
    auto start = std::chrono::steady_clock::now();
    ioc.run_for(3000ms);
    CHECK(ioc.stopped());
    CHECK(std::chrono::steady_clock::now() - start < 1000ms);
  }

  TEST_CASE("Stop closes idle keep-alive connections and run() returns") {
    net::io_context ioc;
    HttpServer server(ioc, ServerOptions{}, Hello);
    REQUIRE(server.Start().ok());
    const unsigned short port = server.port();
    auto client =
        RawClient::Start(ioc, port, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return client->received.ends_with("hello"); }));
    CHECK_FALSE(client->closed);  // keep-alive: the server waits for more

    server.Stop();
    auto start = std::chrono::steady_clock::now();
    ioc.run_for(3000ms);
    CHECK(ioc.stopped());
    CHECK(std::chrono::steady_clock::now() - start < 1000ms);
    CHECK(client->closed);

    // The listener is gone too.
    ioc.restart();
    auto late = RawClient::Start(ioc, port, "GET / HTTP/1.1\r\n\r\n");
    REQUIRE(RunUntil(ioc, [&] { return late->closed; }));
    CHECK(late->received.empty());
  }

  TEST_CASE("Stop from inside a handler lets that response finish") {
    net::io_context ioc;
    HttpServer* self = nullptr;
    HttpServer server(ioc, ServerOptions{}, [&self](const ServerRequest&) {
      self->Stop();
      ServerResponse res;
      res.body = "bye";
      return res;
    });
    self = &server;
    REQUIRE(server.Start().ok());
    auto client = RawClient::Start(ioc, server.port(),
                                   "GET / HTTP/1.1\r\nHost: t\r\n\r\n");
    ioc.run_for(3000ms);
    CHECK(ioc.stopped());
    CHECK(client->closed);
    CHECK(client->received.rfind("HTTP/1.1 200 OK", 0) == 0);
    CHECK(client->received.ends_with("\r\n\r\nbye"));
  }

  TEST_CASE("destroying the server stops it") {
    net::io_context ioc;
    {
      HttpServer server(ioc, ServerOptions{}, Hello);
      REQUIRE(server.Start().ok());
      ioc.run_for(20ms);
    }
    auto start = std::chrono::steady_clock::now();
    ioc.run_for(3000ms);
    CHECK(ioc.stopped());
    CHECK(std::chrono::steady_clock::now() - start < 1000ms);
  }
}

}  // namespace vigie
