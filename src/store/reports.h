// What the triple-aim report reads: one row of figures per sent consult (domain/triple_aim.h),
// chosen by period, scope and filters. The one query path of every figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/triple_aim.h"
#include "store/statements.h"

namespace meekijk::store {

struct FigureFilter {
  TimePoint sent_from;   // inclusive
  TimePoint sent_until;  // exclusive
  // The caller's scope: consults of these practices or answered by these pools (either); when
  // `everything`, all consults.
  bool everything = false;
  std::vector<int64_t> scope_practices;
  std::vector<int64_t> scope_pools;
  // A narrower choice within the scope (both empty: none).
  std::vector<int64_t> only_practices;
  std::vector<int64_t> only_pools;
  bool only_given = false;  // an organisation was chosen: only_* apply even when empty
  std::optional<std::string> specialty;
  std::optional<domain::ConsultMode> mode;
};

class ReportRepository {
 public:
  explicit ReportRepository(Statements& statements) : sql_(statements) {}

  Result<std::vector<domain::ConsultFigures>> ConsultFigures(const FigureFilter& filter);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
