// Agreements (samenwerkingsafspraken) and routing: which GP organisations may consult which pool,
// for which specialty, in which modes, with which response time. Data, never code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "domain/consult.h"
#include "domain/working_days.h"

namespace meekijk::domain {

// How the specialist's side of a consult is paid: a fixed amount per consult, or the amount per
// minute the specialist recorded (the agreement's specialist fees are then rates per minute).
enum class FeeBasis { kConsult, kMinute };

template <>
struct EnumNames<FeeBasis> {
  static constexpr std::array<std::pair<FeeBasis, std::string_view>, 2> kNames{{
      {FeeBasis::kConsult, "consult"}, {FeeBasis::kMinute, "minute"}}};
};

// Every change makes a new version; the versions before are kept with who made them and when,
// and a consult remembers the version it was sent under.
struct Agreement {
  int64_t id = 0;
  // Practices, or care groups on behalf of all their practices; at least one.
  std::vector<int64_t> gp_organisation_ids;
  int64_t pool_id = 0;
  std::string specialty;  // the pool's specialty, carried along for routing
  std::vector<ConsultMode> modes;
  int response_days = 0;  // working days, Dutch public holidays excluded
  DaysOff days_off;       // Goede Vrijdag, Bevrijdingsdag
  OfficeHours office_hours;  // the hours of a working day the response time counts in
  std::optional<int> escalate_after_hours;  // a pool consult unclaimed this long is escalated
  std::optional<int64_t> template_id;       // the question template GPs fill in
  bool named_specialist_allowed = true;     // the GP may address one specialist of the pool
  bool requires_identification = false;     // the pool needs name, date of birth and BSN
  int64_t gp_fee_cents = 0;                 // per consult, paid out by the fee statements
  int64_t specialist_fee_cents = 0;
  // Physical consults (the meekijkspreekuur) may be paid otherwise; none: as a digital one.
  std::optional<int64_t> physical_gp_fee_cents;
  std::optional<int64_t> physical_specialist_fee_cents;
  int slot_minutes = 20;  // the length of a slot in the agreement's clinic sessions
  FeeBasis specialist_fee_basis = FeeBasis::kConsult;
  // False where a referral after all (to the answering hospital) is paid through that hospital's
  // own DBC, so that the consult that preceded it earns the specialist nothing extra.
  bool pay_specialist_when_referred = true;
  std::optional<int64_t> insurer_id;  // the insurer that pays the fee lines
  std::string valid_from;                   // YYYY-MM-DD, inclusive
  std::optional<std::string> valid_until;   // YYYY-MM-DD, inclusive; none = open-ended
  int64_t version = 1;
  std::optional<int64_t> changed_by;  // who made this version (none: the command line)
  TimePoint changed_at;
  bool operator==(const Agreement&) const = default;
};

inline constexpr int kMaxResponseDays = 60;
inline constexpr int64_t kMaxFeeCents = 100'000'00;  // a thousand euros per consult
// Per minute, so that an agreement switched to minutes with its per-consult amount kept (50 euros
// a minute) is refused rather than paid.
inline constexpr int64_t kMaxFeeCentsPerMinute = 20'00;

// Checks an agreement as a coordinator writes it: at least one GP organisation and mode, a
// response time of 0 to 60 working days, valid dates with valid_from <= valid_until, fees of 0
// to 1000 euros (per mode; 20 euros per minute under FeeBasis::kMinute), slots of 5 to 120 minutes, office hours of at least an hour within a day, an escalation of 1 to 720 hours where set.
Result<void> ValidateAgreement(const Agreement& agreement);

// Where a practice stands: itself and the care group it belongs to.
struct PracticeScope {
  int64_t practice_id = 0;
  std::optional<int64_t> care_group_id;
};

// The organisations whose agreements a practice consults under: itself and its care group.
std::vector<int64_t> GpSideOrganisations(const PracticeScope& scope);

// Whether the agreement is in force on `date` (YYYY-MM-DD): its period includes the day.
bool AgreementInForce(const Agreement& agreement, std::string_view date);

// Whether the agreement lets this practice consult in this mode on this date (YYYY-MM-DD).
bool AgreementCovers(const Agreement& agreement, const PracticeScope& scope,
                     std::string_view specialty, ConsultMode mode, std::string_view date);

// Chooses the agreement for a new consult: one that covers it, for `pool_id` when the GP named a
// pool, else the first by id (agreements are kept in a stable order). Refuses with a clear
// message when the practice has no agreement for this specialty and mode.
Result<Agreement> SelectAgreement(std::span<const Agreement> agreements, const PracticeScope& scope,
                                  std::string_view specialty, ConsultMode mode,
                                  std::string_view date, std::optional<int64_t> pool_id = {});

// Checks the patient data an agreement requires: name, date of birth and BSN where it asks them.
Result<void> ValidateIdentification(const Agreement& agreement, const Patient& patient);

// The fee amounts of a consult in `mode` under the agreement: {GP practice, specialist's
// organisation}; the specialist's is a rate per minute under FeeBasis::kMinute.
std::pair<int64_t, int64_t> FeesFor(const Agreement& agreement, ConsultMode mode);

// What a closed consult earns under the agreement version it was sent under, given its outcome
// and the minutes its specialist recorded. The patient pays none of it: meekijk bills no patient.
struct FeesEarned {
  int64_t gp_cents = 0;
  int64_t specialist_cents = 0;
  bool operator==(const FeesEarned&) const = default;
};
FeesEarned EarnedFees(const Agreement& agreement, ConsultMode mode, OutcomeKind outcome,
                      int specialist_minutes);

}  // namespace meekijk::domain
