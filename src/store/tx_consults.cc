// Queries for consults and their threads.
#include "store/tx.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace meekijk::store {
namespace {

using domain::Consult;
using domain::ConsultStatus;
using domain::ThreadMessage;

constexpr std::string_view kConsultColumns =
    "c.id, c.number, c.status, c.mode, c.specialty, c.practice_id, c.author_id, c.sender_id, "
    "c.pool_id, c.agreement_id, c.specialist_id, c.patient_birth_year, c.patient_sex, "
    "c.patient_name, c.patient_birth_date, c.patient_bsn, c.icpc, c.question, "
    "c.clinical_summary, c.intended_referral, c.consent, c.sent_at, c.due_at, "
    "c.advice_recommendation, c.advice_body, c.advice_specialist_id, c.advice_at, c.outcome, "
    "c.outcome_learned, c.outcome_rating, c.closed_at, c.decline_reason, c.created_at, "
    "c.updated_at, c.version";

constexpr std::string_view kInsertConsult =
    "INSERT INTO consults (number, status, mode, specialty, practice_id, author_id, sender_id, "
    "pool_id, agreement_id, specialist_id, patient_birth_year, patient_sex, patient_name, "
    "patient_birth_date, patient_bsn, icpc, question, clinical_summary, intended_referral, "
    "consent, sent_at, due_at, decline_reason, created_at, updated_at, version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
    "RETURNING id";

constexpr std::string_view kUpdateConsult =
    "UPDATE consults SET status = ?, mode = ?, specialty = ?, sender_id = ?, pool_id = ?, "
    "agreement_id = ?, specialist_id = ?, patient_birth_year = ?, patient_sex = ?, "
    "patient_name = ?, patient_birth_date = ?, patient_bsn = ?, icpc = ?, question = ?, "
    "clinical_summary = ?, intended_referral = ?, consent = ?, sent_at = ?, due_at = ?, "
    "advice_recommendation = ?, advice_body = ?, advice_specialist_id = ?, advice_at = ?, "
    "outcome = ?, outcome_learned = ?, outcome_rating = ?, closed_at = ?, decline_reason = ?, "
    "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";

constexpr std::string_view kNextCounter =
    "INSERT INTO counters (name, value) VALUES (?, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";

constexpr std::string_view kInsertMessage =
    "INSERT INTO messages (consult_id, kind, author_id, author_role, body, recommendation, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectMessages =
    "SELECT m.id, m.consult_id, m.kind, m.author_id, u.display_name, m.author_role, m.body, "
    "m.recommendation, m.created_at FROM messages m JOIN users u ON u.id = m.author_id "
    "WHERE m.consult_id = ? ORDER BY m.id";

SqlValue OptionalTime(const std::optional<TimePoint>& t) {
  return t ? SqlValue(ToUnixMillis(*t)) : SqlValue();
}

SqlValue OptionalBool(const std::optional<bool>& b) {
  return b ? SqlValue(int64_t{*b}) : SqlValue();
}

std::optional<TimePoint> TimeAt(const Row& row, size_t i) {
  if (row.IsNull(i)) return std::nullopt;
  return FromUnixMillis(row.Int(i));
}

template <typename E>
E EnumAt(const Row& row, size_t i, E fallback) {
  return domain::Parse<E>(row.Text(i)).value_or(fallback);
}

Consult ConsultFromRow(const Row& row) {
  Consult c;
  c.id = row.Int(0);
  c.number = row.Text(1);
  c.status = EnumAt(row, 2, ConsultStatus::kDraft);
  c.content.mode = EnumAt(row, 3, domain::ConsultMode::kDigital);
  c.content.specialty = row.Text(4);
  c.practice_id = row.Int(5);
  c.author_id = row.Int(6);
  c.sender_id = row.OptionalInt(7);
  c.pool_id = row.OptionalInt(8);
  c.agreement_id = row.OptionalInt(9);
  c.specialist_id = row.OptionalInt(10);
  c.content.patient.birth_year = static_cast<int>(row.Int(11));
  c.content.patient.sex = EnumAt(row, 12, domain::Sex::kUnknown);
  c.content.patient.name = row.OptionalText(13);
  c.content.patient.birth_date = row.OptionalText(14);
  c.content.patient.bsn = row.OptionalText(15);
  c.content.icpc = row.Text(16);
  c.content.question = row.Text(17);
  c.content.clinical_summary = row.Text(18);
  if (!row.IsNull(19)) c.content.intended_referral = row.Bool(19);
  c.content.consent = row.Bool(20);
  c.sent_at = TimeAt(row, 21);
  c.due_at = TimeAt(row, 22);
  if (!row.IsNull(23)) {
    c.advice = domain::Advice{EnumAt(row, 23, domain::Recommendation::kOther), row.Text(24),
                              row.Int(25), FromUnixMillis(row.Int(26))};
  }
  if (!row.IsNull(27)) {
    c.outcome = domain::Outcome{EnumAt(row, 27, domain::OutcomeKind::kPrimaryCare), row.Bool(28),
                                static_cast<int>(row.Int(29)), FromUnixMillis(row.Int(30))};
  }
  c.decline_reason = row.Text(31);
  c.created_at = FromUnixMillis(row.Int(32));
  c.updated_at = FromUnixMillis(row.Int(33));
  c.version = row.Int(34);
  return c;
}

std::string Select(std::string_view where) {
  return "SELECT " + std::string(kConsultColumns) + " FROM consults c " + std::string(where);
}

// The list cursor: for the outbox the last id (newest first); for the inbox and pool the last
// due time and id (soonest due first). Opaque to callers.
struct Cursor {
  int64_t due_ms = 0;
  int64_t id = 0;
};

std::optional<Cursor> ParseCursor(const std::string& text) {
  size_t dot = text.find('.');
  try {
    if (dot == std::string::npos) return Cursor{0, std::stoll(text)};
    return Cursor{std::stoll(text.substr(0, dot)), std::stoll(text.substr(dot + 1))};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Consults without a due time (drafts) sort last in due-time order.
constexpr int64_t kNoDueTime = INT64_MAX;

}  // namespace

Result<int64_t> Tx::NextCounter(std::string_view name) {
  return InsertReturningId(kNextCounter, {std::string(name)});
}

Result<int64_t> Tx::InsertConsult(const Consult& c) {
  const domain::ConsultContent& content = c.content;
  return InsertReturningId(
      kInsertConsult,
      {c.number, std::string(domain::Name(c.status)), std::string(domain::Name(content.mode)),
       content.specialty, c.practice_id, c.author_id, Nullable(c.sender_id), Nullable(c.pool_id),
       Nullable(c.agreement_id), Nullable(c.specialist_id), int64_t{content.patient.birth_year},
       std::string(domain::Name(content.patient.sex)), Nullable(content.patient.name),
       Nullable(content.patient.birth_date), Nullable(content.patient.bsn), content.icpc,
       content.question, content.clinical_summary, OptionalBool(content.intended_referral),
       int64_t{content.consent}, OptionalTime(c.sent_at), OptionalTime(c.due_at),
       c.decline_reason, ToUnixMillis(c.created_at), ToUnixMillis(c.updated_at)});
}

Result<std::optional<Consult>> Tx::FindConsult(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(Select("WHERE c.id = ?"), {id}));
  if (rows.empty()) return std::optional<Consult>();
  return std::optional<Consult>(ConsultFromRow(rows.front()));
}

Result<std::optional<Consult>> Tx::FindConsultByNumber(std::string_view number) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(Select("WHERE c.number = ?"), {std::string(number)}));
  if (rows.empty()) return std::optional<Consult>();
  return std::optional<Consult>(ConsultFromRow(rows.front()));
}

Result<void> Tx::UpdateConsult(const Consult& c) {
  const domain::ConsultContent& content = c.content;
  const std::optional<domain::Advice>& advice = c.advice;
  const std::optional<domain::Outcome>& outcome = c.outcome;
  MK_ASSIGN_OR_RETURN(
      int64_t changed,
      Execute(kUpdateConsult,
              {std::string(domain::Name(c.status)), std::string(domain::Name(content.mode)),
               content.specialty, Nullable(c.sender_id), Nullable(c.pool_id),
               Nullable(c.agreement_id), Nullable(c.specialist_id),
               int64_t{content.patient.birth_year}, std::string(domain::Name(content.patient.sex)),
               Nullable(content.patient.name), Nullable(content.patient.birth_date),
               Nullable(content.patient.bsn), content.icpc, content.question,
               content.clinical_summary, OptionalBool(content.intended_referral),
               int64_t{content.consent}, OptionalTime(c.sent_at), OptionalTime(c.due_at),
               advice ? SqlValue(std::string(domain::Name(advice->recommendation))) : SqlValue(),
               advice ? SqlValue(advice->body) : SqlValue(),
               advice ? SqlValue(advice->specialist_id) : SqlValue(),
               advice ? SqlValue(ToUnixMillis(advice->given_at)) : SqlValue(),
               outcome ? SqlValue(std::string(domain::Name(outcome->outcome))) : SqlValue(),
               outcome ? SqlValue(int64_t{outcome->learned}) : SqlValue(),
               outcome ? SqlValue(int64_t{outcome->rating}) : SqlValue(),
               outcome ? SqlValue(ToUnixMillis(outcome->closed_at)) : SqlValue(), c.decline_reason,
               ToUnixMillis(c.updated_at), c.id, c.version}));
  if (changed == 0) {
    return MakeError(ErrorCode::kConflict,
                     "Iemand anders heeft deze consultatie net gewijzigd. Laad haar opnieuw.",
                     "Someone else has just changed this consult. Please reload it.");
  }
  return Ok();
}

Result<ConsultPage> Tx::ListConsults(const ConsultFilter& filter) {
  std::string where;
  std::vector<SqlValue> params;
  auto in_list = [&](std::string_view column, const std::vector<int64_t>& ids) {
    where += std::string(column) + " IN (" + Placeholders(ids.size()) + ")";
    params.insert(params.end(), ids.begin(), ids.end());
  };
  bool by_due = filter.box != ConsultFilter::Box::kOutbox;
  switch (filter.box) {
    case ConsultFilter::Box::kOutbox:
      if (filter.practice_ids.empty()) return ConsultPage{};
      in_list("c.practice_id", filter.practice_ids);
      break;
    case ConsultFilter::Box::kInbox:
      where += "c.specialist_id = ? AND c.status <> 'draft'";
      params.push_back(filter.specialist_id);
      break;
    case ConsultFilter::Box::kPool:
      if (filter.pool_ids.empty()) return ConsultPage{};
      in_list("c.pool_id", filter.pool_ids);
      // The pool is the queue of consults waiting to be claimed, unless a status is asked for.
      where += filter.status ? " AND c.status <> 'draft'" : " AND c.status = 'sent'";
      break;
  }
  if (filter.status) {
    where += " AND c.status = ?";
    params.push_back(std::string(domain::Name(*filter.status)));
  }
  if (filter.specialty) {
    where += " AND c.specialty = ?";
    params.push_back(*filter.specialty);
  }
  if (filter.text) {
    where += " AND (lower(c.number) LIKE ? OR lower(c.question) LIKE ?)";
    std::string pattern = "%";
    for (char ch : *filter.text) {
      if (ch == '%' || ch == '_' || ch == '\\') continue;  // wildcards in a search are literal noise
      pattern.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    }
    pattern += "%";
    params.push_back(pattern);
    params.push_back(pattern);
  }
  const std::string kDueKey = "COALESCE(c.due_at, " + std::to_string(kNoDueTime) + ")";
  if (filter.after) {
    std::optional<Cursor> cursor = ParseCursor(*filter.after);
    if (!cursor) {
      return MakeError(ErrorCode::kInvalidArgument, "Deze cursor is ongeldig.",
                       "This cursor is invalid.", "cursor");
    }
    if (by_due) {
      where += " AND (" + kDueKey + " > ? OR (" + kDueKey +
               " = ? AND c.id > ?))";
      params.insert(params.end(), {cursor->due_ms, cursor->due_ms, cursor->id});
    } else {
      where += " AND c.id < ?";
      params.push_back(cursor->id);
    }
  }
  std::string order = by_due ? " ORDER BY " + kDueKey + ", c.id" : " ORDER BY c.id DESC";
  int limit = std::clamp(filter.limit, 1, 200);
  params.push_back(int64_t{limit + 1});  // one more than asked tells whether a next page exists
  MK_ASSIGN_OR_RETURN(Rows rows, Query(Select("WHERE " + where + order + " LIMIT ?"), params));
  ConsultPage page;
  for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(limit); ++i) {
    page.items.push_back(ConsultFromRow(rows[i]));
  }
  if (rows.size() > static_cast<size_t>(limit)) {
    const Consult& last = page.items.back();
    page.next_cursor = by_due ? std::to_string(last.due_at ? ToUnixMillis(*last.due_at) : kNoDueTime) +
                                    "." + std::to_string(last.id)
                              : std::to_string(last.id);
  }
  return page;
}

Result<std::string> Tx::ConsultFingerprint(const std::vector<int64_t>& practice_ids,
                                           int64_t specialist_id,
                                           const std::vector<int64_t>& pool_ids) {
  // A draft is the practice's alone, also when it already names a specialist (RoleOnConsult).
  std::string where = "(c.specialist_id = ? AND c.status <> 'draft')";
  std::vector<SqlValue> params{specialist_id};
  if (!practice_ids.empty()) {
    where += " OR c.practice_id IN (" + Placeholders(practice_ids.size()) + ")";
    params.insert(params.end(), practice_ids.begin(), practice_ids.end());
  }
  if (!pool_ids.empty()) {
    where += " OR (c.pool_id IN (" + Placeholders(pool_ids.size()) + ") AND c.status <> 'draft')";
    params.insert(params.end(), pool_ids.begin(), pool_ids.end());
  }
  // Every change bumps a version, every new consult adds a row: count and sum move together.
  MK_ASSIGN_OR_RETURN(Rows rows, Query("SELECT COUNT(*), COALESCE(SUM(c.version), 0), "
                                       "COALESCE(MAX(c.updated_at), 0) FROM consults c WHERE " +
                                           where,
                                       params));
  const Row& row = rows.front();
  return std::to_string(row.Int(0)) + "-" + std::to_string(row.Int(1)) + "-" +
         std::to_string(row.Int(2));
}

Result<int64_t> Tx::InsertMessage(const ThreadMessage& message) {
  return InsertReturningId(
      kInsertMessage,
      {message.consult_id, std::string(domain::Name(message.kind)), message.author_id,
       std::string(domain::Name(message.author_role)), message.body,
       message.recommendation ? SqlValue(std::string(domain::Name(*message.recommendation)))
                              : SqlValue(),
       ToUnixMillis(message.created_at)});
}

Result<std::vector<ThreadMessage>> Tx::ListMessages(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectMessages, {consult_id}));
  std::vector<ThreadMessage> messages;
  for (const Row& row : rows) {
    ThreadMessage message;
    message.id = row.Int(0);
    message.consult_id = row.Int(1);
    message.kind = EnumAt(row, 2, domain::MessageKind::kQuestion);
    message.author_id = row.Int(3);
    message.author_name = row.Text(4);
    message.author_role = EnumAt(row, 5, domain::Role::kGp);
    message.body = row.Text(6);
    if (!row.IsNull(7)) message.recommendation = EnumAt(row, 7, domain::Recommendation::kOther);
    message.created_at = FromUnixMillis(row.Int(8));
    messages.push_back(std::move(message));
  }
  return messages;
}

}  // namespace meekijk::store
