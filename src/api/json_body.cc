// Typed reading of JSON request bodies with messages for people.
#include "api/json_body.h"

#include <boost/json/parse.hpp>

#include "domain/form_fields.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

Error WrongType(Field field, std::string_view nl_type, std::string_view en_type) {
  Text label = domain::FieldLabel(field.form, field.name);
  return MakeError(ErrorCode::kInvalidArgument,
                   "‘" + label.nl + "’ moet " + std::string(nl_type) + " zijn.",
                   "‘" + label.en + "’ must be " + std::string(en_type) + ".",
                   std::string(field.name));
}

Error Missing(Field field) { return domain::MissingAnswer(field.form, field.name); }

const json::value* Find(const json::object& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

}  // namespace

std::string_view Field::key() const {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

Error InvalidChoice(Field field, const std::string& allowed) {
  Text label = domain::FieldLabel(field.form, field.name);
  return MakeError(ErrorCode::kInvalidArgument,
                   "Ongeldige keuze bij ‘" + label.nl + "’; kies uit: " + allowed + ".",
                   "Invalid choice for ‘" + label.en + "’; choose from: " + allowed + ".",
                   std::string(field.name));
}

Result<void> CheckRequiredAnswers(std::string_view form, const json::object& body) {
  for (const domain::FormField* field : domain::FormFieldsOf(form)) {
    if (field->requirement != domain::Requirement::kAlways) continue;
    const json::object* parent = &body;
    std::string_view key = field->name;
    if (size_t dot = key.find('.'); dot != std::string_view::npos) {
      // The parent object is a required field of its own, checked before it in screen order;
      // a parent of the wrong type is refused by the typed read.
      const json::value* value = Find(body, key.substr(0, dot));
      if (value == nullptr || !value->is_object()) continue;
      parent = &value->as_object();
      key = key.substr(dot + 1);
    }
    if (Find(*parent, key) == nullptr) return domain::MissingAnswer(form, field->name);
  }
  return Ok();
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

Result<std::string> RequiredString(const json::object& object, Field field) {
  MK_ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(object, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<std::string>> OptionalString(const json::object& object, Field field) {
  const json::value* value = Find(object, field.key());
  if (value == nullptr) return std::optional<std::string>();
  if (!value->is_string()) return WrongType(field, "tekst", "a string");
  return std::optional<std::string>(std::string(value->as_string()));
}

Result<int64_t> RequiredInt(const json::object& object, Field field) {
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> value, OptionalInt(object, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<int64_t>> OptionalInt(const json::object& object, Field field) {
  const json::value* value = Find(object, field.key());
  if (value == nullptr) return std::optional<int64_t>();
  if (value->is_int64()) return std::optional<int64_t>(value->as_int64());
  if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    return std::optional<int64_t>(static_cast<int64_t>(value->as_uint64()));
  }
  return WrongType(field, "een geheel getal", "a whole number");
}

Result<bool> RequiredBool(const json::object& object, Field field) {
  MK_ASSIGN_OR_RETURN(std::optional<bool> value, OptionalBool(object, field));
  if (!value) return Missing(field);
  return *value;
}

Result<std::optional<bool>> OptionalBool(const json::object& object, Field field) {
  const json::value* value = Find(object, field.key());
  if (value == nullptr) return std::optional<bool>();
  if (!value->is_bool()) return WrongType(field, "waar of onwaar (true/false)", "true or false");
  return std::optional<bool>(value->as_bool());
}

Result<const json::object*> RequiredObject(const json::object& object, Field field) {
  const json::value* value = Find(object, field.key());
  if (value == nullptr) return Missing(field);
  if (!value->is_object()) return WrongType(field, "een object", "an object");
  return &value->as_object();
}

namespace {

Error TooMany(Field field, size_t max_items) {
  Text label = domain::FieldLabel(field.form, field.name);
  return MakeError(ErrorCode::kInvalidArgument,
                   "‘" + label.nl + "’ heeft hoogstens " + std::to_string(max_items) + " items.",
                   "‘" + label.en + "’ has at most " + std::to_string(max_items) + " items.",
                   std::string(field.name));
}

// The field's array, or null when absent; a wrong type or too many items is refused.
Result<const json::array*> ArrayOf(const json::object& object, Field field, size_t max_items,
                                   std::string_view nl_type, std::string_view en_type) {
  const json::value* value = Find(object, field.key());
  if (value == nullptr) return static_cast<const json::array*>(nullptr);
  if (!value->is_array()) return WrongType(field, nl_type, en_type);
  if (value->as_array().size() > max_items) return TooMany(field, max_items);
  return &value->as_array();
}

}  // namespace

Result<std::optional<std::vector<int64_t>>> OptionalIdList(const json::object& object,
                                                           Field field, size_t max_items) {
  MK_ASSIGN_OR_RETURN(const json::array* array,
                      ArrayOf(object, field, max_items, "een lijst van nummers", "a list of ids"));
  if (array == nullptr) return std::optional<std::vector<int64_t>>();
  std::vector<int64_t> ids;
  for (const json::value& item : *array) {
    bool positive = (item.is_int64() && item.as_int64() > 0) ||
                    (item.is_uint64() && item.as_uint64() <= INT64_MAX);
    if (!positive) return WrongType(field, "een lijst van nummers", "a list of ids");
    ids.push_back(item.is_int64() ? item.as_int64() : static_cast<int64_t>(item.as_uint64()));
  }
  return std::optional<std::vector<int64_t>>(std::move(ids));
}

Result<std::optional<std::vector<std::string>>> OptionalStringList(const json::object& object,
                                                                   Field field, size_t max_items) {
  MK_ASSIGN_OR_RETURN(const json::array* array,
                      ArrayOf(object, field, max_items, "een lijst van teksten", "a list of strings"));
  if (array == nullptr) return std::optional<std::vector<std::string>>();
  std::vector<std::string> texts;
  for (const json::value& item : *array) {
    if (!item.is_string()) return WrongType(field, "een lijst van teksten", "a list of strings");
    texts.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(texts));
}

Result<std::optional<std::vector<const json::object*>>> OptionalObjectList(
    const json::object& object, Field field, size_t max_items) {
  MK_ASSIGN_OR_RETURN(const json::array* array, ArrayOf(object, field, max_items,
                                                        "een lijst van objecten",
                                                        "a list of objects"));
  if (array == nullptr) return std::optional<std::vector<const json::object*>>();
  std::vector<const json::object*> items;
  for (const json::value& item : *array) {
    if (!item.is_object()) return WrongType(field, "een lijst van objecten", "a list of objects");
    items.push_back(&item.as_object());
  }
  return std::optional<std::vector<const json::object*>>(std::move(items));
}

bool Mentions(const json::object& object, Field field) { return object.contains(field.key()); }

}  // namespace meekijk::api
