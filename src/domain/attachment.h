// A file attached to a consult: a photo, an ECG, a letter. Its bytes are kept apart, so that
// listing a consult's files never loads them.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "domain/file_type.h"

namespace meekijk::domain {

struct Attachment {
  int64_t id = 0;
  int64_t consult_id = 0;
  std::string filename;                 // safe to show and to offer as a download name
  FileType file_type = FileType::kPdf;  // from the bytes, never from the name
  int64_t size_bytes = 0;
  std::string sha256;
  int64_t uploaded_by = 0;
  TimePoint uploaded_at;
  bool operator==(const Attachment&) const = default;
};

}  // namespace meekijk::domain
