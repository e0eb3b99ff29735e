// Question templates: what a region's agreement asks a GP beside the question itself
// ("duration in weeks", "an overview and a close-up photo"), and the checks of a GP's answers.
// A template is versioned: a consult keeps the version it was written with.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/enum_names.h"

namespace meekijk::domain {

// `kPhoto` asks for a file: the answer is an attachment of the consult (a photo, or an ECG as
// PDF), not a value; a required one needs an attachment before sending.
enum class FieldType { kText, kNumber, kYesNo, kChoice, kDate, kPhoto };

template <>
struct EnumNames<FieldType> {
  static constexpr std::array<std::pair<FieldType, std::string_view>, 6> kNames{{
      {FieldType::kText, "text"},
      {FieldType::kNumber, "number"},
      {FieldType::kYesNo, "yes_no"},
      {FieldType::kChoice, "choice"},
      {FieldType::kDate, "date"},
      {FieldType::kPhoto, "photo"},
  }};
};

struct TemplateField {
  std::string key;    // what answers are keyed by: a-z, 0-9 and _, starting with a letter
  std::string label;  // the question as the GP reads it
  std::string help;
  FieldType type = FieldType::kText;
  bool required = false;
  std::optional<std::string> unit;   // "weken", for numbers
  std::vector<std::string> options;  // the choices of a kChoice field
  bool operator==(const TemplateField&) const = default;
};

struct QuestionTemplate {
  int64_t id = 0;
  int64_t organisation_id = 0;  // whose coordinators keep it
  std::string specialty;
  std::string name;
  std::vector<TemplateField> fields;
  int64_t version = 1;  // a new one on every change
  std::optional<int64_t> changed_by;
  TimePoint changed_at;
  bool operator==(const QuestionTemplate&) const = default;
};

// The version of a template a consult was written with.
struct TemplateRef {
  int64_t id = 0;
  int64_t version = 0;
  bool operator==(const TemplateRef&) const = default;
};

// One answer, as text in a canonical form: a number in decimal ("12", "37.5"), a yes/no as
// "true" or "false", a date as YYYY-MM-DD, a choice as the option's text.
struct TemplateAnswer {
  std::string key;
  std::string value;
  bool operator==(const TemplateAnswer&) const = default;
};

inline constexpr size_t kMaxTemplateFields = 40;
inline constexpr size_t kMaxTemplateNameChars = 200;
inline constexpr size_t kMaxFieldLabelChars = 300;
inline constexpr size_t kMaxFieldHelpChars = 1000;
inline constexpr size_t kMaxFieldOptions = 30;
inline constexpr size_t kMaxAnswerChars = 4000;

// Checks a template as a coordinator writes it: a name, 1 to 40 fields with unique well-formed
// keys and labels, options for (and only for) choices, a unit only for numbers.
Result<void> ValidateTemplate(const QuestionTemplate& question_template);

// Checks a GP's answers against the template version: every answer names a field that takes a
// value and fits its type. With `ready_to_send`, every required field that takes a value has an
// answer, and a required photo field is met when `attachments` > 0. Errors name the field by
// its label and point at `template_answers.<key>`.
Result<void> ValidateTemplateAnswers(const QuestionTemplate& question_template,
                                     std::span<const TemplateAnswer> answers, bool ready_to_send,
                                     size_t attachments);

}  // namespace meekijk::domain
