// Purging in batches, one transaction each, every removal logged with it.
#include "service/retention_service.h"

#include "core/log.h"
#include "service/access_chain.h"
#include "store/access_log.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

constexpr int kBatch = 200;

TimePoint YearsBefore(TimePoint now, int years) {
  std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
  std::chrono::year_month_day then = today - std::chrono::years(years);
  if (!then.ok()) then = then.year() / then.month() / std::chrono::last;  // 29 February
  return std::chrono::sys_days(then) + (now - std::chrono::floor<std::chrono::days>(now));
}

}  // namespace

Result<PurgeReport> RetentionService::Purge(int years, bool dry_run,
                                            const std::function<void(int64_t)>& progress) {
  if (years < 1 || years > 115) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef een bewaartermijn van 1 tot 115 jaar.",
                     "Give a retention period of 1 to 115 years.", "years");
  }
  PurgeReport report;
  report.dry_run = dry_run;
  report.cutoff = YearsBefore(clock_.Now(), years);
  if (dry_run) {
    // Everything past the period, without removing: one read.
    MK_ASSIGN_OR_RETURN(auto expired,
                        (store::Transact<std::vector<std::pair<int64_t, std::string>>>(
                            database_, store::Access::kRead, [&](store::Tx& tx) {
                              return tx.consults().LastChangedBefore(report.cutoff, 1'000'000);
                            })));
    for (const auto& [id, number] : expired) report.numbers.push_back(number);
    return report;
  }
  for (;;) {
    int64_t removed = 0;
    MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(auto expired, tx.consults().LastChangedBefore(report.cutoff, kBatch));
      for (const auto& [id, number] : expired) {
        MK_RETURN_IF_ERROR(tx.consults().Purge(id));
        store::AccessLogEntry entry;
        entry.at = clock_.Now();
        entry.username = "meekijk retention purge";
        entry.role = "system";
        entry.action = "consult.purge";
        entry.consult_id = id;
        entry.patient_ref = number;
        entry.detail = "retention " + std::to_string(years) + " years, last changed before " +
                       FormatIso8601(report.cutoff);
        entry.outcome = "success";
        MK_RETURN_IF_ERROR(AppendToChain(tx, entry));
        report.numbers.push_back(number);
        ++removed;
      }
      return Ok();
    }));
    if (progress) progress(static_cast<int64_t>(report.numbers.size()));
    if (removed < kBatch) break;
  }
  log::Info("retention_purged", {{"consults", static_cast<int64_t>(report.numbers.size())},
                                 {"years", years}});
  return report;
}

}  // namespace meekijk::service
