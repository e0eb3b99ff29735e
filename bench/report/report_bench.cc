// How fast the triple-aim dashboard answers for a whole region over five years on a national
// dataset: N consults (10 million by default) over five years across 5,000 practices in 25 regions,
// generated in the database in one statement; then the report of one region (the full use case:
// scope, query, figures per month), against a reference in the same run — counting that region's
// consults of the period, the least any report must read.
//
//   report_bench [--consults N] [--runs R] [--engine sqlite|postgres]
//
// PostgreSQL needs MEEKIJK_TEST_POSTGRES (scripts/with-postgres.sh starts one).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "service/report_service.h"
#include "store/agreements.h"
#include "store/connection.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/reports.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk {
namespace {

constexpr int kPractices = 5000;
constexpr int kRegions = 25;
constexpr int kHospitals = 100;

// Everything is made by the database itself from a counter, so that ten million rows take a
// minute rather than an hour.
Result<void> Seed(store::Database& db, int64_t consults, TimePoint start, TimePoint end) {
  int64_t span_ms = ToUnixMillis(end) - ToUnixMillis(start);
  return db.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::Connection& sql = tx.connection();
    auto run = [&](const std::string& statement) -> Result<void> {
      MK_RETURN_IF_ERROR(sql.Execute(statement));
      return Ok();
    };
    auto counted = [](int64_t n) {
      return "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " +
             std::to_string(n) + ") ";
    };
    MK_RETURN_IF_ERROR(run(counted(kPractices) +
                           "INSERT INTO organisations (kind, name, region, created_at) "
                           "SELECT 'gp_practice', 'Praktijk ' || n, 'Regio ' || (n % " +
                           std::to_string(kRegions) + "), 0 FROM seq"));
    MK_RETURN_IF_ERROR(run(counted(kHospitals) +
                           "INSERT INTO organisations (kind, name, region, created_at) "
                           "SELECT 'hospital', 'Ziekenhuis ' || n, 'Regio ' || (n % " +
                           std::to_string(kRegions) + "), 0 FROM seq"));
    MK_RETURN_IF_ERROR(run("INSERT INTO organisations (kind, name, region, created_at) VALUES "
                           "('region_office', 'ROS 7', 'Regio 7', 0)"));
    const char* specialties[] = {"dermatologie", "cardiologie", "orthopedie", "neurologie",
                                 "interne-geneeskunde", "kno", "gynaecologie", "kader-diabetes"};
    for (const char* code : specialties) {
      MK_RETURN_IF_ERROR(run(std::string("INSERT INTO specialties (code, name_nl, name_en, "
                                         "referral_cost_cents) VALUES ('") +
                             code + "', '" + code + "', '" + code + "', 50000)"));
    }
    MK_RETURN_IF_ERROR(run("INSERT INTO pools (organisation_id, specialty, name) SELECT o.id, "
                           "s.code, s.code FROM organisations o CROSS JOIN specialties s WHERE "
                           "o.kind = 'hospital'"));
    MK_RETURN_IF_ERROR(run("INSERT INTO users (username, display_name, password_hash, created_at) "
                           "VALUES ('coordinator', 'Coördinator', 'x', 0)"));
    MK_RETURN_IF_ERROR(run("INSERT INTO memberships (user_id, organisation_id, role) SELECT u.id, "
                           "o.id, 'coordinator' FROM users u, organisations o WHERE o.kind = "
                           "'region_office'"));
    // The consult's practice, pool and figures follow from its number n.
    std::string start_ms = std::to_string(ToUnixMillis(start));
    std::string step = std::to_string(span_ms / consults);
    return run(
        counted(consults) +
        "INSERT INTO consults (number, status, mode, specialty, practice_id, author_id, pool_id, "
        "patient_birth_year, patient_sex, icpc, question, clinical_summary, intended_referral, "
        "consent, sent_at, due_at, first_advice_at, response_minutes, outcome, outcome_learned, "
        "outcome_rating, question_rating, closed_at, fee_cents, created_at, updated_at, version) "
        "SELECT 'B-' || n, 'closed', CASE WHEN n % 20 = 0 THEN 'physical' ELSE 'digital' END, "
        "CASE n % 8 WHEN 0 THEN 'cardiologie' WHEN 1 THEN 'orthopedie' WHEN 2 THEN 'neurologie' "
        "WHEN 3 THEN 'kno' ELSE 'dermatologie' END, "
        "(SELECT MIN(id) FROM organisations) + n % " + std::to_string(kPractices) + ", "
        "(SELECT MIN(id) FROM users), (SELECT MIN(id) FROM pools) + n % " +
        std::to_string(kHospitals * 8) + ", 1960, 'female', 'S87', 'Vraag', 'Samenvatting', "
        "CASE WHEN n % 3 = 0 THEN 0 ELSE 1 END, 1, " + start_ms + " + n * " + step + ", " +
        start_ms + " + n * " + step + " + 259200000, " + start_ms + " + n * " + step +
        " + (n % 97) * 3600000, (n * 37) % 2000, CASE WHEN n % 10 < 7 THEN 'primary_care' "
        "WHEN n % 10 < 9 THEN 'referred' ELSE 'referred_elsewhere' END, n % 4, 3 + n % 3, "
        "2 + n % 4, " + start_ms + " + n * " + step + " + 432000000, 7000, " + start_ms +
        " + n * " + step + ", " + start_ms + " + n * " + step + ", 1 FROM seq");
  });
}

double Milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

template <typename F>
double MedianMs(int runs, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto begin = std::chrono::steady_clock::now();
    f();
    times.push_back(Milliseconds(std::chrono::steady_clock::now() - begin));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

int Main(int argc, char** argv) {
  int64_t consults = 10'000'000;
  int runs = 5;
  testing::Engine engine = testing::Engine::kSqlite;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--consults") == 0) consults = std::stoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--engine") == 0 && std::strcmp(argv[i + 1], "postgres") == 0) {
      engine = testing::Engine::kPostgres;
    }
  }
  testing::TestDatabase place(engine);
  std::unique_ptr<store::Database> db = place.Open();
  TimePoint end = domain::AmsterdamMoment(std::chrono::year{2026} / 12 / 1, 0);
  TimePoint start = end - std::chrono::hours(24 * (365 * 5 + 1));
  auto seeding = std::chrono::steady_clock::now();
  if (Result<void> seeded = Seed(*db, consults, start, end); !seeded.ok()) {
    std::fprintf(stderr, "seeding failed: %s\n", seeded.error().message.en.c_str());
    return 1;
  }
  double seed_s = Milliseconds(std::chrono::steady_clock::now() - seeding) / 1000;
  if (engine == testing::Engine::kPostgres) {
    (void)db->Run(store::Access::kWrite, [](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute("ANALYZE"));
      return Ok();
    });
  }

  service::Principal coordinator;
  std::vector<int64_t> region_practices;
  Result<void> loaded = db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUserByUsername("coordinator"));
    if (!user) return MakeError(ErrorCode::kNotFound, "geen coördinator", "no coordinator");
    coordinator.user = *user;
    MK_ASSIGN_OR_RETURN(coordinator.memberships, tx.directory().Memberships(user->id));
    MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
    for (const domain::Organisation& o : all) {
      if (o.kind == domain::OrgKind::kGpPractice && o.region == "Regio 7") region_practices.push_back(o.id);
    }
    return Ok();
  });
  if (!loaded.ok()) return 1;
  SystemClock clock;
  service::ReportService reports(*db, clock);
  service::TripleAimQuery query;
  query.from = domain::AmsterdamIsoDate(start);
  query.to = domain::AmsterdamIsoDate(end);
  query.group_by = domain::ReportGrouping::kMonth;
  int64_t in_report = 0;
  auto report = [&] {
    Result<service::TripleAimReport> r = reports.TripleAim(coordinator, query);
    in_report = r.ok() ? r->total.consults : -1;
  };
  std::string placeholders;
  for (size_t i = 0; i < region_practices.size(); ++i) placeholders += i ? ", ?" : "?";
  // Made at its final size (g++ 12 at -O2 misreads a growing vector of variants).
  std::vector<store::SqlValue> params(region_practices.size() + 2);
  std::copy(region_practices.begin(), region_practices.end(), params.begin());
  params[region_practices.size()] = ToUnixMillis(start);
  params[region_practices.size() + 1] = ToUnixMillis(end) + 86'400'000;
  int64_t counted = 0;
  auto reference = [&] {
    (void)db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.connection().Query("SELECT COUNT(*) FROM consults WHERE practice_id IN (" +
                                                    placeholders + ") AND sent_at >= ? AND sent_at < ?",
                                                params));
      counted = rows.front().Int(0);
      return Ok();
    });
  };
  // The report's own query alone: how much of its time is reading, and how much summing up.
  store::FigureFilter filter;
  filter.sent_from = domain::AmsterdamMoment(domain::AmsterdamDate(start), 0);
  filter.sent_until = domain::AmsterdamMoment(domain::AmsterdamDate(end), 0) + std::chrono::hours(24);
  filter.scope_practices = region_practices;
  size_t read_rows = 0;
  auto query_only = [&] {
    (void)db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(std::vector<domain::ConsultFigures> rows, tx.reports().ConsultFigures(filter));
      read_rows = rows.size();
      return Ok();
    });
  };
  report();  // warm the caches alike for all
  reference();
  query_only();
  double reference_ms = MedianMs(runs, reference);
  double query_ms = MedianMs(runs, query_only);
  double report_ms = MedianMs(runs, report);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("engine %s, %lld consults generated in %.1f s; region of %zu practices: %lld consults "
              "over five years (counted %lld)\n",
              testing::EngineName(engine).c_str(), static_cast<long long>(consults), seed_s,
              region_practices.size(), static_cast<long long>(in_report),
              static_cast<long long>(counted));
  std::printf("triple-aim report by month (median of %d): %.0f ms, of which its query reading %zu "
              "rows %.0f ms; reference COUNT(*) of the same consults: %.0f ms; ratio %.1f; peak "
              "resident memory %ld MB\n",
              runs, report_ms, read_rows, query_ms, reference_ms, report_ms / reference_ms,
              usage.ru_maxrss / 1024);
  return in_report == counted ? 0 : 1;
}

}  // namespace
}  // namespace meekijk

int main(int argc, char** argv) { return meekijk::Main(argc, argv); }
