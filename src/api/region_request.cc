// Reading the coordinators' request bodies.
#include "api/region_request.h"

#include <algorithm>
#include <boost/json/array.hpp>

#include "api/json_body.h"
#include "core/integer.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

Result<domain::TemplateField> TemplateFieldFromJson(const json::object& body) {
  constexpr std::string_view kForm = "template_field";
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  domain::TemplateField field;
  MK_ASSIGN_OR_RETURN(field.key, RequiredString(body, {kForm, "key"}));
  MK_ASSIGN_OR_RETURN(field.label, RequiredString(body, {kForm, "label"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> help, OptionalString(body, {kForm, "help"}));
  field.help = help.value_or("");
  MK_ASSIGN_OR_RETURN(field.type, RequiredEnum<domain::FieldType>(body, {kForm, "type"}));
  MK_ASSIGN_OR_RETURN(std::optional<bool> required, OptionalBool(body, {kForm, "required"}));
  field.required = required.value_or(false);
  MK_ASSIGN_OR_RETURN(field.unit, OptionalString(body, {kForm, "unit"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> options,
                      OptionalStringList(body, {kForm, "options"}, domain::kMaxFieldOptions));
  field.options = options.value_or(std::vector<std::string>());
  return field;
}

Result<std::optional<std::vector<domain::TemplateField>>> TemplateFieldsFromJson(
    const json::object& body) {
  MK_ASSIGN_OR_RETURN(auto items,
                      OptionalObjectList(body, {"template", "fields"}, domain::kMaxTemplateFields));
  if (!items) return std::optional<std::vector<domain::TemplateField>>();
  std::vector<domain::TemplateField> fields;
  for (size_t i = 0; i < items->size(); ++i) {
    MK_ASSIGN_OR_RETURN(domain::TemplateField field,
                        AtItem(TemplateFieldFromJson(*(*items)[i]), "fields", i));
    fields.push_back(std::move(field));
  }
  return std::optional<std::vector<domain::TemplateField>>(std::move(fields));
}

// An int field that fits in `int` (day and hour counts); larger is refused by the domain's range.
Result<std::optional<int>> OptionalSmallInt(const json::object& body, Field field) {
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> value, OptionalInt(body, field));
  if (!value) return std::optional<int>();
  return std::optional<int>(static_cast<int>(std::clamp<int64_t>(*value, -1, 1'000'000)));
}

Result<std::vector<domain::ConsultMode>> ModesFromJson(const json::object& body) {
  constexpr Field kModes{"agreement", "modes"};
  MK_ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> names,
                      OptionalStringList(body, kModes, 2));
  std::vector<domain::ConsultMode> modes;
  for (const std::string& name : names.value_or(std::vector<std::string>())) {
    std::optional<domain::ConsultMode> mode = domain::Parse<domain::ConsultMode>(name);
    if (!mode) return InvalidChoice(kModes, "digital, physical");
    if (std::find(modes.begin(), modes.end(), *mode) == modes.end()) modes.push_back(*mode);
  }
  return modes;
}

// The fields a new agreement and a change share; with `creating`, the required ones must be there.
Result<void> ApplyAgreementFields(const json::object& body, bool creating,
                                  domain::Agreement& agreement) {
  constexpr std::string_view kForm = "agreement";
  auto mentioned = [&](std::string_view name) { return creating || Mentions(body, {kForm, name}); };
  if (creating) MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  if (mentioned("gp_organisations")) {
    MK_ASSIGN_OR_RETURN(std::optional<std::vector<int64_t>> ids,
                        OptionalIdList(body, {kForm, "gp_organisations"}, 500));
    agreement.gp_organisation_ids = ids.value_or(std::vector<int64_t>());
  }
  if (creating) {
    MK_ASSIGN_OR_RETURN(agreement.pool_id, RequiredInt(body, {kForm, "pool"}));
  }
  if (mentioned("modes")) {
    MK_ASSIGN_OR_RETURN(agreement.modes, ModesFromJson(body));
  }
  if (mentioned("response_days")) {
    MK_ASSIGN_OR_RETURN(std::optional<int> days, OptionalSmallInt(body, {kForm, "response_days"}));
    agreement.response_days = days.value_or(-1);
  }
  if (mentioned("escalate_after_hours")) {
    MK_ASSIGN_OR_RETURN(agreement.escalate_after_hours,
                        OptionalSmallInt(body, {kForm, "escalate_after_hours"}));
  }
  if (mentioned("template")) {
    MK_ASSIGN_OR_RETURN(agreement.template_id, OptionalInt(body, {kForm, "template"}));
  }
  struct Flag {
    std::string_view name;
    bool* value;
    bool fallback;
  };
  for (Flag flag : {Flag{"named_specialist_allowed", &agreement.named_specialist_allowed, true},
                    Flag{"requires_identification", &agreement.requires_identification, false},
                    Flag{"good_friday_off", &agreement.days_off.good_friday, false},
                    Flag{"liberation_day_off", &agreement.days_off.liberation_day, false}}) {
    if (!mentioned(flag.name)) continue;
    MK_ASSIGN_OR_RETURN(std::optional<bool> value, OptionalBool(body, {kForm, flag.name}));
    *flag.value = value.value_or(flag.fallback);
  }
  for (auto [name, fee] :
       {std::pair{std::string_view("gp_fee_cents"), &agreement.gp_fee_cents},
        std::pair{std::string_view("specialist_fee_cents"), &agreement.specialist_fee_cents}}) {
    if (!mentioned(name)) continue;
    MK_ASSIGN_OR_RETURN(std::optional<int64_t> value, OptionalInt(body, {kForm, name}));
    *fee = value.value_or(0);
  }
  for (auto [name, fee] : {std::pair{std::string_view("physical_gp_fee_cents"),
                                     &agreement.physical_gp_fee_cents},
                           std::pair{std::string_view("physical_specialist_fee_cents"),
                                     &agreement.physical_specialist_fee_cents}}) {
    if (!Mentions(body, {kForm, name})) continue;  // none: as a digital consult
    MK_ASSIGN_OR_RETURN(*fee, OptionalInt(body, {kForm, name}));
  }
  if (Mentions(body, {kForm, "specialist_fee_basis"})) {
    MK_ASSIGN_OR_RETURN(std::optional<std::string> basis,
                        OptionalString(body, {kForm, "specialist_fee_basis"}));
    std::optional<domain::FeeBasis> parsed = domain::Parse<domain::FeeBasis>(basis.value_or("consult"));
    if (!parsed) {
      return MakeError(ErrorCode::kInvalidArgument, "Kies ‘consult’ of ‘minute’.",
                       "Choose ‘consult’ or ‘minute’.", "specialist_fee_basis");
    }
    agreement.specialist_fee_basis = *parsed;
  }
  if (Mentions(body, {kForm, "pay_specialist_when_referred"})) {
    MK_ASSIGN_OR_RETURN(std::optional<bool> pay,
                        OptionalBool(body, {kForm, "pay_specialist_when_referred"}));
    agreement.pay_specialist_when_referred = pay.value_or(true);
  }
  if (Mentions(body, {kForm, "insurer"})) {
    MK_ASSIGN_OR_RETURN(agreement.insurer_id, OptionalInt(body, {kForm, "insurer"}));
  }
  if (Mentions(body, {kForm, "slot_minutes"})) {
    MK_ASSIGN_OR_RETURN(std::optional<int> minutes,
                        OptionalSmallInt(body, {kForm, "slot_minutes"}));
    agreement.slot_minutes = minutes.value_or(20);
  }
  for (auto [name, minute] :
       {std::pair{std::string_view("office_hours_from"), &agreement.office_hours.opens_minute},
        std::pair{std::string_view("office_hours_until"), &agreement.office_hours.closes_minute}}) {
    if (!Mentions(body, {kForm, name})) continue;  // optional on creation too: 08:00-17:00
    MK_ASSIGN_OR_RETURN(std::optional<std::string> text, OptionalString(body, {kForm, name}));
    std::optional<int> parsed = domain::ParseClockMinutes(text.value_or(""));
    if (!parsed) {
      return MakeError(ErrorCode::kInvalidArgument, "Vul een tijd in als UU:MM, zoals 08:00.",
                       "Enter a time as HH:MM, such as 08:00.", std::string(name));
    }
    *minute = *parsed;
  }
  if (mentioned("valid_from")) {
    MK_ASSIGN_OR_RETURN(std::optional<std::string> from,
                        OptionalString(body, {kForm, "valid_from"}));
    agreement.valid_from = from.value_or("");
  }
  if (mentioned("valid_to")) {
    MK_ASSIGN_OR_RETURN(agreement.valid_until, OptionalString(body, {kForm, "valid_to"}));
  }
  return Ok();
}

}  // namespace

Result<service::NewPool> NewPoolFromJson(const json::object& body) {
  constexpr std::string_view kForm = "pool";
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  service::NewPool pool;
  MK_ASSIGN_OR_RETURN(pool.organisation_id, RequiredInt(body, {kForm, "organisation_id"}));
  MK_ASSIGN_OR_RETURN(pool.specialty, RequiredString(body, {kForm, "specialty"}));
  MK_ASSIGN_OR_RETURN(pool.name, RequiredString(body, {kForm, "name"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::vector<int64_t>> members,
                      OptionalIdList(body, {kForm, "member_ids"}));
  pool.member_ids = members.value_or(std::vector<int64_t>());
  return pool;
}

Result<service::PoolChange> PoolChangeFromJson(const json::object& body) {
  constexpr std::string_view kForm = "pool_change";
  service::PoolChange change;
  MK_ASSIGN_OR_RETURN(change.name, OptionalString(body, {kForm, "name"}));
  MK_ASSIGN_OR_RETURN(change.member_ids, OptionalIdList(body, {kForm, "member_ids"}));
  return change;
}

Result<domain::QuestionTemplate> NewTemplateFromJson(const json::object& body) {
  constexpr std::string_view kForm = "template";
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  domain::QuestionTemplate question_template;
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> organisation,
                      OptionalInt(body, {kForm, "organisation_id"}));
  question_template.organisation_id = organisation.value_or(0);
  MK_ASSIGN_OR_RETURN(question_template.specialty, RequiredString(body, {kForm, "specialty"}));
  MK_ASSIGN_OR_RETURN(question_template.name, RequiredString(body, {kForm, "name"}));
  MK_ASSIGN_OR_RETURN(auto fields, TemplateFieldsFromJson(body));
  question_template.fields = fields.value_or(std::vector<domain::TemplateField>());
  return question_template;
}

Result<void> ApplyTemplateChange(const json::object& body,
                                 domain::QuestionTemplate& question_template) {
  constexpr std::string_view kForm = "template";
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> version, OptionalInt(body, {kForm, "version"}));
  if (version) question_template.version = *version;
  MK_ASSIGN_OR_RETURN(std::optional<std::string> name, OptionalString(body, {kForm, "name"}));
  if (name) question_template.name = *name;
  MK_ASSIGN_OR_RETURN(auto fields, TemplateFieldsFromJson(body));
  if (fields) question_template.fields = std::move(*fields);
  return Ok();
}

Result<domain::Agreement> NewAgreementFromJson(const json::object& body) {
  domain::Agreement agreement;
  MK_RETURN_IF_ERROR(ApplyAgreementFields(body, true, agreement));
  return agreement;
}

Result<void> ApplyAgreementChange(const json::object& body, domain::Agreement& agreement) {
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> version, OptionalInt(body, {"agreement", "version"}));
  if (version) agreement.version = *version;
  if (Mentions(body, {"agreement", "pool"})) {
    MK_ASSIGN_OR_RETURN(agreement.pool_id, RequiredInt(body, {"agreement", "pool"}));
  }
  return ApplyAgreementFields(body, false, agreement);
}

}  // namespace meekijk::api
