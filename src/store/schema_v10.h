// Schema version 10: results and money. Kept apart from migrations.cc, which holds versions 1–9.
#pragma once

#include <string_view>

namespace meekijk::store {

// What the triple-aim report reads per consult (the first advice and the working time it took,
// the specialist's minutes and rating of the question, a corrected outcome, the sum of its fee
// lines, its patient's survey score), the fee lines and the approved monthly statements, the patients' survey codes and
// answers, and per specialty the average cost of a referral. A fee line keeps, as they were when
// it was made, the facts an insurer pays on (mode, specialty, AGB codes, date, minutes): it
// outlives its consult and later changes. Two covering indexes, by practice and by pool, hold
// every column the report reads: a region's or hospital's report over years reads only its own
// consults, in order, from the index alone. The first advice of consults answered before this version is taken
// from their thread; their working time to it is not known (docs/triple-aim.md).
inline constexpr std::string_view kSchemaV10 = R"sql(
ALTER TABLE consults ADD COLUMN first_advice_at BIGINT;
ALTER TABLE consults ADD COLUMN response_minutes INTEGER;
ALTER TABLE consults ADD COLUMN specialist_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consults ADD COLUMN question_rating INTEGER;
ALTER TABLE consults ADD COLUMN outcome_corrected_at BIGINT;
ALTER TABLE consults ADD COLUMN outcome_correction_reason TEXT;
ALTER TABLE consults ADD COLUMN fee_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE consults ADD COLUMN patient_score INTEGER;
CREATE INDEX consults_practice_figures ON consults(practice_id, sent_at, pool_id, specialty, mode,
  status, outcome, intended_referral, response_minutes, first_advice_at, due_at, outcome_learned,
  outcome_rating, question_rating, patient_score, fee_cents, id);
CREATE INDEX consults_pool_figures ON consults(pool_id, sent_at, practice_id, specialty, mode,
  status, outcome, intended_referral, response_minutes, first_advice_at, due_at, outcome_learned,
  outcome_rating, question_rating, patient_score, fee_cents, id);
CREATE INDEX consults_sent ON consults(sent_at);
UPDATE consults SET first_advice_at = (SELECT MIN(m.created_at) FROM messages m WHERE
  m.consult_id = consults.id AND m.kind = 'advice') WHERE advice_at IS NOT NULL;
ALTER TABLE agreements ADD COLUMN specialist_fee_basis TEXT NOT NULL DEFAULT 'consult';
ALTER TABLE agreements ADD COLUMN pay_specialist_when_referred INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN insurer_id BIGINT REFERENCES organisations(id);
ALTER TABLE agreement_versions ADD COLUMN specialist_fee_basis TEXT NOT NULL DEFAULT 'consult';
ALTER TABLE agreement_versions ADD COLUMN pay_specialist_when_referred INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agreement_versions ADD COLUMN insurer_id BIGINT;
ALTER TABLE specialties ADD COLUMN referral_cost_cents BIGINT NOT NULL DEFAULT 0;
CREATE TABLE fee_lines (
  id {{id}},
  consult_id BIGINT REFERENCES consults(id),
  consult_number TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  side TEXT NOT NULL,
  kind TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  reason TEXT,
  month TEXT NOT NULL,
  insurer_id BIGINT REFERENCES organisations(id),
  mode TEXT NOT NULL,
  specialty TEXT NOT NULL,
  vektis_code TEXT,
  practice_agb TEXT,
  specialist_agb TEXT,
  performed_on TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  approved INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX fee_lines_statement ON fee_lines(organisation_id, month, id);
CREATE INDEX fee_lines_consult ON fee_lines(consult_id);
CREATE INDEX fee_lines_insurer ON fee_lines(insurer_id, month);
CREATE TABLE fee_statements (
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  month TEXT NOT NULL,
  approved_by BIGINT NOT NULL REFERENCES users(id),
  approved_at BIGINT NOT NULL,
  line_count INTEGER NOT NULL,
  total_cents BIGINT NOT NULL,
  PRIMARY KEY (organisation_id, month)
);
CREATE TABLE survey_codes (
  code TEXT PRIMARY KEY,
  consult_id BIGINT NOT NULL UNIQUE REFERENCES consults(id),
  created_at BIGINT NOT NULL,
  answered_at BIGINT,
  language TEXT,
  overall INTEGER,
  explained INTEGER,
  preference TEXT
)
)sql";

}  // namespace meekijk::store
