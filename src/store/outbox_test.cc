// The store contract, outbox part: taking due mails for a lease, delivered once, retried, dead.
#include "store/outbox.h"

#include <thread>

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using domain::MailStatus;
using std::chrono::minutes;
using std::chrono::seconds;

class OutboxRepositoryTest : public StoreTest {
 protected:
  static OutboxMessage Mail(std::string recipient, TimePoint due) {
    OutboxMessage mail;
    mail.recipient = std::move(recipient);
    mail.kind = domain::EventKind::kAdviceGiven;
    mail.consult_number = "MK-2026-00042";
    mail.specialty = "dermatologie";
    mail.next_attempt_at = due;
    mail.created_at = kNow;
    return mail;
  }

  std::vector<int64_t> Take(TimePoint now, TimePoint lease_until, int limit = 10,
                            const std::string& token = "worker-a") {
    std::vector<int64_t> ids;
    Write([&](Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(std::vector<OutboxMessage> taken,
                          tx.outbox().Take(now, lease_until, limit, token));
      for (const OutboxMessage& mail : taken) ids.push_back(mail.id);
      return Ok();
    });
    return ids;
  }
};

TEST_P(OutboxRepositoryTest, ATakenMailIsLeasedThenDeliveredOnceAndNeverTakenAgain) {
  int64_t first = 0, later = 0;
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(first, tx.outbox().Enqueue(Mail("a@example.nl", kNow)));
    MK_ASSIGN_OR_RETURN(later, tx.outbox().Enqueue(Mail("b@example.nl", kNow + minutes(5))));
    return Ok();
  });
  EXPECT_EQ(Take(kNow, kNow + minutes(2)), std::vector<int64_t>{first});
  // Leased: not due again until the lease ends (a worker that died leaves it to another).
  EXPECT_TRUE(Take(kNow + minutes(1), kNow + minutes(3)).empty());
  EXPECT_EQ(Take(kNow + minutes(2), kNow + minutes(4), 10, "worker-b"),
            std::vector<int64_t>{first});
  Write([&](Tx& tx) -> Result<void> {
    // The first worker's lease ran out: it may no longer send the mail, nor mark it failed.
    EXPECT_FALSE(*tx.outbox().Renew(first, "worker-a", kNow + minutes(5)));
    MK_RETURN_IF_ERROR(tx.outbox().MarkFailed(first, "worker-a", "late", kNow, true));
    MK_ASSIGN_OR_RETURN(OutboxMessage held, Present(tx.outbox().Find(first)));
    EXPECT_EQ(held.status, MailStatus::kPending);
    EXPECT_EQ(held.claimed_by, "worker-b");
    EXPECT_FALSE(*tx.outbox().Retry(first, kNow + minutes(3)));  // being delivered right now
    EXPECT_TRUE(*tx.outbox().Renew(first, "worker-b", kNow + minutes(5)));
    return Ok();
  });
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_TRUE(*tx.outbox().MarkDelivered(first, kNow + minutes(2)));
    EXPECT_FALSE(*tx.outbox().MarkDelivered(first, kNow + minutes(3)));
    MK_ASSIGN_OR_RETURN(OutboxMessage delivered, Present(tx.outbox().Find(first)));
    EXPECT_EQ(delivered.status, MailStatus::kDelivered);
    EXPECT_EQ(delivered.attempts, 2);
    EXPECT_EQ(delivered.delivered_at, kNow + minutes(2));
    return Ok();
  });
  EXPECT_EQ(Take(kNow + minutes(10), kNow + minutes(12)), std::vector<int64_t>{later});
}

TEST_P(OutboxRepositoryTest, AFailedMailIsDueAgainLaterOrDeadAndATryAgainRevivesIt) {
  int64_t id = 0;
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(id, tx.outbox().Enqueue(Mail("a@example.nl", kNow)));
    return Ok();
  });
  ASSERT_EQ(Take(kNow, kNow + minutes(2)).size(), 1u);
  Write([&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.outbox().MarkFailed(id, "worker-a", std::string(1000, 'x'),
                                              kNow + seconds(30), false));
    MK_ASSIGN_OR_RETURN(OutboxMessage failed, Present(tx.outbox().Find(id)));
    EXPECT_EQ(failed.status, MailStatus::kPending);
    EXPECT_EQ(failed.last_error.size(), 300u);
    EXPECT_EQ(failed.next_attempt_at, kNow + seconds(30));
    return Ok();
  });
  ASSERT_EQ(Take(kNow + seconds(30), kNow + minutes(3)).size(), 1u);
  Write([&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.outbox().MarkFailed(id, "worker-a", "550 no such user", kNow, true));
    MK_ASSIGN_OR_RETURN(OutboxCounts counts, tx.outbox().Counts());
    EXPECT_EQ(counts.dead, 1);
    EXPECT_EQ(counts.pending, 0);
    EXPECT_EQ(tx.outbox().List(MailStatus::kDead, std::nullopt, 10)->size(), 1u);
    EXPECT_TRUE(tx.outbox().List(MailStatus::kDead, std::vector<int64_t>{}, 10)->empty());
    return Ok();
  });
  EXPECT_TRUE(Take(kNow + minutes(60), kNow + minutes(62)).empty());
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_TRUE(*tx.outbox().Retry(id, kNow + minutes(60)));
    MK_ASSIGN_OR_RETURN(OutboxMessage revived, Present(tx.outbox().Find(id)));
    EXPECT_EQ(revived.status, MailStatus::kPending);
    EXPECT_EQ(revived.attempts, 0);
    return Ok();
  });
  EXPECT_EQ(Take(kNow + minutes(60), kNow + minutes(62)), std::vector<int64_t>{id});
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_TRUE(*tx.outbox().MarkDelivered(id, kNow + minutes(61)));
    EXPECT_FALSE(*tx.outbox().Retry(id, kNow + minutes(70)));  // delivered is never sent again
    return Ok();
  });
}

TEST_P(OutboxRepositoryTest, AnInvitationsLinkIsSealedWhileItWaitsAndForgottenAfterwards) {
  const std::string token = "0123456789abcdef-the-link-token";
  int64_t delivered_id = 0, dead_id = 0;
  Write([&](Tx& tx) -> Result<void> {
    OutboxMessage invitation = Mail("new@example.nl", kNow);
    invitation.kind = domain::EventKind::kInvitation;
    invitation.payload = token;
    MK_ASSIGN_OR_RETURN(delivered_id, tx.outbox().Enqueue(invitation));
    MK_ASSIGN_OR_RETURN(dead_id, tx.outbox().Enqueue(invitation));
    MK_ASSIGN_OR_RETURN(OutboxMessage waiting, Present(tx.outbox().Find(delivered_id)));
    EXPECT_EQ(waiting.payload, token);
    MK_ASSIGN_OR_RETURN(Rows raw, tx.connection().Query("SELECT payload FROM outbox"));
    for (const Row& row : raw) EXPECT_EQ(row.Text(0).find(token), std::string::npos);
    return Ok();
  });
  ASSERT_EQ(Take(kNow, kNow + minutes(2)).size(), 2u);
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_TRUE(*tx.outbox().MarkDelivered(delivered_id, kNow));
    MK_RETURN_IF_ERROR(tx.outbox().MarkFailed(dead_id, "worker-a", "550", kNow, true));
    for (int64_t id : {delivered_id, dead_id}) {
      MK_ASSIGN_OR_RETURN(OutboxMessage done, Present(tx.outbox().Find(id)));
      EXPECT_EQ(done.payload, "");
    }
    // A dead invitation cannot be tried again: its link is gone; a new one is made instead.
    EXPECT_FALSE(*tx.outbox().Retry(dead_id, kNow));
    return Ok();
  });
}

TEST_P(OutboxRepositoryTest, CountsWhatWaitsAndForgetsOldDeliveredMails) {
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(int64_t old, tx.outbox().Enqueue(Mail("a@example.nl", kNow)));
    MK_ASSIGN_OR_RETURN(int64_t recent, tx.outbox().Enqueue(Mail("b@example.nl", kNow)));
    MK_RETURN_IF_ERROR(tx.outbox().Enqueue(Mail("c@example.nl", kNow)));
    EXPECT_TRUE(*tx.outbox().MarkDelivered(old, kNow));
    EXPECT_TRUE(*tx.outbox().MarkDelivered(recent, kNow + minutes(10)));
    MK_ASSIGN_OR_RETURN(OutboxCounts counts, tx.outbox().Counts());
    EXPECT_EQ(counts.pending, 1);
    EXPECT_EQ(*tx.outbox().PurgeDelivered(kNow + minutes(5)), 1);
    EXPECT_EQ(*tx.outbox().Find(old), std::nullopt);
    EXPECT_NE(*tx.outbox().Find(recent), std::nullopt);
    return Ok();
  });
}

// Several nodes take from one queue: each mail is taken by exactly one of them.
TEST_P(OutboxRepositoryTest, ConcurrentWorkersNeverTakeTheSameMail) {
  constexpr int kMails = 60;
  Write([&](Tx& tx) -> Result<void> {
    for (int i = 0; i < kMails; ++i) {
      MK_RETURN_IF_ERROR(tx.outbox().Enqueue(Mail("a@example.nl", kNow)));
    }
    return Ok();
  });
  std::unique_ptr<Database> other_node = place_->Open();
  std::vector<int64_t> taken[2];
  auto work = [&](Database& db, std::vector<int64_t>& out) {
    for (int round = 0; round < 40; ++round) {
      Result<void> done = db.Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
        MK_ASSIGN_OR_RETURN(auto mails, tx.outbox().Take(kNow, kNow + minutes(5), 3, "node"));
        for (const OutboxMessage& mail : mails) out.push_back(mail.id);
        return Ok();
      });
      EXPECT_TRUE(done.ok());
    }
  };
  std::thread a([&] { work(*db_, taken[0]); });
  std::thread b([&] { work(*other_node, taken[1]); });
  a.join();
  b.join();
  std::vector<int64_t> all = taken[0];
  all.insert(all.end(), taken[1].begin(), taken[1].end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kMails));
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
}

MEEKIJK_STORE_SUITE(OutboxRepositoryTest);

}  // namespace
}  // namespace meekijk::store
