// Queries for consults and their threads.
#include "store/consults.h"

#include <algorithm>
#include <cctype>
#include <climits>

#include "core/integer.h"
#include "store/columns.h"
#include "store/consult_tables.h"
#include "store/json_cells.h"
#include "store/patient_identity.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Advice;
using domain::Consult;
using domain::Outcome;
using domain::ThreadMessage;
using W = Written;

SqlValue AnswersCell(const Consult& c) { return EncodeTemplateAnswers(c.content.template_answers); }

void ReadAnswers(const Row& row, size_t i, Consult& c) {
  c.content.template_answers = DecodeTemplateAnswers(row.Text(i), row.ColumnName(i));
}

// Every column of a consult, once. A new column is one line here and a migration.
// clang-format off
const Table<Consult> kConsults{"consults", "c", {
    Key<Consult>("id", [](auto& c) -> auto& { return c.id; }),
    Field<Consult>("number", W::kOnInsert, [](auto& c) -> auto& { return c.number; }),
    Field<Consult>("status", W::kAlways, [](auto& c) -> auto& { return c.status; }),
    Field<Consult>("mode", W::kAlways, [](auto& c) -> auto& { return c.content.mode; }),
    Field<Consult>("specialty", W::kAlways, [](auto& c) -> auto& { return c.content.specialty; }),
    Field<Consult>("practice_id", W::kOnInsert, [](auto& c) -> auto& { return c.practice_id; }),
    Field<Consult>("author_id", W::kOnInsert, [](auto& c) -> auto& { return c.author_id; }),
    Field<Consult>("sender_id", W::kAlways, [](auto& c) -> auto& { return c.sender_id; }),
    Field<Consult>("pool_id", W::kAlways, [](auto& c) -> auto& { return c.pool_id; }),
    Field<Consult>("agreement_id", W::kAlways, [](auto& c) -> auto& { return c.agreement_id; }),
    Field<Consult>("agreement_version", W::kAlways,
                   [](auto& c) -> auto& { return c.agreement_version; }),
    PartField<&domain::TemplateRef::id, Consult>("template_id", W::kAlways,
                                                 [](auto& c) -> auto& { return c.template_ref; }),
    PartField<&domain::TemplateRef::version, Consult>(
        "template_version", W::kAlways, [](auto& c) -> auto& { return c.template_ref; }),
    Column<Consult>{"template_answers", W::kAlways, AnswersCell, ReadAnswers, nullptr},
    Field<Consult>("specialist_id", W::kAlways, [](auto& c) -> auto& { return c.specialist_id; }),
    Field<Consult>("patient_birth_year", W::kAlways,
                   [](auto& c) -> auto& { return c.content.patient.birth_year; }),
    Field<Consult>("patient_sex", W::kAlways, [](auto& c) -> auto& { return c.content.patient.sex; }),
    Field<Consult>("patient_name", W::kAlways, [](auto& c) -> auto& { return c.content.patient.name; }),
    Field<Consult>("patient_birth_date", W::kAlways,
                   [](auto& c) -> auto& { return c.content.patient.birth_date; }),
    Field<Consult>("patient_bsn", W::kAlways, [](auto& c) -> auto& { return c.content.patient.bsn; }),
    Field<Consult>("icpc", W::kAlways, [](auto& c) -> auto& { return c.content.icpc; }),
    Field<Consult>("question", W::kAlways, [](auto& c) -> auto& { return c.content.question; }),
    Field<Consult>("clinical_summary", W::kAlways,
                   [](auto& c) -> auto& { return c.content.clinical_summary; }),
    Field<Consult>("intended_referral", W::kAlways,
                   [](auto& c) -> auto& { return c.content.intended_referral; }),
    Field<Consult>("consent", W::kAlways, [](auto& c) -> auto& { return c.content.consent; }),
    Field<Consult>("sent_at", W::kAlways, [](auto& c) -> auto& { return c.sent_at; }),
    Field<Consult>("due_at", W::kAlways, [](auto& c) -> auto& { return c.due_at; }),
    PartField<&Advice::recommendation, Consult>("advice_recommendation", W::kAlways,
                                                [](auto& c) -> auto& { return c.advice; }),
    PartField<&Advice::body, Consult>("advice_body", W::kAlways,
                                      [](auto& c) -> auto& { return c.advice; }),
    PartField<&Advice::specialist_id, Consult>("advice_specialist_id", W::kAlways,
                                               [](auto& c) -> auto& { return c.advice; }),
    PartField<&Advice::given_at, Consult>("advice_at", W::kAlways,
                                          [](auto& c) -> auto& { return c.advice; }),
    PartField<&Outcome::outcome, Consult>("outcome", W::kAlways,
                                          [](auto& c) -> auto& { return c.outcome; }),
    PartField<&Outcome::learned, Consult>("outcome_learned", W::kAlways,
                                          [](auto& c) -> auto& { return c.outcome; }),
    PartField<&Outcome::rating, Consult>("outcome_rating", W::kAlways,
                                         [](auto& c) -> auto& { return c.outcome; }),
    PartField<&Outcome::closed_at, Consult>("closed_at", W::kAlways,
                                            [](auto& c) -> auto& { return c.outcome; }),
    Field<Consult>("first_advice_at", W::kAlways, [](auto& c) -> auto& { return c.first_advice_at; }),
    Field<Consult>("response_minutes", W::kAlways, [](auto& c) -> auto& { return c.response_minutes; }),
    Field<Consult>("specialist_minutes", W::kAlways,
                   [](auto& c) -> auto& { return c.specialist_minutes; }),
    Field<Consult>("question_rating", W::kAlways, [](auto& c) -> auto& { return c.question_rating; }),
    Field<Consult>("outcome_corrected_at", W::kAlways,
                   [](auto& c) -> auto& { return c.outcome_corrected_at; }),
    Field<Consult>("outcome_correction_reason", W::kAlways,
                   [](auto& c) -> auto& { return c.outcome_correction_reason; }),
    Field<Consult>("decline_reason", W::kAlways, [](auto& c) -> auto& { return c.decline_reason; }),
    Field<Consult>("created_at", W::kOnInsert, [](auto& c) -> auto& { return c.created_at; }),
    Field<Consult>("updated_at", W::kAlways, [](auto& c) -> auto& { return c.updated_at; }),
    Field<Consult>("version", W::kVersion, [](auto& c) -> auto& { return c.version; }),
}};
// clang-format on

// clang-format off
const Table<ThreadMessage> kMessages{"messages", "m", {
    Key<ThreadMessage>("id", [](auto& m) -> auto& { return m.id; }),
    Field<ThreadMessage>("consult_id", W::kOnInsert, [](auto& m) -> auto& { return m.consult_id; }),
    Field<ThreadMessage>("kind", W::kOnInsert, [](auto& m) -> auto& { return m.kind; }),
    Field<ThreadMessage>("author_id", W::kOnInsert, [](auto& m) -> auto& { return m.author_id; }),
    Field<ThreadMessage>("u.display_name", W::kRead, [](auto& m) -> auto& { return m.author_name; }),
    Field<ThreadMessage>("author_role", W::kOnInsert, [](auto& m) -> auto& { return m.author_role; }),
    Field<ThreadMessage>("body", W::kOnInsert, [](auto& m) -> auto& { return m.body; }),
    Field<ThreadMessage>("recommendation", W::kOnInsert,
                         [](auto& m) -> auto& { return m.recommendation; }),
    Field<ThreadMessage>("created_at", W::kOnInsert, [](auto& m) -> auto& { return m.created_at; }),
}, {}, "messages m JOIN users u ON u.id = m.author_id"};
// clang-format on

}  // namespace

const Table<Consult>& ConsultTable() { return kConsults; }
const Table<ThreadMessage>& MessageTable() { return kMessages; }

namespace {

constexpr std::string_view kNextInSequence =
    "INSERT INTO counters (name, value) VALUES (?, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";

// A pool, and a specialist named on a consult, see it only once it is sent: a draft is the
// practice's alone, also when it already names a specialist.
constexpr std::string_view kNotDraft = "c.status <> 'draft'";

// The list cursor: for the outbox the last id (newest first); for the inbox and pool the last
// due time and id (soonest due first). Opaque to callers.
// Where a page ends: (rank,) due time and id; the rank only in the coordinator's overview.
struct Cursor {
  int64_t rank = 0;
  int64_t due_ms = 0;
  int64_t id = 0;
};

std::optional<Cursor> ParseCursor(std::string_view text) {
  std::vector<int64_t> parts;
  while (true) {
    size_t dot = text.find('.');
    std::optional<int64_t> part = ParseInteger<int64_t>(text.substr(0, dot));
    if (!part || parts.size() == 3) return std::nullopt;
    parts.push_back(*part);
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  if (parts.size() == 1) return Cursor{0, 0, parts[0]};
  if (parts.size() == 2) return Cursor{0, parts[0], parts[1]};
  return Cursor{parts[0], parts[1], parts[2]};
}

// Consults without a due time (drafts) sort last in due-time order.
constexpr int64_t kNoDueTime = INT64_MAX;

std::string LikePattern(const std::string& text) {
  std::string pattern = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') continue;  // wildcards in a search are literal noise
    pattern.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return pattern + "%";
}

constexpr std::string_view kLastChangedBefore =
    "SELECT id, number FROM consults WHERE updated_at < ? ORDER BY updated_at, id LIMIT ?";
constexpr std::string_view kPurgeAttachments = "DELETE FROM attachments WHERE consult_id = ?";
constexpr std::string_view kPurgeMessages = "DELETE FROM messages WHERE consult_id = ?";
constexpr std::string_view kPurgeNotifications = "DELETE FROM notifications WHERE consult_id = ?";
constexpr std::string_view kPurgeAlerts = "DELETE FROM consult_alerts WHERE consult_id = ?";
// The slot of a purged consult is free again (its session keeps its shape); its place in a
// waiting list goes.
constexpr std::string_view kReleaseSlot =
    "UPDATE clinic_slots SET consult_id = NULL, booked_at = NULL WHERE consult_id = ?";
constexpr std::string_view kPurgeWaiting = "DELETE FROM clinic_waiting WHERE consult_id = ?";
// A mail keeps its row (whom it went to, when) without the consult it named.
constexpr std::string_view kDetachMails = "UPDATE outbox SET consult_id = NULL WHERE consult_id = ?";
// A fee line is a financial record and outlives the consult; it keeps the consult's number.
constexpr std::string_view kDetachFeeLines =
    "UPDATE fee_lines SET consult_id = NULL WHERE consult_id = ?";
constexpr std::string_view kPurgeSurvey = "DELETE FROM survey_codes WHERE consult_id = ?";
constexpr std::string_view kPurgeConsult = "DELETE FROM consults WHERE id = ?";
constexpr std::string_view kSetBsnIndex = "UPDATE consults SET patient_bsn_index = ? WHERE id = ?";
constexpr std::string_view kSetIdentity =
    "UPDATE consults SET patient_name = ?, patient_birth_date = ?, patient_bsn = ?, "
    "patient_bsn_index = ? WHERE id = ?";

// A stored consult as the use cases see it: its identity opened.
Consult Opened(Consult consult, const FieldCipher* cipher) {
  OpenIdentity(consult, cipher);
  return consult;
}

Result<std::optional<Consult>> FirstConsult(Result<Rows> rows, const FieldCipher* cipher) {
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Consult>();
  return std::optional<Consult>(Opened(kConsults.Read(rows->front()), cipher));
}

}  // namespace

ConsultRepository Tx::consults() { return ConsultRepository(statements_, cipher_); }

Result<void> ConsultRepository::WriteBsnIndex(const Consult& consult) {
  std::optional<std::string> index = BsnIndex(consult, cipher_);
  MK_RETURN_IF_ERROR(sql_.Execute(kSetBsnIndex, {ToSql(index), consult.id}));
  return Ok();
}

Result<int64_t> ConsultRepository::NextInSequence(std::string_view counter) {
  return sql_.InsertReturningId(kNextInSequence, {std::string(counter)});
}

Result<int64_t> ConsultRepository::Insert(const Consult& consult) {
  MK_ASSIGN_OR_RETURN(Consult sealed, Sealed(consult, cipher_));
  MK_ASSIGN_OR_RETURN(sealed.id,
                      sql_.InsertReturningId(kConsults.insert(), kConsults.InsertParams(sealed)));
  if (consult.content.patient.bsn) {
    Consult indexed = consult;
    indexed.id = sealed.id;
    MK_RETURN_IF_ERROR(WriteBsnIndex(indexed));
  }
  return sealed.id;
}

Result<std::optional<Consult>> ConsultRepository::Find(int64_t id) {
  return FirstConsult(sql_.Query(kConsults.Select("WHERE c.id = ?"), {id}), cipher_);
}

Result<std::optional<Consult>> ConsultRepository::FindByNumber(std::string_view number) {
  return FirstConsult(sql_.Query(kConsults.Select("WHERE c.number = ?"), {std::string(number)}),
                      cipher_);
}

Result<std::vector<Consult>> ConsultRepository::FindByBsn(std::string_view bsn) {
  if (cipher_ == nullptr) return MakeFact(ErrorCode::kInternal, "no_encryption_key");
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kConsults.Select("WHERE c.patient_bsn_index = ? "
                                                             "ORDER BY c.id"),
                                            {cipher_->BlindIndex(bsn)}));
  std::vector<Consult> out;
  for (const Row& row : rows) out.push_back(Opened(kConsults.Read(row), cipher_));
  return out;
}

Result<void> ConsultRepository::Update(const Consult& consult) {
  MK_ASSIGN_OR_RETURN(Consult sealed, Sealed(consult, cipher_));
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kConsults.update(), kConsults.UpdateParams(sealed)));
  if (changed == 0) return MakeFact(ErrorCode::kConflict, "stale_version");
  return WriteBsnIndex(consult);
}

Result<ConsultRepository::ResealProgress> ConsultRepository::Reseal(int64_t after_id, int limit) {
  if (cipher_ == nullptr) return MakeFact(ErrorCode::kInternal, "no_encryption_key");
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kConsults.Select("WHERE c.id > ? AND (c.patient_name IS NOT NULL "
                                                  "OR c.patient_birth_date IS NOT NULL OR "
                                                  "c.patient_bsn IS NOT NULL) ORDER BY c.id LIMIT ?"),
                                 {after_id, int64_t{limit}}));
  ResealProgress progress;
  for (const Row& row : rows) {
    Consult stored = kConsults.Read(row);
    progress.last_id = stored.id;
    if (!NeedsReseal(stored, *cipher_)) continue;
    MK_ASSIGN_OR_RETURN(Consult sealed, Sealed(Opened(stored, cipher_), cipher_));
    const domain::Patient& p = sealed.content.patient;
    MK_RETURN_IF_ERROR(sql_.Execute(kSetIdentity,
                                    {ToSql(p.name), ToSql(p.birth_date), ToSql(p.bsn),
                                     ToSql(BsnIndex(Opened(stored, cipher_), cipher_)), stored.id}));
    ++progress.resealed;
  }
  return progress;
}

Result<ConsultPage> ConsultRepository::List(const ConsultFilter& filter) {
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
      where += "c.specialist_id = ? AND " + std::string(kNotDraft);
      params.push_back(filter.specialist_id);
      break;
    case ConsultFilter::Box::kPool:
      if (filter.pool_ids.empty()) return ConsultPage{};
      in_list("c.pool_id", filter.pool_ids);
      // The pool is the queue of consults waiting to be claimed, unless a status is asked for.
      where += filter.status ? " AND " + std::string(kNotDraft) : " AND c.status = 'sent'";
      break;
    case ConsultFilter::Box::kCoordination:
      if (filter.pool_ids.empty()) return ConsultPage{};
      in_list("c.pool_id", filter.pool_ids);
      where += " AND c.status IN ('sent', 'claimed', 'info_requested')";
      break;
  }
  if (filter.status) {
    where += " AND c.status = ?";
    params.push_back(ToSql(*filter.status));
  }
  if (filter.specialty) {
    where += " AND c.specialty = ?";
    params.push_back(*filter.specialty);
  }
  if (filter.mode) {
    where += " AND c.mode = ?";
    params.push_back(ToSql(*filter.mode));
  }
  if (filter.text) {
    where += " AND (lower(c.number) LIKE ? OR lower(c.question) LIKE ?)";
    params.push_back(LikePattern(*filter.text));
    params.push_back(LikePattern(*filter.text));
  }
  // The overview ranks what needs a coordinator first: unclaimed, or overdue. `now` is a number
  // this code made, so it goes into the text and the rank needs no parameters.
  const bool ranked = filter.box == ConsultFilter::Box::kCoordination;
  // Every consult past its draft has a due moment (routing sets it when sending), so the inbox
  // and the pool order by the column itself: the index by specialist or pool, due moment and id
  // then gives a page in order, without sorting a specialist's years of consults for each page.
  const std::string kDueKey =
      ranked ? "COALESCE(c.due_at, " + std::to_string(kNoDueTime) + ")" : std::string("c.due_at");
  const int64_t now_ms = ToUnixMillis(filter.now);
  const std::string kRankKey = "(CASE WHEN c.status = 'sent' OR " + kDueKey + " < " +
                               std::to_string(now_ms) + " THEN 0 ELSE 1 END)";
  if (filter.after) {
    std::optional<Cursor> cursor = ParseCursor(*filter.after);
    if (!cursor) return MakeFact(ErrorCode::kInvalidArgument, "invalid_cursor", "cursor");
    if (ranked) {
      where += " AND (" + kRankKey + " > ? OR (" + kRankKey + " = ? AND (" + kDueKey + " > ? OR (" +
               kDueKey + " = ? AND c.id > ?))))";
      params.insert(params.end(),
                    {cursor->rank, cursor->rank, cursor->due_ms, cursor->due_ms, cursor->id});
    } else if (by_due) {
      where += " AND (" + kDueKey + " > ? OR (" + kDueKey + " = ? AND c.id > ?))";
      params.insert(params.end(), {cursor->due_ms, cursor->due_ms, cursor->id});
    } else {
      where += " AND c.id < ?";
      params.push_back(cursor->id);
    }
  }
  std::string order = by_due ? " ORDER BY " + std::string(ranked ? kRankKey + ", " : "") +
                                   kDueKey + ", c.id"
                             : " ORDER BY c.id DESC";
  int limit = std::clamp(filter.limit, 1, 200);
  params.push_back(int64_t{limit + 1});  // one more than asked tells whether a next page exists
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query(kConsults.Select("WHERE " + where + order + " LIMIT ?"), params));
  ConsultPage page;
  for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(limit); ++i) {
    page.items.push_back(Opened(kConsults.Read(rows[i]), cipher_));
  }
  if (rows.size() > static_cast<size_t>(limit)) {
    const Consult& last = page.items.back();
    int64_t due_ms = last.due_at ? ToUnixMillis(*last.due_at) : kNoDueTime;
    bool needs_coordinator = last.status == domain::ConsultStatus::kSent || due_ms < now_ms;
    std::string rank = ranked ? (needs_coordinator ? "0." : "1.") : "";
    page.next_cursor = by_due ? rank + std::to_string(due_ms) + "." + std::to_string(last.id)
                              : std::to_string(last.id);
  }
  return page;
}

Result<std::string> ConsultRepository::Fingerprint(const std::vector<int64_t>& practice_ids,
                                                   int64_t specialist_id,
                                                   const std::vector<int64_t>& pool_ids) {
  std::string where = "(c.specialist_id = ? AND " + std::string(kNotDraft) + ")";
  std::vector<SqlValue> params{specialist_id};
  if (!practice_ids.empty()) {
    where += " OR c.practice_id IN (" + Placeholders(practice_ids.size()) + ")";
    params.insert(params.end(), practice_ids.begin(), practice_ids.end());
  }
  if (!pool_ids.empty()) {
    where += " OR (c.pool_id IN (" + Placeholders(pool_ids.size()) + ") AND " +
             std::string(kNotDraft) + ")";
    params.insert(params.end(), pool_ids.begin(), pool_ids.end());
  }
  // Every change bumps a version, every new consult adds a row: count and sum move together.
  MK_ASSIGN_OR_RETURN(Rows rows,
                      sql_.Query("SELECT COUNT(*), COALESCE(SUM(c.version), 0), "
                                 "COALESCE(MAX(c.updated_at), 0) FROM consults c WHERE " +
                                     where,
                                 params));
  const Row& row = rows.front();
  return std::to_string(row.Int(0)) + "-" + std::to_string(row.Int(1)) + "-" +
         std::to_string(row.Int(2));
}

Result<int64_t> ConsultRepository::AppendMessage(const ThreadMessage& message) {
  return sql_.InsertReturningId(kMessages.insert(), kMessages.InsertParams(message));
}

Result<std::vector<ThreadMessage>> ConsultRepository::Thread(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kMessages.Select("WHERE m.consult_id = ? ORDER BY m.id"), {consult_id}));
  return kMessages.ReadAll(rows);
}

Result<std::vector<std::pair<int64_t, std::string>>> ConsultRepository::LastChangedBefore(
    TimePoint cutoff, int limit) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kLastChangedBefore, {ToUnixMillis(cutoff),
                                                                 int64_t{limit}}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const Row& row : rows) out.emplace_back(row.Int(0), row.Text(1));
  return out;
}

Result<void> ConsultRepository::Purge(int64_t id) {
  for (std::string_view statement :
       {kPurgeAttachments, kPurgeMessages, kPurgeNotifications, kPurgeAlerts, kReleaseSlot,
        kPurgeWaiting, kDetachMails, kDetachFeeLines, kPurgeSurvey, kPurgeConsult}) {
    MK_RETURN_IF_ERROR(sql_.Execute(statement, {id}));
  }
  return Ok();
}

}  // namespace meekijk::store
