#include "vigie/core/read_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vigie {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    if (err == ENOENT)
      return Status::NotFound("cannot read " + path, "no such file");
    return Status::IOError("cannot read " + path, std::strerror(err));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path, "read error");
  return buf.str();
}

}  // namespace vigie
