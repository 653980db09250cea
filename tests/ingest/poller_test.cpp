#include "vigie/ingest/poller.h"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <mutex>

#include "vigie/ingest/beast_http_client.h"
#include "vigie/server/http_server.h"

namespace vigie {

namespace {

std::string Rss(int first, int last) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>";
  for (int i = first; i <= last; ++i) {
    xml += "<item><guid>id-" + std::to_string(i) + "</guid><title>t" +
           std::to_string(i) + "</title><description>text &amp; more" +
           "</description></item>";
  }
  return xml + "</channel></rss>";
}

}  // namespace

TEST_CASE("Poller: a malformed page is an error that loses nothing, and the "
          "next good page is taken; the second poll is conditional") {
  boost::asio::io_context ioc;
  std::mutex mu;
  std::vector<std::string> pages = {Rss(1, 2), "<rss><channel><item>broken",
                                    Rss(1, 3)};
  std::vector<std::string> if_none_match;
  int served = 0;
  HttpServer server(ioc, ServerOptions{}, [&](const ServerRequest& req) {
    std::lock_guard<std::mutex> lock(mu);
    if_none_match.emplace_back(req.header("If-None-Match"));
    ServerResponse res;
    res.content_type = "application/rss+xml";
    res.body = pages[static_cast<std::size_t>(std::min(served, 2))];
    res.headers.push_back({"ETag", "\"v" + std::to_string(served) + "\""});
    ++served;
    return res;
  });
  REQUIRE(server.Start().ok());
  BeastHttpClient client(ioc.get_executor(), FetchOptions{});
  SimulatedClock clock(FromUnixMillis(1793602800000));
  std::vector<std::vector<Mention>> batches;
  SourceConfig source{"test-feed",
                      "http://127.0.0.1:" + std::to_string(server.port()) +
                          "/feed.xml",
                      Millis(30)};
  Poller poller(ioc.get_executor(), client, clock, {source},
                [&](std::vector<Mention> batch) {
                  std::lock_guard<std::mutex> lock(mu);
                  batches.push_back(std::move(batch));
                  return true;
                });
  poller.Start();
  for (int i = 0; i < 300 && poller.polls_ok() < 2; ++i) {
    ioc.run_for(std::chrono::milliseconds(10));
  }
  poller.Stop();
  server.Stop();
  ioc.run_for(std::chrono::milliseconds(100));

  std::lock_guard<std::mutex> lock(mu);
  CHECK(poller.polls_failed() == 1);
  REQUIRE(batches.size() == 2);
  CHECK(batches[0].size() == 2);
  CHECK(batches[1].size() == 3);
  CHECK(batches[0][0].source == "test-feed");
  CHECK(batches[0][0].external_id == "id-1");
  CHECK(batches[0][0].text == "text & more");
  REQUIRE(if_none_match.size() >= 2);
  CHECK(if_none_match[0].empty());
  CHECK(if_none_match[1] == "\"v0\"");
}

}  // namespace vigie
