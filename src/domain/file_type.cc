// Magic-number sniffing for the three accepted attachment types.
#include "domain/file_type.h"

namespace meekijk::domain {
namespace {

constexpr std::string_view kJpegMagic("\xFF\xD8\xFF", 3);
constexpr std::string_view kPngMagic("\x89PNG\r\n\x1A\n", 8);
constexpr std::string_view kPdfMagic("%PDF-", 5);

}  // namespace

Result<FileType> SniffFileType(std::string_view bytes) {
  if (bytes.starts_with(kJpegMagic)) return FileType::kJpeg;
  if (bytes.starts_with(kPngMagic)) return FileType::kPng;
  if (bytes.starts_with(kPdfMagic)) return FileType::kPdf;
  return MakeError(ErrorCode::kUnsupportedMedia,
                   "Dit bestand is geen JPEG-, PNG- of PDF-bestand. Alleen foto's (JPEG, PNG) en "
                   "PDF-documenten kunnen worden toegevoegd.",
                   "This file is not a JPEG, PNG or PDF file. Only photos (JPEG, PNG) and PDF "
                   "documents can be attached.",
                   "file");
}

std::string_view MimeType(FileType type) {
  switch (type) {
    case FileType::kJpeg:
      return "image/jpeg";
    case FileType::kPng:
      return "image/png";
    case FileType::kPdf:
      return "application/pdf";
  }
  return "application/octet-stream";
}

std::string_view FileTypeName(FileType type) {
  switch (type) {
    case FileType::kJpeg:
      return "jpeg";
    case FileType::kPng:
      return "png";
    case FileType::kPdf:
      return "pdf";
  }
  return "unknown";
}

}  // namespace meekijk::domain
