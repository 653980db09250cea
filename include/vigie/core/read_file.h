// Reading a whole rule or config file, with errors that name the path.
#pragma once

#include <string>

#include "vigie/core/result.h"

namespace vigie {

/// Reads the file at `path`; NotFound or IOError naming the path on failure.
Result<std::string> ReadFile(const std::string& path);

}  // namespace vigie
