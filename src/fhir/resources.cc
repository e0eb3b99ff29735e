// Consults, people and organisations as FHIR resources.
#include "fhir/resources.h"

#include <boost/json/array.hpp>
#include <sodium.h>

#include <cmath>
#include <cstring>
#include <cstdlib>

#include "domain/consult_state.h"
#include "domain/enum_names.h"
#include "domain/file_type.h"
#include "fhir/task_status.h"

namespace meekijk::fhir {
namespace {

using domain::ConsultStatus;

json::object Meta(const domain::Consult& consult) {
  return json::object{{"versionId", std::to_string(consult.version)},
                      {"lastUpdated", Instant(consult.updated_at)}};
}

json::array ConsultIdentifier(const domain::Consult& consult) {
  return json::array{Identifier(kConsultNumberSystem, consult.number)};
}

json::object OrganisationReference(const domain::Organisation& organisation) {
  json::object out = ReferenceTo("Organization", organisation.id, organisation.name);
  if (organisation.agb) out["identifier"] = Identifier(kAgbSystem, *organisation.agb);
  return out;
}

json::object PersonReference(const domain::User& user) {
  json::object out = ReferenceTo("Practitioner", user.id, user.display_name);
  if (user.agb) out["identifier"] = Identifier(kAgbSystem, *user.agb);
  return out;
}

// Who holds the Task: the specialist once one has it, else the organisation of the pool.
std::optional<json::object> Owner(const service::ConsultDetail& detail) {
  if (detail.specialist) return PersonReference(*detail.specialist);
  if (detail.pool_organisation) return OrganisationReference(*detail.pool_organisation);
  return std::nullopt;
}

json::object Requester(const service::ConsultDetail& detail) {
  if (detail.sender) return PersonReference(*detail.sender);
  if (detail.practice) return OrganisationReference(*detail.practice);
  return ReferenceTo("Organization", detail.consult.practice_id);
}

std::string_view Gender(domain::Sex sex) {
  switch (sex) {
    case domain::Sex::kFemale: return "female";
    case domain::Sex::kMale: return "male";
    case domain::Sex::kOther: return "other";
    case domain::Sex::kUnknown: return "unknown";
  }
  return "unknown";
}

json::object Output(std::string_view type, std::string_view value_key, json::value value) {
  return json::object{{"type", Concept(OurCodeSystem("task-output"), type)},
                      {std::string(value_key), std::move(value)}};
}

std::string_view FhirItemType(domain::FieldType type) {
  switch (type) {
    case domain::FieldType::kText: return "text";
    case domain::FieldType::kNumber: return "decimal";
    case domain::FieldType::kYesNo: return "boolean";
    case domain::FieldType::kChoice: return "choice";
    case domain::FieldType::kDate: return "date";
    case domain::FieldType::kPhoto: return "attachment";
  }
  return "text";
}

json::object QuestionnaireOf(const domain::QuestionTemplate& form) {
  json::array items;
  for (const domain::TemplateField& field : form.fields) {
    json::object item{{"linkId", field.key}, {"text", field.label},
                      {"type", FhirItemType(field.type)}, {"required", field.required}};
    if (!field.options.empty()) {
      json::array options;
      for (const std::string& option : field.options) {
        options.push_back(json::object{{"valueString", option}});
      }
      item["answerOption"] = std::move(options);
    }
    items.push_back(std::move(item));
  }
  return json::object{{"resourceType", "Questionnaire"},
                      {"id", "template"},
                      {"version", std::to_string(form.version)},
                      {"title", form.name},
                      {"status", "active"},
                      {"item", std::move(items)}};
}

// An answer in the value[x] its field's type asks for; text when it does not parse.
json::object AnswerValue(const domain::TemplateField* field, const std::string& value) {
  if (field != nullptr) {
    switch (field->type) {
      case domain::FieldType::kYesNo:
        if (value == "true" || value == "false") return json::object{{"valueBoolean", value == "true"}};
        break;
      case domain::FieldType::kNumber: {
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (end != value.c_str() && *end == '\0') {
          // Written as the GP gave it: 16, not 1.6E1.
          if (number == std::floor(number) && std::abs(number) < 1e15) {
            return json::object{{"valueDecimal", static_cast<int64_t>(number)}};
          }
          return json::object{{"valueDecimal", number}};
        }
        break;
      }
      case domain::FieldType::kDate:
        if (ParseInstant(value)) return json::object{{"valueDate", value}};
        break;
      default: break;
    }
  }
  return json::object{{"valueString", value}};
}

}  // namespace

json::object TaskOf(const service::ConsultDetail& detail) {
  const domain::Consult& c = detail.consult;
  json::object task{
      {"resourceType", "Task"},
      {"id", std::to_string(c.id)},
      {"meta", Meta(c)},
      {"identifier", ConsultIdentifier(c)},
      {"basedOn", json::array{ReferenceTo("ServiceRequest", c.id)}},
      {"status", TaskStatusOf(c.status)},
      {"businessStatus", Concept(OurCodeSystem("consult-status"), domain::Name(c.status),
                                 domain::StatusLabel(c.status).nl)},
      {"intent", "order"},
      {"code", Concept("http://hl7.org/fhir/CodeSystem/task-code", "fulfill")},
      {"focus", ReferenceTo("ServiceRequest", c.id)},
      {"for", ReferenceTo("Patient", c.id)},
      {"authoredOn", Instant(c.created_at)},
      {"lastModified", Instant(c.updated_at)},
      {"requester", Requester(detail)},
  };
  if (std::optional<json::object> owner = Owner(detail)) task["owner"] = std::move(*owner);
  if (c.due_at) task["restriction"] = json::object{{"period", json::object{{"end", Instant(*c.due_at)}}}};
  if (c.status == ConsultStatus::kDeclined && !c.decline_reason.empty()) {
    task["statusReason"] = json::object{{"text", c.decline_reason}};
  }
  json::array output;
  if (c.advice) {
    output.push_back(Output("recommendation", "valueCodeableConcept",
                            Concept(OurCodeSystem("recommendation"),
                                    domain::Name(c.advice->recommendation))));
    output.push_back(Output("advice", "valueString", json::string(c.advice->body)));
  }
  if (c.outcome) {
    output.push_back(Output("outcome", "valueCodeableConcept",
                            Concept(OurCodeSystem("outcome"), domain::Name(c.outcome->outcome))));
    output.push_back(Output("learned", "valueBoolean", c.outcome->learned));
    output.push_back(Output("rating", "valueInteger", c.outcome->rating));
  }
  if (detail.referral) {
    output.push_back(Output("referral-letter", "valueString", json::string(detail.referral->letter)));
  }
  if (!output.empty()) task["output"] = std::move(output);
  return task;
}

json::object ServiceRequestOf(const service::ConsultDetail& detail) {
  const domain::Consult& c = detail.consult;
  const domain::ConsultContent& content = c.content;
  std::string_view status = "active";
  if (c.status == ConsultStatus::kDraft) status = "draft";
  if (c.status == ConsultStatus::kClosed) status = "completed";
  if (c.status == ConsultStatus::kCancelled || c.status == ConsultStatus::kDeclined) {
    status = "revoked";
  }
  json::object request{
      {"resourceType", "ServiceRequest"},
      {"id", std::to_string(c.id)},
      {"meta", Meta(c)},
      {"identifier", ConsultIdentifier(c)},
      {"status", status},
      {"intent", "order"},
      {"category", json::array{Concept(OurCodeSystem("consult-mode"), domain::Name(content.mode))}},
      {"code", json::object{{"coding", json::array{Coding(OurCodeSystem("service"), "meekijkconsult",
                                                         "Meekijkconsult")}},
                            {"text", content.question}}},
      {"subject", ReferenceTo("Patient", c.id)},
      {"authoredOn", Instant(c.created_at)},
      {"requester", Requester(detail)},
      {"performerType", Concept(OurCodeSystem("specialty"), content.specialty)},
  };
  if (!content.icpc.empty()) {
    request["reasonCode"] = json::array{Concept(kIcpcSystem, content.icpc)};
  }
  if (!content.clinical_summary.empty()) {
    request["note"] = json::array{json::object{{"text", content.clinical_summary}}};
  }
  json::array extensions{json::object{{"url", OurExtension("patient-consent")},
                                      {"valueBoolean", content.consent}}};
  if (content.intended_referral) {
    extensions.push_back(json::object{{"url", OurExtension("intended-referral")},
                                      {"valueBoolean", *content.intended_referral}});
  }
  request["extension"] = std::move(extensions);
  if (std::optional<json::object> owner = Owner(detail)) {
    request["performer"] = json::array{std::move(*owner)};
  }
  if (!content.template_answers.empty()) {
    request["supportingInfo"] = json::array{ReferenceTo("QuestionnaireResponse", c.id)};
  }
  return request;
}

json::object PatientOf(const service::ConsultDetail& detail) {
  const domain::Patient& p = detail.consult.content.patient;
  json::object patient{{"resourceType", "Patient"},
                       {"id", std::to_string(detail.consult.id)},
                       {"meta", Meta(detail.consult)},
                       {"gender", Gender(p.sex)}};
  if (!detail.patient_withheld && p.birth_date) {
    patient["birthDate"] = *p.birth_date;
  } else if (p.birth_year > 0) {
    patient["birthDate"] = std::to_string(p.birth_year);
  }
  if (!detail.patient_withheld) {
    if (p.bsn) patient["identifier"] = json::array{Identifier(kBsnSystem, *p.bsn)};
    if (p.name) patient["name"] = json::array{json::object{{"text", *p.name}}};
  }
  return patient;
}

std::vector<json::object> CommunicationsOf(const service::ConsultDetail& detail) {
  const domain::Consult& c = detail.consult;
  std::vector<json::object> out;
  std::optional<int64_t> previous;
  for (const domain::ThreadMessage& m : detail.thread) {
    std::string id = std::to_string(c.id) + "-" + std::to_string(m.id);
    json::object communication{
        {"resourceType", "Communication"},
        {"id", id},
        {"basedOn", json::array{ReferenceTo("ServiceRequest", c.id)}},
        {"partOf", json::array{ReferenceTo("Task", c.id)}},
        {"status", "completed"},
        {"category", json::array{Concept(OurCodeSystem("message-kind"), domain::Name(m.kind))}},
        {"subject", ReferenceTo("Patient", c.id)},
        {"sent", Instant(m.created_at)},
        {"sender", ReferenceTo("Practitioner", m.author_id, m.author_name)},
        {"payload", json::array{json::object{{"contentString", m.body}}}},
    };
    if (m.recommendation) {
      communication["reasonCode"] = json::array{
          Concept(OurCodeSystem("recommendation"), domain::Name(*m.recommendation))};
    }
    if (previous) {
      communication["inResponseTo"] = json::array{json::object{
          {"reference", "Communication/" + std::to_string(c.id) + "-" + std::to_string(*previous)}}};
    }
    previous = m.id;
    out.push_back(std::move(communication));
  }
  for (const domain::Attachment& a : detail.attachments) {
    json::object attachment{{"contentType", domain::MimeType(a.file_type)},
                            {"url", Reference("Binary", a.id)},
                            {"title", a.filename},
                            {"size", a.size_bytes},
                            {"creation", Instant(a.uploaded_at)}};
    out.push_back(json::object{
        {"resourceType", "Communication"},
        {"id", std::to_string(c.id) + "-a" + std::to_string(a.id)},
        {"basedOn", json::array{ReferenceTo("ServiceRequest", c.id)}},
        {"partOf", json::array{ReferenceTo("Task", c.id)}},
        {"status", "completed"},
        {"category", json::array{Concept(OurCodeSystem("message-kind"), "attachment")}},
        {"subject", ReferenceTo("Patient", c.id)},
        {"sent", Instant(a.uploaded_at)},
        {"payload", json::array{json::object{{"contentAttachment", std::move(attachment)}}}},
    });
  }
  return out;
}

std::optional<json::object> QuestionnaireResponseOf(const service::ConsultDetail& detail) {
  const domain::Consult& c = detail.consult;
  if (c.content.template_answers.empty()) return std::nullopt;
  json::array items;
  for (const domain::TemplateAnswer& answer : c.content.template_answers) {
    const domain::TemplateField* field = nullptr;
    if (detail.question_template) {
      for (const domain::TemplateField& f : detail.question_template->fields) {
        if (f.key == answer.key) field = &f;
      }
    }
    json::object item{{"linkId", answer.key},
                      {"answer", json::array{AnswerValue(field, answer.value)}}};
    if (field != nullptr) item["text"] = field->label;
    items.push_back(std::move(item));
  }
  json::object response{{"resourceType", "QuestionnaireResponse"},
                        {"id", std::to_string(c.id)},
                        {"meta", Meta(c)},
                        {"basedOn", json::array{ReferenceTo("ServiceRequest", c.id)}},
                        {"status", c.status == ConsultStatus::kDraft ? "in-progress" : "completed"},
                        {"subject", ReferenceTo("Patient", c.id)},
                        {"authored", Instant(c.created_at)},
                        {"item", std::move(items)}};
  if (detail.question_template) {
    response["contained"] = json::array{QuestionnaireOf(*detail.question_template)};
    response["questionnaire"] = "#template";
  }
  return response;
}

json::object OrganizationOf(const domain::Organisation& organisation) {
  json::object out{{"resourceType", "Organization"},
                   {"id", std::to_string(organisation.id)},
                   {"active", true},
                   {"name", organisation.name},
                   {"type", json::array{Concept(OurCodeSystem("organisation-kind"),
                                                domain::Name(organisation.kind))}}};
  if (organisation.agb) out["identifier"] = json::array{Identifier(kAgbSystem, *organisation.agb)};
  if (organisation.parent_id) out["partOf"] = ReferenceTo("Organization", *organisation.parent_id);
  return out;
}

json::object PractitionerOf(const service::Practitioner& practitioner) {
  json::object out{{"resourceType", "Practitioner"},
                   {"id", std::to_string(practitioner.id)},
                   {"active", true},
                   {"name", json::array{json::object{{"text", practitioner.display_name}}}}};
  if (practitioner.agb) out["identifier"] = json::array{Identifier(kAgbSystem, *practitioner.agb)};
  return out;
}

std::vector<json::object> PractitionerRolesOf(const service::Practitioner& practitioner) {
  std::vector<json::object> out;
  for (const domain::Membership& m : practitioner.memberships) {
    out.push_back(json::object{
        {"resourceType", "PractitionerRole"},
        {"id", std::to_string(practitioner.id) + "-" + std::to_string(m.organisation_id) + "-" +
                   std::string(domain::Name(m.role))},
        {"active", true},
        {"practitioner", ReferenceTo("Practitioner", practitioner.id, practitioner.display_name)},
        {"organization", ReferenceTo("Organization", m.organisation_id, m.organisation_name)},
        {"code", json::array{Concept(OurCodeSystem("role"), domain::Name(m.role))}},
    });
  }
  return out;
}

json::object RecordBundleOf(const service::ConsultDetail& detail, const std::string& base_url,
                            TimePoint made_at, const std::string& pdf) {
  std::vector<json::object> resources{TaskOf(detail), ServiceRequestOf(detail), PatientOf(detail)};
  if (std::optional<json::object> answers = QuestionnaireResponseOf(detail)) {
    resources.push_back(std::move(*answers));
  }
  for (json::object& communication : CommunicationsOf(detail)) {
    resources.push_back(std::move(communication));
  }
  for (const std::optional<domain::Organisation>* organisation :
       {&detail.practice, &detail.pool_organisation}) {
    if (*organisation) resources.push_back(OrganizationOf(**organisation));
  }
  for (const std::optional<domain::User>* user : {&detail.sender, &detail.specialist}) {
    if (*user) resources.push_back(PractitionerOf({(*user)->id, (*user)->display_name, (*user)->agb, {}}));
  }
  std::string data(sodium_base64_encoded_len(pdf.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(data.data(), data.size(), reinterpret_cast<const unsigned char*>(pdf.data()),
                    pdf.size(), sodium_base64_VARIANT_ORIGINAL);
  data.resize(std::strlen(data.c_str()));
  const domain::Consult& c = detail.consult;
  resources.push_back(json::object{
      {"resourceType", "DocumentReference"},
      {"id", "record-" + std::to_string(c.id)},
      {"status", "current"},
      {"type", json::object{{"text", "Meekijkconsult: kopie voor het dossier"}}},
      {"subject", ReferenceTo("Patient", c.id)},
      {"date", Instant(made_at)},
      {"context", json::object{{"related", json::array{ReferenceTo("ServiceRequest", c.id)}}}},
      {"content", json::array{json::object{{"attachment", json::object{
          {"contentType", "application/pdf"},
          {"data", std::move(data)},
          {"title", c.number + ".pdf"},
          {"creation", Instant(made_at)}}}}}},
  });
  json::array entries;
  for (json::object& resource : resources) {
    std::string full_url = base_url + "/";
    full_url += resource.at("resourceType").as_string();
    full_url += "/";
    full_url += resource.at("id").as_string();
    entries.push_back(json::object{{"fullUrl", full_url}, {"resource", std::move(resource)}});
  }
  return json::object{
      {"resourceType", "Bundle"},
      {"id", "record-" + std::to_string(detail.consult.id)},
      {"identifier", Identifier(kConsultNumberSystem, detail.consult.number)},
      {"type", "collection"},
      {"timestamp", Instant(made_at)},
      {"entry", std::move(entries)},
  };
}

json::object SearchSet(const std::vector<json::object>& resources, const std::string& base_url,
                       const std::string& self, const std::optional<std::string>& next) {
  json::array entries;
  for (const json::object& resource : resources) {
    std::string full_url = base_url + "/" + std::string(resource.at("resourceType").as_string()) +
                           "/" + std::string(resource.at("id").as_string());
    entries.push_back(json::object{{"fullUrl", full_url},
                                   {"resource", resource},
                                   {"search", json::object{{"mode", "match"}}}});
  }
  json::array links{json::object{{"relation", "self"}, {"url", self}}};
  if (next) links.push_back(json::object{{"relation", "next"}, {"url", *next}});
  return json::object{{"resourceType", "Bundle"},
                      {"type", "searchset"},
                      {"link", std::move(links)},
                      {"entry", std::move(entries)}};
}

}  // namespace meekijk::fhir
