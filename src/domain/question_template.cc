// Checking question templates and the answers given to them.
#include "domain/question_template.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "domain/consult_validation.h"

namespace meekijk::domain {
namespace {

bool IsWellFormedKey(std::string_view key) {
  if (key.empty() || key.size() > 40 || key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsText(std::string_view text, size_t max_chars) {
  return utf8::IsValid(text) && !utf8::IsBlank(text) && utf8::CodePointCount(text) <= max_chars;
}

Error TemplateError(std::string nl, std::string en, std::string field) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

Result<void> ValidateField(const TemplateField& field, size_t index) {
  std::string at = "fields." + std::to_string(index);
  std::string number = std::to_string(index + 1);
  if (!IsWellFormedKey(field.key)) {
    return TemplateError("Vraag " + number +
                             ": de sleutel bestaat uit kleine letters, cijfers en _, "
                             "begint met een letter en is hoogstens 40 tekens.",
                         "Question " + number +
                             ": the key is lowercase letters, digits and _, "
                             "starts with a letter and is at most 40 characters.",
                         at + ".key");
  }
  if (!IsText(field.label, kMaxFieldLabelChars)) {
    return TemplateError("Vraag " + number + ": geef de vraag een tekst (hoogstens 300 tekens).",
                         "Question " + number +
                             ": give the question a text (at most 300 "
                             "characters).",
                         at + ".label");
  }
  if (!utf8::IsValid(field.help) || utf8::CodePointCount(field.help) > kMaxFieldHelpChars) {
    return TemplateError("„" + field.label + "”: de toelichting is hoogstens 1000 tekens.",
                         "\"" + field.label + "\": the help text is at most 1000 characters.",
                         at + ".help");
  }
  bool choice = field.type == FieldType::kChoice;
  if (choice && (field.options.size() < 2 || field.options.size() > kMaxFieldOptions)) {
    return TemplateError("„" + field.label + "”: een keuzevraag heeft 2 tot 30 keuzes.",
                         "\"" + field.label + "\": a choice has 2 to 30 options.", at + ".options");
  }
  if (!choice && !field.options.empty()) {
    return TemplateError("„" + field.label + "”: alleen een keuzevraag heeft keuzes.",
                         "\"" + field.label + "\": only a choice has options.", at + ".options");
  }
  for (size_t i = 0; i < field.options.size(); ++i) {
    const std::string& option = field.options[i];
    bool repeated = std::find(field.options.begin(), field.options.begin() + i, option) !=
                    field.options.begin() + i;
    if (!IsText(option, kMaxFieldLabelChars) || repeated) {
      return TemplateError("„" + field.label + "”: elke keuze heeft een eigen, niet-lege tekst.",
                           "\"" + field.label + "\": every option has its own, non-blank text.",
                           at + ".options");
    }
  }
  if (field.unit && (field.type != FieldType::kNumber || !IsText(*field.unit, 40))) {
    return TemplateError("„" + field.label +
                             "”: alleen een getal heeft een eenheid (hoogstens 40 "
                             "tekens).",
                         "\"" + field.label +
                             "\": only a number has a unit (at most 40 "
                             "characters).",
                         at + ".unit");
  }
  return Ok();
}

bool IsDecimal(std::string_view text) {
  if (text.empty() || text.size() > 32) return false;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

Result<void> ValidateAnswer(const TemplateField& field, std::string_view value) {
  std::string at = "template_answers." + field.key;
  auto wrong = [&](std::string nl, std::string en) {
    return TemplateError("„" + field.label + "”: " + nl, "\"" + field.label + "\": " + en, at);
  };
  switch (field.type) {
    case FieldType::kText:
      if (!utf8::IsValid(value) || utf8::CodePointCount(value) > kMaxAnswerChars) {
        return wrong("hoogstens 4000 tekens.", "at most 4000 characters.");
      }
      return Ok();
    case FieldType::kNumber:
      if (!IsDecimal(value)) return wrong("vul een getal in.", "enter a number.");
      return Ok();
    case FieldType::kYesNo:
      if (value != "true" && value != "false") return wrong("kies ja of nee.", "choose yes or no.");
      return Ok();
    case FieldType::kChoice:
      if (std::find(field.options.begin(), field.options.end(), value) == field.options.end()) {
        return wrong("kies een van de keuzes.", "choose one of the options.");
      }
      return Ok();
    case FieldType::kDate:
      if (!IsValidIsoDate(value)) {
        return wrong("vul een datum in als JJJJ-MM-DD.", "enter a date as YYYY-MM-DD.");
      }
      return Ok();
    case FieldType::kPhoto:
      return wrong("voeg hiervoor een bijlage toe; dit is geen tekstveld.",
                   "add an attachment for this; it is not a text field.");
  }
  return Ok();
}

bool IsUnanswered(FieldType type, std::string_view value) {
  return type == FieldType::kText ? utf8::IsBlank(value) : value.empty();
}

}  // namespace

Result<void> ValidateTemplate(const QuestionTemplate& question_template) {
  if (!IsText(question_template.name, kMaxTemplateNameChars)) {
    return TemplateError("Geef de vragenlijst een naam (hoogstens 200 tekens).",
                         "Give the template a name (at most 200 characters).", "name");
  }
  if (question_template.fields.empty() || question_template.fields.size() > kMaxTemplateFields) {
    return TemplateError("Een vragenlijst heeft 1 tot 40 vragen.",
                         "A template has 1 to 40 questions.", "fields");
  }
  for (size_t i = 0; i < question_template.fields.size(); ++i) {
    const TemplateField& field = question_template.fields[i];
    MK_RETURN_IF_ERROR(ValidateField(field, i));
    for (size_t j = 0; j < i; ++j) {
      if (question_template.fields[j].key == field.key) {
        return TemplateError("De sleutel „" + field.key + "” komt twee keer voor.",
                             "The key \"" + field.key + "\" appears twice.",
                             "fields." + std::to_string(i) + ".key");
      }
    }
  }
  return Ok();
}

Result<void> ValidateTemplateAnswers(const QuestionTemplate& question_template,
                                     std::span<const TemplateAnswer> answers, bool ready_to_send,
                                     size_t attachments) {
  const std::vector<TemplateField>& fields = question_template.fields;
  for (size_t i = 0; i < answers.size(); ++i) {
    const TemplateAnswer& answer = answers[i];
    auto field = std::find_if(fields.begin(), fields.end(),
                              [&](const TemplateField& f) { return f.key == answer.key; });
    if (field == fields.end()) {
      std::string key(utf8::PrefixOfAtMost(utf8::Repaired(answer.key), 40));
      return TemplateError(
          "De vragenlijst „" + question_template.name + "” kent geen vraag „" + key + "”.",
          "The template \"" + question_template.name + "\" has no question \"" + key + "\".",
          "template_answers");
    }
    for (size_t j = 0; j < i; ++j) {
      if (answers[j].key == answer.key) {
        return TemplateError("„" + field->label + "” is twee keer beantwoord.",
                             "\"" + field->label + "\" is answered twice.",
                             "template_answers." + field->key);
      }
    }
    if (IsUnanswered(field->type, answer.value)) continue;
    MK_RETURN_IF_ERROR(ValidateAnswer(*field, answer.value));
  }
  if (!ready_to_send) return Ok();
  for (const TemplateField& field : fields) {
    if (!field.required) continue;
    if (field.type == FieldType::kPhoto) {
      if (attachments > 0) continue;
      return TemplateError("„" + field.label + "”: voeg een bijlage toe voor het versturen.",
                           "\"" + field.label + "\": add an attachment before sending.",
                           "template_answers." + field.key);
    }
    auto answer = std::find_if(answers.begin(), answers.end(),
                               [&](const TemplateAnswer& a) { return a.key == field.key; });
    if (answer == answers.end() || IsUnanswered(field.type, answer->value)) {
      return TemplateError("„" + field.label + "” is verplicht.",
                           "\"" + field.label + "\" is required.", "template_answers." + field.key);
    }
  }
  return Ok();
}

}  // namespace meekijk::domain
