// Recognises the type of an attachment from its bytes. The file name and the declared content
// type are never trusted: only these leading bytes decide what a file is.
#pragma once

#include <string_view>

#include "core/result.h"

namespace meekijk::domain {

enum class FileType { kJpeg, kPng, kPdf };

// JPEG starts with FF D8 FF; PNG with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A; PDF with
// "%PDF-". Anything else (an executable, a zip, text, nothing) is refused with
// ErrorCode::kUnsupportedMedia, field "file". Only the signature is checked, not the whole file.
Result<FileType> SniffFileType(std::string_view bytes);

// "image/jpeg", "image/png" or "application/pdf".
std::string_view MimeType(FileType type);

// "jpeg", "png" or "pdf": stable lower-case names for storage and logs.
std::string_view FileTypeName(FileType type);

}  // namespace meekijk::domain
