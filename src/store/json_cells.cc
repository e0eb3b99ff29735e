// JSON text cells, with Boost.JSON.
#include "store/json_cells.h"

#include <boost/json.hpp>

namespace meekijk::store {
namespace json = boost::json;
namespace {

const json::value* Member(const json::object& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->value();
}

std::string Text(const json::object& object, std::string_view key, const std::string& column) {
  const json::value* value = Member(object, key);
  if (value == nullptr || !value->is_string()) {
    throw RowError(column, "no text \"" + std::string(key) + "\"");
  }
  return std::string(value->as_string());
}

json::value Parse(const std::string& text, const std::string& column) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error || !value.is_array()) throw RowError(column, "not a JSON array");
  return value;
}

}  // namespace

std::string EncodeTemplateFields(std::span<const domain::TemplateField> fields) {
  json::array out;
  for (const domain::TemplateField& field : fields) {
    json::object& object = out.emplace_back(json::object()).as_object();
    object["key"] = field.key;
    object["label"] = field.label;
    object["help"] = field.help;
    object["type"] = domain::Name(field.type);
    object["required"] = field.required;
    json::array& options = object["options"].emplace_array();
    for (const std::string& option : field.options) options.emplace_back(option);
    if (field.unit) object["unit"] = *field.unit;
  }
  return json::serialize(out);
}

std::vector<domain::TemplateField> DecodeTemplateFields(const std::string& text,
                                                        const std::string& column) {
  std::vector<domain::TemplateField> fields;
  json::value parsed = Parse(text, column);
  for (const json::value& item : parsed.as_array()) {
    if (!item.is_object()) throw RowError(column, "a field is not an object");
    const json::object& object = item.as_object();
    domain::TemplateField field;
    field.key = Text(object, "key", column);
    field.label = Text(object, "label", column);
    field.help = Text(object, "help", column);
    std::optional<domain::FieldType> type =
        domain::Parse<domain::FieldType>(Text(object, "type", column));
    if (!type) throw RowError(column, "unknown field type");
    field.type = *type;
    const json::value* required = Member(object, "required");
    field.required = required != nullptr && required->is_bool() && required->as_bool();
    if (Member(object, "unit") != nullptr) field.unit = Text(object, "unit", column);
    if (const json::value* options = Member(object, "options"); options && options->is_array()) {
      for (const json::value& option : options->as_array()) {
        if (!option.is_string()) throw RowError(column, "an option is not text");
        field.options.emplace_back(option.as_string());
      }
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

std::string EncodeTemplateAnswers(std::span<const domain::TemplateAnswer> answers) {
  json::array out;
  for (const domain::TemplateAnswer& answer : answers) {
    json::object& object = out.emplace_back(json::object()).as_object();
    object["key"] = answer.key;
    object["value"] = answer.value;
  }
  return json::serialize(out);
}

std::vector<domain::TemplateAnswer> DecodeTemplateAnswers(const std::string& text,
                                                          const std::string& column) {
  std::vector<domain::TemplateAnswer> answers;
  json::value parsed = Parse(text, column);
  for (const json::value& item : parsed.as_array()) {
    if (!item.is_object()) throw RowError(column, "an answer is not an object");
    answers.push_back(
        {Text(item.as_object(), "key", column), Text(item.as_object(), "value", column)});
  }
  return answers;
}

}  // namespace meekijk::store
