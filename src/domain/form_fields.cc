// Parsing and lookup of the embedded form field catalogue.
#include "domain/form_fields.h"

#include <cstdlib>
#include <cstdio>

namespace meekijk::domain {
namespace detail {
extern const char kFormFieldsTsv[];  // generated from form_fields.tsv, see form_fields_data.cc.in
}  // namespace detail

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> columns;
  for (size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t')) {
    columns.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  columns.push_back(line);
  return columns;
}

Requirement ParseRequirement(std::string_view text, std::string_view line) {
  if (text == "always") return Requirement::kAlways;
  if (text == "to_send") return Requirement::kToSend;
  if (text == "optional") return Requirement::kOptional;
  // The catalogue is compiled in and covered by tests: a bad line is a build defect.
  std::fprintf(stderr, "form_fields.tsv: unknown requirement in: %.*s\n",
               static_cast<int>(line.size()), line.data());
  std::abort();
}

std::vector<FormField> Parse(std::string_view tsv) {
  std::vector<FormField> fields;
  while (!tsv.empty()) {
    size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // a checkout with CRLF
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> columns = SplitTabs(line);
    if (columns.size() != 5) {
      std::fprintf(stderr, "form_fields.tsv: expected 5 columns in: %.*s\n",
                   static_cast<int>(line.size()), line.data());
      std::abort();
    }
    fields.push_back(FormField{std::string(columns[0]), std::string(columns[1]),
                               ParseRequirement(columns[2], line),
                               Text{std::string(columns[3]), std::string(columns[4])}});
  }
  return fields;
}

}  // namespace

const std::vector<FormField>& AllFormFields() {
  static const std::vector<FormField> fields = Parse(detail::kFormFieldsTsv);
  return fields;
}

std::vector<const FormField*> FormFieldsOf(std::string_view form) {
  std::vector<const FormField*> fields;
  for (const FormField& field : AllFormFields()) {
    if (field.form == form) fields.push_back(&field);
  }
  return fields;
}

const FormField* FindFormField(std::string_view form, std::string_view name) {
  for (const FormField& field : AllFormFields()) {
    if (field.form == form && field.name == name) return &field;
  }
  return nullptr;
}

Text FieldLabel(std::string_view form, std::string_view name) {
  const FormField* field = FindFormField(form, name);
  if (field != nullptr) return field->label;
  return Text{std::string(name), std::string(name)};
}

Error MissingAnswer(std::string_view form, std::string_view name) {
  Text label = FieldLabel(form, name);
  return MakeError(ErrorCode::kInvalidArgument, "‘" + label.nl + "’ is verplicht.",
                   "‘" + label.en + "’ is required.", std::string(name));
}

}  // namespace meekijk::domain
