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
    Field<Specialty>("referral_cost_cents", W::kAlways,
                     [](auto& s) -> auto& { return s.referral_cost_cents; }),
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

// The GP organisations are kept as "3,7" in the agreement (and so in each kept version) and as
// rows of agreement_gp_organisations, which the lookups by organisation use.
SqlValue JoinIds(const Agreement& agreement) {
  std::string out;
  for (int64_t id : agreement.gp_organisation_ids) {
    out += (out.empty() ? "" : ",") + std::to_string(id);
  }
  return out;
}

void SplitIds(const Row& row, size_t i, Agreement& agreement) {
  agreement.gp_organisation_ids.clear();
  std::stringstream stream(row.Text(i));
  for (std::string part; std::getline(stream, part, ',');) {
    try {
      size_t used = 0;
      agreement.gp_organisation_ids.push_back(std::stoll(part, &used));
      if (used != part.size()) throw std::invalid_argument(part);
    } catch (const std::logic_error&) {
      throw RowError(row.ColumnName(i), "not an id \"" + part.substr(0, 40) + "\"");
    }
  }
  if (agreement.gp_organisation_ids.empty()) throw RowError(row.ColumnName(i), "no ids");
}

// The columns of an agreement, shared by the agreement and its kept versions; `id` is the key of
// the one and a plain column (agreement_id) of the other, and so is `version`.
// The pool's specialty is carried along for routing: read from the pool, never stored twice.
// clang-format off
std::vector<Column<Agreement>> AgreementColumns(std::string_view id_column, W id, W version) {
  return {
    Field<Agreement>(id_column, id, [](auto& a) -> auto& { return a.id; }),
    Column<Agreement>{"gp_organisation_ids", W::kAlways, JoinIds, SplitIds, nullptr},
    Field<Agreement>("pool_id", W::kOnInsert, [](auto& a) -> auto& { return a.pool_id; }),
    Field<Agreement>("p.specialty", W::kRead, [](auto& a) -> auto& { return a.specialty; }),
    Column<Agreement>{"modes", W::kAlways, JoinModes, SplitModes, nullptr},
    Field<Agreement>("response_days", W::kAlways, [](auto& a) -> auto& { return a.response_days; }),
    Field<Agreement>("good_friday_off", W::kAlways,
                     [](auto& a) -> auto& { return a.days_off.good_friday; }),
    Field<Agreement>("liberation_day_off", W::kAlways,
                     [](auto& a) -> auto& { return a.days_off.liberation_day; }),
    Field<Agreement>("office_opens_minute", W::kAlways,
                     [](auto& a) -> auto& { return a.office_hours.opens_minute; }),
    Field<Agreement>("office_closes_minute", W::kAlways,
                     [](auto& a) -> auto& { return a.office_hours.closes_minute; }),
    Field<Agreement>("escalate_after_hours", W::kAlways,
                     [](auto& a) -> auto& { return a.escalate_after_hours; }),
    Field<Agreement>("template_id", W::kAlways, [](auto& a) -> auto& { return a.template_id; }),
    Field<Agreement>("named_specialist_allowed", W::kAlways,
                     [](auto& a) -> auto& { return a.named_specialist_allowed; }),
    Field<Agreement>("requires_identification", W::kAlways,
                     [](auto& a) -> auto& { return a.requires_identification; }),
    Field<Agreement>("gp_fee_cents", W::kAlways, [](auto& a) -> auto& { return a.gp_fee_cents; }),
    Field<Agreement>("specialist_fee_cents", W::kAlways,
                     [](auto& a) -> auto& { return a.specialist_fee_cents; }),
    Field<Agreement>("physical_gp_fee_cents", W::kAlways,
                     [](auto& a) -> auto& { return a.physical_gp_fee_cents; }),
    Field<Agreement>("physical_specialist_fee_cents", W::kAlways,
                     [](auto& a) -> auto& { return a.physical_specialist_fee_cents; }),
    Field<Agreement>("slot_minutes", W::kAlways, [](auto& a) -> auto& { return a.slot_minutes; }),
    Field<Agreement>("specialist_fee_basis", W::kAlways,
                     [](auto& a) -> auto& { return a.specialist_fee_basis; }),
    Field<Agreement>("pay_specialist_when_referred", W::kAlways,
                     [](auto& a) -> auto& { return a.pay_specialist_when_referred; }),
    Field<Agreement>("insurer_id", W::kAlways, [](auto& a) -> auto& { return a.insurer_id; }),
    Field<Agreement>("valid_from", W::kAlways, [](auto& a) -> auto& { return a.valid_from; }),
    Field<Agreement>("valid_until", W::kAlways, [](auto& a) -> auto& { return a.valid_until; }),
    Field<Agreement>("version", version, [](auto& a) -> auto& { return a.version; }),
    Field<Agreement>("changed_by", W::kAlways, [](auto& a) -> auto& { return a.changed_by; }),
    Field<Agreement>("changed_at", W::kAlways, [](auto& a) -> auto& { return a.changed_at; }),
  };
}
// clang-format on

// gp_organisation_id (the schema's first column, NOT NULL) keeps the first GP organisation.
SqlValue FirstGpOrganisation(const Agreement& agreement) {
  return agreement.gp_organisation_ids.empty() ? SqlValue() : agreement.gp_organisation_ids[0];
}

const Table<Agreement> kAgreements{
    "agreements", "a",
    [] {
      auto columns = AgreementColumns("id", W::kKey, W::kVersion);
      columns.push_back({"gp_organisation_id", W::kAlways, FirstGpOrganisation,
                         [](const Row&, size_t, Agreement&) {}, nullptr});
      return columns;
    }(),
    {"created_at"}, "agreements a JOIN pools p ON p.id = a.pool_id"};

const Table<Agreement> kAgreementVersions{
    "agreement_versions", "a", AgreementColumns("agreement_id", W::kOnInsert, W::kOnInsert), {},
    "agreement_versions a JOIN pools p ON p.id = a.pool_id"};

constexpr std::string_view kInsertPoolMember =
    "INSERT INTO pool_members (pool_id, user_id) VALUES (?, ?) "
    "ON CONFLICT (pool_id, user_id) DO NOTHING";
constexpr std::string_view kDeletePoolMember =
    "DELETE FROM pool_members WHERE pool_id = ? AND user_id = ?";
constexpr std::string_view kSelectPoolMembers =
    "SELECT user_id FROM pool_members WHERE pool_id = ? ORDER BY user_id";
constexpr std::string_view kRenamePool = "UPDATE pools SET name = ? WHERE id = ?";
constexpr std::string_view kDeleteGpOrganisations =
    "DELETE FROM agreement_gp_organisations WHERE agreement_id = ?";
constexpr std::string_view kInsertGpOrganisation =
    "INSERT INTO agreement_gp_organisations (agreement_id, organisation_id) VALUES (?, ?) "
    "ON CONFLICT (agreement_id, organisation_id) DO NOTHING";

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

Result<std::vector<Pool>> AgreementRepository::Pools() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kPools.Select("ORDER BY p.id")));
  return kPools.ReadAll(rows);
}

Result<void> AgreementRepository::RenamePool(int64_t pool_id, const std::string& name) {
  MK_RETURN_IF_ERROR(sql_.Execute(kRenamePool, {name, pool_id}));
  return Ok();
}

Result<void> AgreementRepository::AddPoolMember(int64_t pool_id, int64_t user_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kInsertPoolMember, {pool_id, user_id}));
  return Ok();
}

Result<void> AgreementRepository::RemovePoolMember(int64_t pool_id, int64_t user_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kDeletePoolMember, {pool_id, user_id}));
  return Ok();
}

Result<std::vector<int64_t>> AgreementRepository::PoolMembers(int64_t pool_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSelectPoolMembers, {pool_id}));
  std::vector<int64_t> ids;
  for (const Row& row : rows) ids.push_back(row.Int(0));
  return ids;
}

Result<std::vector<Pool>> AgreementRepository::PoolsOfMember(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kPools.Select("JOIN pool_members m ON m.pool_id = p.id "
                                                          "WHERE m.user_id = ? ORDER BY p.id"),
                                            {user_id}));
  return kPools.ReadAll(rows);
}

Result<int64_t> AgreementRepository::Insert(const Agreement& agreement, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t id,
                      sql_.InsertReturningId(kAgreements.insert(),
                                             kAgreements.InsertParams(agreement,
                                                                      {ToUnixMillis(now)})));
  Agreement stored = agreement;
  stored.id = id;
  stored.version = 1;
  MK_RETURN_IF_ERROR(WriteGpOrganisations(stored));
  MK_RETURN_IF_ERROR(WriteVersion(stored));
  return id;
}

Result<void> AgreementRepository::Update(const Agreement& agreement) {
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kAgreements.update(), kAgreements.UpdateParams(agreement)));
  if (changed == 0) return MakeFact(ErrorCode::kConflict, "stale_version");
  Agreement stored = agreement;
  ++stored.version;
  MK_RETURN_IF_ERROR(WriteGpOrganisations(stored));
  return WriteVersion(stored);
}

Result<void> AgreementRepository::WriteGpOrganisations(const Agreement& agreement) {
  MK_RETURN_IF_ERROR(sql_.Execute(kDeleteGpOrganisations, {agreement.id}));
  for (int64_t organisation_id : agreement.gp_organisation_ids) {
    MK_RETURN_IF_ERROR(sql_.Execute(kInsertGpOrganisation, {agreement.id, organisation_id}));
  }
  return Ok();
}

Result<void> AgreementRepository::WriteVersion(const Agreement& agreement) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kAgreementVersions.insert(), kAgreementVersions.InsertParams(agreement)));
  return Ok();
}

Result<std::optional<Agreement>> AgreementRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAgreements.Select("WHERE a.id = ?"), {id}));
  return kAgreements.ReadFirst(rows);
}

Result<std::vector<Agreement>> AgreementRepository::Versions(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAgreementVersions.Select(
                                                "WHERE a.agreement_id = ? ORDER BY a.version"),
                                            {id}));
  return kAgreementVersions.ReadAll(rows);
}

Result<std::optional<Agreement>> AgreementRepository::FindVersion(int64_t id, int64_t version) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kAgreementVersions.Select("WHERE a.agreement_id = ? AND a.version = ?"),
                 {id, version}));
  return kAgreementVersions.ReadFirst(rows);
}

Result<std::vector<Agreement>> AgreementRepository::All() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAgreements.Select("ORDER BY a.id")));
  return kAgreements.ReadAll(rows);
}

Result<std::vector<Agreement>> AgreementRepository::OfGpOrganisations(
    std::span<const int64_t> organisation_ids) {
  return WhereIdsIn("a.id IN (SELECT agreement_id FROM agreement_gp_organisations "
                    "WHERE organisation_id IN (#))",
                    organisation_ids);
}

Result<std::vector<Agreement>> AgreementRepository::OfPools(std::span<const int64_t> pool_ids) {
  return WhereIdsIn("a.pool_id IN (#)", pool_ids);
}

Result<std::vector<Agreement>> AgreementRepository::WhereIdsIn(std::string_view where,
                                                               std::span<const int64_t> ids) {
  if (ids.empty()) return std::vector<Agreement>();
  std::string condition(where);
  condition.replace(condition.find('#'), 1, Placeholders(ids.size()));
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kAgreements.Select("WHERE " + condition + " ORDER BY a.id"),
                                 Ids(ids)));
  return kAgreements.ReadAll(rows);
}

}  // namespace meekijk::store
