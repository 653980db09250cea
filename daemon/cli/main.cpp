// vigie: one binary, a table of subcommands.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using vigie::cli::Commands;
  vigie::cli::Args args(argv + 1, argv + argc);
  auto print_help = [] {
    std::cout
        << "vigie " VIGIE_VERSION
           " — e-reputation monitoring and bad-buzz alerts\n\n"
           "usage: vigie <command> [options]   (vigie <command> --help)\n\n"
           "commands:\n";
    for (const auto& c : Commands()) {
      std::string name(c.name);
      name.resize(10, ' ');
      std::cout << "  " << name << c.summary << "\n";
    }
  };
  if (args.empty() || args[0] == "help" || args[0] == "--help" ||
      args[0] == "-h") {
    if (args.size() >= 2) {
      for (const auto& c : Commands()) {
        if (c.name == args[1]) {
          std::cout << c.usage;
          return 0;
        }
      }
    }
    print_help();
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") args[0] = "version";
  for (const auto& c : Commands()) {
    if (c.name != args[0]) continue;
    vigie::cli::Args rest(args.begin() + 1, args.end());
    if (vigie::cli::HasFlag(rest, "help") ||
        std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
      std::cout << c.usage;
      return 0;
    }
    return c.run(rest);
  }
  std::cerr << "vigie: unknown command '" << args[0] << "'\n\n";
  print_help();
  return 2;
}
