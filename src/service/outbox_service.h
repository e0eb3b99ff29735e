// The background work that tells people: delivering the outbox's mails (with retries, backoff and
// a dead-letter state), raising a consult's alerts (a pool consult unclaimed past its agreement's
// escalation, a consult past its due moment), and the daily digests; and, for coordinators,
// administrators and the command line, the outbox to look at and to try again. Every pass is safe
// to run on several nodes at once: the outbox is shared through leases, alerts are recorded once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "domain/notification.h"
#include "service/mailer.h"
#include "service/principal.h"
#include "service/webhook.h"

namespace meekijk::store {
class Database;
struct OutboxMessage;
}

namespace meekijk::service {

struct OutboxOptions {
  std::string public_url = "http://127.0.0.1:8080";  // where the links in mails lead
  std::string from_address = "meekijk@localhost";
  // How long a worker holds the mails it took: another node may take them after that, so it must
  // be longer than one delivery can take (the SMTP timeouts are shorter).
  std::chrono::seconds lease{120};
  int batch = 20;  // mails taken per pass
  std::chrono::seconds first_retry = domain::kFirstRetry;  // doubling after each failure
};

// A mail in the outbox, as operators see it: whom it is for and what it tells, never more.
struct OutboxEntry {
  int64_t id = 0;
  std::string message_id;
  std::optional<int64_t> user_id;
  std::string recipient;
  domain::EventKind kind = domain::EventKind::kConsultSent;
  std::string consult_number;
  domain::MailStatus status = domain::MailStatus::kPending;
  int attempts = 0;
  TimePoint next_attempt_at;
  std::string last_error;
  TimePoint created_at;
  std::optional<TimePoint> delivered_at;
};

struct DeliveryPass {
  int delivered = 0;
  int failed = 0;  // will be tried again
  int dead = 0;    // failed their last try
};

// The host of a URL ("https://meekijk.example.nl:8443/x" → "meekijk.example.nl"), which names
// the installation in Message-IDs and the default sender address.
std::string MailDomainOf(const std::string& url);

class OutboxService {
 public:
  // Without a mailer, mails wait in the outbox (DeliverDue does nothing).
  OutboxService(store::Database& database, const Clock& clock, Mailer* mailer,
                OutboxOptions options);

  // One pass of a worker: takes the mails due now and delivers each once; a delivered mail is
  // never sent again, a failed one is due again after a backoff, and dead after its last try.
  // `stop`, asked between mails, ends the pass early (the rest is taken again after the lease).
  Result<DeliveryPass> DeliverDue(const std::function<bool()>& stop = {});
  // The same for the notifications of FHIR subscriptions (subscription_notices.h): each is
  // posted to its subscription's endpoint, with the resource its criteria name read as the
  // subscribing client (`body`) when it asked for content. A subscription that ended, or whose
  // client was revoked, gets no more: its waiting notifications are dead at once. Without
  // UseWebhooks this does nothing.
  Result<DeliveryPass> DeliverNoticesDue(const std::function<bool()>& stop = {});
  void UseWebhooks(WebhookSender* sender, NoticeBody body) {
    webhooks_ = sender;
    notice_body_ = std::move(body);
  }
  // Raises the alerts due now; returns how many consults got one.
  Result<int> RaiseAlerts();
  // Sends the digests due now (a working day, past each person's hour); returns how many.
  Result<int> SendDigests();
  // Sets the outbox-depth gauges of /metrics.
  Result<void> RecordDepth();
  // Removes delivered mails after 90 days; returns how many.
  Result<int64_t> Tidy();

  // Coordinators see the mails to people of the organisations they coordinate, administrators
  // all; newest first. kForbidden for anyone else.
  Result<std::vector<OutboxEntry>> List(const Principal& principal,
                                        std::optional<domain::MailStatus> status, int limit);
  // Tries a dead (or waiting) mail again now; kNotFound outside the caller's reach, kConflict for
  // a delivered one.
  Result<OutboxEntry> Retry(const Principal& principal, int64_t id);

  // The command line, the installation's operator: everything.
  Result<std::vector<OutboxEntry>> ListAll(std::optional<domain::MailStatus> status, int limit);
  // Tries one mail again, or (without an id) every dead one; returns how many.
  Result<int> RetryAll(std::optional<int64_t> id);

  // The Message-ID of an outbox row: the same on every try, unique to the row.
  std::string MessageId(int64_t id, TimePoint created_at) const;

  // The specialties' names in both languages, for the mails of one pass.
  struct SpecialtyNames {
    std::map<std::string, domain::Specialty> by_code;
    std::string Of(const std::string& code, domain::Language language) const;
  };

 private:
  Mail Compose(const store::OutboxMessage& message, const SpecialtyNames& names) const;
  // The request a subscription's notification is: kConflict when the subscription ended, its
  // client can no longer call or no longer read the consult (dead at once, not tried again).
  Result<WebhookPost> ComposeNotice(const store::OutboxMessage& message);
  // Marks a try's outcome (under this pass's token) and counts it in the metrics.
  // `give_up`: a failure that no later try can mend (dead at once).
  void RecordOutcome(const store::OutboxMessage& message, const std::string& token,
                     const Result<void>& sent, DeliveryPass& pass, bool give_up = false);

  store::Database& database_;
  const Clock& clock_;
  Mailer* mailer_;
  WebhookSender* webhooks_ = nullptr;
  NoticeBody notice_body_;
  OutboxOptions options_;
  std::string mail_domain_;  // the host of public_url, for Message-IDs
};

}  // namespace meekijk::service
