// A pool as offered to people choosing one: to consult, or to forward a consult to.
#pragma once

#include <cstdint>
#include <string>

namespace meekijk::service {

struct PoolOption {
  int64_t id = 0;
  std::string name;
  std::string organisation_name;
};

}  // namespace meekijk::service
