// Fees: GET /api/v1/fee-statements?month=, GET /api/v1/fee-statements/{organisation}/{month}
// (JSON, CSV or PDF), POST …/approve, GET /api/v1/insurer-exports/{insurer}?month=&format=csv|ei.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_null.h"
#include "api/responses.h"
#include "api/statement_pdf.h"
#include "domain/calendar.h"
#include "domain/csv.h"
#include "domain/enum_names.h"
#include "domain/insurer_export.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::Name;

json::object SummaryJson(const service::FeeStatement& s) {
  const domain::FeeStatementSummary& sum = s.summary;
  return json::object{
      {"organisation", json::object{{"id", s.organisation.id},
                                    {"name", s.organisation.name},
                                    {"kind", Name(s.organisation.kind)},
                                    {"agb", OrNull(s.organisation.agb)}}},
      {"month", sum.month},
      {"status", sum.approved_at ? "approved" : "open"},
      {"line_count", sum.line_count},
      {"total_cents", sum.total_cents},
      {"approved_at", sum.approved_at ? json::value(FormatIso8601(*sum.approved_at))
                                      : json::value(nullptr)},
      {"approved_by", OrNull(sum.approved_by_name)},
      {"may_approve", s.may_approve},
  };
}

json::object LineJson(const domain::FeeLineView& v) {
  return json::object{
      {"id", v.line.id},
      {"consult_number", v.line.consult_number},
      {"side", Name(v.line.side)},
      {"kind", Name(v.line.kind)},
      {"amount_cents", v.line.amount_cents},
      {"reason", OrNull(v.line.reason)},
      {"mode", Name(v.line.mode)},
      {"specialty", v.line.specialty},
      {"closed_on", v.line.performed_on},
      {"minutes", v.line.side == domain::FeeSide::kSpecialist ? json::value(v.line.minutes)
                                                              : json::value(nullptr)},
      {"practice_agb", OrNull(v.line.practice_agb)},
      {"specialist_agb", OrNull(v.line.specialist_agb)},
      {"insurer", v.line.insurer_id ? json::value(json::object{{"id", *v.line.insurer_id},
                                                               {"name", v.insurer_name.value_or("")}})
                                    : json::value(nullptr)},
  };
}

json::object StatementJson(const service::FeeStatement& s) {
  json::object out = SummaryJson(s);
  json::array lines;
  for (const domain::FeeLineView& v : s.lines) lines.push_back(LineJson(v));
  out["lines"] = std::move(lines);
  return out;
}


Error InvalidFormat(const char* choices_nl, const char* choices_en) {
  return MakeError(ErrorCode::kInvalidArgument, std::string("Kies ") + choices_nl + ".",
                   std::string("Choose ") + choices_en + ".", "format");
}

std::string StatementCsv(const service::FeeStatement& s) {
  // Each line names its own insurer.
  domain::InsurerExportHeader header{"", {}, s.summary.month, ""};
  return domain::InsurerExportCsv(header, s.lines);
}

http::Response GetStatement(Services& services, http::Request& r) {
  return WithPrincipal(services, r, [&](const service::Principal& principal) {
    Result<int64_t> organisation = PathId(r, "organisation");
    if (!organisation.ok()) return ErrorResponse(r, organisation.error());
    std::string month = r.params["month"];
    std::string format = r.Query("format").value_or("json");
    if (format != "json" && format != "csv" && format != "pdf") {
      return ErrorResponse(r, InvalidFormat("json, csv of pdf", "json, csv or pdf"));
    }
    Result<service::FeeStatement> statement = services.fees.Get(principal, *organisation, month);
    if (!statement.ok()) return ErrorResponse(r, statement.error());
    std::string name = "specificatie-" + std::to_string(*organisation) + "-" + month;
    if (format == "csv") return File(StatementCsv(*statement), "text/csv; charset=utf-8", name + ".csv");
    if (format == "pdf") {
      Result<std::string> pdf = StatementPdf(*statement);
      if (!pdf.ok()) return ErrorResponse(r, pdf.error());
      return File(std::move(*pdf), "application/pdf", name + ".pdf");
    }
    return JsonResponse(200, StatementJson(*statement));
  });
}

http::Response InsurerExport(Services& services, http::Request& r) {
  return WithPrincipal(services, r, [&](const service::Principal& principal) {
    Result<int64_t> insurer = PathId(r, "insurer");
    if (!insurer.ok()) return ErrorResponse(r, insurer.error());
    std::optional<std::string> month = r.Query("month");
    std::string format = r.Query("format").value_or("csv");
    if (format != "csv" && format != "ei") return ErrorResponse(r, InvalidFormat("csv of ei", "csv or ei"));
    Result<service::InsurerExport> out =
        services.fees.ForInsurer(principal, *insurer, month.value_or(""));
    if (!out.ok()) return ErrorResponse(r, out.error());
    std::string name = "verzekeraar-" + std::to_string(*insurer) + "-" + out->header.month;
    if (format == "ei") {
      return File(domain::InsurerExportEi(out->header, out->lines), "text/plain; charset=us-ascii",
                  name + ".ei.txt");
    }
    return File(domain::InsurerExportCsv(out->header, out->lines), "text/csv; charset=utf-8",
                name + ".csv");
  });
}

}  // namespace

void AddFeeRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/fee-statements", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      std::string month = r.Query("month").value_or("");
      Result<std::vector<service::FeeStatement>> list = services.fees.List(principal, month);
      if (!list.ok()) return ErrorResponse(r, list.error());
      json::array statements;
      for (const service::FeeStatement& s : *list) statements.push_back(SummaryJson(s));
      return JsonResponse(200, json::object{{"month", month}, {"statements", std::move(statements)}});
    });
  });
  router.Add("GET", "/api/v1/fee-statements/{organisation}/{month}",
             [&](http::Request& r) { return GetStatement(services, r); });
  router.Add("POST", "/api/v1/fee-statements/{organisation}/{month}/approve", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> organisation = PathId(r, "organisation");
      if (!organisation.ok()) return ErrorResponse(r, organisation.error());
      return One(r, 200, services.fees.Approve(principal, *organisation, r.params["month"]),
                 StatementJson);
    });
  });
  router.Add("GET", "/api/v1/insurer-exports/{insurer}",
             [&](http::Request& r) { return InsurerExport(services, r); });
}

}  // namespace meekijk::api
