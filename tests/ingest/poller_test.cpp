#include "vigie/ingest/poller.h"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

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

// A feed on 127.0.0.1: request n (from 0) gets page(n) with ETag "vn"; the
// If-None-Match of every request is kept.
class FeedServer {
 public:
  FeedServer(boost::asio::io_context& ioc, std::function<std::string(int)> page)
      : page_(std::move(page)),
        server_(ioc, ServerOptions{}, [this](const ServerRequest& req) {
          std::lock_guard<std::mutex> lock(mu_);
          if_none_match_.emplace_back(req.header("If-None-Match"));
          ServerResponse res;
          res.content_type = "application/rss+xml";
          res.body = page_(served_);
          res.headers.push_back(
              {"ETag", "\"v" + std::to_string(served_) + "\""});
          ++served_;
          return res;
        }) {
    REQUIRE(server_.Start().ok());
  }
  SourceConfig Source(Millis interval) const {
    return SourceConfig{
        "test-feed",
        "http://127.0.0.1:" + std::to_string(server_.port()) + "/feed.xml",
        interval};
  }
  void Stop() { server_.Stop(); }
  std::vector<std::string> if_none_match() const {
    std::lock_guard<std::mutex> lock(mu_);
    return if_none_match_;
  }

 private:
  mutable std::mutex mu_;
  std::function<std::string(int)> page_;
  std::vector<std::string> if_none_match_;
  int served_ = 0;
  HttpServer server_;
};

// Runs `ioc` until `poller` has made `ok` successful polls (3 s at most),
// then stops the poller, lets a poll in flight finish (3 s at most), and
// only then stops `feed`, so that no poll fails for want of a server.
void RunPolls(boost::asio::io_context& ioc, Poller& poller, FeedServer& feed,
              int ok) {
  poller.Start();
  for (int i = 0; i < 300 && poller.polls_ok() < ok; ++i) {
    ioc.run_for(std::chrono::milliseconds(10));
  }
  poller.Stop();
  for (int i = 0; i < 300 && poller.in_flight() > 0; ++i) {
    ioc.run_for(std::chrono::milliseconds(10));
  }
  feed.Stop();
  ioc.run_for(std::chrono::milliseconds(100));
}

}  // namespace

TEST_CASE(
    "Poller: a malformed page is an error that loses nothing, and the "
    "next good page is taken; the second poll is conditional") {
  boost::asio::io_context ioc;
  const std::vector<std::string> pages = {
      Rss(1, 2), "<rss><channel><item>broken", Rss(1, 3)};
  FeedServer feed(ioc, [&](int n) {
    return pages[static_cast<std::size_t>(std::min(n, 2))];
  });
  BeastHttpClient client(ioc.get_executor(), FetchOptions{});
  SimulatedClock clock(FromUnixMillis(1793602800000));
  std::mutex mu;
  std::vector<std::vector<Mention>> batches;
  Poller poller(ioc.get_executor(), client, clock, {feed.Source(Millis(30))},
                [&](std::vector<Mention> batch) {
                  std::lock_guard<std::mutex> lock(mu);
                  batches.push_back(std::move(batch));
                  return Status::Ok();
                });
  RunPolls(ioc, poller, feed, 2);

  std::lock_guard<std::mutex> lock(mu);
  CHECK(poller.polls_failed() == 1);
  REQUIRE(batches.size() == 2);
  CHECK(batches[0].size() == 2);
  CHECK(batches[1].size() == 3);
  CHECK(batches[0][0].source == "test-feed");
  CHECK(batches[0][0].external_id == "id-1");
  CHECK(batches[0][0].text == "text & more");
  const std::vector<std::string> if_none_match = feed.if_none_match();
  REQUIRE(if_none_match.size() >= 2);
  CHECK(if_none_match[0].empty());
  CHECK(if_none_match[1] == "\"v0\"");
}

TEST_CASE(
    "Poller: a batch the sink refuses is fetched again, unconditionally") {
  boost::asio::io_context ioc;
  FeedServer feed(ioc, [](int) { return Rss(1, 2); });
  BeastHttpClient client(ioc.get_executor(), FetchOptions{});
  SimulatedClock clock(FromUnixMillis(1793602800000));
  std::mutex mu;
  int offered = 0;
  std::vector<std::vector<Mention>> taken;
  Poller poller(ioc.get_executor(), client, clock, {feed.Source(Millis(10))},
                [&](std::vector<Mention> batch) {
                  std::lock_guard<std::mutex> lock(mu);
                  if (offered++ == 0) {
                    return Status::Unavailable("store", "write queue full");
                  }
                  taken.push_back(std::move(batch));
                  return Status::Ok();
                });
  RunPolls(ioc, poller, feed, 2);

  std::lock_guard<std::mutex> lock(mu);
  CHECK(poller.polls_failed() == 1);
  REQUIRE(!taken.empty());
  CHECK(taken[0].size() == 2);
  const std::vector<std::string> if_none_match = feed.if_none_match();
  REQUIRE(if_none_match.size() >= 3);
  // The refused poll's ETag was not kept: the retry asks for everything.
  CHECK(if_none_match[1].empty());
  // The accepted one's was.
  CHECK(if_none_match[2] == "\"v1\"");
}

}  // namespace vigie
