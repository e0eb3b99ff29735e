// The store contract, subscription part.
#include "store/subscriptions.h"

#include "store/api_clients.h"
#include "store/outbox.h"
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::minutes;

class SubscriptionRepositoryTest : public StoreTest {
 protected:
  static int64_t Client(ApiClientRepository& clients, const std::string& client_id,
                        int64_t organisation, int64_t user) {
    return *clients.Insert({0, client_id, "HIS " + client_id, organisation, user,
                            "system/Subscription.crud", "-----BEGIN PUBLIC KEY-----", user, kNow,
                            std::nullopt});
  }
  static SubscriptionRecord Hook(int64_t client, const std::string& endpoint) {
    return {0,  client, "Task?status=completed", endpoint, "application/fhir+json",
            "dossier", kNow, std::nullopt};
  }
};

TEST_P(SubscriptionRepositoryTest, AnOrganisationsActiveHooksAreThoseOfItsActiveClientsNotEnded) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ApiClientRepository clients = tx.api_clients();
    SubscriptionRepository hooks = tx.subscriptions();
    int64_t his = Client(clients, "his-noord", d.practice, d.gp);
    int64_t old_his = Client(clients, "his-oud", d.practice, d.gp);
    int64_t ehr = Client(clients, "ehr-maasstad", d.hospital, d.specialist);
    SubscriptionRecord first = Hook(his, "https://his.example/hook");
    MK_ASSIGN_OR_RETURN(first.id, hooks.Insert(first));
    SubscriptionRecord second = Hook(his, "https://his.example/other");
    second.payload = "";
    MK_ASSIGN_OR_RETURN(second.id, hooks.Insert(second));
    SubscriptionRecord of_old = Hook(old_his, "https://old.example/hook");
    MK_ASSIGN_OR_RETURN(of_old.id, hooks.Insert(of_old));
    SubscriptionRecord of_hospital = Hook(ehr, "https://ehr.example/hook");
    MK_ASSIGN_OR_RETURN(of_hospital.id, hooks.Insert(of_hospital));

    MK_ASSIGN_OR_RETURN(SubscriptionRecord found, Present(hooks.Find(second.id)));
    EXPECT_EQ(found, second);
    EXPECT_EQ(*hooks.OfClient(his), (std::vector<SubscriptionRecord>{second, first}));
    EXPECT_EQ(*hooks.ActiveOfOrganisation(d.practice),
              (std::vector<SubscriptionRecord>{first, second, of_old}));

    // A revoked client's and an ended subscription tell nobody any more.
    EXPECT_TRUE(*clients.Revoke(old_his, kNow + minutes(1)));
    EXPECT_TRUE(*hooks.End(second.id, kNow + minutes(2)));
    EXPECT_FALSE(*hooks.End(second.id, kNow + minutes(3)));
    EXPECT_EQ(*hooks.ActiveOfOrganisation(d.practice), std::vector<SubscriptionRecord>{first});
    EXPECT_EQ(*hooks.ActiveOfOrganisation(d.hospital), std::vector<SubscriptionRecord>{of_hospital});
    MK_ASSIGN_OR_RETURN(SubscriptionRecord ended, Present(hooks.Find(second.id)));
    EXPECT_EQ(ended.ended_at, kNow + minutes(2));
    EXPECT_FALSE(hooks.Find(of_hospital.id + 100)->has_value());
    return Ok();
  });
}

// A subscription's notifications wait in the outbox beside the mails, each taken only by the
// worker of its own channel; the subscription shows why its latest one failed until one is
// delivered.
TEST_P(SubscriptionRepositoryTest, NoticesWaitInTheOutboxApartFromMailsAndTellTheirLastError) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ApiClientRepository clients = tx.api_clients();
    int64_t his = Client(clients, "his-noord", d.practice, d.gp);
    MK_ASSIGN_OR_RETURN(int64_t hook, tx.subscriptions().Insert(Hook(his, "https://his.example/h")));
    OutboxMessage mail;
    mail.recipient = "huisarts@example.nl";
    mail.next_attempt_at = mail.created_at = kNow;
    MK_ASSIGN_OR_RETURN(mail.id, tx.outbox().Enqueue(mail));
    OutboxMessage notice = mail;
    notice.recipient = "https://his.example/h";
    notice.subscription_id = hook;
    MK_ASSIGN_OR_RETURN(notice.id, tx.outbox().Enqueue(notice));

    MK_ASSIGN_OR_RETURN(auto mails, tx.outbox().Take(kNow, kNow + minutes(2), 10, "mailer"));
    EXPECT_EQ(mails.size(), 1u);
    EXPECT_TRUE(!mails.empty() && mails[0].id == mail.id);
    MK_ASSIGN_OR_RETURN(auto notices, tx.outbox().Take(kNow, kNow + minutes(2), 10, "hooks",
                                                       OutboxChannel::kSubscription));
    EXPECT_EQ(notices.size(), 1u);
    EXPECT_TRUE(!notices.empty() && notices[0].id == notice.id &&
                notices[0].subscription_id == hook);

    EXPECT_EQ(*tx.subscriptions().LastError(hook), "");
    MK_RETURN_IF_ERROR(tx.outbox().MarkFailed(notice.id, "hooks", "http 503", kNow, false));
    EXPECT_EQ(*tx.subscriptions().LastError(hook), "http 503");
    EXPECT_TRUE(*tx.outbox().MarkDelivered(notice.id, kNow + minutes(1)));
    EXPECT_EQ(*tx.subscriptions().LastError(hook), "");
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(SubscriptionRepositoryTest);

}  // namespace
}  // namespace meekijk::store
