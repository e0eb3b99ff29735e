// Queries for specialties, pools and agreements: the region's infrastructure.
#include "store/tx.h"

#include <sstream>

namespace meekijk::store {
namespace {

using domain::Agreement;
using domain::ConsultMode;
using domain::Pool;
using domain::Specialty;

constexpr std::string_view kUpsertSpecialty =
    "INSERT INTO specialties (code, name_nl, name_en, vektis_code) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_nl = excluded.name_nl, name_en = excluded.name_en, "
    "vektis_code = excluded.vektis_code";
constexpr std::string_view kSelectSpecialties =
    "SELECT code, name_nl, name_en, vektis_code FROM specialties ORDER BY name_nl";
constexpr std::string_view kInsertPool =
    "INSERT INTO pools (organisation_id, specialty, name) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kSelectPool = "SELECT id, organisation_id, specialty, name FROM pools";
constexpr std::string_view kInsertPoolMember =
    "INSERT INTO pool_members (pool_id, user_id) VALUES (?, ?) "
    "ON CONFLICT (pool_id, user_id) DO NOTHING";
constexpr std::string_view kSelectPoolsOfMember =
    "SELECT p.id, p.organisation_id, p.specialty, p.name FROM pools p "
    "JOIN pool_members m ON m.pool_id = p.id WHERE m.user_id = ? ORDER BY p.id";
constexpr std::string_view kInsertAgreement =
    "INSERT INTO agreements (gp_organisation_id, pool_id, modes, response_days, valid_from, "
    "valid_until, requires_identification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kSelectAgreement =
    "SELECT a.id, a.gp_organisation_id, a.pool_id, p.specialty, a.modes, a.response_days, "
    "a.valid_from, a.valid_until, a.requires_identification "
    "FROM agreements a JOIN pools p ON p.id = a.pool_id";

// Modes are kept as a comma-separated list ("digital,physical"): a short closed set.
std::string JoinModes(const std::vector<ConsultMode>& modes) {
  std::string out;
  for (ConsultMode mode : modes) {
    if (!out.empty()) out += ",";
    out += domain::Name(mode);
  }
  return out;
}

std::vector<ConsultMode> SplitModes(const std::string& text) {
  std::vector<ConsultMode> modes;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (auto mode = domain::Parse<ConsultMode>(part)) modes.push_back(*mode);
  }
  return modes;
}

Agreement AgreementFromRow(const Row& row) {
  Agreement agreement;
  agreement.id = row.Int(0);
  agreement.gp_organisation_id = row.Int(1);
  agreement.pool_id = row.Int(2);
  agreement.specialty = row.Text(3);
  agreement.modes = SplitModes(row.Text(4));
  agreement.response_days = static_cast<int>(row.Int(5));
  agreement.valid_from = row.Text(6);
  agreement.valid_until = row.OptionalText(7);
  agreement.requires_identification = row.Bool(8);
  return agreement;
}

Pool PoolFromRow(const Row& row) { return Pool{row.Int(0), row.Int(1), row.Text(2), row.Text(3)}; }

std::vector<SqlValue> Ids(std::span<const int64_t> ids) {
  return std::vector<SqlValue>(ids.begin(), ids.end());
}

}  // namespace

Result<void> Tx::UpsertSpecialty(const Specialty& specialty) {
  MK_RETURN_IF_ERROR(Execute(kUpsertSpecialty, {specialty.code, specialty.name_nl,
                                                specialty.name_en, Nullable(specialty.vektis_code)}));
  return Ok();
}

Result<std::vector<Specialty>> Tx::ListSpecialties() {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectSpecialties));
  std::vector<Specialty> specialties;
  for (const Row& row : rows) {
    specialties.push_back(Specialty{row.Text(0), row.Text(1), row.Text(2), row.OptionalText(3)});
  }
  return specialties;
}

Result<int64_t> Tx::InsertPool(const Pool& pool) {
  return InsertReturningId(kInsertPool, {pool.organisation_id, pool.specialty, pool.name});
}

Result<std::optional<Pool>> Tx::FindPool(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectPool) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Pool>();
  return std::optional<Pool>(PoolFromRow(rows.front()));
}

Result<void> Tx::AddPoolMember(int64_t pool_id, int64_t user_id) {
  MK_RETURN_IF_ERROR(Execute(kInsertPoolMember, {pool_id, user_id}));
  return Ok();
}

Result<std::vector<Pool>> Tx::ListPoolsOfMember(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectPoolsOfMember, {user_id}));
  std::vector<Pool> pools;
  for (const Row& row : rows) pools.push_back(PoolFromRow(row));
  return pools;
}

Result<int64_t> Tx::InsertAgreement(const Agreement& agreement, TimePoint now) {
  return InsertReturningId(
      kInsertAgreement,
      {agreement.gp_organisation_id, agreement.pool_id, JoinModes(agreement.modes),
       int64_t{agreement.response_days}, agreement.valid_from, Nullable(agreement.valid_until),
       int64_t{agreement.requires_identification}, ToUnixMillis(now)});
}

Result<std::vector<Agreement>> Tx::ListAgreementsOfGpOrganisations(
    std::span<const int64_t> organisation_ids) {
  return ListAgreementsWhereIn("a.gp_organisation_id", organisation_ids);
}

Result<std::vector<Agreement>> Tx::ListAgreementsOfPools(std::span<const int64_t> pool_ids) {
  return ListAgreementsWhereIn("a.pool_id", pool_ids);
}

Result<std::vector<Agreement>> Tx::ListAgreementsWhereIn(std::string_view column,
                                                         std::span<const int64_t> ids) {
  if (ids.empty()) return std::vector<Agreement>();
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectAgreement) + " WHERE " +
                                           std::string(column) + " IN (" +
                                           Placeholders(ids.size()) + ") ORDER BY a.id",
                                       Ids(ids)));
  std::vector<Agreement> agreements;
  for (const Row& row : rows) agreements.push_back(AgreementFromRow(row));
  return agreements;
}

}  // namespace meekijk::store
