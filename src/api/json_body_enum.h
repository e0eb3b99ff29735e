// The template part of json_body.h: enum fields by their domain names.
#pragma once

#include "domain/enum_names.h"

namespace meekijk::api {

Error InvalidChoice(Field field, const std::string& allowed);

template <typename E>
Result<E> RequiredEnum(const boost::json::object& object, Field field) {
  MK_ASSIGN_OR_RETURN(std::string text, RequiredString(object, field));
  if (std::optional<E> value = domain::Parse<E>(text)) return *value;
  std::string allowed;
  for (const auto& [value, name] : domain::EnumNames<E>::kNames) {
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  return InvalidChoice(field, allowed);
}

}  // namespace meekijk::api
