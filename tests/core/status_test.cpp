#include "vigie/core/status.h"

#include <doctest/doctest.h>

#include "vigie/core/result.h"

namespace vigie {

TEST_CASE("Status: OK carries no message, errors carry kind and context") {
  Status ok;
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");
  CHECK(ok.WithContext("ctx").ok());

  Status err = Status::Unavailable("fetch", "timeout after 20 s");
  CHECK_FALSE(err.ok());
  CHECK(err.IsUnavailable());
  CHECK_FALSE(err.IsRejected());
  CHECK(err.message() == "fetch: timeout after 20 s");
  CHECK(err.ToString() == "unavailable: fetch: timeout after 20 s");

  Status wrapped = err.WithContext("source acme");
  CHECK(wrapped.kind() == Status::Kind::kUnavailable);
  CHECK(wrapped.message() == "source acme: fetch: timeout after 20 s");
}

TEST_CASE("Result holds a value or an error") {
  Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad(Status::NotFound("x"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().IsNotFound());
}

}  // namespace vigie
