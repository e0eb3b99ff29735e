// Queries for organisations, users and their memberships.
#include "store/directory.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Membership;
using domain::Organisation;
using domain::User;
using W = Written;

// clang-format off
const Table<Organisation> kOrganisations{"organisations", "", {
    Key<Organisation>("id", [](auto& o) -> auto& { return o.id; }),
    Field<Organisation>("kind", W::kOnInsert, [](auto& o) -> auto& { return o.kind; }),
    Field<Organisation>("name", W::kAlways, [](auto& o) -> auto& { return o.name; }),
    Field<Organisation>("agb", W::kAlways, [](auto& o) -> auto& { return o.agb; }),
    Field<Organisation>("parent_id", W::kAlways, [](auto& o) -> auto& { return o.parent_id; }),
    Field<Organisation>("region", W::kAlways, [](auto& o) -> auto& { return o.region; }),
}, {"created_at"}};
// clang-format on

// clang-format off
const Table<User> kUsers{"users", "", {
    Key<User>("id", [](auto& u) -> auto& { return u.id; }),
    Field<User>("username", W::kOnInsert, [](auto& u) -> auto& { return u.username; }),
    Field<User>("display_name", W::kAlways, [](auto& u) -> auto& { return u.display_name; }),
    Field<User>("email", W::kAlways, [](auto& u) -> auto& { return u.email; }),
    Field<User>("agb", W::kAlways, [](auto& u) -> auto& { return u.agb; }),
    Field<User>("password_hash", W::kAlways, [](auto& u) -> auto& { return u.password_hash; }),
    Field<User>("active", W::kAlways, [](auto& u) -> auto& { return u.active; }),
}, {"created_at"}};
// clang-format on

// A membership as the principal needs it: with its organisation's name, kind and care group.
// clang-format off
const Table<Membership> kMemberships{"memberships", "m", {
    Field<Membership>("m.organisation_id", W::kRead,
                      [](auto& m) -> auto& { return m.organisation_id; }),
    Field<Membership>("m.role", W::kRead, [](auto& m) -> auto& { return m.role; }),
    Field<Membership>("o.name", W::kRead, [](auto& m) -> auto& { return m.organisation_name; }),
    Field<Membership>("o.kind", W::kRead, [](auto& m) -> auto& { return m.organisation_kind; }),
    Field<Membership>("o.parent_id", W::kRead, [](auto& m) -> auto& { return m.parent_id; }),
}, {}, "memberships m JOIN organisations o ON o.id = m.organisation_id"};
// clang-format on

// clang-format off
const Table<UserMembership> kUserMemberships{"memberships", "m", {
    Field<UserMembership>("m.user_id", W::kRead, [](auto& u) -> auto& { return u.user_id; }),
    Field<UserMembership>("m.organisation_id", W::kRead,
                          [](auto& u) -> auto& { return u.membership.organisation_id; }),
    Field<UserMembership>("m.role", W::kRead, [](auto& u) -> auto& { return u.membership.role; }),
    Field<UserMembership>("o.name", W::kRead,
                          [](auto& u) -> auto& { return u.membership.organisation_name; }),
    Field<UserMembership>("o.kind", W::kRead,
                          [](auto& u) -> auto& { return u.membership.organisation_kind; }),
    Field<UserMembership>("o.parent_id", W::kRead,
                          [](auto& u) -> auto& { return u.membership.parent_id; }),
}, {}, "memberships m JOIN organisations o ON o.id = m.organisation_id"};
// clang-format on

constexpr std::string_view kSetPasswordHash = "UPDATE users SET password_hash = ? WHERE id = ?";
constexpr std::string_view kSetActive = "UPDATE users SET active = ? WHERE id = ?";

constexpr std::string_view kInsertMembership =
    "INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?) "
    "ON CONFLICT (user_id, organisation_id, role) DO NOTHING";

constexpr std::string_view kUsersWithRole =
    "SELECT user_id FROM memberships WHERE organisation_id = ? AND role = ? ORDER BY user_id";

Result<std::optional<User>> FirstUser(Result<Rows> rows) {
  if (!rows.ok()) return rows.error();
  return kUsers.ReadFirst(*rows);
}

}  // namespace

DirectoryRepository Tx::directory() { return DirectoryRepository(statements_); }

Result<int64_t> DirectoryRepository::InsertOrganisation(const Organisation& organisation,
                                                        TimePoint now) {
  return sql_.InsertReturningId(kOrganisations.insert(),
                                kOrganisations.InsertParams(organisation, {ToUnixMillis(now)}));
}

Result<std::optional<Organisation>> DirectoryRepository::FindOrganisation(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOrganisations.Select("WHERE id = ?"), {id}));
  return kOrganisations.ReadFirst(rows);
}

Result<std::optional<Organisation>> DirectoryRepository::FindOrganisationByAgb(
    std::string_view agb) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOrganisations.Select("WHERE agb = ? ORDER BY id"),
                                            {std::string(agb)}));
  return kOrganisations.ReadFirst(rows);
}

Result<void> DirectoryRepository::UpdateOrganisation(const Organisation& organisation) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kOrganisations.update(), kOrganisations.UpdateParams(organisation)));
  return Ok();
}

Result<std::vector<Organisation>> DirectoryRepository::ListOrganisations() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOrganisations.Select("ORDER BY id")));
  return kOrganisations.ReadAll(rows);
}

Result<int64_t> DirectoryRepository::InsertUser(const User& user, TimePoint now) {
  return sql_.InsertReturningId(kUsers.insert(), kUsers.InsertParams(user, {ToUnixMillis(now)}));
}

Result<std::optional<User>> DirectoryRepository::FindUser(int64_t id) {
  return FirstUser(sql_.Query(kUsers.Select("WHERE id = ?"), {id}));
}

Result<std::optional<User>> DirectoryRepository::FindUserByUsername(std::string_view username) {
  return FirstUser(sql_.Query(kUsers.Select("WHERE username = ?"), {std::string(username)}));
}

Result<std::optional<User>> DirectoryRepository::FindUserByAgb(std::string_view agb) {
  return FirstUser(sql_.Query(kUsers.Select("WHERE agb = ? ORDER BY id"), {std::string(agb)}));
}

Result<void> DirectoryRepository::UpdateUser(const User& user) {
  MK_RETURN_IF_ERROR(sql_.Execute(kUsers.update(), kUsers.UpdateParams(user)));
  return Ok();
}

Result<std::vector<User>> DirectoryRepository::ListUsers() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kUsers.Select("ORDER BY display_name, id")));
  return kUsers.ReadAll(rows);
}

Result<void> DirectoryRepository::SetActive(int64_t user_id, bool active) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSetActive, {int64_t{active}, user_id}));
  return Ok();
}

Result<void> DirectoryRepository::SetPasswordHash(int64_t user_id,
                                                  const std::string& password_hash) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSetPasswordHash, {password_hash, user_id}));
  return Ok();
}

Result<void> DirectoryRepository::AddMembership(int64_t user_id, int64_t organisation_id,
                                                domain::Role role) {
  MK_RETURN_IF_ERROR(sql_.Execute(kInsertMembership, {user_id, organisation_id, ToSql(role)}));
  return Ok();
}

Result<std::vector<Membership>> DirectoryRepository::Memberships(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kMemberships.Select("WHERE m.user_id = ? ORDER BY m.organisation_id, m.role"),
                 {user_id}));
  return kMemberships.ReadAll(rows);
}

Result<std::vector<int64_t>> DirectoryRepository::UsersWithRole(int64_t organisation_id,
                                                                domain::Role role) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kUsersWithRole, {organisation_id, ToSql(role)}));
  std::vector<int64_t> users;
  for (const Row& row : rows) users.push_back(row.Int(0));
  return users;
}

Result<std::vector<UserMembership>> DirectoryRepository::AllMemberships() {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kUserMemberships.Select("ORDER BY m.user_id, m.organisation_id, m.role")));
  return kUserMemberships.ReadAll(rows);
}

}  // namespace meekijk::store
