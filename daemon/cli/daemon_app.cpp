#include "cli/daemon_app.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <set>

#include "vigie/core/log.h"

namespace vigie {

namespace {
// How often incidents are checked for auto-resolution.
constexpr Millis kLifecycleInterval{15000};
}  // namespace

DaemonApp::DaemonApp(Config config, std::shared_ptr<const RuleSet> rules,
                     const Clock& clock)
    : config_(std::move(config)), rules_(std::move(rules)), clock_(clock) {}

DaemonApp::~DaemonApp() {
  if (started_) Shutdown(config_.shutdown_timeout);
}

Status DaemonApp::Start(int io_threads) {
  auto store = SqliteStore::Open(config_.store_path);
  if (!store.ok())
    return store.status().WithContext("store " + config_.store_path);
  store_ = std::move(*store);

  std::set<std::string> channel_names;
  std::map<std::string, std::string> webhooks;
  for (const SlackChannelConfig& ch : config_.notify.slack) {
    channel_names.insert(ch.name);
    webhooks[ch.name] = ch.webhook_url;
  }
  detector_ = std::make_unique<Detector>(*store_, config_.detect);
  engine_ = std::make_unique<IncidentEngine>(*store_, channel_names);
  http_ =
      std::make_unique<BeastHttpClient>(ioc_.get_executor(), FetchOptions{});
  dispatcher_ =
      std::make_unique<Dispatcher>(ioc_.get_executor(), *store_, *http_, clock_,
                                   std::move(webhooks), config_.notify);
  writer_ = std::make_unique<Writer>(
      *store_,
      [this](const std::vector<Mention>& inserted) { OnCommitted(inserted); });
  pipeline_ = std::make_unique<MentionPipeline>(
      rules_, [this](std::vector<Mention> batch) {
        return writer_->TrySubmit(std::move(batch));
      });
  poller_ = std::make_unique<Poller>(
      ioc_.get_executor(), *http_, clock_, config_.sources,
      [this](std::vector<Mention> batch) {
        return pipeline_->Accept(std::move(batch));
      });
  if (config_.listen_port != 0) {
    ServerOptions opts;
    opts.address = config_.listen_address;
    opts.port = static_cast<unsigned short>(config_.listen_port);
    server_ = std::make_unique<HttpServer>(
        ioc_, opts, [this](const ServerRequest& req) {
          ServerResponse res;
          if (req.target == "/healthz") {
            res.body = "ok\n";
          } else if (req.target == "/readyz") {
            Status failure = writer_->failure();
            if (failure.ok()) {
              res.body = "ready\n";
            } else {
              res.status = 503;
              res.body = "not ready: " + failure.message() + "\n";
            }
          } else {
            res.status = 404;
            res.body = "not found\n";
          }
          return res;
        });
    if (Status s = server_->Start(); !s.ok()) return s.WithContext("server");
  }

  writer_->Start();
  dispatcher_->Start();
  poller_->Start();
  lifecycle_timer_ = std::make_unique<boost::asio::steady_timer>(
      boost::asio::make_strand(ioc_));
  ArmLifecycleTimer();
  work_.emplace(ioc_.get_executor());
  for (int i = 0; i < std::max(1, io_threads); ++i) {
    threads_.emplace_back([this] { ioc_.run(); });
  }
  started_ = true;
  log::Info("daemon") << "started: " << config_.sources.size() << " source(s), "
                      << rules_.Get()->scenarios.scenarios.size()
                      << " scenario(s), store " << config_.store_path;
  return Status::Ok();
}

Status DaemonApp::ReloadRules() {
  ScorerOptions options;
  options.negative_threshold = config_.negative_threshold;
  options.positive_threshold = config_.positive_threshold;
  auto next = LoadRuleSet(config_.rules_dir, options, rules_version_ + 1);
  if (!next.ok()) return next.status().WithContext("reload kept the old rules");
  ++rules_version_;
  rules_.Swap(*next);
  log::Info("daemon") << "rules reloaded from " << config_.rules_dir
                      << " (version " << rules_version_ << ")";
  return Status::Ok();
}

void DaemonApp::ArmLifecycleTimer() {
  if (stopping_.load()) return;
  lifecycle_timer_->expires_after(kLifecycleInterval);
  lifecycle_timer_->async_wait([this](boost::system::error_code ec) {
    if (ec || stopping_.load()) return;
    auto outcome = engine_->Tick(*rules_.Get(), clock_.now());
    if (!outcome.ok()) {
      log::Error("incidents") << outcome.status().ToString();
    } else if (outcome->notifications > 0) {
      dispatcher_->Wake();
    }
    ArmLifecycleTimer();
  });
}

void DaemonApp::OnCommitted(const std::vector<Mention>& inserted) {
  const auto rules = rules_.Get();
  const DetectionStepResult step =
      RunDetectionStep(*detector_, *engine_, inserted, *rules, clock_.now());
  if (!step.status.ok()) log::Error("detect") << step.status.ToString();
  incidents_opened_.fetch_add(step.outcome.opened);
  if (step.outcome.notifications > 0) dispatcher_->Wake();
}

bool DaemonApp::Shutdown(Millis timeout) {
  if (!started_) return true;
  started_ = false;
  using Steady = std::chrono::steady_clock;
  const auto deadline = Steady::now() + timeout;
  auto left = [&] {
    return std::chrono::duration_cast<Millis>(deadline - Steady::now());
  };
  bool clean = true;
  log::Info("daemon") << "shutting down (at most " << timeout.count() << " ms)";
  stopping_.store(true);
  poller_->Stop();
  if (server_) server_->Stop();
  boost::asio::post(lifecycle_timer_->get_executor(),
                    [this] { lifecycle_timer_->cancel(); });
  while (poller_->in_flight() > 0 && left() > Millis(0)) {
    std::this_thread::sleep_for(Millis(10));
  }
  clean &= poller_->in_flight() == 0;
  clean &= writer_->WaitIdle(std::max(left(), Millis(0)));
  writer_->Stop();
  // Deliver what is due while time remains; the rest stays in the outbox.
  dispatcher_->Wake();
  while (left() > Millis(0)) {
    auto pending = store_->DueOutbox(clock_.now(), 1);
    if (!pending.ok() || (pending->empty() && dispatcher_->in_flight() == 0))
      break;
    std::this_thread::sleep_for(Millis(20));
  }
  dispatcher_->Stop();
  work_.reset();
  while (!ioc_.stopped() && left() > Millis(0)) {
    std::this_thread::sleep_for(Millis(10));
  }
  if (!ioc_.stopped()) {
    clean = false;
    log::Warn("daemon") << "shutdown deadline reached; cancelling what is left";
    ioc_.stop();
  }
  for (std::thread& t : threads_) t.join();
  threads_.clear();
  log::Info("daemon") << "stopped"
                      << (clean ? "" : " (not everything finished)");
  return clean;
}

}  // namespace vigie
