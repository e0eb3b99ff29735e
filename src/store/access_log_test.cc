// The store contract, access-log part.
#include "store/access_log.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class AccessLogRepositoryTest : public StoreTest {};

TEST_P(AccessLogRepositoryTest, AppendsAndListsNewestFirst) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AccessLogRepository access_log = tx.access_log();
    auto entry_for = [&](std::string action) {
      AccessLogEntry e;
      e.at = kNow;
      e.user_id = d.gp;
      e.username = "huisarts";
      e.role = "gp";
      e.organisation_id = d.practice;
      e.on_behalf_of = d.specialist;
      e.action = std::move(action);
      e.consult_id = 7;
      e.patient_ref = "MK-2026-00007";
      e.detail = "detail";
      e.client_address = "127.0.0.1";
      e.request_id = "req-1";
      e.outcome = "success";
      return e;
    };
    AccessLogEntry entry = entry_for("consult.read");
    MK_ASSIGN_OR_RETURN(entry.id, access_log.Append(entry));
    AccessLogEntry later = entry_for("consult.list");
    MK_ASSIGN_OR_RETURN(later.id, access_log.Append(later));
    MK_ASSIGN_OR_RETURN(auto log, access_log.List(7, 10));
    EXPECT_EQ(log, (std::vector<AccessLogEntry>{later, entry}));
    MK_ASSIGN_OR_RETURN(auto all, access_log.List(std::nullopt, 1));
    EXPECT_EQ(all.size(), 1u);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(AccessLogRepositoryTest);

}  // namespace
}  // namespace meekijk::store
