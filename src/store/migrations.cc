// The versioned schema, written once for both engines (see dialect.h for the tokens), and the
// code that applies it. A migration is never edited after release: add a new one instead.
#include <array>
#include <string_view>

#include "core/log.h"
#include "store/bulk_consults.h"
#include "store/schema_v10.h"
#include "store/schema_v11.h"
#include "store/schema_v12.h"
#include "store/schema_v13.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // statements separated by ";\n"
};

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE organisations (
  id {{id}},
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  agb TEXT,
  parent_id BIGINT REFERENCES organisations(id),
  region TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX organisations_agb ON organisations(agb) WHERE agb IS NOT NULL;
CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  agb TEXT,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE TABLE memberships (
  user_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, organisation_id, role)
);
CREATE TABLE specialties (
  code TEXT PRIMARY KEY,
  name_nl TEXT NOT NULL,
  name_en TEXT NOT NULL,
  vektis_code TEXT
);
CREATE TABLE pools (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  specialty TEXT NOT NULL REFERENCES specialties(code),
  name TEXT NOT NULL
);
CREATE TABLE pool_members (
  pool_id BIGINT NOT NULL REFERENCES pools(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (pool_id, user_id)
);
CREATE INDEX pool_members_user ON pool_members(user_id);
CREATE TABLE agreements (
  id {{id}},
  gp_organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  pool_id BIGINT NOT NULL REFERENCES pools(id),
  modes TEXT NOT NULL,
  response_days INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  requires_identification INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX agreements_gp ON agreements(gp_organisation_id);
CREATE INDEX agreements_pool ON agreements(pool_id);
CREATE TABLE consults (
  id {{id}},
  number TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  mode TEXT NOT NULL,
  specialty TEXT NOT NULL REFERENCES specialties(code),
  practice_id BIGINT NOT NULL REFERENCES organisations(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  sender_id BIGINT REFERENCES users(id),
  pool_id BIGINT REFERENCES pools(id),
  agreement_id BIGINT REFERENCES agreements(id),
  specialist_id BIGINT REFERENCES users(id),
  patient_birth_year INTEGER NOT NULL,
  patient_sex TEXT NOT NULL,
  patient_name TEXT,
  patient_birth_date TEXT,
  patient_bsn TEXT,
  icpc TEXT NOT NULL,
  question TEXT NOT NULL,
  clinical_summary TEXT NOT NULL,
  intended_referral INTEGER,
  consent INTEGER NOT NULL,
  sent_at BIGINT,
  due_at BIGINT,
  advice_recommendation TEXT,
  advice_body TEXT,
  advice_specialist_id BIGINT REFERENCES users(id),
  advice_at BIGINT,
  outcome TEXT,
  outcome_learned INTEGER,
  outcome_rating INTEGER,
  closed_at BIGINT,
  decline_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX consults_practice ON consults(practice_id, id);
CREATE INDEX consults_pool ON consults(pool_id, status, due_at, id);
CREATE INDEX consults_specialist ON consults(specialist_id, due_at, id);
CREATE TABLE messages (
  id {{id}},
  consult_id BIGINT NOT NULL REFERENCES consults(id),
  kind TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_role TEXT NOT NULL,
  body TEXT NOT NULL,
  recommendation TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX messages_consult ON messages(consult_id, id);
CREATE TABLE attachments (
  id {{id}},
  consult_id BIGINT NOT NULL REFERENCES consults(id),
  filename TEXT NOT NULL,
  file_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {{blob}} NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX attachments_consult ON attachments(consult_id, id);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  client_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE TABLE access_log (
  id {{id}},
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  organisation_id BIGINT,
  on_behalf_of BIGINT,
  action TEXT NOT NULL,
  consult_id BIGINT,
  patient_ref TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL
);
CREATE INDEX access_log_consult ON access_log(consult_id, id);
CREATE INDEX access_log_user ON access_log(user_id, id);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
)
)sql";

// Second factors (a confirmed TOTP secret, one waiting for confirmation, the last step used, so
// that no code is accepted twice), recovery codes, and what a login needs for idle expiry, for
// the list of a user's sessions and for re-authentication.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE second_factors (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT,
  pending_secret TEXT,
  confirmed_at BIGINT,
  last_step BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE TABLE recovery_codes (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN verified_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_user ON sessions(user_id)
)sql";

// The access log becomes a hash chain (each row's hash covers its canonical encoding and the
// hash before it); rows written before this migration are sealed into the chain once, by the
// service, at the next start (access_log_chain.legacy_through). Indexes for the privacy
// officer's searches by period and by patient.
constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE access_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE access_log ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
CREATE TABLE access_log_chain (
  legacy_through BIGINT NOT NULL
);
INSERT INTO access_log_chain (legacy_through) SELECT COALESCE(MAX(id), 0) FROM access_log;
CREATE INDEX access_log_at ON access_log(at, id);
CREATE INDEX access_log_patient ON access_log(patient_ref, id);
CREATE INDEX access_log_organisation ON access_log(organisation_id, id)
)sql";

// The patient's identity is sealed (store/patient_identity.h); the BSN is found by a keyed blind
// index. Rows from before are sealed by `meekijk keys rotate`.
constexpr std::string_view kSchemaV4 = R"sql(
ALTER TABLE consults ADD COLUMN patient_bsn_index TEXT;
CREATE INDEX consults_bsn_index ON consults(patient_bsn_index)
)sql";

// One-time links with which a user chooses a new password, made by a coordinator or an
// administrator; only the token's hash is kept. And the counters of failed logins, shared by every
// node (keyed by hashes of account and address), so that more nodes do not allow more guesses.
constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  issued_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  second_factor_reset INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX password_resets_user ON password_resets(user_id);
CREATE TABLE login_failures (
  counter_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_at BIGINT NOT NULL
);
CREATE INDEX login_failures_last ON login_failures(last_at);
CREATE TABLE login_known_addresses (
  counter_key TEXT PRIMARY KEY,
  last_at BIGINT NOT NULL
);
CREATE INDEX login_known_addresses_last ON login_known_addresses(last_at)
)sql";

// The region keeps its own infrastructure: question templates (their fields as JSON, every
// version kept), agreements for several GP organisations at once (looked up through
// agreement_gp_organisations; gp_organisation_id keeps the first, as before), with fees,
// escalation, template and days off, every version kept in agreement_versions; a consult keeps
// the agreement version it was sent under and the template version its answers were written to.
constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE question_templates (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  specialty TEXT NOT NULL REFERENCES specialties(code),
  name TEXT NOT NULL,
  fields TEXT NOT NULL,
  version BIGINT NOT NULL,
  changed_by BIGINT REFERENCES users(id),
  changed_at BIGINT NOT NULL
);
CREATE INDEX question_templates_organisation ON question_templates(organisation_id);
CREATE TABLE question_template_versions (
  template_id BIGINT NOT NULL REFERENCES question_templates(id),
  organisation_id BIGINT NOT NULL,
  specialty TEXT NOT NULL,
  name TEXT NOT NULL,
  fields TEXT NOT NULL,
  version BIGINT NOT NULL,
  changed_by BIGINT REFERENCES users(id),
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (template_id, version)
);
ALTER TABLE agreements ADD COLUMN gp_organisation_ids TEXT NOT NULL DEFAULT '';
UPDATE agreements SET gp_organisation_ids = CAST(gp_organisation_id AS TEXT);
ALTER TABLE agreements ADD COLUMN good_friday_off INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN liberation_day_off INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN escalate_after_hours INTEGER;
ALTER TABLE agreements ADD COLUMN template_id BIGINT REFERENCES question_templates(id);
ALTER TABLE agreements ADD COLUMN named_specialist_allowed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN gp_fee_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN specialist_fee_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN changed_by BIGINT REFERENCES users(id);
ALTER TABLE agreements ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE agreements SET changed_at = created_at;
CREATE TABLE agreement_gp_organisations (
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (agreement_id, organisation_id)
);
INSERT INTO agreement_gp_organisations (agreement_id, organisation_id)
  SELECT id, gp_organisation_id FROM agreements;
CREATE INDEX agreement_gp_organisations_organisation
  ON agreement_gp_organisations(organisation_id);
CREATE TABLE agreement_versions (
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  gp_organisation_ids TEXT NOT NULL,
  pool_id BIGINT NOT NULL,
  modes TEXT NOT NULL,
  response_days INTEGER NOT NULL,
  good_friday_off INTEGER NOT NULL,
  liberation_day_off INTEGER NOT NULL,
  escalate_after_hours INTEGER,
  template_id BIGINT,
  named_specialist_allowed INTEGER NOT NULL,
  requires_identification INTEGER NOT NULL,
  gp_fee_cents BIGINT NOT NULL,
  specialist_fee_cents BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  version BIGINT NOT NULL,
  changed_by BIGINT REFERENCES users(id),
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (agreement_id, version)
);
INSERT INTO agreement_versions (agreement_id, gp_organisation_ids, pool_id, modes, response_days,
  good_friday_off, liberation_day_off, escalate_after_hours, template_id,
  named_specialist_allowed, requires_identification, gp_fee_cents, specialist_fee_cents,
  valid_from, valid_until, version, changed_by, changed_at)
  SELECT id, gp_organisation_ids, pool_id, modes, response_days, good_friday_off,
    liberation_day_off, escalate_after_hours, template_id, named_specialist_allowed,
    requires_identification, gp_fee_cents, specialist_fee_cents, valid_from, valid_until,
    version, changed_by, changed_at FROM agreements;
ALTER TABLE consults ADD COLUMN agreement_version BIGINT;
UPDATE consults SET agreement_version = 1 WHERE agreement_id IS NOT NULL;
ALTER TABLE consults ADD COLUMN template_id BIGINT REFERENCES question_templates(id);
ALTER TABLE consults ADD COLUMN template_version BIGINT;
ALTER TABLE consults ADD COLUMN template_answers TEXT NOT NULL DEFAULT '[]'
)sql";

// Office hours per agreement (minutes after midnight, Amsterdam), kept in every version.
constexpr std::string_view kSchemaV7 = R"sql(
ALTER TABLE agreements ADD COLUMN office_opens_minute INTEGER NOT NULL DEFAULT 480;
ALTER TABLE agreements ADD COLUMN office_closes_minute INTEGER NOT NULL DEFAULT 1020;
ALTER TABLE agreement_versions ADD COLUMN office_opens_minute INTEGER NOT NULL DEFAULT 480;
ALTER TABLE agreement_versions ADD COLUMN office_closes_minute INTEGER NOT NULL DEFAULT 1020
)sql";

// Nobody misses a consult: the in-app notifications, each person's choices (language, digest hour,
// delivery per kind), the mail outbox written in the same transaction as the change it tells of,
// the alerts a consult gets once (escalated, overdue), and who of a pool is on duty per week and
// who is away.
constexpr std::string_view kSchemaV8 = R"sql(
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE users ADD COLUMN digest_hour INTEGER NOT NULL DEFAULT 8;
CREATE TABLE notification_choices (
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  delivery TEXT NOT NULL,
  PRIMARY KEY (user_id, kind)
);
CREATE TABLE notifications (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  consult_id BIGINT REFERENCES consults(id),
  consult_number TEXT NOT NULL,
  specialty TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  in_digest INTEGER NOT NULL
);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_consult ON notifications(consult_id, user_id);
CREATE INDEX notifications_digest ON notifications(in_digest, user_id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
CREATE TABLE outbox (
  id {{id}},
  user_id BIGINT REFERENCES users(id),
  recipient TEXT NOT NULL,
  language TEXT NOT NULL,
  kind TEXT NOT NULL,
  consult_id BIGINT REFERENCES consults(id),
  consult_number TEXT NOT NULL,
  specialty TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claimed_by TEXT,
  last_error TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at, id);
CREATE INDEX outbox_user ON outbox(user_id, id);
CREATE INDEX outbox_delivered ON outbox(delivered_at) WHERE status = 'delivered';
CREATE INDEX consults_status_due ON consults(status, due_at);
CREATE TABLE consult_alerts (
  consult_id BIGINT NOT NULL REFERENCES consults(id),
  kind TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (consult_id, kind)
);
CREATE TABLE pool_duty (
  pool_id BIGINT NOT NULL REFERENCES pools(id),
  week TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (pool_id, week, user_id)
);
CREATE TABLE absences (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX absences_user ON absences(user_id, last_day)
)sql";

// The physical meekijkconsult: clinic sessions (meekijkspreekuur) with their practices, slots and
// waiting lists; each person's secret calendar feed; the slot length and the physical fees of an
// agreement, kept in every version. A consult is in at most one slot (UNIQUE, NULL when free) or
// on one waiting list, so that a double booking cannot be stored.
constexpr std::string_view kSchemaV9 = R"sql(
ALTER TABLE agreements ADD COLUMN physical_gp_fee_cents BIGINT;
ALTER TABLE agreements ADD COLUMN physical_specialist_fee_cents BIGINT;
ALTER TABLE agreements ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 20;
ALTER TABLE agreement_versions ADD COLUMN physical_gp_fee_cents BIGINT;
ALTER TABLE agreement_versions ADD COLUMN physical_specialist_fee_cents BIGINT;
ALTER TABLE agreement_versions ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 20;
CREATE TABLE clinic_sessions (
  id {{id}},
  agreement_id BIGINT NOT NULL REFERENCES agreements(id),
  pool_id BIGINT NOT NULL REFERENCES pools(id),
  specialist_id BIGINT NOT NULL REFERENCES users(id),
  location TEXT NOT NULL,
  day TEXT NOT NULL,
  starts_minute INTEGER NOT NULL,
  slot_minutes INTEGER NOT NULL,
  slot_count INTEGER NOT NULL,
  status TEXT NOT NULL,
  series_id BIGINT,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX clinic_sessions_day ON clinic_sessions(day);
CREATE INDEX clinic_sessions_specialist ON clinic_sessions(specialist_id, day);
CREATE TABLE clinic_session_practices (
  session_id BIGINT NOT NULL REFERENCES clinic_sessions(id),
  practice_id BIGINT NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (session_id, practice_id)
);
CREATE INDEX clinic_session_practices_practice ON clinic_session_practices(practice_id);
CREATE TABLE clinic_slots (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES clinic_sessions(id),
  slot_position INTEGER NOT NULL,
  consult_id BIGINT UNIQUE REFERENCES consults(id),
  attendance TEXT NOT NULL,
  booked_at BIGINT,
  UNIQUE (session_id, slot_position)
);
CREATE TABLE clinic_waiting (
  consult_id BIGINT PRIMARY KEY REFERENCES consults(id),
  session_id BIGINT NOT NULL REFERENCES clinic_sessions(id),
  added_at BIGINT NOT NULL
);
CREATE INDEX clinic_waiting_session ON clinic_waiting(session_id, added_at);
CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
)
)sql";

constexpr std::array kMigrations = {
    Migration{1, "organisations, users, agreements, consults, sessions, access log", kSchemaV1},
    Migration{2, "second factors, recovery codes, session details", kSchemaV2},
    Migration{3, "the access log as a hash chain", kSchemaV3},
    Migration{4, "a blind index for the sealed BSN", kSchemaV4},
    Migration{5, "password reset links, shared login throttle counters", kSchemaV5},
    Migration{6, "question templates, versioned agreements for several GP organisations",
              kSchemaV6},
    Migration{7, "office hours per agreement", kSchemaV7},
    Migration{8, "notifications, the mail outbox, consult alerts, rosters and absences",
              kSchemaV8},
    Migration{9, "clinic sessions, their slots and waiting lists, calendar feeds", kSchemaV9},
    Migration{10, "triple-aim figures, fee lines and statements, patient surveys", kSchemaV10},
    Migration{11, "indexes taken down by a bulk load", kSchemaV11},
    Migration{12, "API clients, used token ids, the client in the access log", kSchemaV12},
    Migration{13, "FHIR subscriptions, notified through the outbox", kSchemaV13},
};

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
    "description TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertVersion =
    "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)";

Result<int> CurrentVersion(Connection& connection) {
  MK_RETURN_IF_ERROR(connection.Execute(kCreateMigrationsTable));
  MK_ASSIGN_OR_RETURN(Rows rows, connection.Query(kSelectVersion));
  return static_cast<int>(rows.front().Int(0));
}

Result<void> Apply(Connection& connection, Dialect dialect, const Migration& migration,
                   TimePoint now) {
  std::string sql = ApplySchemaTokens(migration.sql, dialect);
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find(";\n", start);
    if (end == std::string::npos) end = sql.size();
    std::string statement = sql.substr(start, end - start);
    start = end + 2;
    if (statement.find_first_not_of(" \n\t") == std::string::npos) continue;
    MK_RETURN_IF_ERROR(connection.Execute(statement));
  }
  SqlValue params[] = {int64_t{migration.version}, std::string(migration.description),
                       ToUnixMillis(now)};
  MK_RETURN_IF_ERROR(connection.Execute(kInsertVersion, params));
  return Ok();
}

}  // namespace

Result<void> Database::Migrate(const Clock& clock) {
  return Run(Access::kWrite, [this, &clock](Tx& tx) -> Result<void> {
    Connection& connection = tx.connection();
    std::string_view lock = MigrationLockStatement(dialect());
    if (!lock.empty()) MK_RETURN_IF_ERROR(connection.Query(lock));
    MK_ASSIGN_OR_RETURN(int version, CurrentVersion(connection));
    for (const Migration& migration : kMigrations) {
      if (migration.version <= version) continue;
      MK_RETURN_IF_ERROR(Apply(connection, dialect(), migration, clock.Now()));
      log::Info("schema_migrated", {{"version", migration.version},
                                     {"description", migration.description}});
    }
    // A bulk load that was cut off left indexes down: no table is used without them.
    MK_ASSIGN_OR_RETURN(int restored, RestoreIndexes(tx));
    if (restored > 0) log::Warn("indexes_restored", {{"indexes", restored}});
    return Ok();
  });
}

Result<int> Database::SchemaVersion() {
  return Transact<int>(*this, Access::kWrite,
                       [](Tx& tx) { return CurrentVersion(tx.connection()); });
}

}  // namespace meekijk::store
