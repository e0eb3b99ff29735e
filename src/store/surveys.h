// Patient survey codes and their answers: one code per consult, answered at most once (the
// conditional UPDATE decides between two answers at once).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct SurveyCode {
  std::string code;
  int64_t consult_id = 0;
  std::string specialty;  // the consult's
  bool answered = false;
};

struct SurveyResponse {
  std::string language;  // "nl" or "en"
  int overall = 0;       // 1..5
  int explained = 0;     // 1..5
  std::string preference;
};

class SurveyRepository {
 public:
  explicit SurveyRepository(Statements& statements) : sql_(statements) {}

  Result<std::optional<std::string>> CodeOf(int64_t consult_id);
  // kConflict ("code_taken") when the code exists already, or the consult has one already (made
  // at the same moment): the caller reads CodeOf again, or draws another.
  Result<void> Create(std::string_view code, int64_t consult_id, TimePoint now);
  Result<std::optional<SurveyCode>> Find(std::string_view code);
  // kConflict ("already_answered") when the code was answered before.
  Result<void> Answer(std::string_view code, const SurveyResponse& response, TimePoint now);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
