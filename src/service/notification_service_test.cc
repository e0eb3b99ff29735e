// Nobody misses a consult, as a specification: who is told of each event, by mail at once or in
// the digest, what a mail may hold, rosters and absence, escalation and overdue on a fake clock,
// retries and dead letters, and several nodes sharing the outbox.
#include "service/notification_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "auth/password.h"
#include "service/access_log.h"
#include "service/account_service.h"
#include "service/consult_service.h"
#include "service/directory_service.h"
#include "service/outbox_service.h"
#include "service/region_service.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/principals.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::Delivery;
using domain::EventKind;
using domain::MessageKind;
using domain::Role;
using std::chrono::hours;
using std::chrono::minutes;
using testing::Engine;

// An instant given as Amsterdam clock time in summer (UTC+2), April–October 2026.
TimePoint SummerLocal(int month, int day, int hour, int minute = 0) {
  return std::chrono::sys_days{std::chrono::year{2026} / month / day} + hours(hour - 2) +
         minutes(minute);
}

const TimePoint kThursday = SummerLocal(4, 23, 10);  // Thursday 23 April 2026, 10:00

constexpr const char* kQuestion = "Constitutioneel eczeem of psoriasis?";
constexpr const char* kSummary = "Jeuk en schilfering sinds maart, elleboog en knie.";
constexpr const char* kPatientName = "Fatima Oudkerk";
constexpr const char* kBsn = "111222333";

class NotificationServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    access_log_ = std::make_unique<AccessLog>(*db_, clock_);
    consults_ = std::make_unique<ConsultService>(*db_, clock_, *access_log_);
    notifications_ = std::make_unique<NotificationService>(*db_, clock_);
    outbox_ = std::make_unique<OutboxService>(
        *db_, clock_, &mailer_, OutboxOptions{"https://meekijk.example.nl/", "meekijk@example.nl"});
    DirectoryService directory(*db_, clock_);
    care_group_ = *directory.AddOrganisation({0, domain::OrgKind::kCareGroup, "Zorggroep Zuid",
                                              "12345678", {}, "Rotterdam"});
    practice_ = *directory.AddOrganisation({0, domain::OrgKind::kGpPractice, "Praktijk Noord",
                                            "01000001", care_group_, "Rotterdam"});
    hospital_ = *directory.AddOrganisation({0, domain::OrgKind::kHospital, "Maasstad",
                                            "06000001", {}, "Rotterdam"});
    int64_t other_hospital = *directory.AddOrganisation(
        {0, domain::OrgKind::kHospital, "Ikazia", "06000002", {}, "Rotterdam"});
    std::string hash = *auth::HashPassword("wachtwoord-123");
    auto user = [&](const char* name, int64_t organisation, Role role) {
      return *directory.AddUserWithHash(
          {name, name, std::string(name) + "@example.nl", {}, "", {{organisation, role}}}, hash);
    };
    int64_t gp = user("gp", practice_, Role::kGp);
    int64_t assistant = user("assistant", practice_, Role::kAssistant);
    int64_t derma = user("derma", hospital_, Role::kSpecialist);
    int64_t colleague = user("colleague", hospital_, Role::kSpecialist);
    int64_t third = user("third", hospital_, Role::kSpecialist);
    int64_t coordinator = user("coordinator", hospital_, Role::kCoordinator);
    int64_t other_coordinator = user("elsewhere", other_hospital, Role::kCoordinator);
    EXPECT_TRUE(directory.AddSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    Principal admin = Load(user("admin", care_group_, Role::kAdmin));
    RegionService region(*db_, clock_);
    pool_ = region.CreatePool(admin, {hospital_, "dermatologie", "Dermatologie",
                                      {derma, colleague, third}})
                ->pool.id;
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {care_group_};
    agreement.pool_id = pool_;
    agreement.modes = {domain::ConsultMode::kDigital};
    agreement.response_days = 2;
    agreement.escalate_after_hours = 4;
    agreement.valid_from = "2026-01-01";
    EXPECT_TRUE(region.CreateAgreement(admin, agreement).ok());
    gp_ = Load(gp);
    assistant_ = Load(assistant);
    specialist_ = Load(derma);
    colleague_ = Load(colleague);
    third_ = Load(third);
    coordinator_ = Load(coordinator);
    other_coordinator_ = Load(other_coordinator);
  }

  Principal Load(int64_t user_id) { return testing::LoadPrincipal(*db_, user_id); }

  int64_t SendConsult(const Principal& author, bool send = true) {
    NewConsult request;
    request.content.specialty = "dermatologie";
    request.content.patient = {1961, domain::Sex::kFemale, kPatientName, "1961-05-04", kBsn};
    request.content.icpc = "S87";
    request.content.question = kQuestion;
    request.content.clinical_summary = kSummary;
    request.content.intended_referral = true;
    request.content.consent = true;
    request.send = send;
    Result<domain::Consult> consult = consults_->Create(author, request);
    EXPECT_TRUE(consult.ok()) << consult.error().message.en;
    return consult.ok() ? consult->id : 0;
  }

  // Delivers what is due and returns the recipients of the mails, sorted.
  std::vector<std::string> Deliver() {
    mailer_.Clear();
    Result<DeliveryPass> pass = outbox_->DeliverDue();
    EXPECT_TRUE(pass.ok());
    std::vector<std::string> to;
    for (const Mail& mail : mailer_.sent()) to.push_back(mail.to);
    std::sort(to.begin(), to.end());
    return to;
  }

  static void ExpectOk(const Result<domain::Consult>& result) {
    EXPECT_TRUE(result.ok()) << result.error().message.en;
  }

  std::vector<EventKind> KindsOf(const Principal& principal) {
    std::vector<EventKind> kinds;
    Result<NotificationPage> page = notifications_->List(principal, {}, 100);
    if (!page.ok()) {
      ADD_FAILURE() << page.error().message.en;
      return kinds;
    }
    for (const NotificationView& n : page.value().items) kinds.push_back(n.kind);
    return kinds;
  }

  FakeClock clock_{kThursday};
  RecordingMailer mailer_;
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<ConsultService> consults_;
  std::unique_ptr<NotificationService> notifications_;
  std::unique_ptr<OutboxService> outbox_;
  int64_t care_group_ = 0, practice_ = 0, hospital_ = 0, pool_ = 0;
  Principal gp_, assistant_, specialist_, colleague_, third_, coordinator_, other_coordinator_;
};

using Mails = std::vector<std::string>;

TEST_P(NotificationServiceTest, EachEventMailsExactlyThePeopleItConcerns) {
  int64_t id = SendConsult(gp_);
  EXPECT_EQ(Deliver(), (Mails{"colleague@example.nl", "derma@example.nl", "third@example.nl"}));
  ExpectOk(consults_->Claim(specialist_, id));
  EXPECT_EQ(Deliver(), Mails{});  // the GP hears of a claim in the digest
  ExpectOk(consults_->PostMessage(specialist_, id, MessageKind::kInfoRequest, "Foto graag."));
  EXPECT_EQ(Deliver(), Mails{"gp@example.nl"});
  ExpectOk(consults_->PostMessage(gp_, id, MessageKind::kReply, "Zie bijlage."));
  EXPECT_EQ(Deliver(), Mails{"derma@example.nl"});
  ExpectOk(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kPrimaryCare,
                                 "Start met hydrocortison."));
  EXPECT_EQ(Deliver(), Mails{"gp@example.nl"});
  ExpectOk(consults_->PostMessage(gp_, id, MessageKind::kQuestion, "Hoe lang?"));
  EXPECT_EQ(Deliver(), Mails{"derma@example.nl"});
  ExpectOk(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kPrimaryCare, "Vier weken."));
  EXPECT_EQ(Deliver(), Mails{"gp@example.nl"});
  ExpectOk(consults_->Close(gp_, id, {domain::OutcomeKind::kPrimaryCare, true, 5}));
  EXPECT_EQ(Deliver(), Mails{});  // the specialist hears of closing in the digest
  EXPECT_EQ(KindsOf(specialist_), (std::vector<EventKind>{EventKind::kClosed, EventKind::kFollowUp,
                                                          EventKind::kReplied,
                                                          EventKind::kConsultSent}));
  EXPECT_EQ(KindsOf(gp_), (std::vector<EventKind>{EventKind::kAdviceGiven, EventKind::kAdviceGiven,
                                                  EventKind::kInfoRequested,
                                                  EventKind::kConsultClaimed}));
  EXPECT_TRUE(KindsOf(coordinator_).empty());
}

TEST_P(NotificationServiceTest, DeclinedAndForwardedTellTheGpAndTheAssistantWhoPreparedIt) {
  int64_t draft = SendConsult(assistant_, false);
  ExpectOk(consults_->Send(gp_, draft));
  EXPECT_EQ(Deliver(), (Mails{"colleague@example.nl", "derma@example.nl", "third@example.nl"}));
  ExpectOk(consults_->Decline(specialist_, draft, "Past beter bij interne geneeskunde."));
  EXPECT_EQ(Deliver(), (Mails{"assistant@example.nl", "gp@example.nl"}));
}

TEST_P(NotificationServiceTest, AMailHoldsNoPatientDataOnlyNumberEventSpecialtyAndLink) {
  int64_t id = SendConsult(gp_);
  ExpectOk(consults_->Claim(specialist_, id));
  ExpectOk(consults_->PostMessage(specialist_, id, MessageKind::kInfoRequest,
                                  "Heeft mevrouw Oudkerk koorts?"));
  Deliver();
  ExpectOk(consults_->PostMessage(gp_, id, MessageKind::kReply, "Geen koorts, Fatima is 64."));
  ExpectOk(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kRefer,
                                 "Verwijs Fatima naar de poli."));
  std::vector<Mail> sent = mailer_.sent();  // the info request
  Deliver();
  for (const Mail& mail : mailer_.sent()) sent.push_back(mail);
  ASSERT_FALSE(sent.empty());
  for (const Mail& mail : sent) {
    for (const std::string& part : {mail.subject, mail.text, mail.html}) {
      for (const char* secret : {kQuestion, kSummary, kPatientName, "Oudkerk", "Fatima", kBsn,
                                 "1961", "koorts", "hydrocortison", "poli"}) {
        EXPECT_EQ(part.find(secret), std::string::npos) << secret << " in " << part;
      }
    }
    EXPECT_NE(mail.text.find("https://meekijk.example.nl/consults/" + std::to_string(id)),
              std::string::npos);
    EXPECT_NE(mail.subject.find("MK-2026-"), std::string::npos);
    EXPECT_NE(mail.text.find("Dermatologie"), std::string::npos);
    EXPECT_EQ(mail.from, "meekijk@example.nl");
    EXPECT_TRUE(mail.message_id.starts_with("<meekijk."));
    EXPECT_TRUE(mail.message_id.ends_with("@meekijk.example.nl>"));
  }
}

TEST_P(NotificationServiceTest, AMailComesInTheLanguageAPersonChose) {
  ASSERT_TRUE(notifications_->ChangeSettings(specialist_, {domain::Language::kEn, {}, {}}).ok());
  SendConsult(gp_);
  Deliver();
  std::map<std::string, std::string> subjects;
  for (const Mail& mail : mailer_.sent()) subjects[mail.to] = mail.subject;
  EXPECT_NE(subjects["derma@example.nl"].find("New consult"), std::string::npos);
  EXPECT_NE(subjects["colleague@example.nl"].find("Nieuwe consultatie"), std::string::npos);
}

TEST_P(NotificationServiceTest, OpeningTheConsultMarksItsNotificationsRead) {
  int64_t id = SendConsult(gp_);
  int64_t second = SendConsult(gp_);
  EXPECT_EQ(notifications_->List(specialist_, {}, 10)->unread, 2);
  ASSERT_TRUE(consults_->Get(specialist_, id).ok());
  NotificationPage page = *notifications_->List(specialist_, {}, 10);
  EXPECT_EQ(page.unread, 1);
  EXPECT_EQ(notifications_->List(colleague_, {}, 10)->unread, 2);  // theirs stay unread
  EXPECT_EQ(*notifications_->MarkRead(specialist_, {}), 0);
  (void)second;
}

TEST_P(NotificationServiceTest, TheListIsPagedNewestFirst) {
  for (int i = 0; i < 5; ++i) SendConsult(gp_);
  NotificationPage first = *notifications_->List(specialist_, {}, 2);
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next_before);
  EXPECT_GT(first.items[0].id, first.items[1].id);
  NotificationPage rest = *notifications_->List(specialist_, first.next_before, 10);
  EXPECT_EQ(rest.items.size(), 3u);
  EXPECT_FALSE(rest.next_before);
  EXPECT_EQ(rest.unread, 5);
  EXPECT_EQ(*notifications_->MarkRead(specialist_, {first.items[0].id, rest.items[0].id}), 3);
}

TEST_P(NotificationServiceTest, AChoiceOfOffOrDigestKeepsTheMailButNotTheNotification) {
  NotificationSettingsChange change;
  change.kinds = {{EventKind::kConsultSent, Delivery::kOff}};
  ASSERT_TRUE(notifications_->ChangeSettings(specialist_, change).ok());
  change.kinds = {{EventKind::kConsultSent, Delivery::kDigest}};
  change.digest_hour = 9;
  ASSERT_TRUE(notifications_->ChangeSettings(colleague_, change).ok());
  SendConsult(gp_);
  EXPECT_EQ(Deliver(), Mails{"third@example.nl"});
  EXPECT_EQ(KindsOf(specialist_), std::vector<EventKind>{EventKind::kConsultSent});
  NotificationSettings settings = *notifications_->Settings(colleague_);
  EXPECT_EQ(settings.digest_hour, 9);
  auto sent = std::find_if(settings.kinds.begin(), settings.kinds.end(),
                           [](const auto& k) { return k.kind == EventKind::kConsultSent; });
  ASSERT_NE(sent, settings.kinds.end());
  EXPECT_EQ(sent->delivery, Delivery::kDigest);
  EXPECT_TRUE(sent->chosen);
}

TEST_P(NotificationServiceTest, SettingsRefuseAnHourOutsideTheDayAndTheInvitation) {
  NotificationSettingsChange change;
  change.digest_hour = 24;
  EXPECT_EQ(notifications_->ChangeSettings(gp_, change).error().field, "digest_hour");
  change.digest_hour = 7;
  change.kinds = {{EventKind::kInvitation, Delivery::kOff}};
  EXPECT_EQ(notifications_->ChangeSettings(gp_, change).error().field, "kinds");
  EXPECT_EQ(notifications_->Settings(gp_)->digest_hour, 8);  // nothing changed
}

TEST_P(NotificationServiceTest, TheDigestComesAtTheChosenHourOnWorkingDaysOnly) {
  // Friday 24 April 2026: claimed and closed news for the GP and the specialist wait.
  clock_.Set(SummerLocal(4, 24, 11));
  int64_t id = SendConsult(gp_);
  ExpectOk(consults_->Claim(specialist_, id));
  Deliver();
  EXPECT_EQ(*outbox_->SendDigests(), 0);  // made after today's 08:00: tomorrow's digest
  clock_.Set(SummerLocal(4, 25, 9));         // Saturday
  EXPECT_EQ(*outbox_->SendDigests(), 0);
  clock_.Set(SummerLocal(4, 27, 9));         // Monday: Koningsdag
  EXPECT_EQ(*outbox_->SendDigests(), 0);
  clock_.Set(SummerLocal(4, 28, 7, 59));     // Tuesday, before the hour
  EXPECT_EQ(*outbox_->SendDigests(), 0);
  clock_.Set(SummerLocal(4, 28, 8));
  EXPECT_EQ(*outbox_->SendDigests(), 1);
  EXPECT_EQ(*outbox_->SendDigests(), 0);  // once
  EXPECT_EQ(Deliver(), Mails{"gp@example.nl"});
  const Mail digest = mailer_.sent().front();
  EXPECT_NE(digest.subject.find("dagelijks overzicht (1)"), std::string::npos) << digest.subject;
  EXPECT_NE(digest.text.find("In behandeling genomen"), std::string::npos);
  EXPECT_NE(digest.text.find("https://meekijk.example.nl/meldingen"), std::string::npos);
}

TEST_P(NotificationServiceTest, TheRosterTellsThoseOnDutyFirstAndAbsenceIsCovered) {
  std::string week = "2026-W17";  // the week of Thursday 23 April
  EXPECT_EQ(notifications_->SetRoster(specialist_, pool_, week, {specialist_.user.id})
                .error().code, ErrorCode::kForbidden);  // members do not make the roster
  EXPECT_EQ(notifications_->SetRoster(other_coordinator_, pool_, week, {specialist_.user.id})
                .error().code, ErrorCode::kNotFound);
  EXPECT_EQ(notifications_->SetRoster(coordinator_, pool_, week, {gp_.user.id}).error().field,
            "user_ids");
  EXPECT_EQ(notifications_->SetRoster(coordinator_, pool_, "2026-17", {}).error().field, "week");
  Result<RosterView> roster = notifications_->SetRoster(coordinator_, pool_, week,
                                                        {specialist_.user.id});
  ASSERT_TRUE(roster.ok());
  EXPECT_TRUE(roster->has_roster);
  EXPECT_EQ(roster->members.size(), 3u);
  SendConsult(gp_);
  EXPECT_EQ(Deliver(), Mails{"derma@example.nl"});
  // Ill from today: the others cover.
  Result<AbsenceView> ill = notifications_->AddAbsence(
      coordinator_, {0, specialist_.user.id, "2026-04-23", "2026-04-24",
                     domain::AbsenceReason::kIllness, {}, {}});
  ASSERT_TRUE(ill.ok()) << ill.error().message.en;
  SendConsult(gp_);
  EXPECT_EQ(Deliver(), (Mails{"colleague@example.nl", "third@example.nl"}));
  RosterView seen = *notifications_->Roster(colleague_, pool_, week);
  EXPECT_FALSE(seen.may_change);
  EXPECT_EQ(std::count_if(seen.members.begin(), seen.members.end(),
                          [](const RosterMember& m) { return m.absent; }), 1);
  EXPECT_EQ(notifications_->Roster(gp_, pool_, week).error().code, ErrorCode::kNotFound);
  // Next week has no roster: everyone is told.
  clock_.Set(SummerLocal(4, 28, 10));
  SendConsult(gp_);
  EXPECT_EQ(Deliver(), (Mails{"colleague@example.nl", "derma@example.nl", "third@example.nl"}));
}

TEST_P(NotificationServiceTest, AbsencesAreOnesOwnOrOfThePeopleOneCoordinates) {
  domain::Absence holiday{0, colleague_.user.id, "2026-07-01", "2026-07-20",
                          domain::AbsenceReason::kHoliday, {}, {}};
  EXPECT_EQ(notifications_->AddAbsence(specialist_, holiday).error().field, "user_id");
  EXPECT_EQ(notifications_->AddAbsence(other_coordinator_, holiday).error().field, "user_id");
  holiday.last_day = "2026-06-01";
  EXPECT_EQ(notifications_->AddAbsence(colleague_, holiday).error().field, "last_day");
  holiday.last_day = "2026-07-20";
  Result<AbsenceView> own = notifications_->AddAbsence(colleague_, holiday);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->person_name, "colleague");
  EXPECT_EQ(notifications_->Absences(coordinator_)->size(), 1u);
  EXPECT_TRUE(notifications_->Absences(specialist_)->empty());
  EXPECT_EQ(notifications_->RemoveAbsence(specialist_, own->absence.id).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(notifications_->RemoveAbsence(coordinator_, own->absence.id).ok());
  EXPECT_TRUE(notifications_->Absences(colleague_)->empty());
}

// Sent on a Friday afternoon before Koningsdag, with an escalation after 4 working hours: the
// weekend and the holiday do not count, so the pool and its coordinator hear of it on Tuesday.
TEST_P(NotificationServiceTest, AnUnclaimedConsultEscalatesAfterWorkingHoursOnce) {
  clock_.Set(SummerLocal(4, 24, 15));  // Friday 15:00
  SendConsult(gp_);
  Deliver();
  for (TimePoint t : {SummerLocal(4, 24, 17), SummerLocal(4, 25, 12), SummerLocal(4, 27, 16),
                      SummerLocal(4, 28, 9, 59)}) {
    clock_.Set(t);
    EXPECT_EQ(*outbox_->RaiseAlerts(), 0);
  }
  clock_.Set(SummerLocal(4, 28, 10));
  EXPECT_EQ(*outbox_->RaiseAlerts(), 1);
  EXPECT_EQ(*outbox_->RaiseAlerts(), 0);
  EXPECT_EQ(Deliver(), (Mails{"colleague@example.nl", "coordinator@example.nl",
                              "derma@example.nl", "third@example.nl"}));
  EXPECT_EQ(KindsOf(coordinator_), std::vector<EventKind>{EventKind::kUnclaimedEscalated});
  EXPECT_TRUE(KindsOf(other_coordinator_).empty());
}

TEST_P(NotificationServiceTest, AClaimedConsultDoesNotEscalateButTellsTheCoordinatorWhenOverdue) {
  clock_.Set(SummerLocal(4, 24, 15));  // Friday 15:00; due two working days later: Wednesday 15:00
  int64_t id = SendConsult(gp_);
  ExpectOk(consults_->Claim(specialist_, id));
  Deliver();
  clock_.Set(SummerLocal(4, 29, 14, 59));
  EXPECT_EQ(*outbox_->RaiseAlerts(), 0);
  clock_.Set(SummerLocal(4, 29, 15));
  EXPECT_EQ(*outbox_->RaiseAlerts(), 1);
  EXPECT_EQ(Deliver(), Mails{"coordinator@example.nl"});
  clock_.Set(SummerLocal(4, 30, 15));
  EXPECT_EQ(*outbox_->RaiseAlerts(), 0);  // once
}

TEST_P(NotificationServiceTest, AFailingMailServerIsRetriedWithBackoffUntilDeadAndTriedAgain) {
  SendConsult(gp_);
  mailer_.SetFailing(true);
  DeliveryPass pass = *outbox_->DeliverDue();
  EXPECT_EQ(pass.failed, 3);
  EXPECT_EQ(outbox_->DeliverDue()->failed, 0);  // not due again yet
  for (int attempt = 2; attempt <= domain::kMaxDeliveryAttempts; ++attempt) {
    clock_.Advance(hours(4));
    pass = *outbox_->DeliverDue();
  }
  EXPECT_EQ(pass.dead, 3);
  std::vector<OutboxEntry> dead = *outbox_->List(coordinator_, domain::MailStatus::kDead, 50);
  ASSERT_EQ(dead.size(), 3u);
  EXPECT_EQ(dead[0].attempts, domain::kMaxDeliveryAttempts);
  EXPECT_NE(dead[0].last_error.find("421"), std::string::npos);
  EXPECT_TRUE(outbox_->List(other_coordinator_, domain::MailStatus::kDead, 50)->empty());
  EXPECT_EQ(outbox_->List(specialist_, {}, 50).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(outbox_->Retry(other_coordinator_, dead[0].id).error().code, ErrorCode::kNotFound);
  mailer_.SetFailing(false);
  clock_.Advance(hours(24));
  EXPECT_EQ(outbox_->DeliverDue()->delivered, 0);  // dead stays dead
  ASSERT_TRUE(outbox_->Retry(coordinator_, dead[0].id).ok());
  EXPECT_EQ(outbox_->DeliverDue()->delivered, 1);
  EXPECT_EQ(outbox_->Retry(coordinator_, dead[0].id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(*outbox_->RetryAll(std::nullopt), 2);
  EXPECT_EQ(outbox_->DeliverDue()->delivered, 2);
  // Every try of a mail carried its one Message-ID: three mails, three ids.
  std::set<std::string> ids;
  for (const Mail& mail : mailer_.sent()) ids.insert(mail.message_id);
  EXPECT_EQ(ids.size(), 3u);
}

TEST_P(NotificationServiceTest, AnInvitationIsMailedWithItsLinkWhichIsForgottenAfterwards) {
  AccountService accounts(*db_, clock_);
  Principal coordinator = coordinator_;
  coordinator.login.token_hash = "recently-logged-in";
  coordinator.login.verified_at = clock_.Now();
  Result<Invitation> invited = accounts.Invite(
      coordinator, {"nieuw", "Dr. Nieuw", "nieuw@example.nl", {}, {{hospital_, Role::kSpecialist}}});
  ASSERT_TRUE(invited.ok()) << invited.error().message.en;
  EXPECT_EQ(Deliver(), Mails{"nieuw@example.nl"});
  EXPECT_NE(mailer_.sent()[0].text.find("https://meekijk.example.nl/wachtwoord-herstellen#" +
                                        invited->link.token),
            std::string::npos);
  std::vector<OutboxEntry> delivered = *outbox_->ListAll(domain::MailStatus::kDelivered, 10);
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_EQ(delivered[0].kind, EventKind::kInvitation);
}

// Two nodes with their own workers on one database: every mail is delivered once.
TEST_P(NotificationServiceTest, TwoNodesDeliverEachMailOnce) {
  for (int i = 0; i < 8; ++i) SendConsult(gp_);  // 24 mails
  std::unique_ptr<store::Database> other_db = place_->Open();
  OutboxOptions options{"https://meekijk.example.nl", "meekijk@example.nl"};
  options.batch = 2;
  OutboxService other(*other_db, clock_, &mailer_, options);
  OutboxService first(*db_, clock_, &mailer_, options);
  auto drain = [](OutboxService& node) {
    for (int round = 0; round < 30; ++round) EXPECT_TRUE(node.DeliverDue().ok());
  };
  std::thread a([&] { drain(first); });
  std::thread b([&] { drain(other); });
  a.join();
  b.join();
  std::multiset<std::string> ids;
  for (const Mail& mail : mailer_.sent()) ids.insert(mail.message_id);
  EXPECT_EQ(ids.size(), 24u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 24u);
}

TEST(OutboxServiceTest, TheMailDomainIsThePublicUrlsHost) {
  EXPECT_EQ(MailDomainOf("https://meekijk.example.nl:8443/app"), "meekijk.example.nl");
  EXPECT_EQ(MailDomainOf("http://127.0.0.1:8080"), "127.0.0.1");
  EXPECT_EQ(MailDomainOf("http://[::1]:8080"), "[::1]");
  EXPECT_EQ(MailDomainOf("meekijk.example.nl"), "meekijk.example.nl");
  EXPECT_EQ(MailDomainOf(""), "localhost");
}

INSTANTIATE_TEST_SUITE_P(Engines, NotificationServiceTest,
                         ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
