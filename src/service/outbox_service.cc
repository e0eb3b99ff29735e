// Delivering the outbox, raising alerts, digests, and the outbox for operators.
#include "service/outbox_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "auth/token.h"
#include "core/log.h"
#include "core/metrics.h"
#include "domain/api_scope.h"
#include "domain/notification_mail.h"
#include "domain/working_days.h"
#include "service/client_principal.h"
#include "service/coordinator_reach.h"
#include "service/notifier.h"
#include "service/subscription_service.h"
#include "store/agreements.h"
#include "store/api_clients.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/notifications.h"
#include "store/outbox.h"
#include "store/subscriptions.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::EventKind;
using domain::MailStatus;

constexpr const char* kDelivered = "meekijk_mail_delivered_total";
constexpr const char* kFailures = "meekijk_mail_failures_total";
constexpr const char* kLatency = "meekijk_mail_delivery_seconds";
constexpr const char* kDepth = "meekijk_outbox_mails";
constexpr const char* kAlerts = "meekijk_consult_alerts_total";
constexpr const char* kNoticesDelivered = "meekijk_subscription_notices_delivered_total";
constexpr const char* kNoticeFailures = "meekijk_subscription_notice_failures_total";

void DescribeMetrics() {
  static const bool described = [] {
    metrics::Registry& registry = metrics::Global();
    registry.DescribeCounter(kDelivered, "Mails the SMTP server accepted.");
    registry.DescribeCounter(kFailures, "Tries of a mail that failed, by whether it is now dead.");
    registry.DescribeHistogram(kLatency, "From the change that caused a mail to its delivery.",
                               {1, 5, 15, 60, 300, 1800, 3600, 4 * 3600, 24 * 3600});
    registry.DescribeGauge(kDepth, "Mails in the outbox, by status.");
    registry.DescribeCounter(kAlerts, "Consult alerts raised, by kind.");
    registry.DescribeCounter(kNoticesDelivered,
                             "Notifications of FHIR subscriptions their endpoint accepted.");
    registry.DescribeCounter(kNoticeFailures,
                             "Tries of a subscription's notification that failed, by whether it "
                             "is now dead.");
    return true;
  }();
  (void)described;
}

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Error NoOutboxForRole() {
  return MakeError(ErrorCode::kForbidden,
                   "Alleen coördinatoren en beheerders zien de uitgaande e-mail.",
                   "Only coordinators and administrators see the outgoing mail.");
}

constexpr size_t kTokenBytes = 12;
// Delivered mails are kept this long for the coordinators' and operators' eyes, then removed.
constexpr std::chrono::hours kKeepDelivered{24 * 90};

Result<OutboxService::SpecialtyNames> LoadSpecialtyNames(store::Tx& tx) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> all, tx.agreements().Specialties());
  OutboxService::SpecialtyNames names;
  for (domain::Specialty& s : all) names.by_code.emplace(s.code, std::move(s));
  return names;
}

}  // namespace

std::string OutboxService::SpecialtyNames::Of(const std::string& code,
                                              domain::Language language) const {
  auto it = by_code.find(code);
  if (it == by_code.end()) return code;
  return language == domain::Language::kNl ? it->second.name_nl : it->second.name_en;
}

std::string MailDomainOf(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  if (start < url.size() && url[start] == '[') {  // an IPv6 literal keeps its brackets
    size_t close = url.find(']', start);
    return close == std::string::npos ? "localhost" : url.substr(start, close - start + 1);
  }
  size_t end = url.find_first_of(":/", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return host.empty() ? "localhost" : host;
}

OutboxService::OutboxService(store::Database& database, const Clock& clock, Mailer* mailer,
                             OutboxOptions options)
    : database_(database),
      clock_(clock),
      mailer_(mailer),
      options_(std::move(options)),
      mail_domain_(MailDomainOf(options_.public_url)) {
  options_.public_url = WithoutTrailingSlash(options_.public_url);
  DescribeMetrics();
}

std::string OutboxService::MessageId(int64_t id, TimePoint created_at) const {
  return "<meekijk." + std::to_string(id) + "." + std::to_string(ToUnixMillis(created_at)) + "@" +
         mail_domain_ + ">";
}

Result<DeliveryPass> OutboxService::DeliverDue(const std::function<bool()>& stop) {
  DeliveryPass pass;
  if (mailer_ == nullptr) return pass;
  TimePoint now = clock_.Now();
  // This pass's claim on the rows it takes: another worker that takes one after the lease ran out
  // holds it under its own token, and this one then neither sends it nor marks it.
  const std::string token = auth::RandomHex(kTokenBytes);
  std::vector<store::OutboxMessage> taken;
  std::vector<Mail> mails;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(taken,
                        tx.outbox().Take(now, now + options_.lease, options_.batch, token));
    if (taken.empty()) return Ok();
    MK_ASSIGN_OR_RETURN(SpecialtyNames names, LoadSpecialtyNames(tx));
    for (const store::OutboxMessage& message : taken) mails.push_back(Compose(message, names));
    return Ok();
  }));
  for (size_t i = 0; i < taken.size(); ++i) {
    if (stop && stop()) break;  // the rest is taken again when the lease ends
    const store::OutboxMessage& message = taken[i];
    // Each mail is sent only under a fresh lease, long enough for one delivery, so that no other
    // worker takes it while it is on its way.
    Result<bool> renewed = store::Transact<bool>(
        database_, store::Access::kWrite, [&](store::Tx& tx) {
          return tx.outbox().Renew(message.id, token, clock_.Now() + options_.lease);
        });
    if (!renewed.ok() || !*renewed) continue;
    Result<void> sent = mailer_->Send(mails[i]);
    RecordOutcome(message, token, sent, pass);
  }
  return pass;
}

Result<DeliveryPass> OutboxService::DeliverNoticesDue(const std::function<bool()>& stop) {
  DeliveryPass pass;
  if (webhooks_ == nullptr) return pass;
  const std::string token = auth::RandomHex(kTokenBytes);
  std::vector<store::OutboxMessage> taken;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(taken, tx.outbox().Take(clock_.Now(), clock_.Now() + options_.lease,
                                                options_.batch, token,
                                                store::OutboxChannel::kSubscription));
    return Ok();
  }));
  for (const store::OutboxMessage& message : taken) {
    if (stop && stop()) break;  // the rest is taken again when the lease ends
    Result<bool> renewed = store::Transact<bool>(
        database_, store::Access::kWrite, [&](store::Tx& tx) {
          return tx.outbox().Renew(message.id, token, clock_.Now() + options_.lease);
        });
    if (!renewed.ok() || !*renewed) continue;
    // The body is read now, as the client may see the consult now: nothing about the patient
    // waits in the outbox.
    Result<WebhookPost> post = ComposeNotice(message);
    if (!post.ok()) {
      bool give_up = post.error().code == ErrorCode::kConflict;
      RecordOutcome(message, token, Result<void>(post.error()), pass, give_up);
      continue;
    }
    RecordOutcome(message, token, webhooks_->Post(*post), pass, false);
  }
  return pass;
}

Result<WebhookPost> OutboxService::ComposeNotice(const store::OutboxMessage& message) {
  TimePoint now = clock_.Now();
  Error gone = MakeError(ErrorCode::kConflict,
                         "Het abonnement is beëindigd of het systeem heeft geen toegang meer.",
                         "The subscription ended or the system has no access any more.");
  gone.reason = "subscription_gone";
  std::optional<store::SubscriptionRecord> subscription;
  Result<Principal> client = store::Transact<Principal>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<Principal> {
        MK_ASSIGN_OR_RETURN(subscription, tx.subscriptions().Find(*message.subscription_id));
        if (!subscription || subscription->ended_at) return gone;
        MK_ASSIGN_OR_RETURN(auto record, tx.api_clients().Find(subscription->api_client_id));
        if (!record) return gone;
        Result<std::vector<std::string>> scopes = domain::ParseScopes(record->scopes);
        if (!scopes.ok()) return gone;
        Result<Principal> principal =
            ClientPrincipal(tx, record->id, std::move(*scopes), now,
                            {"outbox", "notice-" + std::to_string(message.id)});
        if (!principal.ok() && principal.error().code == ErrorCode::kUnauthenticated) return gone;
        return principal;
      });
  if (!client.ok()) return client.error();
  WebhookPost post;
  post.url = subscription->endpoint;
  post.notification_id = MessageId(message.id, message.created_at);
  if (subscription->payload.empty() || !message.consult_id) return post;
  Result<std::string> body = notice_body_ ? notice_body_(*client, subscription->criteria,
                                                         *message.consult_id)
                                          : Result<std::string>(std::string());
  if (!body.ok()) {
    Error refused = body.error();
    bool unreadable = refused.code == ErrorCode::kForbidden ||
                      refused.code == ErrorCode::kNotFound || refused.code == ErrorCode::kConflict;
    if (!unreadable) return refused;  // e.g. the database was away: tried again after the backoff
    // The client may no longer see this consult (a member left, a scope was narrowed): it is not
    // sent, and not tried again.
    refused.code = ErrorCode::kConflict;
    if (refused.reason.empty()) refused.reason = "not_readable";
    return refused;
  }
  post.content_type = std::string(kFhirJson);
  post.body = std::move(*body);
  return post;
}

Mail OutboxService::Compose(const store::OutboxMessage& message, const SpecialtyNames& names) const {
  domain::MailFacts facts{message.kind, message.language, message.consult_number,
                          names.Of(message.specialty, message.language), "", {}};
  if (message.kind == EventKind::kInvitation) {
    facts.link = options_.public_url + "/wachtwoord-herstellen#" + message.payload;
  } else if (message.kind == EventKind::kDigest) {
    facts.link = options_.public_url + "/meldingen";
    facts.digest = domain::DecodeDigestLines(message.payload);
    for (domain::DigestLine& line : facts.digest) {
      line.specialty = names.Of(line.specialty, message.language);
    }
  } else {
    facts.link =
        options_.public_url + "/consults/" + std::to_string(message.consult_id.value_or(0));
  }
  domain::MailText text = domain::RenderMail(facts);
  return {MessageId(message.id, message.created_at), options_.from_address, message.recipient,
          text.subject, text.text, text.html};
}

void OutboxService::RecordOutcome(const store::OutboxMessage& message, const std::string& token,
                                  const Result<void>& sent, DeliveryPass& pass, bool give_up) {
  TimePoint done = clock_.Now();
  bool dead = !sent.ok() && (give_up || message.attempts >= domain::kMaxDeliveryAttempts);
  bool notice = message.subscription_id.has_value();
  Result<void> marked = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    if (sent.ok()) {
      // False when another worker delivered it after this one's lease ran out: done either way.
      MK_RETURN_IF_ERROR(tx.outbox().MarkDelivered(message.id, done));
      return Ok();
    }
    return tx.outbox().MarkFailed(
        message.id, token, sent.error().reason,
        domain::NextAttemptAfterFailure(done, message.attempts, options_.first_retry), dead);
  });
  if (!marked.ok()) {
    // The lease runs out and the mail is tried again, under the same Message-ID.
    log::Warn("outbox_mark_failed", {{"id", message.id}, {"reason", marked.error().reason}});
    return;
  }
  if (sent.ok()) {
    ++pass.delivered;
    if (notice) {
      metrics::Global().Increment(kNoticesDelivered, {});
      return;
    }
    metrics::Global().Increment(kDelivered, {{"kind", std::string(domain::Name(message.kind))}});
    metrics::Global().Observe(kLatency, {},
                              std::chrono::duration<double>(done - message.created_at).count());
    return;
  }
  ++(dead ? pass.dead : pass.failed);
  metrics::Global().Increment(notice ? kNoticeFailures : kFailures,
                              {{"dead", dead ? "true" : "false"}});
  log::Warn(notice ? "subscription_notice_failed" : "mail_failed", {{"id", message.id},
                            {"attempt", message.attempts},
                            {"dead", dead},
                            {"reason", sent.error().reason}});
}

Result<int> OutboxService::RaiseAlerts() {
  TimePoint now = clock_.Now();
  int raised = 0;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    raised = 0;
    store::NotificationRepository notifications = tx.notifications();
    auto raise = [&](int64_t consult_id, EventKind kind) -> Result<void> {
      MK_ASSIGN_OR_RETURN(bool first, notifications.RecordAlert(consult_id, kind, now));
      if (!first) return Ok();  // another node raised it
      MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult, tx.consults().Find(consult_id));
      if (!consult) return Ok();
      MK_RETURN_IF_ERROR(NotifyConsultEvent(tx, *consult, kind, std::nullopt, now));
      ++raised;
      metrics::Global().Increment(kAlerts, {{"kind", std::string(domain::Name(kind))}});
      log::Info("consult_alert", {{"consult_id", consult_id}, {"kind", domain::Name(kind)}});
      return Ok();
    };
    MK_ASSIGN_OR_RETURN(std::vector<store::AlertCandidate> unclaimed,
                        notifications.EscalationCandidates(now));
    for (const store::AlertCandidate& c : unclaimed) {
      double waited = domain::WorkingHoursBetween(c.since, now, c.days_off, c.office_hours);
      if (waited < *c.escalate_after_hours) continue;
      MK_RETURN_IF_ERROR(raise(c.consult_id, EventKind::kUnclaimedEscalated));
    }
    MK_ASSIGN_OR_RETURN(std::vector<store::AlertCandidate> overdue,
                        notifications.OverdueCandidates(now));
    for (const store::AlertCandidate& c : overdue) {
      MK_RETURN_IF_ERROR(raise(c.consult_id, EventKind::kOverdue));
    }
    return Ok();
  }));
  return raised;
}

Result<int> OutboxService::SendDigests() {
  TimePoint now = clock_.Now();
  int sent = 0;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    sent = 0;
    store::NotificationRepository notifications = tx.notifications();
    MK_ASSIGN_OR_RETURN(std::vector<int64_t> users, notifications.UsersWithDigestWaiting());
    for (int64_t user_id : users) {
      MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices, notifications.Choices(user_id));
      std::optional<TimePoint> moment = domain::DigestMomentOn(now, choices.digest_hour);
      if (!moment || now < *moment) continue;
      // One digest a day: what arrives late for today's waits for tomorrow's.
      MK_ASSIGN_OR_RETURN(bool sent_today, tx.outbox().MadeSince(user_id, EventKind::kDigest, *moment));
      if (sent_today) continue;
      MK_ASSIGN_OR_RETURN(std::vector<store::NotificationRecord> waiting,
                          notifications.DigestWaiting(user_id, *moment));
      if (waiting.empty()) continue;
      std::vector<int64_t> ids;
      std::vector<domain::DigestLine> lines;
      for (const store::NotificationRecord& n : waiting) {
        ids.push_back(n.id);
        lines.push_back({n.kind, n.consult_number, n.specialty});
      }
      MK_ASSIGN_OR_RETURN(int64_t taken, notifications.TakeIntoDigest(ids));
      if (taken != static_cast<int64_t>(ids.size())) {
        // Another node's digest took them at the same moment: this pass gives way (rolled back).
        return MakeFact(ErrorCode::kConflict, "digest_made_elsewhere");
      }
      MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(user_id));
      if (!user || !user->active || user->email.empty()) continue;
      store::OutboxMessage mail;
      mail.user_id = user_id;
      mail.recipient = user->email;
      mail.language = choices.language;
      mail.kind = EventKind::kDigest;
      mail.payload = domain::EncodeDigestLines(lines);
      mail.next_attempt_at = mail.created_at = now;
      MK_RETURN_IF_ERROR(tx.outbox().Enqueue(mail));
      ++sent;
    }
    return Ok();
  }));
  return sent;
}

Result<int64_t> OutboxService::Tidy() {
  return store::Transact<int64_t>(database_, store::Access::kWrite, [&](store::Tx& tx) {
    return tx.outbox().PurgeDelivered(clock_.Now() - kKeepDelivered);
  });
}

Result<void> OutboxService::RecordDepth() {
  MK_ASSIGN_OR_RETURN(store::OutboxCounts counts,
                      store::Transact<store::OutboxCounts>(
                          database_, store::Access::kRead,
                          [](store::Tx& tx) { return tx.outbox().Counts(); }));
  metrics::Global().Set(kDepth, {{"status", "pending"}}, static_cast<double>(counts.pending));
  metrics::Global().Set(kDepth, {{"status", "dead"}}, static_cast<double>(counts.dead));
  return Ok();
}

namespace {

OutboxEntry ToEntry(const OutboxService& service, const store::OutboxMessage& m) {
  return {m.id,       service.MessageId(m.id, m.created_at), m.user_id, m.recipient, m.kind,
          m.consult_number, m.status, m.attempts, m.next_attempt_at, m.last_error, m.created_at,
          m.delivered_at};
}

// The users whose mails a coordinator sees: members of an organisation they coordinate (or of a
// practice under it); none when `principal` is no operator, everyone (nullopt) for an admin.
Result<std::optional<std::vector<int64_t>>> VisibleRecipients(store::Tx& tx,
                                                              const Principal& principal) {
  if (principal.HasRole(domain::Role::kAdmin)) return std::optional<std::vector<int64_t>>();
  if (!principal.HasRole(domain::Role::kCoordinator)) return NoOutboxForRole();
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
  std::map<int64_t, domain::Organisation> organisations;
  for (domain::Organisation& o : all) organisations.emplace(o.id, std::move(o));
  CoordinatorReach reach = CoordinatorReach::Of(principal, organisations);
  MK_ASSIGN_OR_RETURN(std::vector<store::UserMembership> memberships,
                      tx.directory().AllMemberships());
  std::set<int64_t> users;
  for (const store::UserMembership& m : memberships) {
    if (reach.Covers(m.membership.organisation_id)) users.insert(m.user_id);
  }
  return std::optional<std::vector<int64_t>>(std::vector<int64_t>(users.begin(), users.end()));
}

}  // namespace

Result<std::vector<OutboxEntry>> OutboxService::List(const Principal& principal,
                                                     std::optional<MailStatus> status, int limit) {
  return store::Transact<std::vector<OutboxEntry>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<OutboxEntry>> {
        MK_ASSIGN_OR_RETURN(std::optional<std::vector<int64_t>> users,
                            VisibleRecipients(tx, principal));
        MK_ASSIGN_OR_RETURN(std::vector<store::OutboxMessage> rows,
                            tx.outbox().List(status, users, limit));
        std::vector<OutboxEntry> out;
        for (const store::OutboxMessage& m : rows) out.push_back(ToEntry(*this, m));
        return out;
      });
}

Result<OutboxEntry> OutboxService::Retry(const Principal& principal, int64_t id) {
  return store::Transact<OutboxEntry>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<OutboxEntry> {
        MK_ASSIGN_OR_RETURN(std::optional<std::vector<int64_t>> users,
                            VisibleRecipients(tx, principal));
        MK_ASSIGN_OR_RETURN(std::optional<store::OutboxMessage> mail, tx.outbox().Find(id));
        bool visible = mail && (!users || (mail->user_id &&
                                           std::find(users->begin(), users->end(),
                                                     *mail->user_id) != users->end()));
        if (!visible) {
          return MakeError(ErrorCode::kNotFound, "Deze e-mail bestaat niet of valt niet onder u.",
                           "This mail does not exist or is not yours to see.");
        }
        MK_ASSIGN_OR_RETURN(bool revived, tx.outbox().Retry(id, clock_.Now()));
        if (!revived) {
          return MakeError(ErrorCode::kConflict,
                           "Deze e-mail is al afgeleverd of wordt nu verstuurd; van een verlopen "
                           "uitnodiging maakt u een nieuwe link.",
                           "This mail was delivered already or is being sent now; for an expired "
                           "invitation, make a new link.");
        }
        log::Info("outbox_retry", {{"id", id}, {"by", principal.user.id}});
        MK_ASSIGN_OR_RETURN(mail, tx.outbox().Find(id));
        return ToEntry(*this, *mail);
      });
}

Result<std::vector<OutboxEntry>> OutboxService::ListAll(std::optional<MailStatus> status,
                                                        int limit) {
  return store::Transact<std::vector<OutboxEntry>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<OutboxEntry>> {
        MK_ASSIGN_OR_RETURN(std::vector<store::OutboxMessage> rows,
                            tx.outbox().List(status, std::nullopt, limit));
        std::vector<OutboxEntry> out;
        for (const store::OutboxMessage& m : rows) out.push_back(ToEntry(*this, m));
        return out;
      });
}

Result<int> OutboxService::RetryAll(std::optional<int64_t> id) {
  return store::Transact<int>(database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<int> {
    TimePoint now = clock_.Now();
    if (id) {
      MK_ASSIGN_OR_RETURN(bool revived, tx.outbox().Retry(*id, now));
      return revived ? 1 : 0;
    }
    constexpr int kAllDead = 1'000'000;
    MK_ASSIGN_OR_RETURN(std::vector<store::OutboxMessage> dead,
                        tx.outbox().List(MailStatus::kDead, std::nullopt, kAllDead));
    int revived = 0;
    for (const store::OutboxMessage& m : dead) {
      MK_ASSIGN_OR_RETURN(bool done, tx.outbox().Retry(m.id, now));
      revived += done ? 1 : 0;
    }
    return revived;
  });
}

}  // namespace meekijk::service
