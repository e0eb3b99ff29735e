// Queries for organisations, users and their memberships.
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Membership;
using domain::Organisation;
using domain::User;

constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (kind, name, agb, parent_id, region, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectOrganisation =
    "SELECT id, kind, name, agb, parent_id, region FROM organisations";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, display_name, email, agb, password_hash, active, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectUser =
    "SELECT id, username, display_name, email, agb, password_hash, active FROM users";
constexpr std::string_view kInsertMembership =
    "INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?) "
    "ON CONFLICT (user_id, organisation_id, role) DO NOTHING";
constexpr std::string_view kSelectMemberships =
    "SELECT m.organisation_id, m.role, o.name, o.kind, o.parent_id "
    "FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
    "WHERE m.user_id = ? ORDER BY m.organisation_id, m.role";

Organisation OrganisationFromRow(const Row& row) {
  Organisation organisation;
  organisation.id = row.Int(0);
  organisation.kind = domain::Parse<domain::OrgKind>(row.Text(1)).value_or(domain::OrgKind::kGpPractice);
  organisation.name = row.Text(2);
  organisation.agb = row.OptionalText(3);
  organisation.parent_id = row.OptionalInt(4);
  organisation.region = row.Text(5);
  return organisation;
}

User UserFromRow(const Row& row) {
  User user;
  user.id = row.Int(0);
  user.username = row.Text(1);
  user.display_name = row.Text(2);
  user.email = row.Text(3);
  user.agb = row.OptionalText(4);
  user.password_hash = row.Text(5);
  user.active = row.Bool(6);
  return user;
}

Result<std::optional<User>> FirstUser(Result<Rows> rows) {
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<User>();
  return std::optional<User>(UserFromRow(rows->front()));
}

}  // namespace

Result<int64_t> Tx::InsertOrganisation(const Organisation& organisation, TimePoint now) {
  return InsertReturningId(kInsertOrganisation,
                           {std::string(domain::Name(organisation.kind)), organisation.name,
                            Nullable(organisation.agb), Nullable(organisation.parent_id),
                            organisation.region, ToUnixMillis(now)});
}

Result<std::optional<Organisation>> Tx::FindOrganisation(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectOrganisation) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Organisation>();
  return std::optional<Organisation>(OrganisationFromRow(rows.front()));
}

Result<std::vector<Organisation>> Tx::ListOrganisations() {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectOrganisation) + " ORDER BY id"));
  std::vector<Organisation> organisations;
  for (const Row& row : rows) organisations.push_back(OrganisationFromRow(row));
  return organisations;
}

Result<int64_t> Tx::InsertUser(const User& user, TimePoint now) {
  return InsertReturningId(kInsertUser, {user.username, user.display_name, user.email,
                                         Nullable(user.agb), user.password_hash,
                                         int64_t{user.active}, ToUnixMillis(now)});
}

Result<std::optional<User>> Tx::FindUser(int64_t id) {
  return FirstUser(Query(std::string(kSelectUser) + " WHERE id = ?", {id}));
}

Result<std::optional<User>> Tx::FindUserByUsername(std::string_view username) {
  return FirstUser(Query(std::string(kSelectUser) + " WHERE username = ?", {std::string(username)}));
}

Result<void> Tx::AddMembership(int64_t user_id, int64_t organisation_id, domain::Role role) {
  MK_RETURN_IF_ERROR(
      Execute(kInsertMembership, {user_id, organisation_id, std::string(domain::Name(role))}));
  return Ok();
}

Result<std::vector<Membership>> Tx::ListMemberships(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectMemberships, {user_id}));
  std::vector<Membership> memberships;
  for (const Row& row : rows) {
    std::optional<domain::Role> role = domain::Parse<domain::Role>(row.Text(1));
    if (!role) continue;  // a role this version does not know grants nothing
    memberships.push_back(Membership{
        row.Int(0), *role, row.Text(2),
        domain::Parse<domain::OrgKind>(row.Text(3)).value_or(domain::OrgKind::kGpPractice),
        row.OptionalInt(4)});
  }
  return memberships;
}

}  // namespace meekijk::store
