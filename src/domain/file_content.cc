// Proving that an attachment is what its first bytes claim: decoding images, parsing PDFs.
#include <png.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <turbojpeg.h>

#include <memory>
#include <vector>

#include "domain/file_type.h"

namespace meekijk::domain {
namespace {

Error NotA(std::string_view nl_kind, std::string_view en_kind) {
  return MakeError(ErrorCode::kUnsupportedMedia,
                   "Dit bestand begint als " + std::string(nl_kind) +
                       " maar is er geen: het is beschadigd of iets anders. Alleen foto's (JPEG, "
                       "PNG) en PDF-documenten kunnen worden toegevoegd.",
                   "This file starts like " + std::string(en_kind) +
                       " but is not one: it is damaged or something else. Only photos (JPEG, "
                       "PNG) and PDF documents can be attached.",
                   "file");
}

Error TooManyPixels() {
  return MakeError(ErrorCode::kUnsupportedMedia,
                   "Deze afbeelding heeft te veel beeldpunten; verklein haar tot hoogstens 100 "
                   "megapixel.",
                   "This image has too many pixels; reduce it to at most 100 megapixels.",
                   "file");
}

// Decodes every block of the JPEG, at one eighth of its size in grey: all of the entropy-coded
// data is read and checked, but the pixels kept are 1/64 of a full decode.
Result<void> ProveJpeg(std::string_view bytes) {
  std::unique_ptr<void, int (*)(tjhandle)> decoder(tjInitDecompress(), tjDestroy);
  if (!decoder) return NotA("een JPEG-foto", "a JPEG photo");
  auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  unsigned long size = static_cast<unsigned long>(bytes.size());
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(decoder.get(), data, size, &width, &height, &subsampling, &colorspace) !=
          0 ||
      width <= 0 || height <= 0) {
    return NotA("een JPEG-foto", "a JPEG photo");
  }
  if (static_cast<long>(width) * height > kMaxImagePixels) return TooManyPixels();
  int scaled_width = (width + 7) / 8, scaled_height = (height + 7) / 8;
  std::vector<unsigned char> pixels(static_cast<size_t>(scaled_width) * scaled_height);
  // TJFLAG_STOPONWARNING: a truncated or corrupt stream is an error, not a grey lower half.
  if (tjDecompress2(decoder.get(), data, size, pixels.data(), scaled_width, 0, scaled_height,
                    TJPF_GRAY, TJFLAG_STOPONWARNING) != 0) {
    return NotA("een JPEG-foto", "a JPEG photo");
  }
  return Ok();
}

// Decodes the PNG in full (grey, one byte a pixel), checking every chunk's CRC and the image data.
Result<void> ProvePng(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) {
    return NotA("een PNG-afbeelding", "a PNG image");
  }
  if (static_cast<long>(image.width) * image.height > kMaxImagePixels) {
    png_image_free(&image);
    return TooManyPixels();
  }
  image.format = PNG_FORMAT_GRAY;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) {
    png_image_free(&image);
    return NotA("een PNG-afbeelding", "a PNG image");
  }
  return Ok();
}

// Parses the PDF's cross-reference table (or recovers it, as viewers do) and walks its page
// tree: a file without a page is no document.
Result<void> ProvePdf(std::string_view bytes) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("bijlage.pdf", bytes.data(), bytes.size());
    if (QPDFPageDocumentHelper(pdf).getAllPages().empty()) {
      return NotA("een PDF-document", "a PDF document");
    }
  } catch (const std::exception&) {
    return NotA("een PDF-document", "a PDF document");
  }
  return Ok();
}

}  // namespace

Result<FileType> InspectFile(std::string_view bytes) {
  MK_ASSIGN_OR_RETURN(FileType type, SniffFileType(bytes));
  switch (type) {
    case FileType::kJpeg: MK_RETURN_IF_ERROR(ProveJpeg(bytes)); break;
    case FileType::kPng: MK_RETURN_IF_ERROR(ProvePng(bytes)); break;
    case FileType::kPdf: MK_RETURN_IF_ERROR(ProvePdf(bytes)); break;
  }
  return type;
}

}  // namespace meekijk::domain
