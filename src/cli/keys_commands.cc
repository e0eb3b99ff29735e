// `meekijk keys new` (a key file for a new installation) and `meekijk keys rotate` (a new
// current key; every patient identity re-sealed under it; the older keys stay in the file for
// backups made before).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "auth/key_ring.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/progress.h"
#include "service/identity_maintenance.h"

namespace meekijk::cli {
namespace {

int NewKeys(const std::string& path) {
  if (std::filesystem::exists(path)) {
    std::cerr << "meekijk: " << path << " exists already; `meekijk keys rotate` adds a key\n";
    return 2;
  }
  if (Result<void> written = auth::KeyRing::Generate().WriteFile(path); !written.ok()) {
    return Fail(written.error());
  }
  std::cout << "key file " << path << " written (mode 600): keep it apart from the data and "
                                      "back it up; without it the patients' identities are lost\n";
  return 0;
}

int Rotate(const DatabaseOption& option) {
  if (option.key_file.empty()) {
    std::cerr << "meekijk: keys rotate needs --key-file (it writes the new key there)\n";
    return 2;
  }
  Result<auth::KeyRing> keys = auth::KeyRing::FromFile(option.key_file);
  if (!keys.ok()) return Fail(keys.error());
  keys->AddNewKey();
  // The new key is in the file before anything is sealed with it: a crash half-way leaves rows
  // under both keys, and the file opens both.
  if (Result<void> written = keys->WriteFile(option.key_file); !written.ok()) {
    return Fail(written.error());
  }
  std::unique_ptr<store::Database> database = OpenOrReport(option);
  if (!database) return 1;
  ProgressBar progress("sleutels / keys", 0);
  Result<int64_t> resealed =
      service::ResealIdentities(*database, [&](int64_t done) { progress.Update(done); });
  if (!resealed.ok()) return Fail(resealed.error());
  std::cout << "key " << keys->current_id() << " is current; " << *resealed
            << " consults re-sealed; the older keys stay in " << option.key_file
            << " for backups made before\n";
  return 0;
}

}  // namespace

void AddKeysCommand(CLI::App& app) {
  CLI::App* keys = app.add_subcommand(
      "keys", "Sleutels voor BSN, naam en geboortedatum / Keys of BSN, name and date of birth");
  keys->require_subcommand(1);
  auto path = std::make_shared<std::string>();
  CLI::App* create = keys->add_subcommand("new", "Maak een sleutelbestand / Make a key file");
  create->add_option("--key-file", *path, "Where to write it (outside the data directory)")
      ->required();
  create->callback([path] { std::exit(NewKeys(*path)); });
  auto option = std::make_shared<DatabaseOption>();
  CLI::App* rotate = keys->add_subcommand(
      "rotate", "Nieuwe sleutel; alles opnieuw versleuteld / A new key; everything re-sealed");
  AddDatabaseOption(*rotate, *option);
  rotate->callback([option] { std::exit(Rotate(*option)); });
}

}  // namespace meekijk::cli
