// The store contract: every behaviour here holds on SQLite and on PostgreSQL alike.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::store {
namespace {

using domain::Consult;
using domain::ConsultStatus;
using testing::Engine;

const TimePoint kNow = FromUnixMillis(1772442900000);  // 2026-03-02 09:15 UTC

// What a Find… found, or an error that fails the unit of work: a test never reads an empty
// optional.
template <typename T>
Result<T> Present(Result<std::optional<T>> found) {
  if (!found.ok()) return found.error();
  if (!found->has_value()) return MakeError(ErrorCode::kNotFound, "niet gevonden", "not found");
  return std::move(**found);
}

class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
  }

  // Runs work in a write transaction and fails the test on an error.
  template <typename F>
  void Write(F&& work) {
    Result<void> result = db_->Run(Access::kWrite, std::forward<F>(work));
    ASSERT_TRUE(result.ok()) << result.error().message.en;
  }

  struct Directory {
    int64_t practice = 0, hospital = 0, gp = 0, specialist = 0, pool = 0, agreement = 0;
  };

  Directory Seed(Tx& tx) {
    Directory d;
    d.practice = *tx.InsertOrganisation({0, domain::OrgKind::kGpPractice, "Praktijk Noord",
                                         "01234567", {}, "Rotterdam e.o."}, kNow);
    d.hospital = *tx.InsertOrganisation({0, domain::OrgKind::kHospital, "Maasstad Ziekenhuis",
                                         "06123456", {}, "Rotterdam e.o."}, kNow);
    d.gp = *tx.InsertUser({0, "huisarts", "Dr. A. de Vries", "", {}, "hash", true}, kNow);
    d.specialist = *tx.InsertUser({0, "derma", "Dr. B. Bakker", "", {}, "hash", true}, kNow);
    EXPECT_TRUE(tx.UpsertSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    d.pool = *tx.InsertPool({0, d.hospital, "dermatologie", "Dermatologie Maasstad"});
    EXPECT_TRUE(tx.AddPoolMember(d.pool, d.specialist).ok());
    domain::Agreement agreement;
    agreement.gp_organisation_id = d.practice;
    agreement.pool_id = d.pool;
    agreement.modes = {domain::ConsultMode::kDigital, domain::ConsultMode::kPhysical};
    agreement.response_days = 3;
    agreement.valid_from = "2026-01-01";
    d.agreement = *tx.InsertAgreement(agreement, kNow);
    return d;
  }

  Consult NewConsult(const Directory& d, int64_t sequence) {
    Consult consult;
    consult.number = "MK-2026-" + std::to_string(10000 + sequence);
    consult.status = ConsultStatus::kSent;
    consult.content.specialty = "dermatologie";
    consult.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
    consult.content.icpc = "S87";
    consult.content.question = "Eczeem of psoriasis?";
    consult.content.clinical_summary = "Jeuk sinds maart.";
    consult.content.intended_referral = true;
    consult.content.consent = true;
    consult.practice_id = d.practice;
    consult.author_id = d.gp;
    consult.sender_id = d.gp;
    consult.pool_id = d.pool;
    consult.agreement_id = d.agreement;
    consult.sent_at = kNow;
    consult.due_at = kNow + std::chrono::hours(24 * sequence);
    consult.created_at = consult.updated_at = kNow;
    return consult;
  }

  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<Database> db_;
};

TEST_P(StoreTest, MigrationIsIdempotent) {
  EXPECT_EQ(*db_->SchemaVersion(), 1);
  ASSERT_TRUE(db_->Migrate().ok());
  EXPECT_EQ(*db_->SchemaVersion(), 1);
}

TEST_P(StoreTest, KeepsOrganisationsUsersAndMemberships) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    MK_RETURN_IF_ERROR(tx.AddMembership(d.gp, d.practice, domain::Role::kGp));
    MK_RETURN_IF_ERROR(tx.AddMembership(d.gp, d.practice, domain::Role::kGp));  // idempotent
    MK_ASSIGN_OR_RETURN(auto user, Present(tx.FindUserByUsername("huisarts")));
    EXPECT_EQ(user.display_name, "Dr. A. de Vries");
    MK_ASSIGN_OR_RETURN(auto memberships, tx.ListMemberships(d.gp));
    EXPECT_EQ(memberships.size(), 1u);
    EXPECT_EQ(memberships.at(0).organisation_name, "Praktijk Noord");
    EXPECT_EQ(memberships.at(0).role, domain::Role::kGp);
    MK_ASSIGN_OR_RETURN(auto organisation, Present(tx.FindOrganisation(d.hospital)));
    EXPECT_EQ(organisation.agb, "06123456");
    MK_ASSIGN_OR_RETURN(auto missing, tx.FindUserByUsername("niemand"));
    EXPECT_FALSE(missing.has_value());
    return Ok();
  });
}

TEST_P(StoreTest, RefusesADuplicateUsernameAsConflictAndKeepsTheFirst) {
  Write([&](Tx& tx) -> Result<void> { Seed(tx); return Ok(); });
  Result<void> duplicate = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.InsertUser({0, "huisarts", "Other", "", {}, "h", true}, kNow));
    return Ok();
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_P(StoreTest, RollsBackTheWholeUnitOfWorkOnError) {
  Result<void> failed = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    Seed(tx);
    return MakeError(ErrorCode::kInvalidArgument, "nee", "no");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto organisations, tx.ListOrganisations());
    EXPECT_TRUE(organisations.empty());
    return Ok();
  });
  ASSERT_TRUE(read.ok());
}

TEST_P(StoreTest, EnforcesForeignKeys) {
  Result<void> dangling = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.AddMembership(999, 998, domain::Role::kGp));
    return Ok();
  });
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().code, ErrorCode::kConflict);
}

TEST_P(StoreTest, KeepsAgreementsWithModesForPracticesAndPools) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    int64_t ids[] = {d.practice};
    MK_ASSIGN_OR_RETURN(auto agreements, tx.ListAgreementsOfGpOrganisations(ids));
    EXPECT_EQ(agreements.size(), 1u);
    EXPECT_EQ(agreements.at(0).specialty, "dermatologie");
    EXPECT_EQ(agreements.at(0).modes.size(), 2u);
    EXPECT_EQ(agreements.at(0).response_days, 3);
    EXPECT_FALSE(agreements.at(0).valid_until.has_value());
    int64_t pools[] = {d.pool};
    MK_ASSIGN_OR_RETURN(auto of_pool, tx.ListAgreementsOfPools(pools));
    EXPECT_EQ(of_pool.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto member_pools, tx.ListPoolsOfMember(d.specialist));
    EXPECT_EQ(member_pools.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto specialties, tx.ListSpecialties());
    EXPECT_EQ(specialties.at(0).vektis_code, "0310");
    return Ok();
  });
}

TEST_P(StoreTest, CountsPerNameFromOne) {
  Write([&](Tx& tx) -> Result<void> {
    EXPECT_EQ(*tx.NextCounter("consult_number_2026"), 1);
    EXPECT_EQ(*tx.NextCounter("consult_number_2026"), 2);
    EXPECT_EQ(*tx.NextCounter("consult_number_2027"), 1);
    return Ok();
  });
}

TEST_P(StoreTest, StoresAConsultWithAllItCarries) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    Consult consult = NewConsult(d, 1);
    consult.content.patient.name = "Jansen, M.";
    consult.content.patient.bsn = "111222333";
    consult.content.question = "Één vraag met accenten: eczeem?";
    MK_ASSIGN_OR_RETURN(int64_t id, tx.InsertConsult(consult));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.FindConsult(id)));
    EXPECT_EQ(found.number, consult.number);
    EXPECT_EQ(found.status, ConsultStatus::kSent);
    EXPECT_EQ(found.content.patient.name, "Jansen, M.");
    EXPECT_EQ(found.content.patient.bsn, "111222333");
    EXPECT_FALSE(found.content.patient.birth_date.has_value());
    EXPECT_EQ(found.content.question, consult.content.question);
    EXPECT_EQ(found.content.intended_referral, true);
    EXPECT_EQ(found.due_at, consult.due_at);
    EXPECT_EQ(found.version, 1);
    EXPECT_FALSE(found.advice.has_value());
    MK_ASSIGN_OR_RETURN(auto by_number, Present(tx.FindConsultByNumber(consult.number)));
    EXPECT_EQ(by_number.id, id);
    return Ok();
  });
}

TEST_P(StoreTest, UpdatesOnlyTheVersionItRead) {
  Consult stored;
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t id, tx.InsertConsult(NewConsult(d, 1)));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.FindConsult(id)));
    stored = found;
    return Ok();
  });
  Consult answered = stored;
  answered.status = ConsultStatus::kAnswered;
  answered.specialist_id = stored.sender_id;
  answered.advice = domain::Advice{domain::Recommendation::kPrimaryCare, "Hydrocortison 1%.",
                                   *stored.sender_id, kNow};
  Write([&](Tx& tx) { return tx.UpdateConsult(answered); });
  Result<void> stale = db_->Run(Access::kWrite, [&](Tx& tx) { return tx.UpdateConsult(answered); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.FindConsult(stored.id)));
    EXPECT_EQ(found.version, 2);
    EXPECT_EQ(found.status, ConsultStatus::kAnswered);
    EXPECT_EQ(found.advice->body, "Hydrocortison 1%.");
    EXPECT_EQ(found.advice->recommendation, domain::Recommendation::kPrimaryCare);
    return Ok();
  });
}

TEST_P(StoreTest, PagesTheOutboxNewestFirstAndThePoolSoonestDueFirst) {
  Directory d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    for (int i = 1; i <= 5; ++i) MK_RETURN_IF_ERROR(tx.InsertConsult(NewConsult(d, 6 - i)));
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
                                          [&](Tx& tx) { return tx.ListConsults(filter); });
      ASSERT_TRUE(result.ok());
      for (const Consult& c : result->items) seen.push_back(c.number);
      if (!result->next_cursor) break;
      filter.after = result->next_cursor;
    }
  }
  // Inserted with due days 5,4,3,2,1: newest first is the soonest due.
  EXPECT_EQ(outbox, (std::vector<std::string>{"MK-2026-10001", "MK-2026-10002", "MK-2026-10003",
                                              "MK-2026-10004", "MK-2026-10005"}));
  EXPECT_EQ(pool, outbox);
}

TEST_P(StoreTest, FiltersListsByStatusSpecialtyAndText) {
  Directory d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    Consult a = NewConsult(d, 1);
    a.content.question = "Moedervlek die groeit";
    Consult b = NewConsult(d, 2);
    b.status = ConsultStatus::kClosed;
    MK_RETURN_IF_ERROR(tx.InsertConsult(a));
    MK_RETURN_IF_ERROR(tx.InsertConsult(b));
    return Ok();
  });
  auto count = [&](ConsultFilter filter) {
    filter.practice_ids = {d.practice};
    auto page = Transact<ConsultPage>(*db_, Access::kRead,
                                      [&](Tx& tx) { return tx.ListConsults(filter); });
    return page.ok() ? static_cast<int>(page->items.size()) : -1;
  };
  ConsultFilter by_status;
  by_status.status = ConsultStatus::kClosed;
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

TEST_P(StoreTest, KeepsTheThreadInOrderWithAuthors) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t id, tx.InsertConsult(NewConsult(d, 1)));
    domain::ThreadMessage ask{0, id, domain::MessageKind::kInfoRequest, d.specialist, "",
                              domain::Role::kSpecialist, "Graag een foto.", {}, kNow};
    domain::ThreadMessage advice{0, id, domain::MessageKind::kAdvice, d.specialist, "",
                                 domain::Role::kSpecialist, "Behandel met crème.",
                                 domain::Recommendation::kPrimaryCare, kNow};
    MK_RETURN_IF_ERROR(tx.InsertMessage(ask));
    MK_RETURN_IF_ERROR(tx.InsertMessage(advice));
    MK_ASSIGN_OR_RETURN(auto thread, tx.ListMessages(id));
    EXPECT_EQ(thread.size(), 2u);
    EXPECT_EQ(thread.at(0).kind, domain::MessageKind::kInfoRequest);
    EXPECT_EQ(thread.at(0).author_name, "Dr. B. Bakker");
    EXPECT_FALSE(thread.at(0).recommendation.has_value());
    EXPECT_EQ(thread.at(1).recommendation, domain::Recommendation::kPrimaryCare);
    return Ok();
  });
}

TEST_P(StoreTest, KeepsAttachmentBytesExactly) {
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t consult, tx.InsertConsult(NewConsult(d, 1)));
    AttachmentRecord record{0, consult, "huid.png", domain::FileType::kPng,
                            static_cast<int64_t>(bytes.size()), "abc", d.gp, kNow};
    MK_ASSIGN_OR_RETURN(int64_t id, tx.InsertAttachment(record, bytes));
    MK_ASSIGN_OR_RETURN(std::string content, tx.LoadAttachmentContent(id));
    EXPECT_EQ(content, bytes);
    MK_ASSIGN_OR_RETURN(auto meta, Present(tx.FindAttachment(id)));
    EXPECT_EQ(meta.file_type, domain::FileType::kPng);
    EXPECT_EQ(meta.filename, "huid.png");
    MK_ASSIGN_OR_RETURN(auto list, tx.ListAttachments(consult));
    EXPECT_EQ(list.size(), 1u);
    return Ok();
  });
}

TEST_P(StoreTest, SessionsExpireAndAreDeleted) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    MK_RETURN_IF_ERROR(tx.InsertSession({"hash-1", d.gp, kNow, kNow + std::chrono::hours(1), "::1"}));
    MK_RETURN_IF_ERROR(tx.InsertSession({"hash-2", d.gp, kNow, kNow - std::chrono::hours(1), ""}));
    MK_ASSIGN_OR_RETURN(auto found, Present(tx.FindSession("hash-1")));
    EXPECT_EQ(found.user_id, d.gp);
    EXPECT_EQ(*tx.DeleteExpiredSessions(kNow), 1);
    MK_RETURN_IF_ERROR(tx.DeleteSession("hash-1"));
    MK_ASSIGN_OR_RETURN(auto gone, tx.FindSession("hash-1"));
    EXPECT_FALSE(gone.has_value());
    return Ok();
  });
}

TEST_P(StoreTest, AppendsToTheAccessLog) {
  Write([&](Tx& tx) -> Result<void> {
    Directory d = Seed(tx);
    AccessLogEntry entry;
    entry.at = kNow;
    entry.user_id = d.gp;
    entry.username = "huisarts";
    entry.role = "gp";
    entry.organisation_id = d.practice;
    entry.action = "consult.read";
    entry.consult_id = 7;
    entry.patient_ref = "MK-2026-00007";
    entry.client_address = "127.0.0.1";
    entry.request_id = "req-1";
    entry.outcome = "success";
    MK_RETURN_IF_ERROR(tx.AppendAccessLog(entry));
    MK_ASSIGN_OR_RETURN(auto log, tx.ListAccessLog(7, 10));
    EXPECT_EQ(log.size(), 1u);
    EXPECT_EQ(log.at(0).action, "consult.read");
    EXPECT_EQ(log.at(0).request_id, "req-1");
    EXPECT_EQ(log.at(0).at, kNow);
    return Ok();
  });
}

// Concurrent units of work may share one commit (group commit on SQLite); each still succeeds
// or fails alone, and only the successful ones are kept.
TEST_P(StoreTest, ConcurrentWritersEachSucceedOrFailAlone) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 25;
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        bool fail = (t + i) % 5 == 0;
        Result<void> done = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
          MK_RETURN_IF_ERROR(tx.NextCounter("shared"));
          MK_RETURN_IF_ERROR(tx.NextCounter("writer_" + std::to_string(t)));
          if (fail) return MakeError(ErrorCode::kConflict, "nee", "no");
          return Ok();
        });
        EXPECT_EQ(done.ok(), !fail);
        if (done.ok()) ++succeeded;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  Write([&](Tx& tx) -> Result<void> {
    // The next value of each counter shows how many increments were kept.
    EXPECT_EQ(*tx.NextCounter("shared"), succeeded.load() + 1);
    int kept = 0;
    for (int t = 0; t < kThreads; ++t) {
      kept += static_cast<int>(*tx.NextCounter("writer_" + std::to_string(t))) - 1;
    }
    EXPECT_EQ(kept, succeeded.load());
    return Ok();
  });
  EXPECT_EQ(succeeded.load(), kThreads * kWritesPerThread * 4 / 5);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::store
