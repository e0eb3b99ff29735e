// `meekijk generate`: a national (or regional, or any size of) dataset for measuring, added to
// what the database holds (typically the demo region, whose people can log in). Consults go in
// through the store's bulk path, a chunk per transaction.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/dataset_consults.h"
#include "cli/dataset_world.h"
#include "cli/progress.h"
#include "domain/calendar.h"
#include "domain/consult_number.h"
#include "domain/notification.h"
#include "store/bulk_consults.h"
#include "store/database.h"
#include "store/notifications.h"
#include "store/tx.h"

namespace meekijk::cli {
namespace {

struct GenerateOptions {
  DatabaseOption database;
  std::string scale = "region";
  uint64_t seed = 1;
};

// Consults per transaction: large enough that a commit's fsync costs nothing per consult, small
// enough that a chunk's rows stay in a few megabytes.
constexpr int64_t kChunk = 20000;
constexpr int64_t kSuspendIndexesFrom = 100000;

Result<void> RestoreIndexes(store::Database& database) {
  return database.Run(store::Access::kWrite, [](store::Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(store::RestoreIndexes(tx));
    return Ok();
  });
}

// The consult numbers of a chunk: per year of sending, a block reserved from that year's counter.
Result<void> Number(store::Tx& tx, std::vector<domain::Consult>& consults) {
  std::map<int, int64_t> per_year;
  for (const domain::Consult& c : consults) per_year[static_cast<int>(domain::AmsterdamDate(*c.sent_at).year())]++;
  std::map<int, int64_t> next;
  for (const auto& [year, count] : per_year) {
    MK_ASSIGN_OR_RETURN(int64_t last, store::ReserveInSequence(
                                          tx, domain::ConsultNumberCounter(year), count));
    next[year] = last - count + 1;
  }
  for (domain::Consult& c : consults) {
    int year = static_cast<int>(domain::AmsterdamDate(*c.sent_at).year());
    c.number = domain::FormatConsultNumber({year, next[year]++});
  }
  return Ok();
}

// The alerts an installation would have raised while these consults waited (overdue, unclaimed
// in the pool), recorded as raised: the server's first start does not send thousands of them.
Result<void> RecordPastAlerts(store::Tx& tx, const std::vector<domain::Consult>& consults,
                              TimePoint now) {
  using domain::ConsultStatus;
  for (const domain::Consult& c : consults) {
    bool open = c.status == ConsultStatus::kSent || c.status == ConsultStatus::kClaimed ||
                c.status == ConsultStatus::kInfoRequested;
    if (!open) continue;
    if (c.due_at && *c.due_at < now) {
      MK_RETURN_IF_ERROR(tx.notifications().RecordAlert(c.id, domain::EventKind::kOverdue, *c.due_at));
    }
    if (c.status == ConsultStatus::kSent && *c.sent_at + std::chrono::hours(1) < now) {
      MK_RETURN_IF_ERROR(tx.notifications().RecordAlert(c.id, domain::EventKind::kUnclaimedEscalated,
                                                        *c.sent_at + std::chrono::hours(1)));
    }
  }
  return Ok();
}

int Generate(const GenerateOptions& options) {
  Result<DatasetScale> scale = ParseScale(options.scale);
  if (!scale.ok()) return Fail(scale.error());
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  auto started = std::chrono::steady_clock::now();
  TimePoint now = SystemClock().Now();
  std::mt19937_64 random(options.seed);
  Result<World> world = BuildWorld(*database, *scale, now, random);
  if (!world.ok()) return Fail(world.error());
  double world_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // For a large load the indexes are built once at the end (bulk_consults.h); a small one keeps
  // them, as building them anew over the whole table would cost more than it saves.
  bool suspend = scale->consults >= kSuspendIndexesFrom;
  if (suspend) {
    Result<void> down = database->Run(store::Access::kWrite, [](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(store::SuspendIndexes(tx));
      return Ok();
    });
    if (!down.ok()) return Fail(down.error());
  }
  auto consults_started = std::chrono::steady_clock::now();
  ConsultSynthesiser synthesiser(*world, scale->consults, scale->years, now, options.seed);
  ProgressBar progress("consulten / consults", scale->consults);
  ConsultBatch batch;
  int64_t messages = 0;
  for (int64_t done = 0; done < scale->consults; done += kChunk) {
    int64_t count = std::min(kChunk, scale->consults - done);
    Result<void> written = database->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(store::FreeIds ids, store::NextFreeIds(tx));
      synthesiser.Make(done, count, ids.consult, ids.message, batch);
      MK_RETURN_IF_ERROR(Number(tx, batch.consults));
      MK_RETURN_IF_ERROR(store::InsertConsults(tx, batch.consults));
      MK_RETURN_IF_ERROR(store::InsertMessages(tx, batch.messages));
      MK_RETURN_IF_ERROR(RecordPastAlerts(tx, batch.consults, now));
      return store::FinishBulkLoad(tx);
    });
    if (!written.ok()) {
      (void)RestoreIndexes(*database);
      return Fail(written.error());
    }
    messages += static_cast<int64_t>(batch.messages.size());
    progress.Update(done + count);
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - consults_started).count();
  auto indexes_started = std::chrono::steady_clock::now();
  if (suspend) {
    std::cerr << "indexen opbouwen / building indexes\n";
    if (Result<void> up = RestoreIndexes(*database); !up.ok()) return Fail(up.error());
  }
  double index_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - indexes_started).count();
  std::cout << "practices " << world->practices_added << " (+" << world->practices.size() - world->practices_added
            << " existing), GPs " << world->gps_added << ", specialists " << world->specialists_added
            << " in " << world_seconds << " s\n"
            << "consults " << scale->consults << ", messages " << messages << " in " << seconds
            << " s: " << static_cast<int64_t>(seconds > 0 ? scale->consults / seconds : 0)
            << " consults/s\n"
            << "indexes built in " << index_seconds << " s\n";
  return 0;
}

}  // namespace

void AddGenerateCommand(CLI::App& app) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* generate = app.add_subcommand(
      "generate", "Maak een landelijke dataset om te meten / Make a national dataset for measuring");
  AddDatabaseOption(*generate, options->database);
  generate->add_option("--scale", options->scale,
                       "national (10 miljoen consulten), region (400 000) of een aantal / or a "
                       "number of consults")
      ->capture_default_str();
  generate->add_option("--seed", options->seed, "The same seed makes the same dataset")
      ->capture_default_str();
  generate->callback([options] { std::exit(Generate(*options)); });
}

}  // namespace meekijk::cli
