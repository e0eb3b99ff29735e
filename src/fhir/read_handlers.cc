// Reads and searches: GET /fhir/R4/metadata, Task, ServiceRequest, Patient, Communication,
// QuestionnaireResponse, Organization, Practitioner, PractitionerRole and Binary.
#include <boost/json/array.hpp>

#include "api/record_pdf.h"
#include "core/integer.h"
#include "domain/roles.h"
#include "fhir/capability.h"
#include "fhir/fhir.h"
#include "fhir/handler_support.h"
#include "fhir/resources.h"
#include "fhir/task_status.h"

namespace meekijk::fhir {

Result<int64_t> IdParameter(const http::Request& request) {
  auto it = request.params.find("id");
  if (it != request.params.end()) {
    std::optional<int64_t> id = ParseInteger<int64_t>(it->second);
    if (id && *id > 0) return *id;
  }
  return MakeError(ErrorCode::kNotFound, "Deze resource bestaat niet.",
                   "This resource does not exist.");
}

std::string EncodeQueryValue(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

using service::ConsultDetail;
using service::Principal;

constexpr int kDefaultCount = 20;
constexpr int kMaxCount = 50;
// How often one search reads the list on to fill its page, when the criteria the list cannot
// apply (several statuses, _lastUpdated, owner) leave it short: a bound on the work of one call.
constexpr int kMaxListReads = 8;

Error UnknownParameter(const std::string& name) {
  return Invalid("Onbekende zoekparameter: " + name + ".", "Unknown search parameter: " + name + ".");
}

// Refuses a parameter the search does not know, rather than ignoring it and answering with more
// than the caller asked for.
Result<void> OnlyParameters(const http::Request& request,
                            std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : request.query) {
    if (std::find(known.begin(), known.end(), name) == known.end()) return UnknownParameter(name);
  }
  return Ok();
}

// A resource of one consult: GET /fhir/R4/<type>/{id}.
template <typename ToResource>
http::Response ReadOne(api::Services& services, http::Request& request, std::string_view type,
                       ToResource to_resource) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<int64_t> id = IdParameter(request);
    if (!id.ok()) return OutcomeResponse(request, id.error());
    Result<ConsultDetail> detail = services.fhir.Read(principal, *id, type);
    if (!detail.ok()) return OutcomeResponse(request, detail.error());
    std::optional<json::object> resource = to_resource(*detail);
    if (!resource) {
      return OutcomeResponse(request, MakeError(ErrorCode::kNotFound, "Deze resource bestaat niet.",
                                                "This resource does not exist."));
    }
    http::Response response = ResourceResponse(200, *resource);
    response.WithHeader("ETag", "W/\"" + std::to_string(detail->consult.version) + "\"");
    return response;
  });
}

struct LastUpdated {
  std::optional<TimePoint> after;   // exclusive unless `after_inclusive`
  bool after_inclusive = true;
  std::optional<TimePoint> before;  // exclusive unless `before_inclusive`
  bool before_inclusive = false;

  bool Admits(TimePoint t) const {
    if (after && (after_inclusive ? t < *after : t <= *after)) return false;
    if (before && (before_inclusive ? t > *before : t >= *before)) return false;
    return true;
  }
};

Result<LastUpdated> ReadLastUpdated(const http::Request& request) {
  LastUpdated range;
  auto [from, to] = request.query.equal_range("_lastUpdated");
  for (auto it = from; it != to; ++it) {
    std::string_view value = it->second;
    std::string_view prefix = value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0]))
                                  ? value.substr(0, 2)
                                  : "ge";
    if (value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0]))) value.remove_prefix(2);
    std::optional<TimePoint> at = ParseInstant(value);
    if (!at || (prefix != "gt" && prefix != "ge" && prefix != "lt" && prefix != "le")) {
      return Invalid("_lastUpdated is gt, ge, lt of le gevolgd door een datum of tijdstip.",
                     "_lastUpdated is gt, ge, lt or le followed by a date or instant.");
    }
    if (prefix[0] == 'g') {
      range.after = at;
      range.after_inclusive = prefix == "ge";
    } else {
      range.before = at;
      range.before_inclusive = prefix == "le";
    }
  }
  return range;
}

// GET /fhir/R4/Task?status=&owner=&_lastUpdated=&_count=&_cursor=. A GP's or assistant's search
// runs over the practice's consults; a specialist's over the pools' queue, or, with
// owner=Practitioner/<themselves>, over the consults they hold.
http::Response SearchTasks(api::Services& services, http::Request& request,
                           const FhirOptions& options) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<void> known = OnlyParameters(request, {"status", "owner", "_lastUpdated", "_count", "_cursor"});
    if (!known.ok()) return OutcomeResponse(request, known.error());
    Result<LastUpdated> updated = ReadLastUpdated(request);
    if (!updated.ok()) return OutcomeResponse(request, updated.error());
    std::vector<domain::ConsultStatus> statuses;
    std::string status_text = request.Query("status").value_or("");
    for (size_t at = 0; !status_text.empty() && at <= status_text.size();) {
      size_t comma = std::min(status_text.find(',', at), status_text.size());
      std::vector<domain::ConsultStatus> some = ConsultStatusesOf(status_text.substr(at, comma - at));
      if (some.empty()) {
        return OutcomeResponse(request, Invalid("Onbekende Task-status in status=.",
                                                "Unknown Task status in status=."));
      }
      statuses.insert(statuses.end(), some.begin(), some.end());
      at = comma + 1;
    }
    std::string owner = request.Query("owner").value_or("");
    std::optional<int64_t> owner_person = ReferencedId(owner, "Practitioner");
    std::optional<int64_t> owner_organisation = ReferencedId(owner, "Organization");
    if (!owner.empty() && !owner_person && !owner_organisation) {
      return OutcomeResponse(request, Invalid("owner is Practitioner/<id> of Organization/<id>.",
                                              "owner is Practitioner/<id> or Organization/<id>."));
    }
    std::optional<int> count = ParseInteger<int>(request.Query("_count").value_or("20"));
    if (!count || *count < 1) {
      return OutcomeResponse(request, Invalid("_count is een positief getal.",
                                              "_count is a positive number."));
    }
    service::ListQuery query;
    bool practice_side = principal.HasRole(domain::Role::kGp) ||
                         principal.HasRole(domain::Role::kAssistant);
    query.box = practice_side ? service::Box::kOutbox
                : owner_person == principal.user.id ? service::Box::kInbox
                                                    : service::Box::kPool;
    if (statuses.size() == 1) query.status = statuses.front();
    size_t wanted = static_cast<size_t>(std::min(*count, kMaxCount));
    query.cursor = request.Query("_cursor");
    // The list filters by box and one status; the other criteria are applied here. So that a page
    // is not short while more matches follow, the list is read on, each time for no more than
    // the page still lacks (so no match is skipped), a bounded number of times.
    std::vector<json::object> tasks;
    std::optional<std::string> next_cursor;
    for (int reads = 0; tasks.size() < wanted && reads < kMaxListReads; ++reads) {
      query.limit = static_cast<int>(wanted - tasks.size());
      Result<service::ConsultList> list = services.fhir.Search(principal, query, "Task");
      if (!list.ok()) return OutcomeResponse(request, list.error());
      for (const domain::Consult& consult : list->items) {
        if (!statuses.empty() &&
            std::find(statuses.begin(), statuses.end(), consult.status) == statuses.end()) {
          continue;
        }
        if (!updated->Admits(consult.updated_at)) continue;
        if (owner_person && consult.specialist_id != owner_person) continue;
        Result<ConsultDetail> detail = services.fhir.Read(principal, consult.id, "Task", 's');
        if (!detail.ok()) continue;  // changed hands since the list was read
        if (owner_organisation &&
            !(detail->pool_organisation && detail->pool_organisation->id == *owner_organisation)) {
          continue;
        }
        tasks.push_back(TaskOf(*detail));
      }
      next_cursor = list->next_cursor;
      if (!next_cursor) break;
      query.cursor = next_cursor;
    }
    std::string base = BaseUrl(request, options);
    std::string self = base + "/Task";
    std::string separator = "?";
    for (const auto& [name, value] : request.query) {
      if (name == "_cursor") continue;
      self += separator + name + "=" + EncodeQueryValue(value);
      separator = "&";
    }
    std::optional<std::string> next;
    if (next_cursor) next = self + separator + "_cursor=" + EncodeQueryValue(*next_cursor);
    return ResourceResponse(200, SearchSet(tasks, base, self, next));
  });
}

// The consult a search by reference names (subject=Patient/7, part-of=Task/7, …): an empty
// searchset when there is none the caller may see.
http::Response SearchByConsult(api::Services& services, http::Request& request,
                               const FhirOptions& options, std::string_view type,
                               std::initializer_list<std::pair<std::string_view, std::string_view>>
                                   parameters,
                               const std::function<std::vector<json::object>(const ConsultDetail&)>&
                                   resources) {
  return WithCaller(services, request, [&](const Principal& principal) {
    std::optional<int64_t> consult_id;
    for (const auto& [name, value] : request.query) {
      bool known = false;
      for (const auto& [parameter, target] : parameters) {
        if (name != parameter) continue;
        known = true;
        consult_id = ReferencedId(value, target);
        // _id is a token: the plain id, as well as the reference.
        if (!consult_id && name == "_id") {
          consult_id = ParseInteger<int64_t>(value);
          if (consult_id && *consult_id <= 0) consult_id.reset();
        }
        if (!consult_id) {
          return OutcomeResponse(request, Invalid(name + " is " + std::string(target) + "/<id>.",
                                                  name + " is " + std::string(target) + "/<id>."));
        }
      }
      if (!known) return OutcomeResponse(request, UnknownParameter(name));
    }
    if (!consult_id) {
      return OutcomeResponse(request, Invalid("Zoek op een verwijzing naar het consult.",
                                              "Search by a reference to the consult."));
    }
    std::string base = BaseUrl(request, options);
    std::string self = base + "/" + std::string(type) + "?" + request.query.begin()->first + "=" +
                       EncodeQueryValue(request.query.begin()->second);
    Result<ConsultDetail> detail = services.fhir.Read(principal, *consult_id, type, 's');
    if (!detail.ok()) {
      if (detail.error().code != ErrorCode::kNotFound) return OutcomeResponse(request, detail.error());
      return ResourceResponse(200, SearchSet({}, base, self, std::nullopt));
    }
    return ResourceResponse(200, SearchSet(resources(*detail), base, self, std::nullopt));
  });
}

// Communication/<consult>-<message>, or -a<attachment>.
http::Response ReadCommunication(api::Services& services, http::Request& request) {
  return WithCaller(services, request, [&](const Principal& principal) {
    std::string id = request.params["id"];
    std::optional<int64_t> consult_id = ParseInteger<int64_t>(id.substr(0, id.find('-')));
    Error absent = MakeError(ErrorCode::kNotFound, "Deze Communication bestaat niet.",
                             "This Communication does not exist.");
    if (!consult_id || *consult_id <= 0) return OutcomeResponse(request, absent);
    Result<ConsultDetail> detail = services.fhir.Read(principal, *consult_id, "Communication");
    if (!detail.ok()) return OutcomeResponse(request, detail.error());
    for (json::object& communication : CommunicationsOf(*detail)) {
      if (communication.at("id").as_string() == id) return ResourceResponse(200, communication);
    }
    return OutcomeResponse(request, absent);
  });
}

http::Response ReadBinary(api::Services& services, http::Request& request) {
  return WithCaller(services, request, [&](const Principal& principal) {
    Result<int64_t> id = IdParameter(request);
    if (!id.ok()) return OutcomeResponse(request, id.error());
    Result<service::StoredFile> file = services.fhir.Attachment(principal, *id);
    if (!file.ok()) return OutcomeResponse(request, file.error());
    http::Response response;
    response.content_type = std::string(domain::MimeType(file->attachment.file_type));
    response.body = std::move(file->content);
    response.WithHeader("Content-Disposition", "attachment");
    response.WithHeader("X-Content-Type-Options", "nosniff");
    return response;
  });
}

}  // namespace

void AddFhirReadRoutes(http::Router& router, api::Services& services, const FhirOptions& options) {
  router.Add("GET", "/fhir/R4/metadata", [options](http::Request& r) {
    return ResourceResponse(200, CapabilityStatement(BaseUrl(r, options)));
  });
  router.Add("GET", "/fhir/R4/Task", [&services, options](http::Request& r) {
    return SearchTasks(services, r, options);
  });
  router.Add("GET", "/fhir/R4/Task/{id}", [&services](http::Request& r) {
    return ReadOne(services, r, "Task", [](const ConsultDetail& d) { return std::optional(TaskOf(d)); });
  });
  router.Add("GET", "/fhir/R4/Task/{id}/$record-copy", [&services, options](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<int64_t> id = IdParameter(r);
      if (!id.ok()) return OutcomeResponse(r, id.error());
      Result<ConsultDetail> detail = services.fhir.RecordCopy(principal, *id);
      if (!detail.ok()) return OutcomeResponse(r, detail.error());
      TimePoint now = SystemClock().Now();
      Result<std::string> pdf = api::RecordPdf(*detail, now);
      if (!pdf.ok()) return OutcomeResponse(r, pdf.error());
      return ResourceResponse(200, RecordBundleOf(*detail, BaseUrl(r, options), now, *pdf));
    });
  });
  router.Add("GET", "/fhir/R4/ServiceRequest", [&services, options](http::Request& r) {
    return SearchByConsult(services, r, options, "ServiceRequest",
                           {{"subject", "Patient"}, {"_id", "ServiceRequest"}},
                           [](const ConsultDetail& d) {
                             return std::vector<json::object>{ServiceRequestOf(d)};
                           });
  });
  router.Add("GET", "/fhir/R4/ServiceRequest/{id}", [&services](http::Request& r) {
    return ReadOne(services, r, "ServiceRequest",
                   [](const ConsultDetail& d) { return std::optional(ServiceRequestOf(d)); });
  });
  router.Add("GET", "/fhir/R4/Patient/{id}", [&services](http::Request& r) {
    return ReadOne(services, r, "Patient",
                   [](const ConsultDetail& d) { return std::optional(PatientOf(d)); });
  });
  router.Add("GET", "/fhir/R4/QuestionnaireResponse/{id}", [&services](http::Request& r) {
    return ReadOne(services, r, "QuestionnaireResponse",
                   [](const ConsultDetail& d) { return QuestionnaireResponseOf(d); });
  });
  router.Add("GET", "/fhir/R4/Communication", [&services, options](http::Request& r) {
    return SearchByConsult(services, r, options, "Communication",
                           {{"part-of", "Task"}, {"based-on", "ServiceRequest"}},
                           [](const ConsultDetail& d) { return CommunicationsOf(d); });
  });
  router.Add("GET", "/fhir/R4/Communication/{id}",
             [&services](http::Request& r) { return ReadCommunication(services, r); });
  router.Add("GET", "/fhir/R4/Binary/{id}",
             [&services](http::Request& r) { return ReadBinary(services, r); });
  router.Add("GET", "/fhir/R4/Organization/{id}", [&services](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<int64_t> id = IdParameter(r);
      if (!id.ok()) return OutcomeResponse(r, id.error());
      Result<domain::Organisation> organisation = services.fhir.Organisation(principal, *id);
      if (!organisation.ok()) return OutcomeResponse(r, organisation.error());
      return ResourceResponse(200, OrganizationOf(*organisation));
    });
  });
  router.Add("GET", "/fhir/R4/Practitioner/{id}", [&services](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<int64_t> id = IdParameter(r);
      if (!id.ok()) return OutcomeResponse(r, id.error());
      Result<service::Practitioner> practitioner = services.fhir.PractitionerOf(principal, *id);
      if (!practitioner.ok()) return OutcomeResponse(r, practitioner.error());
      return ResourceResponse(200, PractitionerOf(*practitioner));
    });
  });
  router.Add("GET", "/fhir/R4/PractitionerRole", [&services, options](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<void> known = OnlyParameters(r, {"practitioner"});
      if (!known.ok()) return OutcomeResponse(r, known.error());
      std::optional<int64_t> id = ReferencedId(r.Query("practitioner").value_or(""), "Practitioner");
      if (!id) {
        return OutcomeResponse(r, Invalid("Zoek met practitioner=Practitioner/<id>.",
                                          "Search with practitioner=Practitioner/<id>."));
      }
      Result<service::Practitioner> practitioner =
          services.fhir.PractitionerOf(principal, *id, "PractitionerRole", 's');
      std::string base = BaseUrl(r, options);
      std::string self = base + "/PractitionerRole?practitioner=Practitioner/" + std::to_string(*id);
      if (!practitioner.ok()) return OutcomeResponse(r, practitioner.error());
      return ResourceResponse(200, SearchSet(PractitionerRolesOf(*practitioner), base, self,
                                             std::nullopt));
    });
  });
}

}  // namespace meekijk::fhir
