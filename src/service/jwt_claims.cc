// Typed claims.
#include "service/jwt_claims.h"

#include <boost/json/value.hpp>

namespace meekijk::service {

namespace json = boost::json;

constexpr int64_t kLargestNumber = int64_t{1} << 40;

std::optional<std::string> StringClaim(const json::object& claims, std::string_view name,
                                       size_t max_length) {
  const json::value* value = claims.if_contains(name);
  if (value == nullptr || !value->is_string() || value->get_string().size() > max_length) {
    return std::nullopt;
  }
  return std::string(value->get_string());
}

std::optional<int64_t> NumberClaim(const json::object& claims, std::string_view name) {
  const json::value* value = claims.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64() && value->get_int64() > -kLargestNumber &&
      value->get_int64() < kLargestNumber) {
    return value->get_int64();
  }
  if (value->is_uint64() && value->get_uint64() < static_cast<uint64_t>(kLargestNumber)) {
    return static_cast<int64_t>(value->get_uint64());
  }
  if (value->is_double() && value->get_double() > -kLargestNumber &&
      value->get_double() < kLargestNumber) {
    return static_cast<int64_t>(value->get_double());
  }
  return std::nullopt;
}

bool HasAudience(const json::object& claims, std::string_view audience) {
  const json::value* value = claims.if_contains("aud");
  if (value == nullptr) return false;
  if (value->is_string()) return value->get_string() == audience;
  if (!value->is_array()) return false;
  for (const json::value& item : value->get_array()) {
    if (item.is_string() && item.get_string() == audience) return true;
  }
  return false;
}

}  // namespace meekijk::service
