#include <systemd/sd-daemon.h>

#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "cli/daemon_app.h"
#include "vigie/core/log.h"

namespace vigie::cli {

int RunDaemon(const Args& args) {
  if (std::string bad = UnknownArgument(args, {"config", "log-level"}, {});
      !bad.empty()) {
    std::cerr << "vigie run: unknown argument " << bad << "\n";
    return 2;
  }
  std::string config_path;
  if (!FlagValue(args, "config", &config_path)) {
    std::cerr << "vigie run: --config FILE is required\n";
    return 2;
  }
  auto config = LoadConfig(config_path);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 1;
  }
  std::string level = config->log_level;
  FlagValue(args, "log-level", &level);
  log::Level parsed;
  if (!log::ParseLevel(level, &parsed)) {
    std::cerr << "vigie run: unknown log level " << level << "\n";
    return 2;
  }
  log::SetLevel(parsed);
  ScorerOptions options;
  options.negative_threshold = config->negative_threshold;
  options.positive_threshold = config->positive_threshold;
  auto rules = LoadRuleSet(config->rules_dir, options, 1);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }

  // Block the signals before any thread starts, so only sigwait() sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  const Millis shutdown_timeout = config->shutdown_timeout;
  DaemonApp app(std::move(*config), *rules, clock);
  if (Status s = app.Start(2); !s.ok()) {
    log::Error("daemon") << s.ToString();
    return 1;
  }
  sd_notify(0, "READY=1\nSTATUS=polling");
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      sd_notify(0, "RELOADING=1");
      if (Status s = app.ReloadRules(); !s.ok()) {
        log::Error("daemon") << s.message();
      }
      sd_notify(0, "READY=1");
      continue;
    }
    log::Info("daemon") << "received "
                        << (sig == SIGTERM ? "SIGTERM" : "SIGINT");
    break;
  }
  sd_notify(0, "STOPPING=1");
  const bool clean = app.Shutdown(shutdown_timeout);
  return clean ? 0 : 1;
}

}  // namespace vigie::cli
