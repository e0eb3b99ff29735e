// A transaction Bundle → NewConsult.
#include "fhir/consult_bundle.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

#include "domain/enum_names.h"

namespace meekijk::fhir {
namespace {

constexpr size_t kMaxEntries = 10;

struct Entry {
  const json::object* resource = nullptr;
  std::string full_url;
  std::string path;  // "Bundle.entry[2].resource"
};

const json::object* ObjectAt(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_object() ? &value->get_object() : nullptr;
}

const json::array* ArrayAt(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

std::optional<std::string> StringAt(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

std::optional<std::string> ReferenceAt(const json::object& object, std::string_view key) {
  const json::object* reference = ObjectAt(object, key);
  return reference ? StringAt(*reference, "reference") : std::nullopt;
}

// The code of the first coding of a CodeableConcept with `system`.
std::optional<std::string> CodeIn(const json::object* codeable, std::string_view system) {
  if (codeable == nullptr) return std::nullopt;
  const json::array* codings = ArrayAt(*codeable, "coding");
  if (codings == nullptr) return std::nullopt;
  for (const json::value& coding : *codings) {
    if (!coding.is_object()) continue;
    if (StringAt(coding.get_object(), "system") == system) return StringAt(coding.get_object(), "code");
  }
  return std::nullopt;
}

const json::object* FirstObject(const json::object& object, std::string_view key) {
  const json::array* items = ArrayAt(object, key);
  if (items == nullptr || items->empty() || !(*items)[0].is_object()) return nullptr;
  return &(*items)[0].get_object();
}

std::optional<bool> BooleanExtension(const json::object& resource, std::string_view url) {
  const json::array* extensions = ArrayAt(resource, "extension");
  if (extensions == nullptr) return std::nullopt;
  for (const json::value& extension : *extensions) {
    if (!extension.is_object()) continue;
    const json::object& e = extension.get_object();
    const json::value* value = e.if_contains("valueBoolean");
    if (StringAt(e, "url") == url && value != nullptr && value->is_bool()) return value->get_bool();
  }
  return std::nullopt;
}

Result<void> ReadPatient(const Entry& entry, domain::Patient& patient) {
  const json::object& p = *entry.resource;
  std::string birth = StringAt(p, "birthDate").value_or("");
  if (birth.size() < 4 || !std::all_of(birth.begin(), birth.begin() + 4, ::isdigit)) {
    return Invalid("Het geboortejaar van de patiënt ontbreekt (birthDate).",
                   "The patient's year of birth is missing (birthDate).", entry.path + ".birthDate");
  }
  patient.birth_year = std::stoi(birth.substr(0, 4));
  if (birth.size() == 10) {
    patient.birth_date = birth;
  } else if (birth.size() != 4) {
    return Invalid("birthDate is een jaar (1979) of een datum (1979-03-02).",
                   "birthDate is a year (1979) or a date (1979-03-02).", entry.path + ".birthDate");
  }
  std::string gender = StringAt(p, "gender").value_or("unknown");
  std::optional<domain::Sex> sex = domain::Parse<domain::Sex>(gender);
  if (!sex) {
    return Invalid("Onbekend geslacht: " + gender + ".", "Unknown gender: " + gender + ".",
                   entry.path + ".gender");
  }
  patient.sex = *sex;
  if (const json::array* identifiers = ArrayAt(p, "identifier")) {
    for (const json::value& identifier : *identifiers) {
      if (identifier.is_object() && StringAt(identifier.get_object(), "system") == kBsnSystem) {
        patient.bsn = StringAt(identifier.get_object(), "value");
      }
    }
  }
  if (const json::object* name = FirstObject(p, "name")) {
    if (std::optional<std::string> text = StringAt(*name, "text")) patient.name = text;
  }
  return Ok();
}

Result<void> ReadServiceRequest(const Entry& entry, ConsultBundle& out) {
  const json::object& r = *entry.resource;
  domain::ConsultContent& content = out.consult.content;
  const json::object* specialty = ObjectAt(r, "performerType");
  if (std::optional<std::string> code = CodeIn(specialty, OurCodeSystem("specialty"))) {
    content.specialty = *code;
  } else if (std::optional<std::string> vektis = CodeIn(specialty, kVektisSpecialismSystem)) {
    out.vektis_specialty = vektis;
  } else {
    return Invalid("Geef het specialisme in performerType (ons specialisme of een Vektis-code).",
                   "Give the specialty in performerType (our specialty code or a Vektis code).",
                   entry.path + ".performerType");
  }
  std::string mode = CodeIn(FirstObject(r, "category"), OurCodeSystem("consult-mode")).value_or("digital");
  std::optional<domain::ConsultMode> parsed_mode = domain::Parse<domain::ConsultMode>(mode);
  if (!parsed_mode) {
    return Invalid("Onbekende vorm: " + mode + " (digital of physical).",
                   "Unknown mode: " + mode + " (digital or physical).", entry.path + ".category");
  }
  content.mode = *parsed_mode;
  const json::object* code = ObjectAt(r, "code");
  content.question = code ? StringAt(*code, "text").value_or("") : "";
  content.icpc = CodeIn(FirstObject(r, "reasonCode"), kIcpcSystem).value_or("");
  if (const json::object* note = FirstObject(r, "note")) {
    content.clinical_summary = StringAt(*note, "text").value_or("");
  }
  content.consent = BooleanExtension(r, OurExtension("patient-consent")).value_or(false);
  content.intended_referral = BooleanExtension(r, OurExtension("intended-referral"));
  if (std::optional<std::string> requester = ReferenceAt(r, "requester")) {
    if (std::optional<int64_t> practice = ReferencedId(*requester, "Organization")) {
      out.consult.practice_id = practice;
    }
  }
  return Ok();
}

Result<void> ReadTask(const Entry& entry, ConsultBundle& out) {
  std::string status = StringAt(*entry.resource, "status").value_or("");
  if (status != "requested" && status != "draft") {
    return Invalid("Een nieuwe Task heeft status requested (versturen) of draft (codeable).",
                   "A new Task has status requested (send it) or draft (keep a draft).",
                   entry.path + ".status");
  }
  out.consult.send = status == "requested";
  if (std::optional<std::string> owner = ReferenceAt(*entry.resource, "owner")) {
    if (std::optional<int64_t> specialist = ReferencedId(*owner, "Practitioner")) {
      out.consult.specialist_id = specialist;
    }
  }
  return Ok();
}

// An answer's value[x] as the canonical text of domain/question_template.h.
std::optional<std::string> AnswerText(const json::object& answer) {
  for (const auto& [key, value] : answer) {
    if (key.substr(0, 5) != "value") continue;
    if (value.is_string()) return std::string(value.get_string());
    if (value.is_bool()) return value.get_bool() ? "true" : "false";
    if (value.is_number()) return json::serialize(value);
    if (value.is_object()) {
      if (std::optional<std::string> display = StringAt(value.get_object(), "display")) return display;
      return StringAt(value.get_object(), "code");
    }
  }
  return std::nullopt;
}

Result<void> ReadAnswers(const Entry& entry, domain::ConsultContent& content) {
  const json::array* items = ArrayAt(*entry.resource, "item");
  if (items == nullptr) return Ok();
  for (size_t i = 0; i < items->size(); ++i) {
    std::string path = entry.path + ".item[" + std::to_string(i) + "]";
    if (!(*items)[i].is_object()) return Invalid("Ongeldig antwoord.", "Invalid answer.", path);
    const json::object& item = (*items)[i].get_object();
    std::optional<std::string> key = StringAt(item, "linkId");
    const json::object* answer = FirstObject(item, "answer");
    std::optional<std::string> value = answer ? AnswerText(*answer) : std::nullopt;
    if (!key || !value) {
      return Invalid("Een antwoord heeft een linkId en een waarde nodig.",
                     "An answer needs a linkId and a value.", path);
    }
    content.template_answers.push_back({*key, *value});
  }
  return Ok();
}

}  // namespace

Result<ConsultBundle> ReadConsultBundle(std::string_view body) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) {
    return MakeError(ErrorCode::kMalformed, "Dit is geen JSON.", "This is not JSON.", "Bundle");
  }
  const json::object& bundle = parsed.get_object();
  if (StringAt(bundle, "resourceType") != "Bundle" || StringAt(bundle, "type") != "transaction") {
    return Invalid("Stuur een Bundle van type transaction.", "Send a Bundle of type transaction.",
                   "Bundle.type");
  }
  const json::array* entries = ArrayAt(bundle, "entry");
  if (entries == nullptr || entries->empty() || entries->size() > kMaxEntries) {
    return Invalid("De Bundle heeft 3 tot 10 entries (Patient, ServiceRequest, Task, ...).",
                   "The Bundle has 3 to 10 entries (Patient, ServiceRequest, Task, ...).",
                   "Bundle.entry");
  }
  std::optional<Entry> patient, request, task, answers;
  std::vector<std::string> entry_types;
  for (size_t i = 0; i < entries->size(); ++i) {
    std::string path = "Bundle.entry[" + std::to_string(i) + "]";
    const json::object* entry = (*entries)[i].is_object() ? &(*entries)[i].get_object() : nullptr;
    const json::object* resource = entry ? ObjectAt(*entry, "resource") : nullptr;
    const json::object* method = entry ? ObjectAt(*entry, "request") : nullptr;
    if (resource == nullptr || method == nullptr || StringAt(*method, "method") != "POST") {
      return Invalid("Elke entry maakt een resource aan (request.method POST).",
                     "Every entry creates a resource (request.method POST).", path);
    }
    Entry read{resource, entry ? StringAt(*entry, "fullUrl").value_or("") : "", path + ".resource"};
    std::string type = StringAt(*resource, "resourceType").value_or("");
    std::optional<Entry>* slot = type == "Patient"                 ? &patient
                                 : type == "ServiceRequest"        ? &request
                                 : type == "Task"                  ? &task
                                 : type == "QuestionnaireResponse" ? &answers
                                                                   : nullptr;
    if (slot == nullptr || slot->has_value()) {
      return Invalid("Een consult is één Patient, ServiceRequest en Task, en hoogstens één "
                     "QuestionnaireResponse; niet: " + type + ".",
                     "A consult is one Patient, ServiceRequest and Task, and at most one "
                     "QuestionnaireResponse; not: " + type + ".",
                     path + ".resource.resourceType");
    }
    *slot = read;
    entry_types.push_back(type);
  }
  if (!patient || !request || !task) {
    return Invalid("De Bundle mist een Patient, ServiceRequest of Task.",
                   "The Bundle lacks a Patient, ServiceRequest or Task.", "Bundle.entry");
  }
  // The entries must belong together: the request is about this patient, the task about it.
  if (ReferenceAt(*request->resource, "subject") != patient->full_url) {
    return Invalid("ServiceRequest.subject verwijst niet naar de Patient van deze Bundle.",
                   "ServiceRequest.subject does not refer to this Bundle's Patient.",
                   request->path + ".subject");
  }
  if (ReferenceAt(*task->resource, "focus") != request->full_url) {
    return Invalid("Task.focus verwijst niet naar de ServiceRequest van deze Bundle.",
                   "Task.focus does not refer to this Bundle's ServiceRequest.",
                   task->path + ".focus");
  }
  ConsultBundle out;
  MK_RETURN_IF_ERROR(ReadPatient(*patient, out.consult.content.patient));
  MK_RETURN_IF_ERROR(ReadServiceRequest(*request, out));
  MK_RETURN_IF_ERROR(ReadTask(*task, out));
  if (answers) MK_RETURN_IF_ERROR(ReadAnswers(*answers, out.consult.content));
  out.entry_types = std::move(entry_types);
  out.patient_url = patient->full_url;
  out.service_request_url = request->full_url;
  out.task_url = task->full_url;
  if (answers) out.questionnaire_response_url = answers->full_url;
  return out;
}

std::string FhirPathOfField(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kPaths[] = {
      {"patient.birth_year", "Patient.birthDate"},
      {"patient.birth_date", "Patient.birthDate"},
      {"patient.sex", "Patient.gender"},
      {"patient.bsn", "Patient.identifier"},
      {"patient.name", "Patient.name"},
      {"specialty", "ServiceRequest.performerType"},
      {"mode", "ServiceRequest.category"},
      {"icpc", "ServiceRequest.reasonCode"},
      {"question", "ServiceRequest.code.text"},
      {"clinical_summary", "ServiceRequest.note"},
      {"consent", "ServiceRequest.extension"},
      {"intended_referral", "ServiceRequest.extension"},
      {"practice_id", "ServiceRequest.requester"},
      {"specialist_id", "Task.owner"},
  };
  for (const auto& [ours, path] : kPaths) {
    if (field == ours) return std::string(path);
  }
  if (field.substr(0, 17) == "template_answers.") return "QuestionnaireResponse.item";
  return std::string(field);
}

}  // namespace meekijk::fhir
