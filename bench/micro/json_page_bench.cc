// The JSON of an inbox page of 20 consults, as GET /api/v1/consults answers it: the summaries
// built with ConsultPageJson and serialized by JsonResponse. The reference copies a string of the
// same size as the body: what answering those bytes costs at the very least.
#include <benchmark/benchmark.h>

#include <string>

#include "api/consult_json.h"
#include "api/responses.h"
#include "domain/calendar.h"

namespace meekijk {
namespace {

constexpr int kPageSize = 20;

// A page as a pool sees it: sent consults of one specialty with a question of a few sentences.
service::ConsultList InboxPage() {
  TimePoint sent = domain::AmsterdamMoment(std::chrono::year{2026} / 3 / 2, 9 * 60);
  service::ConsultList page;
  for (int i = 0; i < kPageSize; ++i) {
    domain::Consult c;
    c.id = 1000 + i;
    c.number = "MK-2026-" + std::to_string(10000 + i);
    c.status = domain::ConsultStatus::kSent;
    c.content.specialty = "dermatologie";
    c.content.patient = {
        1950 + i, i % 2 == 0 ? domain::Sex::kFemale : domain::Sex::kMale, {}, {}, {}};
    c.content.icpc = "S88";
    c.content.question =
        "Patiënte heeft sinds drie maanden handeczeem dat niet reageert op een klasse 2 "
        "corticosteroïd. Is het zinvol eerst een klasse 3 te proberen, of wilt u haar zien?";
    c.practice_id = 7;
    c.pool_id = 3;
    c.sent_at = sent + std::chrono::minutes(i);
    c.due_at = *c.sent_at + std::chrono::hours(72);
    c.created_at = *c.sent_at;
    c.updated_at = *c.sent_at;
    page.items.push_back(std::move(c));
  }
  page.next_cursor = "eyJpZCI6MTAyMH0";
  return page;
}

// What the handler does after the use case: build the page and serialize it.
void BM_InboxPageJson(benchmark::State& state) {
  service::ConsultList page = InboxPage();
  size_t bytes = 0;
  for (auto _ : state) {
    http::Response response = api::JsonResponse(200, api::ConsultPageJson(page));
    bytes = response.body.size();
    benchmark::DoNotOptimize(response);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["body_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_InboxPageJson);

// Only the serialization of a page built once, to tell building from writing.
void BM_InboxPageSerializeOnly(benchmark::State& state) {
  boost::json::value built = api::ConsultPageJson(InboxPage());
  for (auto _ : state) {
    http::Response response = api::JsonResponse(200, built);
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_InboxPageSerializeOnly);

// Reference: a fresh string holding as many bytes as the page's body (allocation and copy).
void BM_InboxPageReferenceCopy(benchmark::State& state) {
  const std::string body = api::JsonResponse(200, api::ConsultPageJson(InboxPage())).body;
  for (auto _ : state) {
    std::string copy = body;
    benchmark::DoNotOptimize(copy);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_InboxPageReferenceCopy);

}  // namespace
}  // namespace meekijk
