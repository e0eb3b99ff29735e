// `meekijk outbox list [--status S] [--limit N]` and `meekijk outbox retry ID… | --dead`: the mail
// outbox for the installation's operator: what waits, what was delivered, what is dead, and trying
// dead mails again (after the mail server is fixed, say).
#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "domain/enum_names.h"
#include "service/outbox_service.h"

namespace meekijk::cli {
namespace {

struct OutboxOptions {
  DatabaseOption database;
  std::string status;
  int limit = 50;
  std::vector<int64_t> ids;
  bool all_dead = false;
};

int List(const OutboxOptions& options) {
  std::optional<domain::MailStatus> status;
  if (!options.status.empty()) status = domain::Parse<domain::MailStatus>(options.status);
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  service::OutboxService outbox(*database, clock, nullptr, {});
  Result<std::vector<service::OutboxEntry>> entries = outbox.ListAll(status, options.limit);
  if (!entries.ok()) return Fail(entries.error());
  std::cout << std::left << std::setw(8) << "id" << std::setw(11) << "status" << std::setw(6)
            << "tries" << std::setw(21) << "kind" << std::setw(15) << "consult" << std::setw(32)
            << "recipient" << std::setw(26) << "made" << "last error\n";
  for (const service::OutboxEntry& e : *entries) {
    std::cout << std::left << std::setw(8) << e.id << std::setw(11) << domain::Name(e.status)
              << std::setw(6) << e.attempts << std::setw(21) << domain::Name(e.kind)
              << std::setw(15) << (e.consult_number.empty() ? "-" : e.consult_number)
              << std::setw(32) << e.recipient << std::setw(26) << FormatIso8601(e.created_at)
              << e.last_error << "\n";
  }
  std::cout << entries->size() << " mail(s)\n";
  return 0;
}

int Retry(const OutboxOptions& options) {
  if (options.ids.empty() && !options.all_dead) {
    std::cerr << "meekijk: name the mails to try again, or --dead for every dead one\n";
    return 2;
  }
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  service::OutboxService outbox(*database, clock, nullptr, {});
  int revived = 0;
  if (options.all_dead) {
    Result<int> all = outbox.RetryAll(std::nullopt);
    if (!all.ok()) return Fail(all.error());
    revived = *all;
  }
  int unknown = 0;
  for (int64_t id : options.ids) {
    Result<int> one = outbox.RetryAll(id);
    if (!one.ok()) return Fail(one.error());
    if (*one == 0) {
      std::cerr << "mail " << id << ": not found or delivered already\n";
      ++unknown;
    }
    revived += *one;
  }
  std::cout << revived << " mail(s) due again now\n";
  return unknown == 0 ? 0 : 1;
}

}  // namespace

void AddOutboxCommand(CLI::App& app) {
  CLI::App* outbox = app.add_subcommand("outbox", "Uitgaande e-mail / The mail outbox");
  outbox->require_subcommand(1);
  auto list_options = std::make_shared<OutboxOptions>();
  CLI::App* list = outbox->add_subcommand("list", "Toon de e-mails / List the mails, newest first");
  AddDatabaseOption(*list, list_options->database);
  list->add_option("--status", list_options->status, "pending, delivered or dead")
      ->check(CLI::IsMember({"pending", "delivered", "dead"}));
  list->add_option("--limit", list_options->limit, "How many at most")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  list->callback([list_options] { std::exit(List(*list_options)); });
  auto retry_options = std::make_shared<OutboxOptions>();
  CLI::App* retry = outbox->add_subcommand(
      "retry", "Probeer opnieuw / Try mails again now (their tries counted afresh)");
  AddDatabaseOption(*retry, retry_options->database);
  retry->add_option("ids", retry_options->ids, "Outbox ids (from `outbox list`)");
  retry->add_flag("--dead", retry_options->all_dead, "Every dead mail");
  retry->callback([retry_options] { std::exit(Retry(*retry_options)); });
}

}  // namespace meekijk::cli
