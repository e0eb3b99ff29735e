// The bulk path (meekijk generate): consults and their threads in a few statements, readable as
// if written one by one; consult numbers reserved in blocks; indexes taken down and built again,
// also after a load that was cut off; ids continuing after the load. On both engines.
#include "store/bulk_consults.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class BulkConsultsTest : public StoreTest {
 protected:
  // `count` consults with a question each and an advice on every second one, from `first` on.
  void Load(const Region& d, const FreeIds& ids, int count) {
    std::vector<domain::Consult> consults;
    std::vector<domain::ThreadMessage> messages;
    int64_t message_id = ids.message;
    for (int i = 0; i < count; ++i) {
      domain::Consult consult = NewConsult(d, 1000 + ids.consult + i);
      consult.id = ids.consult + i;
      consults.push_back(consult);
      for (int m = 0; m < (i % 2 == 0 ? 2 : 1); ++m) {
        domain::ThreadMessage message;
        message.id = message_id++;
        message.consult_id = consult.id;
        message.kind = m == 0 ? domain::MessageKind::kQuestion : domain::MessageKind::kAdvice;
        message.author_id = m == 0 ? d.gp : d.specialist;
        message.author_role = m == 0 ? domain::Role::kGp : domain::Role::kSpecialist;
        message.body = m == 0 ? "Vraag" : "Advies";
        message.created_at = kNow;
        messages.push_back(message);
      }
    }
    Write([&](Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(InsertConsults(tx, consults));
      MK_RETURN_IF_ERROR(InsertMessages(tx, messages));
      return FinishBulkLoad(tx);
    });
  }

  FreeIds Free() {
    FreeIds ids;
    Write([&](Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(ids, NextFreeIds(tx));
      return Ok();
    });
    return ids;
  }

  int IndexCount() {
    int count = 0;
    Write([&](Tx& tx) -> Result<void> {
      std::string_view sql =
          tx.dialect() == Dialect::kPostgres
              ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename IN ('consults', 'messages')"
              : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name IN ('consults', 'messages')";
      MK_ASSIGN_OR_RETURN(Rows rows, tx.connection().Query(sql));
      count = static_cast<int>(rows.front().Int(0));
      return Ok();
    });
    return count;
  }
};

TEST_P(BulkConsultsTest, LoadedConsultsReadAsIfWrittenOneByOne) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    return Ok();
  });
  FreeIds ids = Free();
  // More rows than one statement takes, so that a full chunk and a remainder are both written.
  Load(d, ids, 1500);
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(domain::Consult last, Present(tx.consults().Find(ids.consult + 1499)));
    EXPECT_EQ(last.content.question, "Eczeem of psoriasis?");
    EXPECT_EQ(last.practice_id, d.practice);
    MK_ASSIGN_OR_RETURN(std::vector<domain::ThreadMessage> thread,
                        tx.consults().Thread(ids.consult + 1498));
    EXPECT_EQ(thread.size(), 2u);
    EXPECT_EQ(thread.back().body, "Advies");
    // A consult written the ordinary way afterwards gets the next id (PostgreSQL's sequence moved).
    domain::Consult next = NewConsult(d, 5000);  // a number the load did not take
    MK_ASSIGN_OR_RETURN(int64_t id, tx.consults().Insert(next));
    EXPECT_EQ(id, ids.consult + 1500);
    return Ok();
  });
  EXPECT_EQ(Free().message, ids.message + 2250);
}

TEST_P(BulkConsultsTest, NumbersAreReservedInBlocksThatFollowEachOther) {
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(int64_t first_block_last, ReserveInSequence(tx, "consult_number_2021", 100));
    EXPECT_EQ(first_block_last, 100);
    MK_ASSIGN_OR_RETURN(int64_t next, tx.consults().NextInSequence("consult_number_2021"));
    EXPECT_EQ(next, 101);
    MK_ASSIGN_OR_RETURN(int64_t second_block_last, ReserveInSequence(tx, "consult_number_2021", 10));
    EXPECT_EQ(second_block_last, 111);
    return Ok();
  });
}

TEST_P(BulkConsultsTest, PseudonymisedConsultsOnly) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    return Ok();
  });
  domain::Consult identified = NewConsult(d, 1);
  identified.id = Free().consult;
  identified.content.patient.bsn = "111222333";
  Result<void> refused = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    return InsertConsults(tx, std::span<const domain::Consult>(&identified, 1));
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(BulkConsultsTest, SuspendedIndexesAreBuiltAgainAlsoAfterALoadWasCutOff) {
  int before = IndexCount();
  int suspended = 0;
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(suspended, SuspendIndexes(tx));
    return Ok();
  });
  EXPECT_GE(suspended, 8);  // the lists', the report's covering ones, the thread's
  EXPECT_EQ(IndexCount(), before - suspended);
  // The load stops here (killed, say); the next start migrates, and the indexes are back.
  ASSERT_TRUE(db_->Migrate(SystemClock()).ok());
  EXPECT_EQ(IndexCount(), before);
  int restored_again = -1;
  Write([&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(restored_again, RestoreIndexes(tx));
    return Ok();
  });
  EXPECT_EQ(restored_again, 0);
}

MEEKIJK_STORE_SUITE(BulkConsultsTest);

}  // namespace
}  // namespace meekijk::store
