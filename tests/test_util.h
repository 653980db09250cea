// Helpers shared by the tests: a temporary directory removed at scope end.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace vigie::testing {

/// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("vigie-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// The directory.
  const std::filesystem::path& path() const { return path_; }
  /// Path of `name` inside the directory, as a string.
  std::string file(const std::string& name) const {
    return (path_ / name).string();
  }
  /// Writes `content` to `name` and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories((path_ / name).parent_path());
    std::ofstream out(path_ / name, std::ios::binary);
    out << content;
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace vigie::testing
