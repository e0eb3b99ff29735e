// The store contract suite's shared fixture: a fresh migrated database on each engine, and a small
// region to write consults into. Every part of the suite (one file per repository) derives from
// it, so that the same behaviour is asserted on SQLite and on PostgreSQL.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "store/agreements.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::store {

inline const TimePoint kNow = FromUnixMillis(1772442900000);  // 2026-03-02 09:15 UTC

// What a Find… found, or an error that fails the unit of work: a test never reads an empty
// optional.
template <typename T>
Result<T> Present(Result<std::optional<T>> found) {
  if (!found.ok()) return found.error();
  if (!found->has_value()) return MakeError(ErrorCode::kNotFound, "niet gevonden", "not found");
  return std::move(**found);
}

class StoreTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
  }

  // Runs work in a write transaction and fails the test on an error.
  template <typename F>
  void Write(F&& work) {
    Result<void> result = db_->Run(Access::kWrite, std::forward<F>(work));
    ASSERT_TRUE(result.ok()) << result.error().reason << " " << result.error().message.en;
  }

  // Raw SQL, for a test that must put into the database what the code never would.
  void ExecuteRaw(const std::string& sql) {
    Write([&](Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute(sql));
      return Ok();
    });
  }

  struct Region {
    int64_t practice = 0, hospital = 0, gp = 0, specialist = 0, pool = 0, agreement = 0;
  };

  Region Seed(Tx& tx) {
    Region d;
    DirectoryRepository directory = tx.directory();
    AgreementRepository agreements = tx.agreements();
    d.practice = *directory.InsertOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk Noord", "01234567", {}, "Rotterdam e.o."},
        kNow);
    d.hospital = *directory.InsertOrganisation(
        {0, domain::OrgKind::kHospital, "Maasstad Ziekenhuis", "06123456", {}, "Rotterdam e.o."},
        kNow);
    d.gp = *directory.InsertUser({0, "huisarts", "Dr. A. de Vries", "", {}, "hash", true}, kNow);
    d.specialist = *directory.InsertUser({0, "derma", "Dr. B. Bakker", "", {}, "hash", true}, kNow);
    EXPECT_TRUE(
        agreements.UpsertSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    d.pool = *agreements.InsertPool({0, d.hospital, "dermatologie", "Dermatologie Maasstad"});
    EXPECT_TRUE(agreements.AddPoolMember(d.pool, d.specialist).ok());
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {d.practice};
    agreement.pool_id = d.pool;
    agreement.modes = {domain::ConsultMode::kDigital, domain::ConsultMode::kPhysical};
    agreement.response_days = 3;
    agreement.valid_from = "2026-01-01";
    d.agreement = *agreements.Insert(agreement, kNow);
    return d;
  }

  domain::Consult NewConsult(const Region& d, int64_t sequence) {
    domain::Consult consult;
    consult.number = "MK-2026-" + std::to_string(10000 + sequence);
    consult.status = domain::ConsultStatus::kSent;
    consult.content.specialty = "dermatologie";
    consult.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
    consult.content.icpc = "S87";
    consult.content.question = "Eczeem of psoriasis?";
    consult.content.clinical_summary = "Jeuk sinds maart.";
    consult.content.intended_referral = true;
    consult.content.consent = true;
    consult.practice_id = d.practice;
    consult.author_id = d.gp;
    consult.sender_id = d.gp;
    consult.pool_id = d.pool;
    consult.agreement_id = d.agreement;
    consult.sent_at = kNow;
    consult.due_at = kNow + std::chrono::hours(24 * sequence);
    consult.created_at = consult.updated_at = kNow;
    return consult;
  }

  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<Database> db_;
};

// Instantiates a part of the suite on every engine the test run has.
#define MEEKIJK_STORE_SUITE(Suite)                                                      \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite, ::testing::ValuesIn(testing::TestEngines()), \
                           [](const auto& info) { return testing::EngineName(info.param); })

}  // namespace meekijk::store
