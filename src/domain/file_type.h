// Recognises the type of an attachment from its bytes and proves it. The file name and the
// declared content type are never trusted: the leading bytes say what a file claims to be, and
// decoding it (libjpeg-turbo, libpng, qpdf) shows that it is one.
#pragma once

#include <string_view>

#include "core/result.h"

namespace meekijk::domain {

enum class FileType { kJpeg, kPng, kPdf };

// JPEG starts with FF D8 FF; PNG with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A; PDF with
// "%PDF-". Anything else (an executable, a zip, text, nothing) is refused with
// ErrorCode::kUnsupportedMedia, field "file". Only the signature is checked, not the whole file.
Result<FileType> SniffFileType(std::string_view bytes);

// Sniffs the type and then proves it: a JPEG or PNG is decoded in full (an image of at most
// kMaxImagePixels), a PDF is parsed as far as its page tree and must have a page. A file that
// only starts like one ("%PDF-" followed by HTML, FF D8 FF and nothing else) is refused with
// ErrorCode::kUnsupportedMedia, field "file".
Result<FileType> InspectFile(std::string_view bytes);

// Phone cameras make 12–50 megapixel photos; a larger image is refused rather than decoded.
inline constexpr long kMaxImagePixels = 100'000'000;

// "image/jpeg", "image/png" or "application/pdf".
std::string_view MimeType(FileType type);

// "jpeg", "png" or "pdf": stable lower-case names for storage and logs.
std::string_view FileTypeName(FileType type);

}  // namespace meekijk::domain
