// `meekijk audit verify` and `meekijk audit anchor`: the NEN 7513 access log's hash chain checked
// from the command line, and its head recorded outside the database.
#include <CLI/CLI.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/progress.h"
#include "core/integer.h"
#include "core/log.h"
#include "service/audit_service.h"

namespace meekijk::cli {
namespace {

struct VerifyOptions {
  DatabaseOption database;
  std::vector<std::string> anchors;  // "ID:HASH"
  std::vector<std::string> anchor_logs;
};

std::optional<service::ChainAnchor> ParseAnchor(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::optional<int64_t> id = ParseInteger<int64_t>(text.substr(0, colon));
  std::string_view hash = text.substr(colon + 1);
  if (!id || *id <= 0 || hash.size() != 64) return std::nullopt;
  return service::ChainAnchor{*id, std::string(hash)};
}

// The access_log_anchor lines of a JSON-lines log (the server writes one every few minutes).
std::vector<service::ChainAnchor> AnchorsInLog(const std::string& path) {
  std::vector<service::ChainAnchor> anchors;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("\"access_log_anchor\"") == std::string::npos) continue;
    boost::system::error_code error;
    boost::json::value value = boost::json::parse(line, error);
    if (error || !value.is_object()) continue;
    const boost::json::object& object = value.as_object();
    const boost::json::value* id = object.if_contains("id");
    const boost::json::value* hash = object.if_contains("hash");
    if (id && id->is_int64() && hash && hash->is_string()) {
      anchors.push_back({id->as_int64(), std::string(hash->as_string())});
    }
  }
  return anchors;
}

int Verify(const VerifyOptions& options) {
  std::vector<service::ChainAnchor> anchors;
  for (const std::string& text : options.anchors) {
    std::optional<service::ChainAnchor> anchor = ParseAnchor(text);
    if (!anchor) {
      std::cerr << "meekijk: --anchor wants ID:HASH (a row id and its 64-character hash), not "
                << text << "\n";
      return 2;
    }
    anchors.push_back(*anchor);
  }
  for (const std::string& path : options.anchor_logs) {
    if (!std::ifstream(path)) {
      std::cerr << "meekijk: cannot read " << path << "\n";
      return 2;
    }
    for (const service::ChainAnchor& anchor : AnchorsInLog(path)) anchors.push_back(anchor);
  }
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  service::AuditService audit(*database, clock);
  Result<std::optional<service::ChainAnchor>> head = audit.Head();
  if (!head.ok()) return Fail(head.error());
  ProgressBar progress("toegangslog / access log", *head ? (*head)->id : 0);
  Result<service::ChainReport> report =
      audit.Verify(anchors, [&](int64_t done) { progress.Update(done); });
  if (!report.ok()) return Fail(report.error());
  if (!report->intact()) {
    std::cout << "access log NOT intact: " << report->problem << " (first bad row "
              << report->first_bad_id.value_or(0) << ", " << report->rows << " rows read)\n";
    return 1;
  }
  std::cout << "access log intact: " << report->rows << " rows, " << anchors.size()
            << " anchors checked";
  if (report->head) std::cout << ", head " << report->head->id << ":" << report->head->hash;
  std::cout << "\n";
  return 0;
}

int Anchor(const DatabaseOption& option) {
  std::unique_ptr<store::Database> database = OpenOrReport(option);
  if (!database) return 1;
  SystemClock clock;
  Result<std::optional<service::ChainAnchor>> head = service::AuditService(*database, clock).Head();
  if (!head.ok()) return Fail(head.error());
  if (!*head) {
    std::cout << "the access log is empty\n";
    return 0;
  }
  log::Info("access_log_anchor", {{"id", (*head)->id}, {"hash", (*head)->hash}});
  std::cout << (*head)->id << ":" << (*head)->hash << "\n";
  return 0;
}

}  // namespace

void AddAuditCommand(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "Het toegangslog (NEN 7513) / The access log");
  audit->require_subcommand(1);
  auto verify_options = std::make_shared<VerifyOptions>();
  CLI::App* verify = audit->add_subcommand(
      "verify", "Controleer de hashketen; 0 als ze intact is / Check the hash chain; 0 when intact");
  AddDatabaseOption(*verify, verify_options->database);
  verify->add_option("--anchor", verify_options->anchors,
                     "ID:HASH of a row recorded earlier (meekijk audit anchor); repeatable");
  verify->add_option("--anchors-from", verify_options->anchor_logs,
                     "A JSON log of the server: its access_log_anchor lines are checked too");
  verify->callback([verify_options] { std::exit(Verify(*verify_options)); });
  auto anchor_option = std::make_shared<DatabaseOption>();
  CLI::App* anchor = audit->add_subcommand(
      "anchor", "Print (en log) de kop van de keten, om buiten de database te bewaren / Print "
                "(and log) the chain's head, to keep outside the database");
  AddDatabaseOption(*anchor, *anchor_option);
  anchor->callback([anchor_option] { std::exit(Anchor(*anchor_option)); });
}

}  // namespace meekijk::cli
