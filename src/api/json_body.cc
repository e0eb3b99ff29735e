// Typed reading of JSON request bodies with messages for people.
#include "api/json_body.h"

#include <boost/json/parse.hpp>

namespace meekijk::api {
namespace {

namespace json = boost::json;

Error WrongType(std::string_view field, std::string_view nl_type, std::string_view en_type) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Het veld ‘" + std::string(field) + "’ moet " + std::string(nl_type) + " zijn.",
                   "The field '" + std::string(field) + "' must be " + std::string(en_type) + ".",
                   std::string(field));
}

Error Missing(std::string_view field) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Het veld ‘" + std::string(field) + "’ ontbreekt.",
                   "The field '" + std::string(field) + "' is missing.", std::string(field));
}

const json::value* Find(const json::object& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

}  // namespace

Error InvalidChoice(std::string_view field, const std::string& allowed) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Ongeldige keuze voor ‘" + std::string(field) + "’; kies uit: " + allowed + ".",
                   "Invalid choice for '" + std::string(field) + "'; choose from: " + allowed + ".",
                   std::string(field));
}

Result<json::object> ParseObject(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) {
    return MakeError(ErrorCode::kMalformed, "De gegevens zijn geen geldige JSON.",
                     "The data is not valid JSON.");
  }
  if (!value.is_object()) {
    return MakeError(ErrorCode::kMalformed, "De gegevens moeten een JSON-object zijn.",
                     "The data must be a JSON object.");
  }
  return std::move(value.as_object());
}

Result<std::string> RequiredString(const json::object& object, std::string_view key,
                                   std::string_view field) {
  MK_ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(object, key, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<std::string>> OptionalString(const json::object& object,
                                                  std::string_view key, std::string_view field) {
  const json::value* value = Find(object, key);
  if (value == nullptr) return std::optional<std::string>();
  if (!value->is_string()) return WrongType(field, "tekst", "a string");
  return std::optional<std::string>(std::string(value->as_string()));
}

Result<int64_t> RequiredInt(const json::object& object, std::string_view key,
                            std::string_view field) {
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> value, OptionalInt(object, key, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<int64_t>> OptionalInt(const json::object& object, std::string_view key,
                                           std::string_view field) {
  const json::value* value = Find(object, key);
  if (value == nullptr) return std::optional<int64_t>();
  if (value->is_int64()) return std::optional<int64_t>(value->as_int64());
  if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    return std::optional<int64_t>(static_cast<int64_t>(value->as_uint64()));
  }
  return WrongType(field, "een geheel getal", "a whole number");
}

Result<bool> RequiredBool(const json::object& object, std::string_view key,
                          std::string_view field) {
  MK_ASSIGN_OR_RETURN(std::optional<bool> value, OptionalBool(object, key, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<bool>> OptionalBool(const json::object& object, std::string_view key,
                                         std::string_view field) {
  const json::value* value = Find(object, key);
  if (value == nullptr) return std::optional<bool>();
  if (!value->is_bool()) return WrongType(field, "waar of onwaar (true/false)", "true or false");
  return std::optional<bool>(value->as_bool());
}

Result<const json::object*> RequiredObject(const json::object& object, std::string_view key,
                                           std::string_view field) {
  const json::value* value = Find(object, key);
  if (value == nullptr) return Missing(field);
  if (!value->is_object()) return WrongType(field, "een object", "an object");
  return &value->as_object();
}

}  // namespace meekijk::api
