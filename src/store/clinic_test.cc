// The store contract, clinic part: sessions with their practices and slots, a slot booked once,
// waiting lists in order, and a purged consult leaving no booking behind.
#include "store/clinic.h"

#include <gtest/gtest.h>

#include "store/consults.h"
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class ClinicRepositoryTest : public StoreTest {
 protected:
  domain::ClinicSession Session(const Region& d) {
    domain::ClinicSession session;
    session.agreement_id = d.agreement;
    session.pool_id = d.pool;
    session.specialist_id = d.specialist;
    session.practice_ids = {d.practice};
    session.location = "Praktijk Noord, kamer 2";
    session.day = "2026-12-08";
    session.starts_minute = 13 * 60;
    session.slot_minutes = 20;
    session.slot_count = 3;
    return session;
  }
};

TEST_P(ClinicRepositoryTest, KeepsASessionWithItsPracticesAndFreeSlots) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ClinicRepository clinic = tx.clinic();
    MK_ASSIGN_OR_RETURN(int64_t id, clinic.InsertSession(Session(d), kNow));
    MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSession> found, clinic.FindSession(id));
    EXPECT_EQ(found->practice_ids, std::vector<int64_t>{d.practice});
    EXPECT_EQ(found->status, domain::SessionStatus::kPlanned);
    EXPECT_EQ(found->version, 1);
    MK_ASSIGN_OR_RETURN(std::vector<domain::ClinicSlot> slots, clinic.Slots({id}));
    EXPECT_EQ(slots.size(), 3u);
    EXPECT_EQ(slots.at(2).position, 2);
    EXPECT_FALSE(slots.at(0).consult_id.has_value());
    MK_ASSIGN_OR_RETURN(auto upcoming, clinic.UpcomingFor(d.pool, d.practice, "2026-12-01", 5));
    EXPECT_EQ(upcoming.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto later, clinic.UpcomingFor(d.pool, d.practice, "2026-12-09", 5));
    EXPECT_TRUE(later.empty());
    // A change to an old version is refused.
    found->location = "Elders";
    MK_RETURN_IF_ERROR(clinic.UpdateSession(*found));
    EXPECT_EQ(clinic.UpdateSession(*found).error().reason, "stale_version");
    return Ok();
  });
}

TEST_P(ClinicRepositoryTest, ASlotIsBookedOnceAndAPurgedConsultLeavesNoBooking) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ClinicRepository clinic = tx.clinic();
    MK_ASSIGN_OR_RETURN(int64_t session, clinic.InsertSession(Session(d), kNow));
    MK_ASSIGN_OR_RETURN(std::vector<domain::ClinicSlot> slots, clinic.Slots({session}));
    MK_ASSIGN_OR_RETURN(int64_t first, tx.consults().Insert(NewConsult(d, 1)));
    MK_ASSIGN_OR_RETURN(int64_t second, tx.consults().Insert(NewConsult(d, 2)));
    MK_ASSIGN_OR_RETURN(bool booked, clinic.BookSlot(slots[0].id, first, kNow));
    EXPECT_TRUE(booked);
    MK_ASSIGN_OR_RETURN(bool again, clinic.BookSlot(slots[0].id, second, kNow));
    EXPECT_FALSE(again);
    MK_RETURN_IF_ERROR(clinic.AddWaiting({session, second, kNow}));
    MK_ASSIGN_OR_RETURN(auto waiting, clinic.Waiting({session}));
    EXPECT_EQ(waiting.size(), 1u);

    MK_RETURN_IF_ERROR(tx.consults().Purge(first));
    MK_RETURN_IF_ERROR(tx.consults().Purge(second));
    MK_ASSIGN_OR_RETURN(std::optional<domain::ClinicSlot> freed, clinic.FindSlot(slots[0].id));
    EXPECT_FALSE(freed->consult_id.has_value());
    MK_ASSIGN_OR_RETURN(auto none_waiting, clinic.Waiting({session}));
    EXPECT_TRUE(none_waiting.empty());
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(ClinicRepositoryTest);

}  // namespace
}  // namespace meekijk::store
