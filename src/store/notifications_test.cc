// The store contract, notifications part: the in-app list, choices, digests, alerts, rosters.
#include "store/notifications.h"

#include "store/rosters.h"
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using domain::EventKind;
using std::chrono::hours;

class NotificationRepositoryTest : public StoreTest {
 protected:
  static NotificationRecord Told(int64_t user, EventKind kind, const domain::Consult& consult,
                                 TimePoint at, bool in_digest = false) {
    return {0, user, kind, consult.id, consult.number, "dermatologie", at, {}, in_digest};
  }
};

TEST_P(NotificationRepositoryTest, KeepsWhatEachPersonIsToldNewestFirstWithTheUnreadCount) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::Consult consult = NewConsult(d, 1);
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    NotificationRepository notifications = tx.notifications();
    NotificationRecord first = Told(d.specialist, EventKind::kConsultSent, consult, kNow);
    MK_ASSIGN_OR_RETURN(first.id, notifications.Insert(first));
    MK_ASSIGN_OR_RETURN(int64_t second, notifications.Insert(
                            Told(d.specialist, EventKind::kReplied, consult, kNow + hours(1))));
    MK_ASSIGN_OR_RETURN(int64_t others, notifications.Insert(
                            Told(d.gp, EventKind::kConsultClaimed, consult, kNow)));
    MK_ASSIGN_OR_RETURN(auto listed, notifications.OfUser(d.specialist, std::nullopt, 10));
    EXPECT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].id, second);
    EXPECT_EQ(listed[1], first);
    MK_ASSIGN_OR_RETURN(auto older, notifications.OfUser(d.specialist, second, 10));
    EXPECT_EQ(older, std::vector<NotificationRecord>{first});
    EXPECT_EQ(*notifications.UnreadCount(d.specialist), 2);
    std::string before = *notifications.Fingerprint(d.specialist);
    // Reading another's notification changes nothing of theirs.
    EXPECT_EQ(*notifications.MarkRead(d.specialist, {others}, kNow), 0);
    EXPECT_EQ(*notifications.MarkRead(d.specialist, {first.id}, kNow), 1);
    EXPECT_EQ(*notifications.UnreadCount(d.specialist), 1);
    EXPECT_NE(*notifications.Fingerprint(d.specialist), before);
    EXPECT_EQ(*notifications.MarkConsultRead(d.specialist, consult.id, kNow), 1);
    EXPECT_EQ(*notifications.UnreadCount(d.specialist), 0);
    EXPECT_EQ(*notifications.UnreadCount(d.gp), 1);
    EXPECT_EQ(*notifications.MarkAllRead(d.gp, kNow), 1);
    EXPECT_EQ(*notifications.UnreadCount(d.gp), 0);
    return Ok();
  });
}

TEST_P(NotificationRepositoryTest, TheDigestTakesWhatWaitedForItOnce) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::Consult consult = NewConsult(d, 1);
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    NotificationRepository notifications = tx.notifications();
    MK_ASSIGN_OR_RETURN(int64_t waiting, notifications.Insert(Told(
                            d.gp, EventKind::kConsultClaimed, consult, kNow, true)));
    MK_RETURN_IF_ERROR(
        notifications.Insert(Told(d.gp, EventKind::kClosed, consult, kNow + hours(5), true)));
    MK_RETURN_IF_ERROR(notifications.Insert(Told(d.specialist, EventKind::kReplied, consult, kNow)));
    EXPECT_EQ(*notifications.UsersWithDigestWaiting(), std::vector<int64_t>{d.gp});
    MK_ASSIGN_OR_RETURN(auto due, notifications.DigestWaiting(d.gp, kNow + hours(1)));
    EXPECT_EQ(due.size(), 1u);
    if (due.empty()) return Ok();
    EXPECT_EQ(due[0].id, waiting);
    EXPECT_EQ(*notifications.TakeIntoDigest({waiting}), 1);
    EXPECT_EQ(*notifications.TakeIntoDigest({waiting}), 0);  // another node's digest took it
    EXPECT_TRUE(notifications.DigestWaiting(d.gp, kNow + hours(1))->empty());
    EXPECT_EQ(notifications.DigestWaiting(d.gp, kNow + hours(6))->size(), 1u);
    return Ok();
  });
}

TEST_P(NotificationRepositoryTest, ChoicesAreTheDefaultsUntilSavedAndThenReplacedWhole) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    NotificationRepository notifications = tx.notifications();
    MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices, notifications.Choices(d.gp));
    EXPECT_EQ(choices.language, domain::Language::kNl);
    EXPECT_EQ(choices.digest_hour, 8);
    EXPECT_TRUE(choices.chosen.empty());
    choices = {domain::Language::kEn, 17,
               {{EventKind::kAdviceGiven, domain::Delivery::kDigest},
                {EventKind::kDeclined, domain::Delivery::kOff}}};
    MK_RETURN_IF_ERROR(notifications.SaveChoices(d.gp, choices));
    MK_ASSIGN_OR_RETURN(domain::NotificationChoices saved, notifications.Choices(d.gp));
    EXPECT_EQ(saved.language, domain::Language::kEn);
    EXPECT_EQ(saved.digest_hour, 17);
    EXPECT_EQ(saved.chosen.size(), 2u);
    MK_RETURN_IF_ERROR(notifications.SaveChoices(d.gp, {domain::Language::kNl, 9, {}}));
    EXPECT_TRUE(notifications.Choices(d.gp)->chosen.empty());
    EXPECT_EQ(notifications.Choices(12345).error().code, ErrorCode::kNotFound);
    return Ok();
  });
}

TEST_P(NotificationRepositoryTest, AConsultGetsEachAlertOnceAndOnlyWhenItIsDue) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(domain::Agreement agreement, Present(tx.agreements().Find(d.agreement)));
    agreement.escalate_after_hours = 4;
    MK_RETURN_IF_ERROR(tx.agreements().Update(agreement));
    domain::Consult consult = NewConsult(d, 1);  // due a day after kNow
    consult.agreement_version = agreement.version + 1;
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    NotificationRepository notifications = tx.notifications();
    EXPECT_TRUE(notifications.EscalationCandidates(kNow + hours(0))->empty());  // not an hour yet
    MK_ASSIGN_OR_RETURN(auto escalating, notifications.EscalationCandidates(kNow + hours(2)));
    EXPECT_EQ(escalating.size(), 1u);
    if (escalating.empty()) return Ok();
    EXPECT_EQ(escalating[0].consult_id, consult.id);
    EXPECT_EQ(escalating[0].escalate_after_hours, 4);
    EXPECT_EQ(escalating[0].since, kNow);
    EXPECT_TRUE(notifications.OverdueCandidates(kNow + hours(23))->empty());
    EXPECT_EQ(notifications.OverdueCandidates(kNow + hours(24))->size(), 1u);
    EXPECT_TRUE(*notifications.RecordAlert(consult.id, EventKind::kUnclaimedEscalated, kNow));
    EXPECT_FALSE(*notifications.RecordAlert(consult.id, EventKind::kUnclaimedEscalated, kNow));
    EXPECT_TRUE(notifications.EscalationCandidates(kNow + hours(2))->empty());
    EXPECT_TRUE(*notifications.RecordAlert(consult.id, EventKind::kOverdue, kNow));
    EXPECT_TRUE(notifications.OverdueCandidates(kNow + hours(24))->empty());
    return Ok();
  });
}

TEST_P(NotificationRepositoryTest, RostersPerWeekAndAbsencesByDay) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    RosterRepository rosters = tx.rosters();
    EXPECT_TRUE(rosters.OnDuty(d.pool, "2026-W10")->empty());
    MK_RETURN_IF_ERROR(rosters.SetOnDuty(d.pool, "2026-W10", {d.specialist, d.gp}));
    MK_RETURN_IF_ERROR(rosters.SetOnDuty(d.pool, "2026-W10", {d.specialist}));
    EXPECT_EQ(*rosters.OnDuty(d.pool, "2026-W10"), std::vector<int64_t>{d.specialist});
    EXPECT_TRUE(rosters.OnDuty(d.pool, "2026-W11")->empty());
    domain::Absence away{0, d.specialist, "2026-03-02", "2026-03-06",
                         domain::AbsenceReason::kIllness, d.gp, {}};
    MK_ASSIGN_OR_RETURN(away.id, rosters.InsertAbsence(away, kNow));
    MK_ASSIGN_OR_RETURN(domain::Absence stored, Present(rosters.FindAbsence(away.id)));
    away.created_at = kNow;
    EXPECT_EQ(stored, away);
    std::vector<int64_t> both{d.specialist, d.gp};
    EXPECT_EQ(*rosters.AbsentOn(both, "2026-03-06"), std::vector<int64_t>{d.specialist});
    EXPECT_TRUE(rosters.AbsentOn(both, "2026-03-07")->empty());
    EXPECT_TRUE(rosters.AbsentOn(both, "2026-03-01")->empty());
    EXPECT_EQ(rosters.AbsencesOf(both, "2026-03-06")->size(), 1u);
    EXPECT_TRUE(rosters.AbsencesOf(both, "2026-03-07")->empty());
    MK_RETURN_IF_ERROR(rosters.DeleteAbsence(away.id));
    EXPECT_EQ(*rosters.FindAbsence(away.id), std::nullopt);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(NotificationRepositoryTest);

}  // namespace
}  // namespace meekijk::store
