// The working-day clock: working hours between two moments (escalation and response times) and
// the due moment of a consult on sending. WorkingHoursBetween walks the days one by one, so it is
// measured over spans of 1, 7, 30 and 365 days from Monday 30 March 2026 (the 30 days hold Goede
// Vrijdag, Tweede Paasdag and Koningsdag). The reference walks the same days doing only the
// calendar arithmetic any such walk needs: a day's date and weekday.
#include <benchmark/benchmark.h>

#include "domain/calendar.h"
#include "domain/working_days.h"

namespace meekijk {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

const TimePoint kMonday = domain::AmsterdamMoment(std::chrono::year{2026} / 3 / 30, 9 * 60 + 30);

void SpanArguments(benchmark::internal::Benchmark* b) {
  for (int span : {1, 7, 30, 365}) b->Arg(span);
}

void BM_WorkingHoursBetween(benchmark::State& state) {
  TimePoint to = kMonday + days(state.range(0)) + std::chrono::hours(5);
  domain::DaysOff off{.good_friday = true, .liberation_day = false};
  for (auto _ : state) benchmark::DoNotOptimize(domain::WorkingHoursBetween(kMonday, to, off));
  state.SetItemsProcessed(state.iterations() * state.range(0));  // items: days walked
}
BENCHMARK(BM_WorkingHoursBetween)->Apply(SpanArguments);

// Reference: per day, the date and the weekday, and a count of weekdays.
void BM_WorkingHoursReferenceDayWalk(benchmark::State& state) {
  sys_days first = std::chrono::floor<days>(kMonday);
  sys_days last = first + days(state.range(0));
  for (auto _ : state) {
    int weekdays = 0;
    for (sys_days day = first; day <= last; day += days{1}) {
      std::chrono::year_month_day date{day};
      benchmark::DoNotOptimize(date);
      weekdays += std::chrono::weekday{day}.iso_encoding() <= 5;
    }
    benchmark::DoNotOptimize(weekdays);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WorkingHoursReferenceDayWalk)->Apply(SpanArguments);

// The due moment of a consult sent on Thursday afternoon with three working days, over Easter.
void BM_AddWorkingDays(benchmark::State& state) {
  TimePoint thursday = kMonday + days(3) + std::chrono::hours(6);
  for (auto _ : state) benchmark::DoNotOptimize(domain::AddWorkingDays(thursday, 3));
}
BENCHMARK(BM_AddWorkingDays);

}  // namespace
}  // namespace meekijk
