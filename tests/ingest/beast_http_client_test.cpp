#include "vigie/ingest/beast_http_client.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vigie/server/http_server.h"

namespace vigie {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
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

// Sends `request`, runs the loop until the callback and a little longer, and
// checks the callback ran exactly once.
Result<HttpResponse> Fetch(net::io_context& ioc, HttpClient& client,
                           HttpRequest request, Millis limit = 5000ms) {
  int calls = 0;
  std::optional<Result<HttpResponse>> out;
  client.Send(std::move(request), [&](Result<HttpResponse> r) {
    ++calls;
    out.emplace(std::move(r));
  });
  CHECK(calls == 0);  // never called before Send returns
  if (!RunUntil(
          ioc, [&] { return out.has_value(); }, limit)) {
    return Status::Unavailable("test: the callback never ran");
  }
  RunUntil(
      ioc, [] { return false; }, 30ms);
  CHECK(calls == 1);
  return std::move(*out);
}

HttpRequest Get(std::string url) {
  HttpRequest req;
  req.url = std::move(url);
  return req;
}

std::string Url(unsigned short port, const std::string& rest = "/") {
  return "http://127.0.0.1:" + std::to_string(port) + rest;
}

std::string Authority(unsigned short port) {
  return "127.0.0.1:" + std::to_string(port);
}

// The message must name the peer and never the secret path or query.
void CheckRedacted(const Status& s) {
  CHECK(s.message().find("secret-path") == std::string::npos);
  CHECK(s.message().find("token") == std::string::npos);
  CHECK(s.message().find("abc") == std::string::npos);
}

const char* const kSecretRest = "/secret-path?token=abc";

// A loopback peer that accepts connections and, per connection, either holds
// the socket without a word, or reads the request head, writes `reply` and
// closes.
class ScriptedPeer {
 public:
  ScriptedPeer(net::io_context& ioc, std::optional<std::string> reply)
      : acceptor_(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        reply_(std::move(reply)) {
    Accept();
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

 private:
  struct Conn {
    explicit Conn(tcp::socket s) : socket(std::move(s)) {}
    tcp::socket socket;
    std::string in;
  };

  void Accept() {
    acceptor_.async_accept([this](boost::system::error_code ec,
                                  tcp::socket socket) {
      if (ec) return;
      auto conn = std::make_shared<Conn>(std::move(socket));
      held_.push_back(conn);
      if (reply_) {
        net::async_read_until(
            conn->socket, net::dynamic_buffer(conn->in), "\r\n\r\n",
            [this, conn](boost::system::error_code read_ec, std::size_t) {
              if (read_ec) return;
              net::async_write(conn->socket, net::buffer(*reply_),
                               [conn](boost::system::error_code, std::size_t) {
                                 boost::system::error_code ignored;
                                 conn->socket.shutdown(
                                     tcp::socket::shutdown_both, ignored);
                                 conn->socket.close(ignored);
                               });
            });
      }
      Accept();
    });
  }

  tcp::acceptor acceptor_;
  std::optional<std::string> reply_;
  std::vector<std::shared_ptr<Conn>> held_;
};

// A self-signed certificate for 127.0.0.1 and localhost, valid 2020-2120.
// Trusted by nobody unless a test installs it as the CA file.
constexpr const char* kTestCert = R"(-----BEGIN CERTIFICATE-----
MIIBXTCCAQOgAwIBAgIUNGi84yVexADIha+CGFxNzr8i6AQwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKdmlnaWUgdGVzdDAgFw0yMDAxMDEwMDAwMDBaGA8yMTIwMDEw
MTAwMDAwMFowFTETMBEGA1UEAwwKdmlnaWUgdGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABOPNsypHNtkpO7gBkemvYKCQD+r4F57vDsUt9on8OTUP677KuNWj
Xyfbz9BC9CFnjq5Tt+MVJy2ahDQC9CnP4LejLzAtMBoGA1UdEQQTMBGHBH8AAAGC
CWxvY2FsaG9zdDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCICOq
CloaOFT3vRhGPOzVxUL+sanjf+Pla5e+H5UWv/sYAiEAjaT206+tpaJLl7gDFap+
Y2Kx0e2UZlJ62EuMtZHF64k=
-----END CERTIFICATE-----
)";
constexpr const char* kTestKey = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgFFXxJNYowM3usOgG
eijUDaEa7gaOCO8ps9WMQ9H+Y4GhRANCAATjzbMqRzbZKTu4AZHpr2CgkA/q+Bee
7w7FLfaJ/Dk1D+u+yrjVo18n28/QQvQhZ46uU7fjFSctmoQ0AvQpz+C3
-----END PRIVATE KEY-----
)";

// A TLS peer presenting kTestCert on `address`: after a handshake it reads
// the request head, writes `reply` and closes the TLS session.
class TlsPeer {
 public:
  TlsPeer(net::io_context& ioc, const std::string& address, std::string reply)
      : ctx_(ssl::context::tls_server),
        acceptor_(ioc, tcp::endpoint(net::ip::make_address(address), 0)),
        reply_(std::move(reply)) {
    ctx_.use_certificate_chain(net::buffer(std::string(kTestCert)));
    ctx_.use_private_key(net::buffer(std::string(kTestKey)), ssl::context::pem);
    Accept();
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  int handshakes_done = 0;
  std::string last_request;

 private:
  struct Conn {
    Conn(tcp::socket s, ssl::context& ctx) : stream(std::move(s), ctx) {}
    ssl::stream<tcp::socket> stream;
    std::string in;
  };

  void Accept() {
    acceptor_.async_accept([this](boost::system::error_code ec,
                                  tcp::socket socket) {
      if (ec) return;
      auto conn = std::make_shared<Conn>(std::move(socket), ctx_);
      conn->stream.async_handshake(
          ssl::stream_base::server, [this, conn](boost::system::error_code hs) {
            if (hs) return;
            ++handshakes_done;
            net::async_read_until(
                conn->stream, net::dynamic_buffer(conn->in), "\r\n\r\n",
                [this, conn](boost::system::error_code rd, std::size_t) {
                  if (rd) return;
                  last_request = conn->in;
                  net::async_write(
                      conn->stream, net::buffer(reply_),
                      [conn](boost::system::error_code, std::size_t) {
                        conn->stream.async_shutdown(
                            [conn](boost::system::error_code) {});
                      });
                });
          });
      Accept();
    });
  }

  ssl::context ctx_;
  tcp::acceptor acceptor_;
  std::string reply_;
};

const char* const kTlsReply =
    "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure";

// Makes kTestCert the only CA file of clients built while it lives, through
// OpenSSL's SSL_CERT_FILE; the system CA directory stays in use.
class TrustTestCert {
 public:
  TrustTestCert() {
    path_ = std::filesystem::temp_directory_path() /
            ("vigie_test_ca_" + std::to_string(::getpid()) + ".pem");
    std::ofstream(path_) << kTestCert;
    ::setenv("SSL_CERT_FILE", path_.c_str(), 1);
  }
  ~TrustTestCert() {
    ::unsetenv("SSL_CERT_FILE");
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TrustTestCert(const TrustTestCert&) = delete;
  TrustTestCert& operator=(const TrustTestCert&) = delete;

 private:
  std::filesystem::path path_;
};

// A loopback HttpServer that records every request it receives.
struct RecordingServer {
  RecordingServer(net::io_context& ioc,
                  std::function<ServerResponse(const ServerRequest&)> answer)
      : server(ioc, ServerOptions{}, [this, answer](const ServerRequest& req) {
          requests.push_back(req);
          return answer(req);
        }) {
    REQUIRE(server.Start().ok());
  }
  unsigned short port() const { return server.port(); }

  std::vector<ServerRequest> requests;
  HttpServer server;
};

FetchOptions FastOptions() {
  FetchOptions opts;
  opts.connect_timeout = 1000ms;
  opts.request_timeout = 2000ms;
  return opts;
}

}  // namespace

TEST_SUITE("BeastHttpClient") {
  TEST_CASE("GET round-trip: default headers out, status headers body back") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest&) {
      ServerResponse res;
      res.body = "pong";
      res.headers.emplace_back("ETag", "\"v1\"");
      return res;
    });
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    HttpRequest req = Get(Url(peer.port(), "/feed?page=2"));
    req.headers.emplace_back("If-None-Match", "\"v0\"");
    auto res = Fetch(ioc, client, req);
    REQUIRE_MESSAGE(res.ok(), res.status().ToString());
    CHECK(res->status == 200);
    CHECK(res->body == "pong");
    CHECK(res->header("etag") == "\"v1\"");
    CHECK(res->header("ETAG") == "\"v1\"");
    CHECK(res->header("Content-Type") == "text/plain; charset=utf-8");
    CHECK(res->header("X-Absent").empty());

    REQUIRE(peer.requests.size() == 1);
    const ServerRequest& seen = peer.requests[0];
    CHECK(seen.method == "GET");
    CHECK(seen.target == "/feed?page=2");
    CHECK(seen.header("Host") == Authority(peer.port()));
    CHECK(seen.header("User-Agent") == FetchOptions().user_agent);
    CHECK(seen.header("User-Agent").starts_with("vigie/"));
    CHECK(seen.header("Connection") == "close");
    CHECK(seen.header("If-None-Match") == "\"v0\"");
    CHECK(seen.header("Content-Length").empty());
    CHECK(seen.body.empty());
  }

  TEST_CASE("POST carries its body and caller headers replace the defaults") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest& req) {
      ServerResponse res;
      res.status = 202;
      res.body = "got " + std::to_string(req.body.size()) + " bytes";
      return res;
    });
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    HttpRequest req;
    req.method = "POST";
    req.url = Url(peer.port(), "/hook");
    req.body = R"({"text":"négatif"})";
    req.headers = {{"Content-Type", "application/json"},
                   {"user-agent", "custom-agent/2"},
                   {"X-Repeat", "a"},
                   {"X-Repeat", "b"}};
    auto res = Fetch(ioc, client, req);
    REQUIRE_MESSAGE(res.ok(), res.status().ToString());
    CHECK(res->status == 202);
    CHECK(res->body == "got " + std::to_string(req.body.size()) + " bytes");

    REQUIRE(peer.requests.size() == 1);
    const ServerRequest& seen = peer.requests[0];
    CHECK(seen.method == "POST");
    CHECK(seen.body == req.body);
    CHECK(seen.header("Content-Type") == "application/json");
    CHECK(seen.header("Content-Length") == std::to_string(req.body.size()));
    int agents = 0;
    int repeats = 0;
    for (const auto& [name, value] : seen.headers) {
      if (name == "user-agent" || name == "User-Agent") ++agents;
      if (name == "X-Repeat") ++repeats;
    }
    CHECK(agents == 1);
    CHECK(seen.header("User-Agent") == "custom-agent/2");
    CHECK(repeats == 2);

    HttpRequest custom;
    custom.method = "PURGE";
    custom.url = Url(peer.port(), "/cache");
    auto purged = Fetch(ioc, client, custom);
    REQUIRE(purged.ok());
    REQUIRE(peer.requests.size() == 2);
    CHECK(peer.requests[1].method == "PURGE");

    // HEAD: the announced length has no body behind it.
    HttpRequest head;
    head.method = "HEAD";
    head.url = Url(peer.port(), "/hook");
    auto headed = Fetch(ioc, client, head);
    REQUIRE_MESSAGE(headed.ok(), headed.status().ToString());
    CHECK(headed->status == 202);
    CHECK(headed->header("Content-Length") == "11");
    CHECK(headed->body.empty());
  }

  TEST_CASE("404 and 500 are responses, not errors") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest& req) {
      ServerResponse res;
      res.status = req.target == "/missing" ? 404 : 500;
      res.body = "nope";
      return res;
    });
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto missing = Fetch(ioc, client, Get(Url(peer.port(), "/missing")));
    REQUIRE(missing.ok());
    CHECK(missing->status == 404);
    CHECK(missing->body == "nope");
    auto broken = Fetch(ioc, client, Get(Url(peer.port(), "/broken")));
    REQUIRE(broken.ok());
    CHECK(broken->status == 500);
  }

  TEST_CASE("a server that never answers gives a timeout error") {
    net::io_context ioc;
    ScriptedPeer silent(ioc, std::nullopt);
    FetchOptions opts = FastOptions();
    opts.request_timeout = 300ms;
    BeastHttpClient client(ioc.get_executor(), opts);
    auto start = std::chrono::steady_clock::now();
    auto res = Fetch(ioc, client, Get(Url(silent.port(), kSecretRest)));
    auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsUnavailable());
    CHECK(res.status().message().rfind("timeout: ", 0) == 0);
    CHECK(res.status().message().find(Authority(silent.port())) !=
          std::string::npos);
    CheckRedacted(res.status());
    CHECK(elapsed >= 250ms);
    CHECK(elapsed < 2000ms);
  }

  TEST_CASE("a refused connection gives a connect error without the path") {
    net::io_context ioc;
    unsigned short port = 0;
    {
      tcp::acceptor probe(ioc,
                          tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
      port = probe.local_endpoint().port();
    }
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto res = Fetch(ioc, client, Get(Url(port, kSecretRest)));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsUnavailable());
    CHECK(res.status().message().rfind(
              "connect: cannot connect to " + Authority(port), 0) == 0);
    CheckRedacted(res.status());
  }

  TEST_CASE("a body over max_body_bytes is too_large") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest&) {
      ServerResponse res;
      res.body = std::string(2000, 'x');
      return res;
    });
    FetchOptions opts = FastOptions();
    opts.max_body_bytes = 1000;
    BeastHttpClient client(ioc.get_executor(), opts);
    auto res = Fetch(ioc, client, Get(Url(peer.port(), kSecretRest)));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsRejected());
    CHECK(res.status().message().rfind("too_large: ", 0) == 0);
    CheckRedacted(res.status());

    // Chunked bodies have no length up front; the limit still holds.
    ScriptedPeer chunked(ioc, std::string("HTTP/1.1 200 OK\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\n"
                                          "400\r\n") +
                                  std::string(0x400, 'y') + "\r\n0\r\n\r\n");
    auto big = Fetch(ioc, client, Get(Url(chunked.port())));
    REQUIRE_FALSE(big.ok());
    CHECK(big.status().message().rfind("too_large: ", 0) == 0);

    opts.max_body_bytes = 2000;
    BeastHttpClient exact(ioc.get_executor(), opts);
    auto fits = Fetch(ioc, exact, Get(Url(peer.port())));
    REQUIRE(fits.ok());
    CHECK(fits->body.size() == 2000);
  }

  TEST_CASE("a header section over max_header_bytes is too_large") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest&) {
      ServerResponse res;
      res.headers.emplace_back("X-Padding", std::string(4000, 'p'));
      return res;
    });
    FetchOptions opts = FastOptions();
    opts.max_header_bytes = 1024;
    BeastHttpClient client(ioc.get_executor(), opts);
    auto res = Fetch(ioc, client, Get(Url(peer.port())));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsRejected());
    CHECK(res.status().message().rfind("too_large: response header", 0) == 0);
  }

  TEST_CASE("a body delimited by the end of the connection is read whole") {
    net::io_context ioc;
    ScriptedPeer peer(ioc, std::string("HTTP/1.1 200 OK\r\nX-Kind: eof\r\n\r\n"
                                       "until the end"));
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto res = Fetch(ioc, client, Get(Url(peer.port())));
    REQUIRE_MESSAGE(res.ok(), res.status().ToString());
    CHECK(res->status == 200);
    CHECK(res->header("x-kind") == "eof");
    CHECK(res->body == "until the end");
  }

  TEST_CASE("malformed replies and early closes are http errors") {
    net::io_context ioc;
    BeastHttpClient client(ioc.get_executor(), FastOptions());

    ScriptedPeer garbage(ioc, std::string("SMTP ready\r\n\r\n"));
    auto bad = Fetch(ioc, client, Get(Url(garbage.port(), kSecretRest)));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().IsUnavailable());
    CHECK(bad.status().message().rfind(
              "http: malformed response from " + Authority(garbage.port()),
              0) == 0);
    CheckRedacted(bad.status());

    ScriptedPeer mute(ioc, std::string());
    auto cut = Fetch(ioc, client, Get(Url(mute.port(), kSecretRest)));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.status().IsUnavailable());
    CHECK(cut.status().message().rfind("http: ", 0) == 0);
    CHECK(cut.status().message().find("closed the connection") !=
          std::string::npos);

    ScriptedPeer short_body(
        ioc, std::string("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf"));
    auto partial = Fetch(ioc, client, Get(Url(short_body.port())));
    REQUIRE_FALSE(partial.ok());
    CHECK(partial.status().message().rfind("http: ", 0) == 0);
  }

  TEST_CASE("malformed or unsupported URLs are rejected asynchronously") {
    net::io_context ioc;
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    for (std::string url :
         {"", "not a url", "/relative/secret-path",
          "ftp://example.com/secret-path", "http:///secret-path",
          "http://example.com:99999/secret-path", "http://example.com:0/",
          "http://user:secret-path@example.com/", "http://exa%00mple.com/",
          "http://bücher.example/"}) {
      CAPTURE(url);
      auto res = Fetch(ioc, client, Get(url));
      REQUIRE_FALSE(res.ok());
      CAPTURE(res.status().ToString());
      CHECK(res.status().IsRejected());
      CHECK(res.status().message().rfind("url: ", 0) == 0);
      CHECK(res.status().message().find("secret-path") == std::string::npos);
    }
  }

  TEST_CASE("an invalid method or header value is rejected, not sent") {
    net::io_context ioc;
    RecordingServer peer(ioc,
                         [](const ServerRequest&) { return ServerResponse{}; });
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    HttpRequest bad_method = Get(Url(peer.port()));
    bad_method.method = "GE T";
    auto m = Fetch(ioc, client, bad_method);
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().IsRejected());
    CHECK(m.status().message().rfind("request: ", 0) == 0);

    HttpRequest injected = Get(Url(peer.port()));
    injected.headers.emplace_back("Authorization",
                                  "Bearer secret-token\r\nX-Evil: 1");
    auto h = Fetch(ioc, client, injected);
    REQUIRE_FALSE(h.ok());
    CHECK(h.status().message().rfind("request: ", 0) == 0);
    CHECK(h.status().message().find("secret-token") == std::string::npos);

    HttpRequest bad_name = Get(Url(peer.port()));
    bad_name.headers.emplace_back("Bad Name", "v");
    CHECK_FALSE(Fetch(ioc, client, bad_name).ok());
    CHECK(peer.requests.empty());
  }

  TEST_CASE("an unresolvable host gives a dns error") {
    net::io_context ioc;
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto res = Fetch(
        ioc, client,
        Get("http://no-such-host.invalid:8080/secret-path?token=abc"), 10000ms);
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsUnavailable());
    CHECK(res.status().message().rfind(
              "dns: cannot resolve no-such-host.invalid:8080", 0) == 0);
    CheckRedacted(res.status());
  }

  TEST_CASE("name resolution has the connect deadline") {
    net::io_context ioc;
    FetchOptions opts = FastOptions();
    // Expires before any resolver can answer, even from /etc/hosts.
    opts.connect_timeout = 0ms;
    BeastHttpClient client(ioc.get_executor(), opts);
    int calls = 0;
    Result<HttpResponse> res = Status::IOError("no answer");
    client.Send(Get("http://localhost:9/secret-path?token=abc"),
                [&](Result<HttpResponse> r) {
                  ++calls;
                  res = std::move(r);
                });
    ioc.run_for(3000ms);
    CHECK(calls == 1);
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().message().rfind(
              "timeout: resolving localhost:9 took longer than 0 ms", 0) == 0);
    CheckRedacted(res.status());
  }

  TEST_CASE("https refuses a certificate nobody vouches for") {
    net::io_context ioc;
    TlsPeer peer(ioc, "127.0.0.1", kTlsReply);
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto res = Fetch(
        ioc, client,
        Get("https://127.0.0.1:" + std::to_string(peer.port()) + kSecretRest));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().IsUnavailable());
    CHECK(res.status().message().rfind(
              "tls: handshake with " + Authority(peer.port()) + " failed", 0) ==
          0);
    CHECK(res.status().message().find("certificate verify failed") !=
          std::string::npos);
    CheckRedacted(res.status());
    CHECK(peer.handshakes_done == 0);
  }

  TEST_CASE("https succeeds with a trusted certificate, by name and by IP") {
    net::io_context ioc;
    TlsPeer peer(ioc, "127.0.0.1", kTlsReply);
    std::optional<BeastHttpClient> client;
    {
      TrustTestCert trust;
      client.emplace(ioc.get_executor(), FastOptions());
    }
    const std::string port = std::to_string(peer.port());
    auto by_name = Fetch(ioc, *client, Get("https://localhost:" + port + "/a"));
    REQUIRE_MESSAGE(by_name.ok(), by_name.status().ToString());
    CHECK(by_name->status == 200);
    CHECK(by_name->body == "secure");
    CHECK(peer.last_request.rfind("GET /a HTTP/1.1\r\n", 0) == 0);
    CHECK(peer.last_request.find("Host: localhost:" + port + "\r\n") !=
          std::string::npos);

    auto by_ip = Fetch(ioc, *client, Get("https://127.0.0.1:" + port + "/b"));
    REQUIRE_MESSAGE(by_ip.ok(), by_ip.status().ToString());
    CHECK(by_ip->body == "secure");
    CHECK(peer.handshakes_done == 2);
  }

  TEST_CASE("https checks that the certificate names the host") {
    net::io_context ioc;
    // Linux routes all of 127.0.0.0/8 to loopback; the certificate names
    // only 127.0.0.1 and localhost.
    TlsPeer peer(ioc, "127.0.0.2", kTlsReply);
    std::optional<BeastHttpClient> client;
    {
      TrustTestCert trust;
      client.emplace(ioc.get_executor(), FastOptions());
    }
    auto res =
        Fetch(ioc, *client,
              Get("https://127.0.0.2:" + std::to_string(peer.port()) + "/"));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().message().rfind("tls: handshake with 127.0.0.2:", 0) ==
          0);
    CHECK(res.status().message().find("certificate verify failed") !=
          std::string::npos);
    CHECK(peer.handshakes_done == 0);
  }

  TEST_CASE("https to a plain HTTP server is a tls error") {
    net::io_context ioc;
    RecordingServer peer(ioc,
                         [](const ServerRequest&) { return ServerResponse{}; });
    BeastHttpClient client(ioc.get_executor(), FastOptions());
    auto res =
        Fetch(ioc, client,
              Get("https://localhost:" + std::to_string(peer.port()) + "/"));
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().message().rfind(
              "tls: handshake with localhost:" + std::to_string(peer.port()),
              0) == 0);
    CHECK(peer.requests.empty());
  }

  TEST_CASE("a request in flight completes after the client is destroyed") {
    net::io_context ioc;
    RecordingServer peer(ioc, [](const ServerRequest&) {
      ServerResponse res;
      res.body = "still here";
      return res;
    });
    auto client =
        std::make_unique<BeastHttpClient>(ioc.get_executor(), FastOptions());
    std::optional<Result<HttpResponse>> out;
    client->Send(Get(Url(peer.port())),
                 [&out](Result<HttpResponse> r) { out.emplace(std::move(r)); });
    client.reset();
    REQUIRE(RunUntil(ioc, [&] { return out.has_value(); }));
    REQUIRE(out->ok());
    CHECK((*out)->body == "still here");
  }
}

}  // namespace vigie
