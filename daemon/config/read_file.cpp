#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "vigie/config/config.h"

namespace vigie {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(path, "no such file");
    return Status::IOError(path, std::strerror(err));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path, "read failed");
  return buf.str();
}

}  // namespace vigie
