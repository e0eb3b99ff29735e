// The store contract, consults part: consults, their threads and numbers.
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class ConsultRepositoryTest : public StoreTest {};

TEST_P(ConsultRepositoryTest, CountsPerNameFromOne) {
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_EQ(*tx.consults().NextInSequence("consult_number_2026"), 1);
    EXPECT_EQ(*tx.consults().NextInSequence("consult_number_2026"), 2);
    EXPECT_EQ(*tx.consults().NextInSequence("consult_number_2027"), 1);
    return Ok();
  });
}

TEST_P(ConsultRepositoryTest, StoresAConsultWithAllItCarries) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::Consult consult = NewConsult(d, 1);
    consult.content.patient.name = "Jansen, M.";
    consult.content.patient.bsn = "111222333";
    consult.content.question = "Één vraag met accenten: eczeem?";
    MK_ASSIGN_OR_RETURN(int64_t id, tx.consults().Insert(consult));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.consults().Find(id)));
    EXPECT_EQ(found.number, consult.number);
    EXPECT_EQ(found.status, domain::ConsultStatus::kSent);
    EXPECT_EQ(found.content.patient.name, "Jansen, M.");
    EXPECT_EQ(found.content.patient.bsn, "111222333");
    EXPECT_FALSE(found.content.patient.birth_date.has_value());
    EXPECT_EQ(found.content.question, consult.content.question);
    EXPECT_EQ(found.content.intended_referral, true);
    EXPECT_EQ(found.due_at, consult.due_at);
    EXPECT_EQ(found.version, 1);
    EXPECT_FALSE(found.advice.has_value());
    MK_ASSIGN_OR_RETURN(auto by_number, Present(tx.consults().FindByNumber(consult.number)));
    EXPECT_EQ(by_number.id, id);
    return Ok();
  });
}

TEST_P(ConsultRepositoryTest, UpdatesOnlyTheVersionItRead) {
  domain::Consult stored;
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t id, tx.consults().Insert(NewConsult(d, 1)));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.consults().Find(id)));
    stored = found;
    return Ok();
  });
  domain::Consult answered = stored;
  answered.status = domain::ConsultStatus::kAnswered;
  answered.specialist_id = stored.sender_id;
  answered.advice = domain::Advice{domain::Recommendation::kPrimaryCare, "Hydrocortison 1%.",
                                   *stored.sender_id, kNow};
  Write([&](Tx& tx) { return tx.consults().Update(answered); });
  Result<void> stale =
      db_->Run(Access::kWrite, [&](Tx& tx) { return tx.consults().Update(answered); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.consults().Find(stored.id)));
    EXPECT_EQ(found.version, 2);
    EXPECT_EQ(found.status, domain::ConsultStatus::kAnswered);
    EXPECT_EQ(found.advice->body, "Hydrocortison 1%.");
    EXPECT_EQ(found.advice->recommendation, domain::Recommendation::kPrimaryCare);
    return Ok();
  });
}

TEST_P(ConsultRepositoryTest, PagesTheOutboxNewestFirstAndThePoolSoonestDueFirst) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    for (int i = 1; i <= 5; ++i) MK_RETURN_IF_ERROR(tx.consults().Insert(NewConsult(d, 6 - i)));
    return Ok();
  });
  std::vector<std::string> outbox, pool;
  for (auto box : {ConsultFilter::Box::kOutbox, ConsultFilter::Box::kPool}) {
    ConsultFilter filter;
    filter.box = box;
    filter.practice_ids = {d.practice};
    filter.pool_ids = {d.pool};
    filter.limit = 2;
    auto& seen = box == ConsultFilter::Box::kOutbox ? outbox : pool;
    for (int page = 0; page < 5; ++page) {
      auto result = Transact<ConsultPage>(*db_, Access::kRead,
                                          [&](Tx& tx) { return tx.consults().List(filter); });
      ASSERT_TRUE(result.ok());
      for (const domain::Consult& c : result->items) seen.push_back(c.number);
      if (!result->next_cursor) break;
      filter.after = result->next_cursor;
    }
  }
  // Inserted with due days 5,4,3,2,1: newest first is the soonest due.
  EXPECT_EQ(outbox, (std::vector<std::string>{"MK-2026-10001", "MK-2026-10002", "MK-2026-10003",
                                              "MK-2026-10004", "MK-2026-10005"}));
  EXPECT_EQ(pool, outbox);
}

TEST_P(ConsultRepositoryTest, FiltersListsByStatusSpecialtyAndText) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    domain::Consult a = NewConsult(d, 1);
    a.content.question = "Moedervlek die groeit";
    domain::Consult b = NewConsult(d, 2);
    b.status = domain::ConsultStatus::kClosed;
    MK_RETURN_IF_ERROR(tx.consults().Insert(a));
    MK_RETURN_IF_ERROR(tx.consults().Insert(b));
    return Ok();
  });
  auto count = [&](ConsultFilter filter) {
    filter.practice_ids = {d.practice};
    auto page = Transact<ConsultPage>(*db_, Access::kRead,
                                      [&](Tx& tx) { return tx.consults().List(filter); });
    return page.ok() ? static_cast<int>(page->items.size()) : -1;
  };
  ConsultFilter by_status;
  by_status.status = domain::ConsultStatus::kClosed;
  EXPECT_EQ(count(by_status), 1);
  ConsultFilter by_text;
  by_text.text = "MOEDERVLEK";
  EXPECT_EQ(count(by_text), 1);
  by_text.text = "mk-2026-10002";
  EXPECT_EQ(count(by_text), 1);
  ConsultFilter by_specialty;
  by_specialty.specialty = "cardiologie";
  EXPECT_EQ(count(by_specialty), 0);
  ConsultFilter bad_cursor;
  bad_cursor.after = "abc";
  EXPECT_EQ(count(bad_cursor), -1);
}

TEST_P(ConsultRepositoryTest, KeepsTheThreadInOrderWithAuthors) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t id, tx.consults().Insert(NewConsult(d, 1)));
    domain::ThreadMessage ask{0,
                              id,
                              domain::MessageKind::kInfoRequest,
                              d.specialist,
                              "",
                              domain::Role::kSpecialist,
                              "Graag een foto.",
                              {},
                              kNow};
    domain::ThreadMessage advice{0,
                                 id,
                                 domain::MessageKind::kAdvice,
                                 d.specialist,
                                 "",
                                 domain::Role::kSpecialist,
                                 "Behandel met crème.",
                                 domain::Recommendation::kPrimaryCare,
                                 kNow};
    MK_RETURN_IF_ERROR(tx.consults().AppendMessage(ask));
    MK_RETURN_IF_ERROR(tx.consults().AppendMessage(advice));
    MK_ASSIGN_OR_RETURN(auto thread, tx.consults().Thread(id));
    EXPECT_EQ(thread.size(), 2u);
    EXPECT_EQ(thread.at(0).kind, domain::MessageKind::kInfoRequest);
    EXPECT_EQ(thread.at(0).author_name, "Dr. B. Bakker");
    EXPECT_FALSE(thread.at(0).recommendation.has_value());
    EXPECT_EQ(thread.at(1).recommendation, domain::Recommendation::kPrimaryCare);
    return Ok();
  });
}

// Every field a consult has is written by Insert and Update and read back by Find: a column
// missing from the column list fails this test.
TEST_P(ConsultRepositoryTest, RoundTripsEveryFieldThroughInsertAndUpdate) {
  Region d;
  domain::Consult consult;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    consult = NewConsult(d, 3);
    consult.status = domain::ConsultStatus::kClosed;
    consult.content.mode = domain::ConsultMode::kPhysical;
    consult.content.patient = {1950, domain::Sex::kMale, "Jansen, M.", "1950-04-01", "111222333"};
    consult.specialist_id = d.specialist;
    consult.advice = domain::Advice{domain::Recommendation::kRefer, "Verwijzen.", d.specialist,
                                    kNow + std::chrono::hours(2)};
    consult.outcome = domain::Outcome{domain::OutcomeKind::kReferredElsewhere, true, 4,
                                      kNow + std::chrono::hours(3)};
    consult.decline_reason = "eerder geweigerd";
    consult.updated_at = kNow + std::chrono::hours(3);
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.consults().Find(consult.id)));
    EXPECT_EQ(found, consult);
    return Ok();
  });
  domain::Consult changed = consult;
  changed.status = domain::ConsultStatus::kAnswered;
  changed.content.mode = domain::ConsultMode::kDigital;
  changed.content.specialty = "dermatologie";
  changed.content.patient = {1951, domain::Sex::kFemale, "Pietersen, A.", "1951-05-02",
                             "123456782"};
  changed.content.icpc = "S88";
  changed.content.question = "Andere vraag";
  changed.content.clinical_summary = "Andere samenvatting";
  changed.content.intended_referral = false;
  changed.content.consent = false;
  changed.sent_at = kNow + std::chrono::hours(1);
  changed.due_at = kNow + std::chrono::hours(50);
  changed.advice = domain::Advice{domain::Recommendation::kPrimaryCare, "Zalf.", d.specialist,
                                  kNow + std::chrono::hours(4)};
  changed.outcome.reset();
  changed.decline_reason = "";
  changed.updated_at = kNow + std::chrono::hours(5);
  Write([&](Tx& tx) { return tx.consults().Update(changed); });
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.consults().Find(consult.id)));
    domain::Consult expected = changed;
    expected.version = consult.version + 1;
    EXPECT_EQ(found, expected);
    return Ok();
  });
}

TEST_P(ConsultRepositoryTest, AnUnknownStatusIsAnInternalErrorNamingTheColumnNeverADraft) {
  int64_t id = 0;
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(id, tx.consults().Insert(NewConsult(d, 1)));
    return Ok();
  });
  ExecuteRaw("UPDATE consults SET status = 'archived'");
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.consults().Find(id));
    return Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kInternal);
  EXPECT_EQ(read.error().reason, "row_unreadable");
  EXPECT_EQ(read.error().field, "status");
  EXPECT_TRUE(read.error().message.en.empty()) << "the stored value stays in the log";
}

TEST_P(ConsultRepositoryTest, AnAdviceMissingOneOfItsColumnsIsAnInternalErrorNotADefault) {
  int64_t id = 0;
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::Consult consult = NewConsult(d, 1);
    consult.advice = domain::Advice{domain::Recommendation::kRefer, "Verwijzen.", d.specialist, kNow};
    MK_ASSIGN_OR_RETURN(id, tx.consults().Insert(consult));
    return Ok();
  });
  ExecuteRaw("UPDATE consults SET advice_body = NULL");
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.consults().Find(id));
    return Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kInternal);
  EXPECT_EQ(read.error().field, "advice_body");
}

TEST_P(ConsultRepositoryTest, AStaleUpdateIsAConflictStatedAsAReason) {
  domain::Consult consult;
  Write([&](Tx& tx) -> Result<void> {
    consult = NewConsult(Seed(tx), 1);
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    return Ok();
  });
  consult.version = 7;
  Result<void> stale =
      db_->Run(Access::kWrite, [&](Tx& tx) { return tx.consults().Update(consult); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().reason, "stale_version");
  EXPECT_TRUE(stale.error().message.nl.empty()) << "the store states facts; the API words them";
}

MEEKIJK_STORE_SUITE(ConsultRepositoryTest);

}  // namespace
}  // namespace meekijk::store
