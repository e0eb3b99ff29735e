// Reading request bodies: JSON with the field types the contract names. A body that is not JSON
// at all is kMalformed (400); a field of the wrong type or missing is kInvalidArgument (422)
// naming the field.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace meekijk::api {

// Parses a JSON object; an empty body counts as {} (for actions without parameters).
Result<boost::json::object> ParseObject(std::string_view body);

// Typed field access. `field` is the dotted name for errors ("patient.birth_year").
Result<std::string> RequiredString(const boost::json::object& object, std::string_view key,
                                   std::string_view field);
Result<std::optional<std::string>> OptionalString(const boost::json::object& object,
                                                  std::string_view key, std::string_view field);
Result<int64_t> RequiredInt(const boost::json::object& object, std::string_view key,
                            std::string_view field);
Result<std::optional<int64_t>> OptionalInt(const boost::json::object& object,
                                           std::string_view key, std::string_view field);
Result<bool> RequiredBool(const boost::json::object& object, std::string_view key,
                          std::string_view field);
Result<std::optional<bool>> OptionalBool(const boost::json::object& object, std::string_view key,
                                         std::string_view field);
Result<const boost::json::object*> RequiredObject(const boost::json::object& object,
                                                  std::string_view key, std::string_view field);

// Parses a closed-set value (an enum name) or refuses it listing what is allowed.
template <typename E>
Result<E> RequiredEnum(const boost::json::object& object, std::string_view key,
                       std::string_view field);

}  // namespace meekijk::api

#include "api/json_body_enum.h"
