// Attachments: their bytes live in the database, so that a backup is one thing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/attachment.h"
#include "store/statements.h"

namespace meekijk::store {

class AttachmentRepository {
 public:
  explicit AttachmentRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Insert(const domain::Attachment& attachment, std::string_view content);
  Result<std::optional<domain::Attachment>> Find(int64_t id);
  // The bytes; kNotFound (reason "not_found") when there is no such attachment.
  Result<std::string> Content(int64_t id);
  // In the order they were added.
  Result<std::vector<domain::Attachment>> OfConsult(int64_t consult_id);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
