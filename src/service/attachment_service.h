// Attachments: photos, ECGs and letters on a consult, recognised by their bytes and kept in the
// database. Who may add or read one follows from their role on the consult (consult_access.h).
#pragma once

#include <cstddef>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "domain/attachment.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

class AccessLog;

inline constexpr size_t kDefaultMaxAttachmentBytes = 20 * 1024 * 1024;

struct StoredFile {
  domain::Attachment attachment;
  std::string content;
};

class AttachmentService {
 public:
  AttachmentService(store::Database& database, const Clock& clock, AccessLog& access_log,
                    size_t max_attachment_bytes = kDefaultMaxAttachmentBytes)
      : database_(database),
        clock_(clock),
        access_log_(access_log),
        max_attachment_bytes_(max_attachment_bytes) {}

  // The file's type comes from its bytes; `filename` is only kept for display and download.
  Result<domain::Attachment> Add(const Principal& principal, int64_t consult_id,
                                 const std::string& filename, const std::string& content);
  // kNotFound alike for an attachment that does not exist and one the caller may not see.
  Result<StoredFile> Get(const Principal& principal, int64_t attachment_id);

  size_t max_attachment_bytes() const { return max_attachment_bytes_; }

 private:
  store::Database& database_;
  const Clock& clock_;
  AccessLog& access_log_;
  size_t max_attachment_bytes_;
};

}  // namespace meekijk::service
