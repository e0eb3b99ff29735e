// Generated consults with their threads, in a realistic mix: dermatology the largest specialty,
// every state of the life cycle (older consults mostly closed), threads of one to six messages,
// about two thirds treated in primary care, response times spread around the agreed days, a few
// physical consults. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "cli/dataset_world.h"
#include "domain/consult.h"

namespace meekijk::cli {

struct ConsultBatch {
  std::vector<domain::Consult> consults;        // ids and numbers set
  std::vector<domain::ThreadMessage> messages;  // ids set, in consult order
};

class ConsultSynthesiser {
 public:
  // Consults are spread evenly over `years` up to `now`, in the order of their ids.
  ConsultSynthesiser(const World& world, int64_t total, int years, TimePoint now, uint64_t seed);

  // The consults `first`..`first + count - 1` (0-based within the dataset), with database ids
  // from `consult_id` and `message_id` on. Numbers are set by the caller (they need the store).
  void Make(int64_t first, int64_t count, int64_t consult_id, int64_t message_id,
            ConsultBatch& batch);

 private:
  domain::Consult MakeOne(int64_t index, int64_t id, int64_t& message_id,
                          std::vector<domain::ThreadMessage>& messages);

  const World& world_;
  int64_t total_;
  TimePoint start_;
  TimePoint now_;
  std::chrono::milliseconds step_;
  std::mt19937_64 random_;
};

}  // namespace meekijk::cli
