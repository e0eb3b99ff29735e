// The store contract, directory part: organisations, users, memberships.
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class DirectoryRepositoryTest : public StoreTest {};

TEST_P(DirectoryRepositoryTest, KeepsOrganisationsUsersAndMemberships) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    DirectoryRepository directory = tx.directory();
    MK_RETURN_IF_ERROR(directory.AddMembership(d.gp, d.practice, domain::Role::kGp));
    MK_RETURN_IF_ERROR(directory.AddMembership(d.gp, d.practice, domain::Role::kGp));  // idempotent
    MK_ASSIGN_OR_RETURN(auto user, Present(directory.FindUserByUsername("huisarts")));
    EXPECT_EQ(user.display_name, "Dr. A. de Vries");
    MK_ASSIGN_OR_RETURN(auto memberships, directory.Memberships(d.gp));
    EXPECT_EQ(memberships.size(), 1u);
    EXPECT_EQ(memberships.at(0).organisation_name, "Praktijk Noord");
    EXPECT_EQ(memberships.at(0).role, domain::Role::kGp);
    MK_ASSIGN_OR_RETURN(auto organisation, Present(directory.FindOrganisation(d.hospital)));
    EXPECT_EQ(organisation.agb, "06123456");
    MK_ASSIGN_OR_RETURN(auto missing, directory.FindUserByUsername("niemand"));
    EXPECT_FALSE(missing.has_value());
    return Ok();
  });
}

TEST_P(DirectoryRepositoryTest, ListsEveryUserAndEveryMembershipForManagement) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    DirectoryRepository directory = tx.directory();
    MK_RETURN_IF_ERROR(directory.AddMembership(d.specialist, d.hospital, domain::Role::kSpecialist));
    MK_RETURN_IF_ERROR(directory.AddMembership(d.gp, d.practice, domain::Role::kGp));
    MK_RETURN_IF_ERROR(directory.AddMembership(d.gp, d.practice, domain::Role::kAssistant));
    MK_ASSIGN_OR_RETURN(std::vector<domain::User> users, directory.ListUsers());
    EXPECT_EQ(users.size(), 2u);
    if (users.size() != 2u) return Ok();
    EXPECT_EQ(users.at(0).display_name, "Dr. A. de Vries");  // by name
    EXPECT_EQ(users.at(1).display_name, "Dr. B. Bakker");
    MK_ASSIGN_OR_RETURN(std::vector<UserMembership> all, directory.AllMemberships());
    EXPECT_EQ(all.size(), 3u);
    if (all.size() != 3u) return Ok();
    EXPECT_EQ(all.at(0).user_id, d.gp);
    EXPECT_EQ(all.at(0).membership, (*directory.Memberships(d.gp)).at(0));
    EXPECT_EQ(all.at(2).user_id, d.specialist);
    EXPECT_EQ(all.at(2).membership.organisation_name, "Maasstad Ziekenhuis");
    return Ok();
  });
}

TEST_P(DirectoryRepositoryTest, SetsOneUsersPasswordHash) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    DirectoryRepository directory = tx.directory();
    MK_RETURN_IF_ERROR(directory.SetPasswordHash(d.gp, "new-hash"));
    MK_ASSIGN_OR_RETURN(auto gp, Present(directory.FindUser(d.gp)));
    MK_ASSIGN_OR_RETURN(auto other, Present(directory.FindUser(d.specialist)));
    EXPECT_EQ(gp.password_hash, "new-hash");
    EXPECT_EQ(other.password_hash, "hash");
    return Ok();
  });
}

TEST_P(DirectoryRepositoryTest, DeactivatesAndReactivatesOneUser) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    DirectoryRepository directory = tx.directory();
    MK_RETURN_IF_ERROR(directory.SetActive(d.gp, false));
    MK_ASSIGN_OR_RETURN(auto gp, Present(directory.FindUser(d.gp)));
    MK_ASSIGN_OR_RETURN(auto other, Present(directory.FindUser(d.specialist)));
    EXPECT_FALSE(gp.active);
    EXPECT_TRUE(other.active);
    MK_RETURN_IF_ERROR(directory.SetActive(d.gp, true));
    MK_ASSIGN_OR_RETURN(gp, Present(directory.FindUser(d.gp)));
    EXPECT_TRUE(gp.active);
    return Ok();
  });
}

TEST_P(DirectoryRepositoryTest, RefusesADuplicateUsernameAsConflictAndKeepsTheFirst) {
  Write([&](Tx& tx) -> Result<void> {
    Seed(tx);
    return Ok();
  });
  Result<void> duplicate = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(
        tx.directory().InsertUser({0, "huisarts", "Other", "", {}, "h", true}, kNow));
    return Ok();
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().reason, "duplicate_or_missing_reference");
}

TEST_P(DirectoryRepositoryTest, EnforcesForeignKeys) {
  Result<void> dangling = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.directory().AddMembership(999, 998, domain::Role::kGp));
    return Ok();
  });
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().code, ErrorCode::kConflict);
}

// Every column of the record is written and read back: a field left out of the column list
// fails here.
TEST_P(DirectoryRepositoryTest, RoundTripsEveryFieldOfOrganisationsAndUsers) {
  Write([&](Tx& tx) -> Result<void> {
    DirectoryRepository directory = tx.directory();
    domain::Organisation group{
        0, domain::OrgKind::kCareGroup, "Zorggroep Zuid", "12345678", {}, "Rotterdam e.o."};
    MK_ASSIGN_OR_RETURN(group.id, directory.InsertOrganisation(group, kNow));
    domain::Organisation practice{
        0, domain::OrgKind::kGpPractice, "Praktijk Zuid", "01999999", group.id, "Rotterdam e.o."};
    MK_ASSIGN_OR_RETURN(practice.id, directory.InsertOrganisation(practice, kNow));
    MK_ASSIGN_OR_RETURN(auto found, Present(directory.FindOrganisation(practice.id)));
    EXPECT_EQ(found, practice);
    domain::User user{0, "kader", "Dr. K. Kader", "kader@example.nl", "01888888", "argon", false};
    MK_ASSIGN_OR_RETURN(user.id, directory.InsertUser(user, kNow));
    MK_ASSIGN_OR_RETURN(auto found_user, Present(directory.FindUser(user.id)));
    EXPECT_EQ(found_user, user);
    return Ok();
  });
}

TEST_P(DirectoryRepositoryTest, AnUnknownRoleIsAnInternalErrorNotNoRole) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    return tx.directory().AddMembership(d.gp, d.practice, domain::Role::kGp);
  });
  ExecuteRaw("UPDATE memberships SET role = 'superuser'");
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.directory().Memberships(d.gp));
    return Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kInternal);
  EXPECT_EQ(read.error().reason, "row_unreadable");
  EXPECT_EQ(read.error().field, "role");
}

MEEKIJK_STORE_SUITE(DirectoryRepositoryTest);

}  // namespace
}  // namespace meekijk::store
