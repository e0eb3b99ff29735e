// Changes: POST /fhir/R4 (a transaction Bundle that creates a consult), PUT /fhir/R4/Task/{id}
// (a status change: send, claim, decline, cancel, close) and POST /fhir/R4/Communication (a
// message in the thread, or the advice).
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/integer.h"
#include "domain/enum_names.h"
#include "fhir/consult_bundle.h"
#include "fhir/fhir.h"
#include "fhir/handler_support.h"
#include "fhir/resources.h"
#include "fhir/task_status.h"

namespace meekijk::fhir {
namespace {

using service::ConsultDetail;
using service::Principal;

// The code of the first coding of `codeable` in our code system `name`.
std::string OurCode(const json::value* codeable, std::string_view name) {
  if (codeable == nullptr || !codeable->is_object()) return "";
  const json::value* codings = codeable->get_object().if_contains("coding");
  if (codings == nullptr || !codings->is_array()) return "";
  for (const json::value& coding : codings->get_array()) {
    if (coding.is_object() && StringOf(coding.get_object().if_contains("system")) == OurCodeSystem(name)) {
      return StringOf(coding.get_object().if_contains("code"));
    }
  }
  return "";
}

const json::value* First(const json::object& object, std::string_view key) {
  const json::value* items = object.if_contains(key);
  if (items == nullptr || !items->is_array() || items->get_array().empty()) return nullptr;
  return &items->get_array()[0];
}

// The specialty a Vektis code stands for, among those the caller may consult.
Result<std::string> SpecialtyOfVektis(api::Services& services, const Principal& principal,
                                      const std::string& vektis) {
  MK_ASSIGN_OR_RETURN(std::vector<service::SpecialtyOption> options,
                      services.directory.SpecialtiesFor(principal));
  for (const service::SpecialtyOption& option : options) {
    if (option.specialty.vektis_code == vektis) return option.specialty.code;
  }
  return Invalid("Geen afspraak voor het specialisme met Vektis-code " + vektis + ".",
                 "No agreement for the specialty with Vektis code " + vektis + ".",
                 "ServiceRequest.performerType");
}

json::object ResponseEntry(const std::string& location, int64_t version) {
  return json::object{{"response", json::object{{"status", "201 Created"},
                                                {"location", location + "/_history/" +
                                                                 std::to_string(version)},
                                                {"etag", "W/\"" + std::to_string(version) + "\""}}}};
}

http::Response Transaction(api::Services& services, http::Request& request) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<ConsultBundle> bundle = ReadConsultBundle(request.body);
    if (!bundle.ok()) return OutcomeResponse(request, bundle.error());
    if (bundle->vektis_specialty) {
      Result<std::string> specialty = SpecialtyOfVektis(services, principal, *bundle->vektis_specialty);
      if (!specialty.ok()) return OutcomeResponse(request, specialty.error());
      bundle->consult.content.specialty = *specialty;
    }
    Result<domain::Consult> created = services.fhir.Create(principal, bundle->consult);
    if (!created.ok()) {
      Error error = created.error();
      error.field = FhirPathOfField(error.field);
      return OutcomeResponse(request, error);
    }
    std::string id = std::to_string(created->id);
    json::array entries;
    for (const std::string& type : bundle->entry_types) {
      entries.push_back(ResponseEntry(type + "/" + id, created->version));
    }
    return ResourceResponse(200, json::object{{"resourceType", "Bundle"},
                                              {"type", "transaction-response"},
                                              {"entry", std::move(entries)}});
  });
}

// What closing needs, from Task.output: outcome (a code of our outcome system), learned
// (valueBoolean) and rating (valueInteger 1–5).
Result<service::Outcome> ClosingOutcome(const json::object& task) {
  service::Outcome outcome;
  bool has_outcome = false;
  const json::value* outputs = task.if_contains("output");
  if (outputs != nullptr && outputs->is_array()) {
    for (const json::value& item : outputs->get_array()) {
      if (!item.is_object()) continue;
      const json::object& output = item.get_object();
      std::string type = OurCode(output.if_contains("type"), "task-output");
      if (type == "outcome") {
        std::optional<domain::OutcomeKind> kind = domain::Parse<domain::OutcomeKind>(
            OurCode(output.if_contains("valueCodeableConcept"), "outcome"));
        if (!kind) break;
        outcome.outcome = *kind;
        has_outcome = true;
      } else if (type == "learned" && output.contains("valueBoolean") &&
                 output.at("valueBoolean").is_bool()) {
        outcome.learned = output.at("valueBoolean").get_bool();
      } else if (type == "rating" && output.contains("valueInteger") &&
                 output.at("valueInteger").is_int64()) {
        outcome.rating = static_cast<int>(output.at("valueInteger").get_int64());
      }
    }
  }
  if (!has_outcome) {
    return Invalid("Afsluiten vraagt de uitkomst in Task.output (outcome: primary_care, referred "
                   "of referred_elsewhere).",
                   "Closing needs the outcome in Task.output (outcome: primary_care, referred or "
                   "referred_elsewhere).",
                   "Task.output");
  }
  return outcome;
}

// The version an If-Match header names (W/"7" or "7"; "*" is any); -1, which no Task has, for
// anything else, so that a malformed precondition fails instead of being ignored.
std::optional<int64_t> IfMatchVersion(const http::Request& request) {
  std::optional<std::string_view> match = request.Header("if-match");
  if (!match) return std::nullopt;
  std::string_view value = *match;
  if (value == "*") return std::nullopt;  // any version: the Task exists
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() < 3 || value.front() != '"' || value.back() != '"') return -1;
  std::optional<int64_t> version = ParseInteger<int64_t>(value.substr(1, value.size() - 2));
  return version && *version >= 0 ? *version : -1;
}

// 412: the Task changed since the client read it.
http::Response StaleResponse(const http::Request& request) {
  Error stale = MakeError(ErrorCode::kConflict, "De Task is intussen gewijzigd; lees hem opnieuw.",
                          "The Task has changed meanwhile; read it again.");
  stale.reason = "stale_version";
  http::Response response = OutcomeResponse(request, stale);
  response.status = 412;
  return response;
}

http::Response UpdateTask(api::Services& services, http::Request& request) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<int64_t> id = IdParameter(request);
    if (!id.ok()) return OutcomeResponse(request, id.error());
    Result<json::object> task = ParseResource(request.body, "Task");
    if (!task.ok()) return OutcomeResponse(request, task.error());
    if (StringOf(task->if_contains("id")) != std::to_string(*id)) {
      return OutcomeResponse(request, Invalid("Task.id hoort gelijk te zijn aan de id in het adres.",
                                              "Task.id must equal the id in the address.", "Task.id"));
    }
    Result<ConsultDetail> current = services.fhir.Read(principal, *id, "Task");
    if (!current.ok()) return OutcomeResponse(request, current.error());
    // If-Match: W/"<version>" guards against changing a Task someone else changed meanwhile. The
    // use case compares it in the transaction that changes the Task; a PUT that changes nothing
    // is compared here.
    std::optional<int64_t> if_version = IfMatchVersion(request);
    std::string status = StringOf(task->if_contains("status"));
    if (status == TaskStatusOf(current->consult.status)) {
      if (if_version && *if_version != current->consult.version) {
        return StaleResponse(request);
      }
    } else {
      Result<service::TaskTransition> transition = TransitionTo(status);
      if (!transition.ok()) return OutcomeResponse(request, transition.error());
      service::TaskChange change{*transition, {}, {}, if_version};
      if (const json::value* reason = task->if_contains("statusReason");
          reason != nullptr && reason->is_object()) {
        change.reason = StringOf(reason->get_object().if_contains("text"));
      }
      if (*transition == service::TaskTransition::kClose) {
        Result<service::Outcome> outcome = ClosingOutcome(*task);
        if (!outcome.ok()) return OutcomeResponse(request, outcome.error());
        change.outcome = *outcome;
      }
      Result<domain::Consult> changed = services.fhir.ChangeTask(principal, *id, change);
      if (!changed.ok() && changed.error().reason == "stale_version") return StaleResponse(request);
      if (!changed.ok()) return OutcomeResponse(request, changed.error());
      current = services.fhir.Read(principal, *id, "Task");
      if (!current.ok()) return OutcomeResponse(request, current.error());
    }
    http::Response response = ResourceResponse(200, TaskOf(*current));
    response.WithHeader("ETag", "W/\"" + std::to_string(current->consult.version) + "\"");
    return response;
  });
}

http::Response CreateCommunication(api::Services& services, http::Request& request,
                                   const FhirOptions& options) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<json::object> communication = ParseResource(request.body, "Communication");
    if (!communication.ok()) return OutcomeResponse(request, communication.error());
    std::optional<int64_t> consult_id;
    if (const json::value* part_of = First(*communication, "partOf"); part_of && part_of->is_object()) {
      consult_id = ReferencedId(StringOf(part_of->get_object().if_contains("reference")), "Task");
    }
    if (const json::value* based_on = First(*communication, "basedOn");
        !consult_id && based_on && based_on->is_object()) {
      consult_id =
          ReferencedId(StringOf(based_on->get_object().if_contains("reference")), "ServiceRequest");
    }
    if (!consult_id) {
      return OutcomeResponse(request, Invalid("Noem het consult in partOf (Task/<id>) of basedOn "
                                              "(ServiceRequest/<id>).",
                                              "Name the consult in partOf (Task/<id>) or basedOn "
                                              "(ServiceRequest/<id>).",
                                              "Communication.partOf"));
    }
    std::optional<domain::MessageKind> kind =
        domain::Parse<domain::MessageKind>(OurCode(First(*communication, "category"), "message-kind"));
    if (!kind) {
      return OutcomeResponse(request, Invalid("Geef de soort bericht in category (question, "
                                              "info_request, reply of advice).",
                                              "Give the kind of message in category (question, "
                                              "info_request, reply or advice).",
                                              "Communication.category"));
    }
    std::string body;
    if (const json::value* payload = First(*communication, "payload"); payload && payload->is_object()) {
      body = StringOf(payload->get_object().if_contains("contentString"));
    }
    std::optional<domain::Recommendation> recommendation;
    if (*kind == domain::MessageKind::kAdvice) {
      recommendation = domain::Parse<domain::Recommendation>(
          OurCode(First(*communication, "reasonCode"), "recommendation"));
      if (!recommendation) {
        return OutcomeResponse(request, Invalid("Een advies noemt zijn aanbeveling in reasonCode.",
                                                "An advice names its recommendation in reasonCode.",
                                                "Communication.reasonCode"));
      }
    }
    Result<domain::Consult> changed =
        services.fhir.Communicate(principal, *consult_id, *kind, body, recommendation);
    if (!changed.ok()) return OutcomeResponse(request, changed.error());
    // Read back under the create permission: what a client posted it may see answered.
    Result<ConsultDetail> detail = services.fhir.Read(principal, *consult_id, "Communication", 'c');
    if (!detail.ok()) return OutcomeResponse(request, detail.error());
    // The new message is the thread's last.
    std::vector<json::object> thread = CommunicationsOf(*detail);
    const json::object* created = nullptr;
    for (const json::object& c : thread) {
      if (OurCode(First(c, "category"), "message-kind") != "attachment") created = &c;
    }
    if (created == nullptr) return ResourceResponse(201, json::object{});
    http::Response response = ResourceResponse(201, *created);
    response.WithHeader("Location", BaseUrl(request, options) + "/Communication/" +
                                        std::string(created->at("id").as_string()));
    return response;
  });
}

}  // namespace

void AddFhirWriteRoutes(http::Router& router, api::Services& services, const FhirOptions& options) {
  router.Add("POST", "/fhir/R4", [&services](http::Request& r) { return Transaction(services, r); },
             http::BodyRule::Text());
  router.Add("PUT", "/fhir/R4/Task/{id}", [&services](http::Request& r) { return UpdateTask(services, r); },
             http::BodyRule::Text());
  router.Add("POST", "/fhir/R4/Communication",
             [&services, options](http::Request& r) { return CreateCommunication(services, r, options); },
             http::BodyRule::Text());
}

}  // namespace meekijk::fhir
