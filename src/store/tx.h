// The unit of work: one transaction, and the repositories that read and write in it, one per
// aggregate. A Tx is only handed out by Database::Run and lives as long as the unit of work; not
// thread-safe. Each repository is declared in its own header (store/consults.h, …), so that a use
// case includes the ones it uses and a new aggregate touches no existing one.
#pragma once

#include "core/field_cipher.h"
#include "core/result.h"
#include "store/dialect.h"
#include "store/statements.h"

namespace meekijk::store {

class ConsultRepository;
class DirectoryRepository;
class AgreementRepository;
class LoginRepository;
class AccessLogRepository;
class AttachmentRepository;
class SecondFactorRepository;
class PasswordResetRepository;
class LoginFailureRepository;
class TemplateRepository;
class NotificationRepository;
class OutboxRepository;
class RosterRepository;
class ClinicRepository;
class FeeRepository;
class ReportRepository;
class SurveyRepository;
class ApiClientRepository;
class LaunchKeyRepository;
class SubscriptionRepository;
class ReferralRepository;

class Tx {
 public:
  Tx(Connection& connection, Dialect dialect, const FieldCipher* cipher = nullptr)
      : statements_(connection), dialect_(dialect), cipher_(cipher) {}

  Dialect dialect() const { return dialect_; }

  ConsultRepository consults();        // consults, their threads and numbers (consults.h)
  DirectoryRepository directory();     // organisations, users, memberships (directory.h)
  AgreementRepository agreements();    // specialties, pools, agreements (agreements.h)
  LoginRepository logins();            // logged-in users' tokens (logins.h)
  AccessLogRepository access_log();    // the NEN 7513 log (access_log.h)
  AttachmentRepository attachments();  // files and their bytes (attachments.h)
  SecondFactorRepository second_factors();  // TOTP secrets, recovery codes (second_factors.h)
  PasswordResetRepository password_resets();  // one-time reset links (password_resets.h)
  LoginFailureRepository login_failures();  // the shared login throttle (login_failures.h)
  TemplateRepository templates();  // question templates and their versions (templates.h)
  NotificationRepository notifications();  // in-app notifications, choices, alerts
  OutboxRepository outbox();               // mails waiting to be delivered (outbox.h)
  RosterRepository rosters();              // who of a pool is on duty, who is away (rosters.h)
  ClinicRepository clinic();  // clinic sessions, slots, waiting lists, calendar feeds (clinic.h)
  FeeRepository fees();        // fee lines and approved statements (fees.h)
  ReportRepository reports();  // the triple-aim report's rows (reports.h)
  SurveyRepository surveys();  // patient survey codes and answers (surveys.h)
  ApiClientRepository api_clients();  // FHIR API clients, used token ids (api_clients.h)
  LaunchKeyRepository launch_keys();  // the keys HIS launch links are signed with (launch_keys.h)
  SubscriptionRepository subscriptions();  // FHIR subscriptions of API clients (subscriptions.h)
  ReferralRepository referrals();      // the letters consults became referrals with (referrals.h)

  // A trivial round trip: the database answers.
  Result<void> Ping();

  // Raw statements, for migrations and test support only: use cases go through the repositories.
  Connection& connection() { return statements_.connection(); }

 private:
  Statements statements_;
  Dialect dialect_;
  const FieldCipher* cipher_;  // seals the patient's identity; null: none may be written
};

}  // namespace meekijk::store
