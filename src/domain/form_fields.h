// The fields of the forms people fill in — their labels in Dutch and English and which answers
// are required — read from form_fields.tsv, the one source that the server and the web app share.
// Parsed once, on first use, with thread-safe static initialisation; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::domain {

enum class Requirement {
  kOptional,
  kAlways,  // no request without it
  kToSend,  // a draft may lack it; sending may not
};

struct FormField {
  std::string form;  // "consult", "close", "advice", …
  std::string name;  // the API's name, dotted for nested objects: "patient.birth_year"
  Requirement requirement = Requirement::kOptional;
  Text label;        // as the screen names the field
};

// Every field of every form, forms in file order and fields in screen order.
const std::vector<FormField>& AllFormFields();

// The fields of one form in screen order; empty for an unknown form.
std::vector<const FormField*> FormFieldsOf(std::string_view form);

// The field, or nullptr. The pointer stays valid for the life of the program.
const FormField* FindFormField(std::string_view form, std::string_view name);

// The label of `name` in `form`; the name itself where the catalogue has no such field.
Text FieldLabel(std::string_view form, std::string_view name);

// The refusal of a request that lacks a required answer: "‘Heeft u er iets van geleerd?’ is
// verplicht.", with the field's API name in Error::field.
Error MissingAnswer(std::string_view form, std::string_view name);

}  // namespace meekijk::domain
