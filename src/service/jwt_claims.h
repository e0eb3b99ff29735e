// Reading the claims of a verified JWT (API clients' assertions and tokens, launch links): typed
// look-ups that give nothing for a claim of the wrong type, so that a forged shape is refused, not
// misread. Private to the service layer.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meekijk::service {

// A string claim of at most `max_length` bytes.
std::optional<std::string> StringClaim(const boost::json::object& claims, std::string_view name,
                                       size_t max_length = 20'000);
// A whole number (a NumericDate such as exp), within ±2^40.
std::optional<int64_t> NumberClaim(const boost::json::object& claims, std::string_view name);
// Whether aud is `audience`, or an array holding it (RFC 7519 §4.1.3).
bool HasAudience(const boost::json::object& claims, std::string_view audience);

}  // namespace meekijk::service
