// GET /api/v1/access-log (the privacy officer's search, JSON), GET /api/v1/access-log/export
// (the same as CSV) and POST /api/v1/subject-access (the AVG request of access). All are logged by
// the service.
#include <boost/json/array.hpp>

#include <chrono>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "core/integer.h"
#include "domain/csv.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

Error BadParameter(const char* name, const char* nl, const char* en) {
  return MakeError(ErrorCode::kInvalidArgument, nl, en, name);
}

// "2026-03-02" (midnight UTC) or a full "2026-03-02T09:15:00Z".
std::optional<TimePoint> ParseTime(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::optional<int> y = ParseInteger<int>(text.substr(0, 4));
  std::optional<unsigned> m = ParseInteger<unsigned>(text.substr(5, 2));
  std::optional<unsigned> d = ParseInteger<unsigned>(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year(*y), std::chrono::month(*m),
                                  std::chrono::day(*d)};
  if (!day.ok()) return std::nullopt;
  TimePoint t = std::chrono::sys_days(day);
  if (text.size() == 10) return t;
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  std::optional<int> hh = ParseInteger<int>(text.substr(11, 2));
  std::optional<int> mm = ParseInteger<int>(text.substr(14, 2));
  std::optional<int> ss = ParseInteger<int>(text.substr(17, 2));
  if (!hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 59) return std::nullopt;
  return t + std::chrono::hours(*hh) + std::chrono::minutes(*mm) + std::chrono::seconds(*ss);
}

Result<service::AccessLogQuery> QueryOf(const http::Request& request) {
  service::AccessLogQuery query;
  auto id = [&](const char* name) -> Result<std::optional<int64_t>> {
    std::optional<std::string> text = request.Query(name);
    if (!text) return std::optional<int64_t>();
    std::optional<int64_t> value = ParseInteger<int64_t>(*text);
    if (!value || *value <= 0) {
      return BadParameter(name, "Dit moet een positief geheel getal zijn.",
                          "This must be a positive whole number.");
    }
    return value;
  };
  MK_ASSIGN_OR_RETURN(query.organisation_id, id("organisation_id"));
  MK_ASSIGN_OR_RETURN(query.user_id, id("user_id"));
  MK_ASSIGN_OR_RETURN(query.before_id, id("before"));
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> limit, id("limit"));
  if (limit) query.limit = static_cast<int>(std::min<int64_t>(*limit, 1000));
  if (std::optional<std::string> patient = request.Query("patient"); patient && !patient->empty()) {
    query.patient_ref = *patient;
  }
  for (auto [name, out] : {std::pair{"from", &query.from}, std::pair{"until", &query.until}}) {
    std::optional<std::string> text = request.Query(name);
    if (!text) continue;
    *out = ParseTime(*text);
    if (!*out) {
      return BadParameter(name, "Geef een datum als 2026-03-02 of 2026-03-02T09:15:00Z.",
                          "Give a date like 2026-03-02 or 2026-03-02T09:15:00Z.");
    }
  }
  return query;
}

json::value OptionalId(const std::optional<int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::object RecordJson(const service::AccessLogRecord& r) {
  return json::object{{"id", r.id},
                      {"at", FormatIso8601(r.at)},
                      {"user_id", OptionalId(r.user_id)},
                      {"username", r.username},
                      {"role", r.role},
                      {"organisation_id", OptionalId(r.organisation_id)},
                      {"on_behalf_of", OptionalId(r.on_behalf_of)},
                      {"action", r.action},
                      {"consult_id", OptionalId(r.consult_id)},
                      {"patient_ref", r.patient_ref},
                      {"client_address", r.client_address},
                      {"outcome", r.outcome},
                      {"api_client", r.api_client},
                      {"detail", r.detail}};
}

http::Response Search(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<service::AccessLogQuery> query = QueryOf(request);
    if (!query.ok()) return ErrorResponse(request, query.error());
    Result<std::vector<service::AccessLogRecord>> rows = services.audit.Search(principal, *query);
    if (!rows.ok()) return ErrorResponse(request, rows.error());
    json::array items;
    for (const service::AccessLogRecord& r : *rows) items.push_back(RecordJson(r));
    json::object out{{"items", std::move(items)}};
    if (!rows->empty() && rows->size() == static_cast<size_t>(query->limit)) {
      out["next_before"] = rows->back().id;
    }
    return JsonResponse(200, out);
  });
}

std::string IdCell(const std::optional<int64_t>& id) { return id ? std::to_string(*id) : ""; }

http::Response Export(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<service::AccessLogQuery> query = QueryOf(request);
    if (!query.ok()) return ErrorResponse(request, query.error());
    Result<std::vector<service::AccessLogRecord>> rows = services.audit.Export(principal, *query);
    if (!rows.ok()) return ErrorResponse(request, rows.error());
    std::string csv =
        "id,at,user_id,username,role,organisation_id,on_behalf_of,action,consult_id,patient_ref,"
        "client_address,outcome,detail,api_client\r\n";
    for (const service::AccessLogRecord& r : *rows) {
      csv += std::to_string(r.id) + "," + FormatIso8601(r.at) + "," + IdCell(r.user_id) + "," +
             domain::CsvCell(r.username) + "," + domain::CsvCell(r.role) + "," + IdCell(r.organisation_id) + "," +
             IdCell(r.on_behalf_of) + "," + domain::CsvCell(r.action) + "," + IdCell(r.consult_id) + "," +
             domain::CsvCell(r.patient_ref) + "," + domain::CsvCell(r.client_address) + "," + domain::CsvCell(r.outcome) + "," +
             domain::CsvCell(r.detail) + "," + domain::CsvCell(r.api_client) + "\r\n";
    }
    http::Response response;
    response.status = 200;
    response.content_type = "text/csv; charset=utf-8";
    response.body = std::move(csv);
    response.WithHeader("Content-Disposition", "attachment; filename=\"toegangslog.csv\"");
    return response;
  });
}

http::Response SubjectAccess(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    // A POST with the BSN in the body: a BSN belongs in no URL, where proxies and logs keep it.
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    service::SubjectAccessQuery query;
    Result<std::optional<std::string>> bsn = OptionalString(*body, {"subject_access", "bsn"});
    if (!bsn.ok()) return ErrorResponse(request, bsn.error());
    Result<std::optional<std::string>> consult =
        OptionalString(*body, {"subject_access", "consult"});
    if (!consult.ok()) return ErrorResponse(request, consult.error());
    Result<std::optional<int64_t>> organisation =
        OptionalInt(*body, {"subject_access", "organisation_id"});
    if (!organisation.ok()) return ErrorResponse(request, organisation.error());
    if (*organisation && **organisation <= 0) {
      return ErrorResponse(request, BadParameter("organisation_id",
                                                 "Dit moet een positief geheel getal zijn.",
                                                 "This must be a positive whole number."));
    }
    auto given = [](std::optional<std::string> text) {
      return text && !text->empty() ? text : std::nullopt;
    };
    query.bsn = given(*bsn);
    query.consult_number = given(*consult);
    query.organisation_id = *organisation;
    Result<service::SubjectAccessReport> report = services.audit.SubjectAccess(principal, query);
    if (!report.ok()) return ErrorResponse(request, report.error());
    json::array consults, rows;
    for (const service::ConsultDetail& detail : report->consults) {
      consults.push_back(ConsultJson(detail));
    }
    for (const service::AccessLogRecord& r : report->access_log) rows.push_back(RecordJson(r));
    return JsonResponse(200, json::object{{"generated_at", FormatIso8601(report->generated_at)},
                                          {"organisation_id", report->organisation_id},
                                          {"consults", std::move(consults)},
                                          {"access_log", std::move(rows)}});
  });
}

}  // namespace

void AddAuditRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/access-log", [&](http::Request& r) { return Search(services, r); });
  router.Add("GET", "/api/v1/access-log/export",
             [&](http::Request& r) { return Export(services, r); });
  router.Add("POST", "/api/v1/subject-access",
             [&](http::Request& r) { return SubjectAccess(services, r); });
}

}  // namespace meekijk::api
