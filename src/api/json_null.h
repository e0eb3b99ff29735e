// An optional value in a JSON answer: the value itself, or null when it is absent, so that a
// client always finds the field (the OpenAPI document declares these fields nullable).
#pragma once

#include <optional>

#include <boost/json/value.hpp>

namespace meekijk::api {

template <typename T>
boost::json::value OrNull(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace meekijk::api
