// A test seam, like leveldb's fault-injecting Env: an engine asks it before every statement
// whether to fail that statement as if the database had. Production passes none. The contract
// suite uses it to show what a failed COMMIT does to the units of work that shared it.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace meekijk::store {

class StatementFaults {
 public:
  virtual ~StatementFaults() = default;
  // The error to return instead of running `sql`, or nothing to run it. Called from any thread.
  virtual std::optional<Error> Before(std::string_view sql) = 0;
};

}  // namespace meekijk::store
