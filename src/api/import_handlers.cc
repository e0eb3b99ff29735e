// POST /api/v1/imports/organisations and /api/v1/imports/practitioners: a CSV file as the raw
// body (text/csv), ?dry_run=true to only see what would happen; the answer is the report.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/responses.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// A whole region's practitioners fit: some ten thousand rows of about a hundred bytes.
constexpr size_t kMaxImportBytes = 4 * 1024 * 1024;

using Importer = Result<service::ImportReport> (service::ImportService::*)(
    const service::Principal&, std::string_view, bool);

bool IsCsv(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "text/csv" || type == "text/plain";
}

Result<bool> DryRunOf(const http::Request& request) {
  std::string value = request.Query("dry_run").value_or("false");
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0" || value.empty()) return false;
  return MakeError(ErrorCode::kInvalidArgument, "Kies dry_run=true of dry_run=false.",
                   "Choose dry_run=true or dry_run=false.", "dry_run");
}

json::object ReportJson(const service::ImportReport& report, Language language) {
  json::array rejected;
  for (const service::ImportRejection& rejection : report.rejected) {
    rejected.push_back(json::object{
        {"line", rejection.line},
        {"message", language == Language::kEnglish ? rejection.why.en : rejection.why.nl}});
  }
  return json::object{{"added", report.added},         {"changed", report.changed},
                      {"unchanged", report.unchanged}, {"rejected", std::move(rejected)},
                      {"dry_run", report.dry_run}};
}

http::Response Import(Services& services, http::Request& request, Importer importer) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    // Who may import is told before anything about the file.
    if (Result<void> allowed = service::ImportService::RequireImporter(principal); !allowed.ok()) {
      return ErrorResponse(request, allowed.error());
    }
    if (!IsCsv(request.Header("content-type").value_or(""))) {
      return ErrorResponse(request, MakeError(ErrorCode::kUnsupportedMedia,
                                              "Stuur het bestand als text/csv.",
                                              "Send the file as text/csv."));
    }
    Result<bool> dry_run = DryRunOf(request);
    if (!dry_run.ok()) return ErrorResponse(request, dry_run.error());
    Result<service::ImportReport> report =
        (services.imports.*importer)(principal, request.body, *dry_run);
    if (!report.ok()) {
      // A file that cannot be read at all is the caller's to fix, and wrote nothing.
      Error error = report.error();
      if (error.code == ErrorCode::kMalformed) error.code = ErrorCode::kInvalidArgument;
      return ErrorResponse(request, error);
    }
    return JsonResponse(200, ReportJson(*report, LanguageOf(request)));
  });
}

}  // namespace

void AddImportRoutes(http::Router& router, Services& services) {
  router.Add(
      "POST", "/api/v1/imports/organisations",
      [&](http::Request& r) { return Import(services, r, &service::ImportService::Organisations); },
      http::BodyRule::Upload(kMaxImportBytes));
  router.Add(
      "POST", "/api/v1/imports/practitioners",
      [&](http::Request& r) { return Import(services, r, &service::ImportService::Practitioners); },
      http::BodyRule::Upload(kMaxImportBytes));
}

}  // namespace meekijk::api
