// The access log's hash chain and the privacy officer's search, on both engines: an intact chain
// verifies, also after 64 concurrent writers; an edited, deleted or inserted row is found; cut-off
// newest rows are found against an anchor; legacy rows are sealed once.
#include "service/audit_service.h"

#include <gtest/gtest.h>

#include <thread>

#include "service/access_log.h"
#include "service/directory_service.h"
#include "store/database.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

class AuditServiceTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    DirectoryService directory(*db_, clock_);
    practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk", "01000001", {}, ""});
    other_practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Andere praktijk", "01000002", {}, ""});
    gp_ = *directory.AddUser({"huisarts", "Dr. De Vries", "", {}, "wachtwoord-123",
                              {{practice_, domain::Role::kGp}}});
  }

  Principal Someone(int64_t organisation, domain::Role role, int64_t user_id) {
    Principal principal;
    principal.user.id = user_id;
    principal.user.username = "user" + std::to_string(user_id);
    principal.memberships.push_back({organisation, role, "Praktijk", domain::OrgKind::kGpPractice, {}});
    principal.request = {"10.0.0.1", "req"};
    principal.login.token_hash = "login";
    principal.login.verified_at = clock_.Now();
    return principal;
  }

  // n access-log rows, as refusals are written (each in a transaction of its own).
  void Write(int n, int64_t organisation = 0) {
    AccessLog log(*db_, clock_);
    Principal gp = Someone(organisation ? organisation : practice_, domain::Role::kGp, gp_);
    for (int i = 0; i < n; ++i) {
      log.RecordRefusal(gp, domain::Role::kGp, "consult.read", 0, "MK-2026-" + std::to_string(i),
                        MakeError(ErrorCode::kNotFound, "", "not found"));
    }
  }

  void Raw(const std::string& sql) {
    ASSERT_TRUE(db_->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute(sql));
      return Ok();
    }).ok()) << sql;
  }

  ChainReport Verify(const std::vector<ChainAnchor>& anchors = {}) {
    Result<ChainReport> report = AuditService(*db_, clock_).Verify(anchors);
    EXPECT_TRUE(report.ok());
    return report.ok() ? *report : ChainReport{};
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  int64_t practice_ = 0, other_practice_ = 0, gp_ = 0;
};

TEST_P(AuditServiceTest, AnIntactChainVerifiesAndNamesItsHead) {
  EXPECT_TRUE(Verify().intact());
  Write(20);
  ChainReport report = Verify();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.rows, 20);
  ASSERT_TRUE(report.head.has_value());
  EXPECT_EQ(report.head->hash.size(), 64u);
  EXPECT_TRUE(Verify({*report.head}).intact());
}

TEST_P(AuditServiceTest, SixtyFourConcurrentWritersKeepTheChainIntact) {
  std::vector<std::thread> writers;
  for (int i = 0; i < 64; ++i) writers.emplace_back([this] { Write(5); });
  for (std::thread& writer : writers) writer.join();
  ChainReport report = Verify();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.rows, 64 * 5);
}

TEST_P(AuditServiceTest, AnEditedRowIsFound) {
  Write(10);
  Raw("UPDATE access_log SET username = 'iemand anders' WHERE id = 4");
  ChainReport report = Verify();
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad_id, 4);
  EXPECT_NE(report.problem.find("changed"), std::string::npos);
}

TEST_P(AuditServiceTest, ADeletedRowIsFoundAtTheRowAfterIt) {
  Write(10);
  Raw("DELETE FROM access_log WHERE id = 4");
  ChainReport report = Verify();
  EXPECT_EQ(report.first_bad_id, 5);
  EXPECT_NE(report.problem.find("removed or inserted"), std::string::npos);
  Raw("DELETE FROM access_log WHERE id = 1");  // the very first row too
  EXPECT_EQ(Verify().first_bad_id, 2);
}

TEST_P(AuditServiceTest, AnInsertedRowIsFound) {
  Write(10);
  Raw("DELETE FROM access_log WHERE id = 6");
  // A row put in the gap, with the hash of its neighbour: it cannot fit both links.
  Raw("INSERT INTO access_log (id, at, username, role, action, outcome, prev_hash, row_hash) "
      "SELECT 6, at, 'indringer', 'gp', 'consult.read', 'success', prev_hash, row_hash "
      "FROM access_log WHERE id = 5");
  EXPECT_EQ(Verify().first_bad_id, 6);
}

TEST_P(AuditServiceTest, CutOffNewestRowsAreFoundAgainstAnAnchor) {
  Write(10);
  std::optional<ChainAnchor> anchor = Verify().head;
  ASSERT_TRUE(anchor.has_value());
  Write(2);
  EXPECT_TRUE(Verify({*anchor}).intact());
  Raw("DELETE FROM access_log WHERE id > 8");
  EXPECT_TRUE(Verify().intact()) << "a shorter chain is still a chain";
  ChainReport report = Verify({*anchor});
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad_id, anchor->id);
  EXPECT_NE(report.problem.find("cut off"), std::string::npos);
  EXPECT_FALSE(Verify({{3, std::string(64, 'a')}}).intact()) << "a rewritten chain";
}

TEST_P(AuditServiceTest, RowsFromBeforeTheChainAreSealedIntoItOnce) {
  Write(6);
  // As a database migrated from schema 2 has them: rows without hashes, then chained ones.
  Raw("UPDATE access_log SET prev_hash = '', row_hash = '' WHERE id <= 3");
  Raw("UPDATE access_log_chain SET legacy_through = 3");
  AuditService audit(*db_, clock_);
  EXPECT_EQ(*audit.SealLegacyRows(), 6);
  EXPECT_EQ(*audit.SealLegacyRows(), 0) << "once";
  ChainReport report = Verify();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.rows, 6);
  Raw("UPDATE access_log SET prev_hash = '', row_hash = '' WHERE id = 2");
  EXPECT_EQ(Verify().first_bad_id, 2) << "blanking a hash later is tampering, not legacy";
}

TEST_P(AuditServiceTest, OnlyTheOrganisationsPrivacyOfficerSearchesItsLogAndIsLoggedDoingSo) {
  Write(3);
  Write(2, other_practice_);
  AuditService audit(*db_, clock_);
  Principal officer = Someone(practice_, domain::Role::kPrivacyOfficer, gp_);
  Result<std::vector<AccessLogRecord>> rows = audit.Search(officer, {});
  ASSERT_TRUE(rows.ok()) << rows.error().message.en;
  EXPECT_EQ(rows->size(), 3u);
  Result<std::vector<AccessLogRecord>> again = audit.Search(officer, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->front().action, "access_log.search") << "reading the log is logged";
  AccessLogQuery one;
  one.patient_ref = "MK-2026-1";
  EXPECT_EQ(audit.Search(officer, one)->size(), 1u);
  AccessLogQuery foreign;
  foreign.organisation_id = other_practice_;
  EXPECT_EQ(audit.Search(officer, foreign).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(audit.Search(Someone(practice_, domain::Role::kGp, gp_), {}).error().code,
            ErrorCode::kForbidden);
  AccessLogQuery backwards;
  backwards.from = clock_.Now();
  backwards.until = clock_.Now() - std::chrono::hours(1);
  EXPECT_EQ(audit.Search(officer, backwards).error().field, "until");
  EXPECT_TRUE(Verify().intact());
}

TEST_P(AuditServiceTest, AnExportNeedsThePasswordGivenRecently) {
  Write(3);
  AuditService audit(*db_, clock_);
  Principal officer = Someone(practice_, domain::Role::kPrivacyOfficer, gp_);
  EXPECT_TRUE(audit.Export(officer, {}).ok());
  clock_.Advance(std::chrono::minutes(6));
  Result<std::vector<AccessLogRecord>> late = audit.Export(officer, {});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().reason, "reauthentication_required");
}

TEST_P(AuditServiceTest, ASubjectAccessExportNeedsAnOfficerOneKeyAndThePasswordGivenRecently) {
  AuditService audit(*db_, clock_);
  Principal officer = Someone(practice_, domain::Role::kPrivacyOfficer, gp_);
  auto code = [&](const Principal& who, SubjectAccessQuery query) {
    Result<SubjectAccessReport> report = audit.SubjectAccess(who, query);
    EXPECT_FALSE(report.ok());
    return report.ok() ? ErrorCode::kInternal : report.error().code;
  };
  EXPECT_EQ(code(Someone(practice_, domain::Role::kGp, gp_), {"111222333", {}, {}}),
            ErrorCode::kForbidden);
  EXPECT_EQ(code(officer, {"111222333", {}, other_practice_}), ErrorCode::kForbidden);
  EXPECT_EQ(code(officer, {}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(officer, {"111222333", "MK-2026-00001", {}}), ErrorCode::kInvalidArgument);
  Result<SubjectAccessReport> failed_elfproef = audit.SubjectAccess(officer, {"111222334", {}, {}});
  ASSERT_FALSE(failed_elfproef.ok());
  EXPECT_EQ(failed_elfproef.error().field, "bsn");
  EXPECT_EQ(code(officer, {"111222333", {}, {}}), ErrorCode::kNotFound);  // nothing held
  clock_.Advance(std::chrono::minutes(6));
  Result<SubjectAccessReport> late = audit.SubjectAccess(officer, {"111222333", {}, {}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().reason, "reauthentication_required");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
