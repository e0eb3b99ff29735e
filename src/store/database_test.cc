// The store contract, unit-of-work part: migrations, transactions, and group commit under
// concurrency and under a failing commit.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class DatabaseTest : public StoreTest {};

TEST_P(DatabaseTest, MigrationIsIdempotent) {
  EXPECT_EQ(*db_->SchemaVersion(), 13);
  SystemClock clock;
  ASSERT_TRUE(db_->Migrate(clock).ok());
  EXPECT_EQ(*db_->SchemaVersion(), 13);
}

TEST_P(DatabaseTest, RollsBackTheWholeUnitOfWorkOnError) {
  Result<void> failed = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    Seed(tx);
    return MakeError(ErrorCode::kInvalidArgument, "nee", "no");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto organisations, tx.directory().ListOrganisations());
    EXPECT_TRUE(organisations.empty());
    return Ok();
  });
  ASSERT_TRUE(read.ok());
}

// Concurrent units of work may share one commit (group commit on SQLite); each still succeeds
// or fails alone, and only the successful ones are kept.
TEST_P(DatabaseTest, ConcurrentWritersEachSucceedOrFailAlone) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 25;
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        bool fail = (t + i) % 5 == 0;
        Result<void> done = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
          MK_RETURN_IF_ERROR(tx.consults().NextInSequence("shared"));
          MK_RETURN_IF_ERROR(tx.consults().NextInSequence("writer_" + std::to_string(t)));
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
    EXPECT_EQ(*tx.consults().NextInSequence("shared"), succeeded.load() + 1);
    int kept = 0;
    for (int t = 0; t < kThreads; ++t) {
      kept += static_cast<int>(*tx.consults().NextInSequence("writer_" + std::to_string(t))) - 1;
    }
    EXPECT_EQ(kept, succeeded.load());
    return Ok();
  });
  EXPECT_EQ(succeeded.load(), kThreads * kWritesPerThread * 4 / 5);
}

// Fails the COMMIT after the next `skip` ones, once, as a full disk or a lost server would, and
// counts the units of work (savepoints, on SQLite) that the failed transaction held.
class FailOneCommit final : public StatementFaults {
 public:
  void Arm(int skip) {
    std::lock_guard lock(mutex_);
    skip_ = skip;
    armed_ = true;
  }
  int units_in_failed_commit() {
    std::lock_guard lock(mutex_);
    return units_in_failed_;
  }

  std::optional<Error> Before(std::string_view sql) override {
    std::lock_guard lock(mutex_);
    if (sql == "BEGIN IMMEDIATE") units_ = 0;
    if (sql == "SAVEPOINT unit") ++units_;
    if (sql != "COMMIT" || !armed_) return std::nullopt;
    if (skip_-- > 0) return std::nullopt;
    armed_ = false;
    units_in_failed_ = std::max(units_, 1);
    return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
  }

 private:
  std::mutex mutex_;
  bool armed_ = false;
  int skip_ = 0;
  int units_ = 0;
  int units_in_failed_ = 0;
};

// No unit of a batch whose commit fails is acknowledged, and none of its writes is kept; the
// units committed before and after are unaffected. On SQLite the failing batch holds several
// units (group commit); on PostgreSQL each unit commits alone, so the batch is one.
TEST_P(DatabaseTest, AFailedCommitAcknowledgesNoneOfItsUnits) {
  auto faults = std::make_shared<FailOneCommit>();
  std::unique_ptr<Database> db = place_->Open(faults);
  constexpr int kWriters = 6;
  std::mutex gate_mutex;
  std::condition_variable gate;
  bool open = false;
  std::atomic<int> waiting{0};
  std::atomic<bool> holding{false};
  // SQLite: the first unit commits alone, and the batch queued behind it fails. PostgreSQL: the
  // first writer to commit fails, while the first unit still waits.
  faults->Arm(GetParam() == testing::Engine::kSqlite ? 1 : 0);
  // The first unit holds the writer, so that the others queue up behind it and share one batch.
  std::thread first([&] {
    Result<void> done = db->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.consults().NextInSequence("first"));
      holding = true;
      std::unique_lock lock(gate_mutex);
      gate.wait(lock, [&] { return open; });
      return Ok();
    });
    EXPECT_TRUE(done.ok());
  });
  while (!holding.load()) std::this_thread::yield();  // its batch is taken: the others wait
  std::vector<Result<void>> results(kWriters, Ok());
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      ++waiting;
      results[w] = db->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
        MK_RETURN_IF_ERROR(tx.consults().NextInSequence("writer_" + std::to_string(w)));
        return Ok();
      });
    });
  }
  while (waiting.load() < kWriters) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let them reach the queue
  {
    std::lock_guard lock(gate_mutex);
    open = true;
  }
  gate.notify_all();
  first.join();
  for (std::thread& writer : writers) writer.join();

  int failed = 0;
  for (int w = 0; w < kWriters; ++w) {
    Result<int64_t> next = Transact<int64_t>(*db, Access::kWrite, [&](Tx& tx) {
      return tx.consults().NextInSequence("writer_" + std::to_string(w));
    });
    ASSERT_TRUE(next.ok());
    bool kept = *next == 2;
    EXPECT_EQ(results[w].ok(), kept) << "writer " << w << ": acknowledged only if kept";
    if (!results[w].ok()) {
      ++failed;
      EXPECT_EQ(results[w].error().code, ErrorCode::kUnavailable);
    }
  }
  EXPECT_EQ(failed, faults->units_in_failed_commit());
  if (GetParam() == testing::Engine::kSqlite) {
    EXPECT_GE(failed, 2) << "the failing commit should have held a batch of several units";
  } else {
    EXPECT_EQ(failed, 1);
  }
  Result<int64_t> first_kept = Transact<int64_t>(
      *db, Access::kWrite, [&](Tx& tx) { return tx.consults().NextInSequence("first"); });
  EXPECT_EQ(*first_kept, 2);
}

// Statements are kept prepared per connection; statements whose text varies (IN lists of many
// lengths) must neither grow the cache without end nor push out the ones used all the time, and
// every one of them still runs.
TEST_P(DatabaseTest, StatementsOfEveryTextRunWhenTheCacheOfPreparedOnesIsFull) {
  Write([&](Tx& tx) -> Result<void> {
    for (int n = 0; n < 700; ++n) {
      MK_ASSIGN_OR_RETURN(Rows rows, tx.connection().Query("SELECT " + std::to_string(n) + " + ?",
                                                           std::vector<SqlValue>{int64_t{1}}));
      EXPECT_EQ(rows.front().Int(0), n + 1);
    }
    MK_ASSIGN_OR_RETURN(Rows again, tx.connection().Query("SELECT 5 + ?",
                                                          std::vector<SqlValue>{int64_t{2}}));
    EXPECT_EQ(again.front().Int(0), 7);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(DatabaseTest);

}  // namespace
}  // namespace meekijk::store
