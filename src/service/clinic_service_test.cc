// The physical meekijkconsult as a specification: planning sessions and series, who sees and
// changes them, booking into slots and waiting lists (and the race for the last slot), the day
// list and attendance, moving and cancelling with the GPs told, and the calendar feed.
#include "service/clinic_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "auth/password.h"
#include "service/access_log.h"
#include "service/consult_service.h"
#include "service/directory_service.h"
#include "service/notification_service.h"
#include "service/region_service.h"
#include "store/access_log.h"
#include "store/database.h"
#include "store/tx.h"
#include "testing/principals.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::Attendance;
using domain::ConsultStatus;
using domain::EventKind;
using domain::Role;
using std::chrono::hours;
using testing::Engine;

// Monday 7 December 2026, 10:00 in Amsterdam (09:00 UTC).
const TimePoint kMonday = std::chrono::sys_days{std::chrono::year{2026} / 12 / 7} + hours(9);

class ClinicServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    access_log_ = std::make_unique<AccessLog>(*db_, clock_);
    consults_ = std::make_unique<ConsultService>(*db_, clock_, *access_log_);
    clinic_ = std::make_unique<ClinicService>(*db_, clock_, *access_log_);
    notifications_ = std::make_unique<NotificationService>(*db_, clock_);
    DirectoryService directory(*db_, clock_);
    int64_t care_group = *directory.AddOrganisation(
        {0, domain::OrgKind::kCareGroup, "Zorggroep Zuid", "12345678", {}, "Rotterdam"});
    practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "De Linde", "01000001", care_group, "Rotterdam"});
    other_practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "De Esch", "01000002", care_group, "Rotterdam"});
    int64_t outside_practice = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Elders", "01000003", {}, "Utrecht"});
    int64_t hospital = *directory.AddOrganisation(
        {0, domain::OrgKind::kHospital, "Maasstad", "06000001", {}, "Rotterdam"});
    int64_t other_hospital = *directory.AddOrganisation(
        {0, domain::OrgKind::kHospital, "Ikazia", "06000002", {}, "Rotterdam"});
    std::string hash = *auth::HashPassword("wachtwoord-123");
    auto user = [&](const char* name, int64_t organisation, Role role) {
      return Load(*directory.AddUserWithHash(
          {name, name, std::string(name) + "@example.nl", {}, "", {{organisation, role}}}, hash));
    };
    gp_ = user("gp", practice_, Role::kGp);
    assistant_ = user("assistant", practice_, Role::kAssistant);
    other_gp_ = user("other_gp", other_practice_, Role::kGp);
    outside_gp_ = user("outside_gp", outside_practice, Role::kGp);
    specialist_ = user("derma", hospital, Role::kSpecialist);
    colleague_ = user("colleague", hospital, Role::kSpecialist);
    stranger_ = user("stranger", other_hospital, Role::kSpecialist);
    hospital_coordinator_ = user("hospital_coordinator", hospital, Role::kCoordinator);
    care_group_coordinator_ = user("care_group_coordinator", care_group, Role::kCoordinator);
    other_coordinator_ = user("other_coordinator", other_hospital, Role::kCoordinator);
    practice_coordinator_ = user("practice_coordinator", practice_, Role::kCoordinator);
    EXPECT_TRUE(directory.AddSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    Principal admin = user("admin", care_group, Role::kAdmin);
    RegionService region(*db_, clock_);
    pool_ = region.CreatePool(admin, {hospital, "dermatologie", "Dermatologie",
                                      {specialist_.user.id, colleague_.user.id}})
                ->pool.id;
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {care_group};
    agreement.pool_id = pool_;
    agreement.modes = {domain::ConsultMode::kDigital, domain::ConsultMode::kPhysical};
    agreement.response_days = 10;
    agreement.slot_minutes = 20;
    agreement.valid_from = "2026-01-01";
    agreement.valid_until = "2027-12-31";
    agreement_ = region.CreateAgreement(admin, agreement)->agreement.id;
    agreement.modes = {domain::ConsultMode::kDigital};
    agreement.gp_organisation_ids = {outside_practice};
    digital_only_ = region.CreateAgreement(admin, agreement)->agreement.id;
    // The principals again, now that the pool exists.
    specialist_ = Load(specialist_.user.id);
    colleague_ = Load(colleague_.user.id);
  }

  Principal Load(int64_t user_id) { return testing::LoadPrincipal(*db_, user_id); }

  NewClinicSession Request(std::string day = "2026-12-08") {
    NewClinicSession request;
    request.agreement_id = agreement_;
    request.specialist_id = specialist_.user.id;
    request.practice_ids = {practice_, other_practice_};
    request.location = "Gezondheidscentrum Zuid, spreekkamer 2";
    request.day = std::move(day);
    request.starts_minute = 13 * 60;
    request.ends_minute = 14 * 60;  // three slots of 20 minutes
    return request;
  }

  ClinicSessionView PlanOne(std::string day = "2026-12-08") {
    Result<PlannedSessions> planned = clinic_->Plan(hospital_coordinator_, Request(std::move(day)));
    EXPECT_TRUE(planned.ok()) << planned.error().message.en;
    return planned->sessions.at(0);
  }

  int64_t SendConsult(const Principal& gp, domain::ConsultMode mode = domain::ConsultMode::kPhysical) {
    NewConsult request;
    request.content.specialty = "dermatologie";
    request.content.mode = mode;
    request.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
    request.content.icpc = "S87";
    request.content.question = "Constitutioneel eczeem of psoriasis?";
    request.content.clinical_summary = "Jeuk en schilfering sinds maart.";
    request.content.intended_referral = true;
    request.content.consent = true;
    request.send = true;
    Result<domain::Consult> consult = consults_->Create(gp, request);
    EXPECT_TRUE(consult.ok()) << consult.error().message.en;
    return consult.ok() ? consult->id : 0;
  }

  std::vector<int64_t> SlotIds(int64_t session_id) {
    std::vector<int64_t> ids;
    Result<ClinicSessionView> session = clinic_->Session(hospital_coordinator_, session_id);
    EXPECT_TRUE(session.ok());
    if (!session.ok()) return ids;
    for (const SlotView& slot : session->slots) ids.push_back(slot.slot.id);
    return ids;
  }

  Result<Booking> BookSlot(const Principal& who, int64_t consult_id, int64_t slot_id) {
    return clinic_->Book(who, consult_id, BookingRequest{slot_id, {}});
  }

  bool Told(const Principal& who, EventKind kind) {
    Result<NotificationPage> page = notifications_->List(who, {}, 100);
    if (!page.ok()) return false;
    return std::any_of(page->items.begin(), page->items.end(),
                       [&](const NotificationView& n) { return n.kind == kind; });
  }

  std::vector<std::string> LoggedActions(int64_t consult_id) {
    return *store::Transact<std::vector<std::string>>(
        *db_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<std::string>> {
          MK_ASSIGN_OR_RETURN(std::vector<store::AccessLogEntry> entries,
                              tx.access_log().List(consult_id, 100));
          std::vector<std::string> actions;
          for (const auto& e : entries) actions.push_back(e.action + ":" + e.outcome);
          return actions;
        });
  }

  FakeClock clock_{kMonday};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<ConsultService> consults_;
  std::unique_ptr<ClinicService> clinic_;
  std::unique_ptr<NotificationService> notifications_;
  int64_t practice_ = 0, other_practice_ = 0, pool_ = 0, agreement_ = 0, digital_only_ = 0;
  Principal gp_, assistant_, other_gp_, outside_gp_, specialist_, colleague_, stranger_,
      hospital_coordinator_, care_group_coordinator_, other_coordinator_, practice_coordinator_;
};

TEST_P(ClinicServiceTest, ASeriesSkipsTheHolidaysAndHasSlotsOfTheAgreedLength) {
  NewClinicSession request = Request("2026-12-18");  // a Friday
  request.ends_minute = 15 * 60;
  request.repeat = domain::Recurrence{1, 4};  // 18 and 25 Dec, 1 and 8 Jan
  Result<PlannedSessions> planned = clinic_->Plan(care_group_coordinator_, request);
  ASSERT_TRUE(planned.ok()) << planned.error().message.en;
  ASSERT_EQ(planned->sessions.size(), 2u);
  EXPECT_EQ(planned->sessions[0].session.day, "2026-12-18");
  EXPECT_EQ(planned->sessions[1].session.day, "2027-01-08");
  EXPECT_EQ(planned->skipped_days, (std::vector<std::string>{"2026-12-25", "2027-01-01"}));
  const ClinicSessionView& first = planned->sessions[0];
  EXPECT_EQ(first.session.slot_minutes, 20);
  EXPECT_EQ(first.session.slot_count, 6);
  EXPECT_EQ(first.session.series_id, first.session.id);
  EXPECT_EQ(planned->sessions[1].session.series_id, first.session.id);
  EXPECT_DOUBLE_EQ(first.fill_rate, 0.0);
  Result<ClinicSessionView> detail = clinic_->Session(gp_, first.session.id);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->slots.size(), 6u);
  EXPECT_EQ(detail->slots[1].starts_at - detail->slots[0].starts_at, std::chrono::minutes(20));
  EXPECT_TRUE(detail->may_book);
  EXPECT_FALSE(detail->may_change);
}

TEST_P(ClinicServiceTest, PlanningIsForCoordinatorsOfEitherSideWithinTheAgreement) {
  EXPECT_EQ(clinic_->Plan(gp_, Request()).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(clinic_->Plan(other_coordinator_, Request()).error().field, "agreement_id");
  NewClinicSession digital = Request();
  digital.agreement_id = digital_only_;
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, digital).error().field, "agreement_id");
  NewClinicSession stranger = Request();
  stranger.specialist_id = stranger_.user.id;
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, stranger).error().field, "specialist_id");
  NewClinicSession outside = Request();
  outside.practice_ids = {outside_gp_.memberships[0].organisation_id};
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, outside).error().field, "practice_ids");
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, Request("2026-12-04")).error().field, "day");
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, Request("2026-12-12")).error().field, "day");
  PlanOne();
  // The specialist cannot be in two places at once.
  NewClinicSession overlapping = Request();
  overlapping.starts_minute = 13 * 60 + 40;
  overlapping.ends_minute = 15 * 60;
  EXPECT_EQ(clinic_->Plan(hospital_coordinator_, overlapping).error().code, ErrorCode::kConflict);
}

TEST_P(ClinicServiceTest, OnlyThoseInvolvedSeeASession) {
  int64_t id = PlanOne().session.id;
  for (const Principal* who : {&gp_, &assistant_, &other_gp_, &specialist_, &colleague_,
                               &hospital_coordinator_, &care_group_coordinator_}) {
    EXPECT_TRUE(clinic_->Session(*who, id).ok()) << who->user.username;
    EXPECT_EQ(clinic_->Sessions(*who, "2026-12-01", "2026-12-31")->size(), 1u);
  }
  for (const Principal* who : {&outside_gp_, &stranger_, &other_coordinator_}) {
    EXPECT_EQ(clinic_->Session(*who, id).error().code, ErrorCode::kNotFound) << who->user.username;
    EXPECT_TRUE(clinic_->Sessions(*who, "2026-12-01", "2026-12-31")->empty());
  }
  // A coordinator of one of the two practices sees the shared session but does not move it for
  // the other practice's patients.
  Result<ClinicSessionView> partly = clinic_->Session(practice_coordinator_, id);
  ASSERT_TRUE(partly.ok());
  EXPECT_FALSE(partly->may_change);
  EXPECT_EQ(clinic_->Change(practice_coordinator_, id, {partly->session.version, "2026-12-09", {}, {}})
                .error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(clinic_->Cancel(practice_coordinator_, id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(clinic_->Sessions(gp_, "2026-12-31", "2026-12-01").error().field, "to");
  EXPECT_EQ(clinic_->Sessions(gp_, "2026-01-01", "2027-12-31").error().field, "to");
}

TEST_P(ClinicServiceTest, AGpBooksAPhysicalConsultAndTheSessionsSpecialistHoldsIt) {
  int64_t session = PlanOne().session.id;
  int64_t consult = SendConsult(gp_);
  Result<std::vector<ClinicSessionView>> options = clinic_->BookingOptions(gp_, consult);
  ASSERT_TRUE(options.ok()) << options.error().message.en;
  ASSERT_EQ(options->size(), 1u);
  EXPECT_EQ(options->at(0).slots.size(), 3u);
  int64_t slot = options->at(0).slots[1].slot.id;

  Result<Booking> booking = BookSlot(gp_, consult, slot);
  ASSERT_TRUE(booking.ok()) << booking.error().message.en;
  EXPECT_EQ(booking->slot_id, slot);
  EXPECT_EQ(booking->location, "Gezondheidscentrum Zuid, spreekkamer 2");
  EXPECT_EQ(booking->specialist_name, "derma");
  Result<ConsultDetail> detail = consults_->Get(gp_, consult);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->consult.status, ConsultStatus::kClaimed);
  EXPECT_EQ(detail->consult.specialist_id, specialist_.user.id);
  EXPECT_EQ(detail->booking, *booking);
  EXPECT_TRUE(Told(specialist_, EventKind::kBooked));

  // The session shows the booking: number and practice to those involved, nothing to the other
  // practice's GP.
  ClinicSessionView seen = *clinic_->Session(specialist_, session);
  EXPECT_EQ(seen.booked, 1);
  EXPECT_NEAR(seen.fill_rate, 1.0 / 3, 1e-9);
  EXPECT_EQ(seen.slots[1].practice_name, "De Linde");
  EXPECT_EQ(seen.slots[1].consult_id, consult);
  ClinicSessionView other = *clinic_->Session(other_gp_, session);
  EXPECT_TRUE(other.slots[1].booked);
  EXPECT_EQ(other.slots[1].consult_number, "");
  EXPECT_FALSE(other.slots[1].consult_id.has_value());

  // Booking again moves the consult; the old slot is free again.
  ASSERT_TRUE(BookSlot(gp_, consult, options->at(0).slots[2].slot.id).ok());
  EXPECT_FALSE(clinic_->Session(gp_, session)->slots[1].booked);
  EXPECT_EQ(clinic_->Session(gp_, session)->booked, 1);
  std::vector<std::string> logged = LoggedActions(consult);
  EXPECT_NE(std::find(logged.begin(), logged.end(), "consult.book:success"), logged.end());
}

TEST_P(ClinicServiceTest, BookingRefusesWhatDoesNotFit) {
  int64_t session = PlanOne().session.id;
  std::vector<int64_t> slots = SlotIds(session);
  int64_t consult = SendConsult(gp_);
  // Not the practice's to book, or not a consult for a session.
  EXPECT_EQ(BookSlot(specialist_, consult, slots[0]).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(BookSlot(other_gp_, consult, slots[0]).error().code, ErrorCode::kNotFound);
  int64_t digital = SendConsult(gp_, domain::ConsultMode::kDigital);
  EXPECT_EQ(BookSlot(gp_, digital, slots[0]).error().code, ErrorCode::kConflict);
  EXPECT_EQ(clinic_->Book(gp_, consult, BookingRequest{}).error().field, "slot_id");
  EXPECT_EQ(clinic_->Book(gp_, consult, BookingRequest{slots[0], session}).error().field, "slot_id");
  EXPECT_EQ(BookSlot(gp_, consult, 999999).error().field, "slot_id");
  // A slot is booked once.
  ASSERT_TRUE(BookSlot(gp_, consult, slots[0]).ok());
  int64_t second = SendConsult(gp_);
  Result<Booking> taken = BookSlot(assistant_, second, slots[0]);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(consults_->Get(gp_, second)->booking.has_value());
}

TEST_P(ClinicServiceTest, ADigitalConsultAdvisedToComeIsBookedAndKeepsItsThread) {
  PlanOne();
  int64_t consult = SendConsult(gp_, domain::ConsultMode::kDigital);
  ASSERT_TRUE(consults_->Claim(colleague_, consult).ok());
  ASSERT_TRUE(consults_->GiveAdvice(colleague_, consult, domain::Recommendation::kPhysicalSession,
                                    "Graag zien op het meekijkspreekuur.")
                  .ok());
  Result<std::vector<ClinicSessionView>> options = clinic_->BookingOptions(gp_, consult);
  ASSERT_TRUE(options.ok()) << options.error().message.en;
  ASSERT_TRUE(BookSlot(gp_, consult, options->at(0).slots[0].slot.id).ok());
  ConsultDetail detail = *consults_->Get(gp_, consult);
  EXPECT_EQ(detail.consult.status, ConsultStatus::kClaimed);
  EXPECT_EQ(detail.consult.specialist_id, specialist_.user.id);
  ASSERT_EQ(detail.thread.size(), 1u);  // the advice stays in the thread
  EXPECT_EQ(detail.thread[0].recommendation, domain::Recommendation::kPhysicalSession);
  // Until the specialist advises again, the booking can move.
  ASSERT_TRUE(BookSlot(gp_, consult, options->at(0).slots[1].slot.id).ok());
  // The specialist gives advice after seeing the patient; the GP closes as ever.
  ASSERT_TRUE(consults_->GiveAdvice(specialist_, consult, domain::Recommendation::kPrimaryCare,
                                    "Gezien: psoriasis, start calcipotriol.")
                  .ok());
  EXPECT_EQ(clinic_->BookingOptions(gp_, consult).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(consults_->Close(gp_, consult, {domain::OutcomeKind::kPrimaryCare, true, 5}).ok());
}

TEST_P(ClinicServiceTest, TheWaitingListFillsAFreedSlot) {
  NewClinicSession one_slot = Request();
  one_slot.ends_minute = 13 * 60 + 20;
  int64_t session = clinic_->Plan(hospital_coordinator_, one_slot)->sessions.at(0).session.id;
  int64_t slot = SlotIds(session).at(0);
  int64_t first = SendConsult(gp_);
  int64_t second = SendConsult(other_gp_);
  ASSERT_TRUE(BookSlot(gp_, first, slot).ok());
  Result<Booking> waiting = clinic_->Book(other_gp_, second, BookingRequest{{}, session});
  ASSERT_TRUE(waiting.ok()) << waiting.error().message.en;
  EXPECT_FALSE(waiting->slot_id.has_value());
  EXPECT_EQ(waiting->waiting_position, 1);
  EXPECT_EQ(clinic_->Session(hospital_coordinator_, session)->waiting_list.size(), 1u);
  int64_t third = SendConsult(gp_);
  EXPECT_EQ(clinic_->Book(gp_, third, BookingRequest{{}, session})->waiting_position, 2);
  // Asking again for the same waiting list keeps one's place.
  EXPECT_EQ(clinic_->Book(other_gp_, second, BookingRequest{{}, session})->waiting_position, 1);

  ASSERT_TRUE(clinic_->Unbook(gp_, first).ok());
  EXPECT_FALSE(consults_->Get(gp_, first)->booking.has_value());
  std::optional<Booking> moved_up = consults_->Get(other_gp_, second)->booking;
  ASSERT_TRUE(moved_up.has_value());
  EXPECT_EQ(moved_up->slot_id, slot);
  EXPECT_TRUE(Told(other_gp_, EventKind::kBooked));
  EXPECT_EQ(clinic_->Unbook(gp_, first).error().code, ErrorCode::kConflict);
  // A declined consult gives its slot back, to the next in line.
  ASSERT_TRUE(consults_->Decline(specialist_, second, "Beter bij de plastisch chirurg.").ok());
  EXPECT_FALSE(consults_->Get(other_gp_, second)->booking.has_value());
  EXPECT_EQ(consults_->Get(gp_, third)->booking->slot_id, slot);
}

TEST_P(ClinicServiceTest, OfTwoGpsBookingTheLastSlotAtOnceOneWins) {
  NewClinicSession one_slot = Request();
  one_slot.ends_minute = 13 * 60 + 20;
  int64_t session = clinic_->Plan(hospital_coordinator_, one_slot)->sessions.at(0).session.id;
  int64_t slot = SlotIds(session).at(0);
  constexpr int kGps = 6;
  std::vector<int64_t> consults;
  for (int i = 0; i < kGps; ++i) consults.push_back(SendConsult(i % 2 ? gp_ : other_gp_));
  std::atomic<int> booked{0}, conflicts{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kGps; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      Result<Booking> result = BookSlot(i % 2 ? gp_ : other_gp_, consults[i], slot);
      if (result.ok()) {
        ++booked;
      } else if (result.error().code == ErrorCode::kConflict) {
        ++conflicts;
      } else {
        ++other;
      }
    });
  }
  go = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(booked, 1);
  EXPECT_EQ(conflicts, kGps - 1);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(clinic_->Session(hospital_coordinator_, session)->booked, 1);
}

TEST_P(ClinicServiceTest, MovingTellsTheGpsAndCancellingReleasesTheBookings) {
  ClinicSessionView planned = PlanOne();
  int64_t consult = SendConsult(gp_);
  ASSERT_TRUE(BookSlot(gp_, consult, SlotIds(planned.session.id).at(2)).ok());

  ClinicSessionChange change{planned.session.version, "2026-12-10", 9 * 60, {}};
  EXPECT_EQ(clinic_->Change(gp_, planned.session.id, change).error().code, ErrorCode::kForbidden);
  Result<ClinicSessionView> moved = clinic_->Change(care_group_coordinator_, planned.session.id, change);
  ASSERT_TRUE(moved.ok()) << moved.error().message.en;
  std::optional<Booking> booking = consults_->Get(gp_, consult)->booking;
  ASSERT_TRUE(booking.has_value());
  EXPECT_EQ(booking->day, "2026-12-10");
  // 09:40 in Amsterdam is 08:40 UTC.
  EXPECT_EQ(booking->starts_at,
            std::chrono::sys_days{std::chrono::year{2026} / 12 / 10} + hours(8) + std::chrono::minutes(40));
  EXPECT_TRUE(Told(gp_, EventKind::kSessionMoved));
  // A change made to an old version is refused.
  EXPECT_EQ(clinic_->Change(care_group_coordinator_, planned.session.id, change).error().code,
            ErrorCode::kConflict);

  ASSERT_TRUE(clinic_->Cancel(hospital_coordinator_, planned.session.id).ok());
  EXPECT_TRUE(Told(gp_, EventKind::kSessionCancelled));
  EXPECT_FALSE(consults_->Get(gp_, consult)->booking.has_value());
  EXPECT_EQ(clinic_->Session(gp_, planned.session.id)->session.status,
            domain::SessionStatus::kCancelled);
  EXPECT_EQ(clinic_->Cancel(hospital_coordinator_, planned.session.id).error().code,
            ErrorCode::kConflict);
  EXPECT_TRUE(clinic_->BookingOptions(gp_, consult)->empty());
}

TEST_P(ClinicServiceTest, TheSpecialistReadsTheDayListAndRecordsWhoCame) {
  int64_t session = PlanOne().session.id;
  std::vector<int64_t> slots = SlotIds(session);
  int64_t came = SendConsult(gp_);
  int64_t stayed_away = SendConsult(other_gp_);
  ASSERT_TRUE(BookSlot(gp_, came, slots[0]).ok());
  ASSERT_TRUE(BookSlot(other_gp_, stayed_away, slots[1]).ok());

  EXPECT_EQ(clinic_->Day(gp_, session).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(clinic_->Day(colleague_, session).error().code, ErrorCode::kForbidden);
  Result<DayList> day = clinic_->Day(specialist_, session);
  ASSERT_TRUE(day.ok()) << day.error().message.en;
  ASSERT_EQ(day->patients.size(), 2u);
  EXPECT_EQ(day->patients[0].consult.content.question, "Constitutioneel eczeem of psoriasis?");
  EXPECT_EQ(day->patients[1].practice_name, "De Esch");
  std::vector<std::string> logged = LoggedActions(came);
  EXPECT_NE(std::find(logged.begin(), logged.end(), "clinic_session.day_list:success"),
            logged.end());

  // Who came is recorded on the day, by the session's specialist.
  EXPECT_EQ(clinic_->RecordAttendance(specialist_, slots[1], Attendance::kNoShow).error().code,
            ErrorCode::kConflict);
  clock_.Advance(hours(24));
  EXPECT_EQ(clinic_->RecordAttendance(gp_, slots[1], Attendance::kNoShow).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(clinic_->RecordAttendance(specialist_, slots[2], Attendance::kSeen).error().code,
            ErrorCode::kConflict);  // nobody booked there
  Result<SlotView> no_show = clinic_->RecordAttendance(specialist_, slots[1], Attendance::kNoShow);
  ASSERT_TRUE(no_show.ok()) << no_show.error().message.en;
  EXPECT_EQ(no_show->slot.attendance, Attendance::kNoShow);
  EXPECT_EQ(consults_->Get(other_gp_, stayed_away)->booking->attendance, Attendance::kNoShow);
  EXPECT_EQ(clinic_->Unbook(other_gp_, stayed_away).error().code, ErrorCode::kConflict);
  // What happened stays on record: a later decline keeps the slot, a past session stays.
  ASSERT_TRUE(consults_->Decline(specialist_, stayed_away, "Niet gekomen; graag opnieuw verwijzen.").ok());
  EXPECT_EQ(clinic_->Session(specialist_, session)->slots.at(1).consult_id, stayed_away);
  clock_.Advance(hours(24));
  EXPECT_EQ(clinic_->Cancel(hospital_coordinator_, session).error().code, ErrorCode::kConflict);
}

TEST_P(ClinicServiceTest, TheCalendarFeedShowsSessionsAndBookingsWithoutPatients) {
  int64_t session = PlanOne().session.id;
  int64_t consult = SendConsult(gp_);
  ASSERT_TRUE(BookSlot(gp_, consult, SlotIds(session).at(0)).ok());
  std::string number = consults_->Get(gp_, consult)->consult.number;

  EXPECT_FALSE(clinic_->Feed(specialist_)->active);
  CalendarFeedState specialist_feed = *clinic_->RenewFeed(specialist_);
  EXPECT_TRUE(specialist_feed.active);
  EXPECT_EQ(specialist_feed.token.size(), 43u);
  Result<std::string> calendar = clinic_->Calendar(specialist_feed.token, "meekijk.test");
  ASSERT_TRUE(calendar.ok());
  EXPECT_NE(calendar->find("SUMMARY:Meekijkspreekuur Dermatologie"), std::string::npos);
  EXPECT_NE(calendar->find(number), std::string::npos);
  EXPECT_NE(calendar->find("DTSTART:20261208T120000Z"), std::string::npos);

  CalendarFeedState gp_feed = *clinic_->RenewFeed(gp_);
  std::string gp_calendar = *clinic_->Calendar(gp_feed.token, "meekijk.test");
  EXPECT_NE(gp_calendar.find("SUMMARY:Meekijkconsult " + number), std::string::npos);
  EXPECT_EQ(gp_calendar.find("psoriasis"), std::string::npos);
  EXPECT_EQ(gp_calendar.find("Meekijkspreekuur"), std::string::npos);

  // A new secret replaces the old; a revoked one opens nothing.
  CalendarFeedState renewed = *clinic_->RenewFeed(gp_);
  EXPECT_EQ(clinic_->Calendar(gp_feed.token, "meekijk.test").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(clinic_->Calendar(renewed.token, "meekijk.test").ok());
  ASSERT_TRUE(clinic_->RevokeFeed(gp_).ok());
  EXPECT_EQ(clinic_->Calendar(renewed.token, "meekijk.test").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(clinic_->Calendar("", "meekijk.test").error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, ClinicServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
