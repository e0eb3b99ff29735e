// Question templates: the current version of each, and every version before it, so that a consult
// written to version 2 still shows version 2's questions after the template changed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "domain/question_template.h"
#include "store/statements.h"

namespace meekijk::store {

class TemplateRepository {
 public:
  explicit TemplateRepository(Statements& statements) : sql_(statements) {}

  // Stores version 1 and its copy in the history.
  Result<int64_t> Insert(const domain::QuestionTemplate& question_template);
  // Stores the template as the next version when `version` is still the stored one (else
  // Conflict "stale_version"), and keeps that version in the history.
  Result<void> Update(const domain::QuestionTemplate& question_template);
  Result<std::optional<domain::QuestionTemplate>> Find(int64_t id);
  Result<std::optional<domain::QuestionTemplate>> FindVersion(int64_t id, int64_t version);
  // Every version of one template, oldest first.
  Result<std::vector<domain::QuestionTemplate>> Versions(int64_t id);
  // Every template's current version, by id.
  Result<std::vector<domain::QuestionTemplate>> All();

 private:
  Result<void> WriteVersion(const domain::QuestionTemplate& question_template);

  Statements& sql_;
};

}  // namespace meekijk::store
