// Results: GET /api/v1/reports/triple-aim (JSON or CSV) and PATCH /api/v1/specialties/{code} (the
// average cost of a referral).
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "core/integer.h"
#include "domain/csv.h"
#include "domain/enum_names.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::TripleAimFigures;

json::value Number(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value Count(const TripleAimFigures& f, int64_t value) {
  return f.suppressed ? json::value(nullptr) : json::value(value);
}

json::object FiguresJson(const TripleAimFigures& f, const std::string& label) {
  json::object out{
      {"key", f.key.empty() ? json::value(nullptr) : json::value(f.key)},
      {"label", label},
      {"suppressed", f.suppressed},
      {"consults", Count(f, f.consults)},
      {"closed", Count(f, f.closed)},
      {"primary_care", Count(f, f.primary_care)},
      {"referred", Count(f, f.referred)},
      {"referred_elsewhere", Count(f, f.referred_elsewhere)},
      {"intended_referral", Count(f, f.intended_referral)},
      {"referrals_avoided", Count(f, f.referrals_avoided)},
      {"primary_care_share", Number(f.primary_care_share)},
      {"response_working_hours",
       json::object{{"median", Number(f.response_hours_median)}, {"p90", Number(f.response_hours_p90)}}},
      {"within_agreed_share", Number(f.within_agreed_share)},
      {"learned_share", Number(f.learned_share)},
      {"rating_mean", Number(f.rating_mean)},
      {"question_rating_mean", Number(f.question_rating_mean)},
      {"patient_score_mean", Number(f.patient_score_mean)},
      {"survey_answers", Count(f, f.survey_answers)},
      {"physical_seen", Count(f, f.physical_seen)},
      {"physical_no_show", Count(f, f.physical_no_show)},
      {"fees_cents", Count(f, f.fees_cents)},
      {"avoided_referral_cost_cents", Count(f, f.avoided_referral_cost_cents)},
      {"cost_per_patient_cents", f.cost_per_patient_cents ? json::value(*f.cost_per_patient_cents)
                                                          : json::value(nullptr)},
  };
  out["participating_practices"] =
      f.suppressed ? json::value(nullptr)
                   : json::value(json::object{
                         {"sending", f.practices_sending},
                         {"in_scope", f.practices_in_scope},
                         {"share", f.practices_in_scope > 0
                                       ? json::value(static_cast<double>(f.practices_sending) /
                                                     static_cast<double>(f.practices_in_scope))
                                       : json::value(nullptr)}});
  return out;
}

json::object ReportJson(const service::TripleAimReport& r) {
  json::array groups;
  for (const service::ReportGroup& g : r.groups) groups.push_back(FiguresJson(g.figures, g.label));
  return json::object{
      {"from", r.from},
      {"to", r.to},
      {"group_by", r.group_by == domain::ReportGrouping::kNone ? json::value(nullptr)
                                                               : json::value(domain::Name(r.group_by))},
      {"min_group_size", r.minimum_group_size},
      {"scope", json::object{{"kind", r.scope.kind}, {"name", r.scope.name}}},
      {"total", FiguresJson(r.total, "Totaal")},
      {"groups", std::move(groups)},
  };
}

std::string Cell(const std::optional<double>& v) {
  if (!v) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", *v);
  return text;
}

std::string Cell(const TripleAimFigures& f, int64_t value) {
  return f.suppressed ? "" : std::to_string(value);
}

std::vector<std::string> CsvRowOf(const TripleAimFigures& f, const std::string& label) {
  return {f.key, label, f.suppressed ? "ja" : "nee", Cell(f, f.consults), Cell(f, f.closed),
          Cell(f, f.primary_care), Cell(f, f.referred), Cell(f, f.referred_elsewhere),
          Cell(f, f.intended_referral), Cell(f, f.referrals_avoided), Cell(f.primary_care_share),
          Cell(f.response_hours_median), Cell(f.response_hours_p90), Cell(f.within_agreed_share),
          Cell(f.learned_share), Cell(f.rating_mean), Cell(f.question_rating_mean),
          Cell(f.patient_score_mean), Cell(f, f.survey_answers), Cell(f, f.practices_sending),
          Cell(f, f.practices_in_scope), Cell(f, f.fees_cents),
          Cell(f, f.avoided_referral_cost_cents),
          f.cost_per_patient_cents ? std::to_string(*f.cost_per_patient_cents) : ""};
}

std::string ReportCsv(const service::TripleAimReport& r) {
  std::vector<std::vector<std::string>> rows = {
      {"groep", "naam", "onderdrukt", "consults", "closed", "primary_care", "referred",
       "referred_elsewhere", "intended_referral", "referrals_avoided", "primary_care_share",
       "response_working_hours_median", "response_working_hours_p90", "within_agreed_share",
       "learned_share", "rating_mean", "question_rating_mean", "patient_score_mean",
       "survey_answers", "practices_sending", "practices_in_scope", "fees_cents",
       "avoided_referral_cost_cents", "cost_per_patient_cents"}};
  rows.push_back(CsvRowOf(r.total, "Totaal"));
  for (const service::ReportGroup& g : r.groups) rows.push_back(CsvRowOf(g.figures, g.label));
  return domain::CsvDocument(rows);
}

Error InvalidQuery(const char* name, const char* nl, const char* en) {
  return MakeError(ErrorCode::kInvalidArgument, nl, en, name);
}

Result<service::TripleAimQuery> QueryOf(const http::Request& r) {
  service::TripleAimQuery q;
  std::optional<std::string> from = r.Query("from"), to = r.Query("to");
  if (!from) return InvalidQuery("from", "Geef een begindatum (from).", "Give a start date (from).");
  if (!to) return InvalidQuery("to", "Geef een einddatum (to).", "Give an end date (to).");
  q.from = *from;
  q.to = *to;
  q.specialty = r.Query("specialty");
  if (std::optional<std::string> organisation = r.Query("organisation")) {
    q.organisation_id = ParseInteger<int64_t>(*organisation);
    if (!q.organisation_id || *q.organisation_id < 1) {
      return InvalidQuery("organisation", "Geef een organisatie als nummer.",
                          "Give an organisation by its number.");
    }
  }
  if (std::optional<std::string> mode = r.Query("mode")) {
    q.mode = domain::Parse<domain::ConsultMode>(*mode);
    if (!q.mode) return InvalidQuery("mode", "Kies digital of physical.", "Choose digital or physical.");
  }
  if (std::optional<std::string> group = r.Query("group_by")) {
    std::optional<domain::ReportGrouping> grouping = domain::Parse<domain::ReportGrouping>(*group);
    if (!grouping || *grouping == domain::ReportGrouping::kNone) {
      return InvalidQuery("group_by", "Groepeer per month, specialty of organisation.",
                          "Group by month, specialty or organisation.");
    }
    q.group_by = *grouping;
  }
  return q;
}

http::Response TripleAim(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<service::TripleAimQuery> query = QueryOf(request);
    if (!query.ok()) return ErrorResponse(request, query.error());
    std::string format = request.Query("format").value_or("json");
    if (format != "json" && format != "csv") {
      return ErrorResponse(request, InvalidQuery("format", "Kies json of csv.", "Choose json or csv."));
    }
    Result<service::TripleAimReport> report = services.reports.TripleAim(principal, *query);
    if (!report.ok()) return ErrorResponse(request, report.error());
    if (format == "json") return JsonResponse(200, ReportJson(*report));
    http::Response response;
    response.status = 200;
    response.content_type = "text/csv; charset=utf-8";
    response.body = ReportCsv(*report);
    response.WithHeader("Content-Disposition", "attachment; filename=\"triple-aim-" + report->from +
                                                   "-" + report->to + ".csv\"");
    return response;
  });
}

http::Response ChangeSpecialty(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    // Absent or out of range reaches the use case as -1, which refuses it after deciding whether
    // the caller may change referral costs at all.
    Result<std::optional<int64_t>> cents = OptionalInt(*body, {"specialty", "referral_cost_cents"});
    if (!cents.ok()) return ErrorResponse(request, cents.error());
    Result<domain::Specialty> changed = services.reports.SetReferralCost(
        principal, request.params["code"], cents->value_or(-1));
    if (!changed.ok()) return ErrorResponse(request, changed.error());
    service::SpecialtyOption option;
    option.specialty = *changed;
    return JsonResponse(200, SpecialtyJson(option));
  });
}

}  // namespace

void AddReportRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/reports/triple-aim",
             [&](http::Request& r) { return TripleAim(services, r); });
  router.Add("PATCH", "/api/v1/specialties/{code}",
             [&](http::Request& r) { return ChangeSpecialty(services, r); }, http::BodyRule::Text());
}

}  // namespace meekijk::api
