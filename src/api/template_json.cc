// Encoding question templates and answers.
#include "api/template_json.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <charconv>

namespace meekijk::api {
namespace json = boost::json;

json::object QuestionTemplateJson(const domain::QuestionTemplate& question_template) {
  json::array fields;
  for (const domain::TemplateField& field : question_template.fields) {
    json::array options;
    for (const std::string& option : field.options) options.emplace_back(option);
    json::object out;
    out["key"] = field.key;
    out["label"] = field.label;
    out["help"] = field.help;
    out["type"] = domain::Name(field.type);
    out["required"] = field.required;
    out["unit"] = field.unit ? json::value(*field.unit) : json::value(nullptr);
    out["options"] = std::move(options);
    fields.emplace_back(std::move(out));
  }
  json::object out;
  out["id"] = question_template.id;
  out["version"] = question_template.version;
  out["name"] = question_template.name;
  out["specialty"] = question_template.specialty;
  out["fields"] = std::move(fields);
  return out;
}

json::object TemplateAnswersJson(const std::optional<domain::QuestionTemplate>& version,
                                 std::span<const domain::TemplateAnswer> answers) {
  json::object out;
  for (const domain::TemplateAnswer& answer : answers) {
    std::optional<domain::FieldType> type;
    if (version) {
      auto field = std::find_if(version->fields.begin(), version->fields.end(),
                                [&](const auto& f) { return f.key == answer.key; });
      if (field != version->fields.end()) type = field->type;
    }
    double number = 0;
    const char* end = answer.value.data() + answer.value.size();
    if (type == domain::FieldType::kNumber &&
        std::from_chars(answer.value.data(), end, number).ptr == end) {
      out[answer.key] = number;
    } else if (type == domain::FieldType::kYesNo) {
      out[answer.key] = answer.value == "true";
    } else {
      out[answer.key] = answer.value;
    }
  }
  return out;
}

}  // namespace meekijk::api
