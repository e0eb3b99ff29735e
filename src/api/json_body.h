// Reading request bodies: JSON with the field types the contract names. A body that is not JSON
// at all is kMalformed (400); a field of the wrong type or missing is kInvalidArgument (422)
// naming the field by its API name in `field` and by its label (domain/form_fields.tsv) in the
// message, as the screen names it.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::api {

// A field of a form in the catalogue: `name` is the dotted API name ("patient.birth_year"), whose
// last part is its key in the object it is read from.
struct Field {
  std::string_view form;
  std::string_view name;

  std::string_view key() const;
};

// Parses a JSON object; an empty body counts as {} (for actions without parameters).
Result<boost::json::object> ParseObject(std::string_view body);

// Refuses a body that lacks an answer the catalogue requires always for `form`, naming the first
// one in screen order. Nested fields ("patient.birth_year") are looked up inside their object.
Result<void> CheckRequiredAnswers(std::string_view form, const boost::json::object& body);

// Typed field access. A JSON null counts as absent.
Result<std::string> RequiredString(const boost::json::object& object, Field field);
Result<std::optional<std::string>> OptionalString(const boost::json::object& object, Field field);
Result<int64_t> RequiredInt(const boost::json::object& object, Field field);
Result<std::optional<int64_t>> OptionalInt(const boost::json::object& object, Field field);
Result<bool> RequiredBool(const boost::json::object& object, Field field);
Result<std::optional<bool>> OptionalBool(const boost::json::object& object, Field field);
Result<const boost::json::object*> RequiredObject(const boost::json::object& object, Field field);
// A list of ids (positive whole numbers) or of texts; at most `max_items` of them.
Result<std::optional<std::vector<int64_t>>> OptionalIdList(const boost::json::object& object,
                                                           Field field, size_t max_items = 1000);
Result<std::optional<std::vector<std::string>>> OptionalStringList(
    const boost::json::object& object, Field field, size_t max_items = 100);
// A list of objects, each read by the caller; an error about an item's field is reported as
// "<list>.<index>.<field>".
Result<std::optional<std::vector<const boost::json::object*>>> OptionalObjectList(
    const boost::json::object& object, Field field, size_t max_items = 100);
// An error about a field of item `index` of a list, named "<list>.<index>.<field>".
template <typename T>
Result<T> AtItem(Result<T> result, std::string_view list, size_t index) {
  if (result.ok()) return result;
  Error error = result.error();
  error.field = std::string(list) + "." + std::to_string(index) + "." + error.field;
  return error;
}

// Whether the body names the field at all, also as null: a change (PATCH) clears a field by null
// and leaves it alone by leaving it out.
bool Mentions(const boost::json::object& object, Field field);

// Parses a closed-set value (an enum name) or refuses it listing what is allowed.
template <typename E>
Result<E> RequiredEnum(const boost::json::object& object, Field field);

}  // namespace meekijk::api

#include "api/json_body_enum.h"
