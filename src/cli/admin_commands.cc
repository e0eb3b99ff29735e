// `meekijk migrate`, `meekijk demo`, `meekijk user add`, `meekijk org list`.
#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <iostream>

#include "api/error_text.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/demo_region.h"
#include "service/directory_service.h"

namespace meekijk::cli {
namespace {


struct DemoOptions {
  DatabaseOption database;
  std::string password;
  bool json = false;
  bool without_history = false;
};

int Demo(const DemoOptions& options) {
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  if (Result<void> keys = RequireKeys(*database); !keys.ok()) return Fail(keys.error());
  SystemClock clock;
  Result<std::vector<DemoAccount>> accounts = CreateDemoRegion(*database, clock, options.password, !options.without_history);
  if (!accounts.ok()) return Fail(accounts.error());
  if (options.json) {
    boost::json::array out;
    for (const DemoAccount& account : *accounts) {
      out.push_back(boost::json::object{{"username", account.username},
                                        {"role", account.role},
                                        {"organisation", account.organisation},
                                        {"organisation_id", account.organisation_id},
                                        {"organisation_kind", account.organisation_kind},
                                        {"otp_secret", account.otp_secret}});
    }
    std::cout << boost::json::serialize(out) << std::endl;
    return 0;
  }
  std::cout << "Demoregio Rotterdam e.o. aangemaakt. Accounts (wachtwoord zoals opgegeven; "
               "code-geheim voor de authenticator-app):\n";
  for (const DemoAccount& account : *accounts) {
    std::cout << "  " << account.username << std::string(24 - std::min<size_t>(23, account.username.size()), ' ')
              << account.role << " — " << account.organisation << " — otp " << account.otp_secret
              << "\n";
  }
  return 0;
}

struct UserOptions {
  DatabaseOption database;
  service::NewUser user;
  int64_t organisation = 0;
  std::string role;
  bool password_stdin = false;
};

int AddUser(UserOptions options) {
  std::optional<domain::Role> role = domain::Parse<domain::Role>(options.role);
  if (!role) {
    std::cerr << "meekijk: unknown role '" << options.role
              << "'; choose gp, assistant, specialist, coordinator, analyst, privacy_officer "
                 "or admin\n";
    return 2;
  }
  if (options.password_stdin) std::getline(std::cin, options.user.password);
  options.user.memberships = {{options.organisation, *role}};
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  service::DirectoryService directory(*database, clock);
  Result<int64_t> id = directory.AddUser(options.user);
  if (!id.ok()) return Fail(id.error());
  std::cout << "user " << options.user.username << " added with id " << *id << "\n";
  return 0;
}

int ListOrganisations(const DatabaseOption& option) {
  std::unique_ptr<store::Database> database = OpenOrReport(option);
  if (!database) return 1;
  SystemClock clock;
  Result<std::vector<domain::Organisation>> organisations =
      service::DirectoryService(*database, clock).ListOrganisations();
  if (!organisations.ok()) return Fail(organisations.error());
  for (const domain::Organisation& o : *organisations) {
    std::cout << o.id << "\t" << domain::Name(o.kind) << "\t" << o.agb.value_or("-") << "\t"
              << o.name << "\n";
  }
  return 0;
}

}  // namespace

void AddMigrateCommand(CLI::App& app) {
  auto option = std::make_shared<DatabaseOption>();
  CLI::App* migrate = app.add_subcommand(
      "migrate", "Breng het databaseschema bij / Bring the database schema up to date");
  AddDatabaseOption(*migrate, *option);
  migrate->callback([option] {
    std::unique_ptr<store::Database> database = OpenOrReport(*option);
    if (!database) std::exit(1);
    Result<int> version = database->SchemaVersion();
    if (!version.ok()) std::exit(Fail(version.error()));
    std::cout << "schema version " << *version << "\n";
    std::exit(0);
  });
}

void AddDemoCommand(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* demo = app.add_subcommand(
      "demo", "Vul een lege database met de demoregio Rotterdam e.o. / Fill an empty database "
              "with the demo region");
  AddDatabaseOption(*demo, options->database);
  demo->add_option("--password", options->password, "Password of every demo account (12–128 characters, not easily guessed)")
      ->required();
  demo->add_flag("--json", options->json, "Print the accounts as a JSON array");
  demo->add_flag("--without-history", options->without_history,
                 "Leave out the past year of closed consults, fees and survey answers (faster; "
                 "for tests that need only today's consults)");
  demo->callback([options] { std::exit(Demo(*options)); });
}

void AddUserCommand(CLI::App& app) {
  CLI::App* user = app.add_subcommand("user", "Gebruikers beheren / Manage users");
  user->require_subcommand(1);
  auto options = std::make_shared<UserOptions>();
  CLI::App* add = user->add_subcommand("add", "Voeg een gebruiker toe / Add a user");
  AddDatabaseOption(*add, options->database);
  add->add_option("--username", options->user.username, "Login name")->required();
  add->add_option("--name", options->user.display_name, "Name as shown to others")->required();
  add->add_option("--email", options->user.email, "E-mail address");
  add->add_option("--organisation", options->organisation, "Organisation id (see `org list`)")
      ->required();
  add->add_option("--role", options->role,
                  "gp, assistant, specialist, coordinator, analyst, privacy_officer or admin")
      ->required();
  auto* password = add->add_option("--password", options->user.password, "Password (12–128 characters, not easily guessed)");
  add->add_flag("--password-stdin", options->password_stdin, "Read the password from stdin")
      ->excludes(password);
  add->callback([options] { std::exit(AddUser(*options)); });
}

void AddOrganisationCommand(CLI::App& app) {
  CLI::App* org = app.add_subcommand("org", "Organisaties / Organisations");
  org->require_subcommand(1);
  auto option = std::make_shared<DatabaseOption>();
  CLI::App* list = org->add_subcommand("list", "Toon alle organisaties / List organisations");
  AddDatabaseOption(*list, *option);
  list->callback([option] { std::exit(ListOrganisations(*option)); });
}

}  // namespace meekijk::cli
