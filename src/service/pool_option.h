// What people choose from: a pool to consult or to forward a consult to, a person (a pool's
// specialist to assign a consult to, who changed an agreement) by id and name.
#pragma once

#include <cstdint>
#include <string>

namespace meekijk::service {

struct NamedRef {
  int64_t id = 0;
  std::string name;
  bool operator==(const NamedRef&) const = default;
};

struct PoolOption {
  int64_t id = 0;
  std::string name;
  std::string organisation_name;
};

}  // namespace meekijk::service
