// Queries for specialties, pools and agreements.
#include "store/agreements.h"

#include <sstream>

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Agreement;
using domain::ConsultMode;
using domain::Pool;
using domain::Specialty;
using W = Written;

// Modes are kept as a comma-separated list ("digital,physical"): a short closed set.
SqlValue JoinModes(const Agreement& agreement) {
  std::string out;
  for (ConsultMode mode : agreement.modes) {
    if (!out.empty()) out += ",";
    out += domain::Name(mode);
  }
  return out;
}

void SplitModes(const Row& row, size_t i, Agreement& agreement) {
  agreement.modes.clear();
  std::stringstream stream(row.Text(i));
  for (std::string part; std::getline(stream, part, ',');) {
    std::optional<ConsultMode> mode = domain::Parse<ConsultMode>(part);
    if (!mode) throw RowError(row.ColumnName(i), "unknown mode \"" + part.substr(0, 40) + "\"");
    agreement.modes.push_back(*mode);
  }
}

// clang-format off
const Table<Specialty> kSpecialties{"specialties", "", {
    Field<Specialty>("code", W::kOnInsert, [](auto& s) -> auto& { return s.code; }),
    Field<Specialty>("name_nl", W::kAlways, [](auto& s) -> auto& { return s.name_nl; }),
    Field<Specialty>("name_en", W::kAlways, [](auto& s) -> auto& { return s.name_en; }),
    Field<Specialty>("vektis_code", W::kAlways, [](auto& s) -> auto& { return s.vektis_code; }),
}};
// clang-format on

// clang-format off
const Table<Pool> kPools{"pools", "p", {
    Key<Pool>("id", [](auto& p) -> auto& { return p.id; }),
    Field<Pool>("organisation_id", W::kOnInsert, [](auto& p) -> auto& { return p.organisation_id; }),
    Field<Pool>("specialty", W::kOnInsert, [](auto& p) -> auto& { return p.specialty; }),
    Field<Pool>("name", W::kAlways, [](auto& p) -> auto& { return p.name; }),
}};
// clang-format on

// The pool's specialty is carried along for routing: read from the pool, never stored twice.
// clang-format off
const Table<Agreement> kAgreements{"agreements", "a", {
    Key<Agreement>("id", [](auto& a) -> auto& { return a.id; }),
    Field<Agreement>("gp_organisation_id", W::kOnInsert,
                     [](auto& a) -> auto& { return a.gp_organisation_id; }),
    Field<Agreement>("pool_id", W::kOnInsert, [](auto& a) -> auto& { return a.pool_id; }),
    Field<Agreement>("p.specialty", W::kRead, [](auto& a) -> auto& { return a.specialty; }),
    Column<Agreement>{"modes", W::kAlways, JoinModes, SplitModes, nullptr},
    Field<Agreement>("response_days", W::kAlways, [](auto& a) -> auto& { return a.response_days; }),
    Field<Agreement>("valid_from", W::kAlways, [](auto& a) -> auto& { return a.valid_from; }),
    Field<Agreement>("valid_until", W::kAlways, [](auto& a) -> auto& { return a.valid_until; }),
    Field<Agreement>("requires_identification", W::kAlways,
                     [](auto& a) -> auto& { return a.requires_identification; }),
}, {"created_at"}, "agreements a JOIN pools p ON p.id = a.pool_id"};
// clang-format on

constexpr std::string_view kInsertPoolMember =
    "INSERT INTO pool_members (pool_id, user_id) VALUES (?, ?) "
    "ON CONFLICT (pool_id, user_id) DO NOTHING";

}  // namespace

AgreementRepository Tx::agreements() { return AgreementRepository(statements_); }

Result<void> AgreementRepository::UpsertSpecialty(const Specialty& specialty) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kSpecialties.Upsert("code"), kSpecialties.InsertParams(specialty)));
  return Ok();
}

Result<std::vector<Specialty>> AgreementRepository::Specialties() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSpecialties.Select("ORDER BY name_nl")));
  return kSpecialties.ReadAll(rows);
}

Result<int64_t> AgreementRepository::InsertPool(const Pool& pool) {
  return sql_.InsertReturningId(kPools.insert(), kPools.InsertParams(pool));
}

Result<std::optional<Pool>> AgreementRepository::FindPool(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kPools.Select("WHERE p.id = ?"), {id}));
  return kPools.ReadFirst(rows);
}

Result<void> AgreementRepository::AddPoolMember(int64_t pool_id, int64_t user_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kInsertPoolMember, {pool_id, user_id}));
  return Ok();
}

Result<std::vector<Pool>> AgreementRepository::PoolsOfMember(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kPools.Select("JOIN pool_members m ON m.pool_id = p.id "
                                                          "WHERE m.user_id = ? ORDER BY p.id"),
                                            {user_id}));
  return kPools.ReadAll(rows);
}

Result<int64_t> AgreementRepository::Insert(const Agreement& agreement, TimePoint now) {
  return sql_.InsertReturningId(kAgreements.insert(),
                                kAgreements.InsertParams(agreement, {ToUnixMillis(now)}));
}

Result<std::vector<Agreement>> AgreementRepository::OfGpOrganisations(
    std::span<const int64_t> organisation_ids) {
  return WhereIn("a.gp_organisation_id", organisation_ids);
}

Result<std::vector<Agreement>> AgreementRepository::OfPools(std::span<const int64_t> pool_ids) {
  return WhereIn("a.pool_id", pool_ids);
}

Result<std::vector<Agreement>> AgreementRepository::WhereIn(std::string_view column,
                                                            std::span<const int64_t> ids) {
  if (ids.empty()) return std::vector<Agreement>();
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kAgreements.Select("WHERE " + std::string(column) + " IN (" +
                                                    Placeholders(ids.size()) + ") ORDER BY a.id"),
                                 Ids(ids)));
  return kAgreements.ReadAll(rows);
}

}  // namespace meekijk::store
