// Importing the register on both engines: what is added, changed and rejected, and that a dry
// run and a malformed file write nothing.
#include "service/import_service.h"

#include <gtest/gtest.h>

#include "service/directory_service.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using testing::Engine;

class ImportServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
  }
  size_t Organisations() { return DirectoryService(*db_, clock_).ListOrganisations()->size(); }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
};

constexpr std::string_view kOrganisations =
    "agb,name,kind,parent_agb,region\n"
    "03099001,Zorggroep West,care_group,,Utrecht\n"
    "01099001,Praktijk Oost,gp_practice,03099001,Utrecht\n"
    "06099001,Ziekenhuis Noord,hospital,03099001,Utrecht\n";
constexpr std::string_view kPractitioners =
    "agb,username,display_name,organisation_agb,role\n"
    "01888001,huisarts.oost,Dr. Oost,01099001,gp\n"
    "01888002,huisarts.oost,Dr. Dubbel,01099001,gp\n";

TEST_P(ImportServiceTest, AddsThenFindsUnchangedAndReportsWhatItRejected) {
  ImportService importer(*db_, clock_);
  int64_t progressed = 0;
  Result<ImportReport> dry = importer.Organisations(
      kOrganisations, true, [&](int64_t done, int64_t) { progressed = done; });
  ASSERT_TRUE(dry.ok()) << dry.error().message.en;
  EXPECT_EQ(dry->added, 2);
  EXPECT_EQ(progressed, 3);
  EXPECT_EQ(Organisations(), 0u);

  Result<ImportReport> first = importer.Organisations(kOrganisations, false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->added, 2);
  ASSERT_EQ(first->rejected.size(), 1u);
  EXPECT_EQ(first->rejected[0].line, 4);  // a hospital belongs to no care group
  EXPECT_EQ(Organisations(), 2u);
  Result<ImportReport> again = importer.Organisations(kOrganisations, false);
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(again->added, 0);

  Result<ImportReport> people = importer.Practitioners(kPractitioners, false);
  ASSERT_TRUE(people.ok()) << people.error().message.en;
  EXPECT_EQ(people->added, 1);
  ASSERT_EQ(people->rejected.size(), 1u);  // the username is taken
  EXPECT_EQ(people->rejected[0].line, 3);
}

TEST_P(ImportServiceTest, AMalformedFileWritesNothing) {
  ImportService importer(*db_, clock_);
  std::string broken(kOrganisations);
  broken += "01099009,\"Open,gp_practice,,Utrecht\n";
  Result<ImportReport> report = importer.Organisations(broken, false);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kMalformed);
  EXPECT_EQ(Organisations(), 0u);
  EXPECT_EQ(importer.Organisations("", false).error().code, ErrorCode::kMalformed);
  EXPECT_EQ(importer.Organisations("agb,naam\n1,2\n", false).error().code, ErrorCode::kMalformed);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
