// Queries for survey codes and answers.
#include "store/surveys.h"

#include "store/tx.h"

namespace meekijk::store {
namespace {

constexpr std::string_view kCodeOf = "SELECT code FROM survey_codes WHERE consult_id = ?";
constexpr std::string_view kCreate =
    "INSERT INTO survey_codes (code, consult_id, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kFind =
    "SELECT s.code, s.consult_id, c.specialty, s.answered_at FROM survey_codes s "
    "JOIN consults c ON c.id = s.consult_id WHERE s.code = ?";
// The score the report reads, kept on the consult in the answer's transaction.
constexpr std::string_view kScoreOnConsult =
    "UPDATE consults SET patient_score = ? WHERE id = (SELECT consult_id FROM survey_codes "
    "WHERE code = ?)";
constexpr std::string_view kAnswer =
    "UPDATE survey_codes SET answered_at = ?, language = ?, overall = ?, explained = ?, "
    "preference = ? WHERE code = ? AND answered_at IS NULL";

}  // namespace

SurveyRepository Tx::surveys() { return SurveyRepository(statements_); }

Result<std::optional<std::string>> SurveyRepository::CodeOf(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kCodeOf, {consult_id}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.front().Text(0));
}

Result<void> SurveyRepository::Create(std::string_view code, int64_t consult_id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t added,
                      sql_.Execute(kCreate, {std::string(code), consult_id, ToUnixMillis(now)}));
  if (added == 0) return MakeFact(ErrorCode::kConflict, "code_taken");
  return Ok();
}

Result<std::optional<SurveyCode>> SurveyRepository::Find(std::string_view code) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kFind, {std::string(code)}));
  if (rows.empty()) return std::optional<SurveyCode>();
  const Row& row = rows.front();
  return std::optional<SurveyCode>(
      SurveyCode{row.Text(0), row.Int(1), row.Text(2), !row.IsNull(3)});
}

Result<void> SurveyRepository::Answer(std::string_view code, const SurveyResponse& response,
                                      TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kAnswer, {ToUnixMillis(now), response.language,
                                             int64_t{response.overall}, int64_t{response.explained},
                                             response.preference, std::string(code)}));
  if (changed == 0) return MakeFact(ErrorCode::kConflict, "already_answered");
  MK_RETURN_IF_ERROR(sql_.Execute(kScoreOnConsult, {int64_t{response.overall}, std::string(code)}));
  return Ok();
}

}  // namespace meekijk::store
