// PdfWriter: see pdf_writer.h.
#include "api/pdf_writer.h"

#include "domain/legacy_encodings.h"

namespace meekijk::api {
namespace {

constexpr HPDF_REAL kTop = 790;
constexpr HPDF_REAL kBottom = 60;

void IgnoreErrors(HPDF_STATUS, HPDF_STATUS, void*) {}  // the document's error state is checked at the end

}  // namespace

Result<PdfWriter> PdfWriter::Start(const std::string& title) {
  Doc pdf(HPDF_New(IgnoreErrors, nullptr), HPDF_Free);
  if (!pdf) return MakeFact(ErrorCode::kInternal, "pdf_unavailable");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "meekijk");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, domain::ToWindows1252(title).c_str());
  return PdfWriter(std::move(pdf));
}

PdfWriter::PdfWriter(Doc pdf)
    : pdf_(std::move(pdf)),
      font_(HPDF_GetFont(pdf_.get(), "Helvetica", "WinAnsiEncoding")),
      bold_(HPDF_GetFont(pdf_.get(), "Helvetica-Bold", "WinAnsiEncoding")) {
  NewPage();
}

void PdfWriter::NewPage() {
  page_ = HPDF_AddPage(pdf_.get());
  HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  y_ = kTop;
}

void PdfWriter::Text(HPDF_REAL x, const std::string& text, bool bold, HPDF_REAL size) {
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, bold ? bold_ : font_, size);
  HPDF_Page_TextOut(page_, x, y_, domain::ToWindows1252(text).c_str());
  HPDF_Page_EndText(page_);
}

void PdfWriter::Paragraph(HPDF_REAL x, const std::string& text, bool bold, HPDF_REAL size) {
  HPDF_Font font = bold ? bold_ : font_;
  std::string encoded = domain::ToWindows1252(text);
  size_t start = 0;
  while (start <= encoded.size()) {
    size_t end = encoded.find('\n', start);
    if (end == std::string::npos) end = encoded.size();
    std::string line = encoded.substr(start, end - start);
    do {
      // How much of the line fits, broken at a space where one is.
      HPDF_REAL used = 0;
      HPDF_UINT fits = HPDF_Font_MeasureText(font, reinterpret_cast<const HPDF_BYTE*>(line.c_str()),
                                             static_cast<HPDF_UINT>(line.size()), kRight - x, size,
                                             0, 0, HPDF_TRUE, &used);
      if (fits == 0) {
        fits = HPDF_Font_MeasureText(font, reinterpret_cast<const HPDF_BYTE*>(line.c_str()),
                                     static_cast<HPDF_UINT>(line.size()), kRight - x, size, 0, 0,
                                     HPDF_FALSE, &used);
      }
      if (fits == 0) fits = static_cast<HPDF_UINT>(std::min<size_t>(line.size(), 1));
      HPDF_Page_BeginText(page_);
      HPDF_Page_SetFontAndSize(page_, font, size);
      HPDF_Page_TextOut(page_, x, y_, line.substr(0, fits).c_str());
      HPDF_Page_EndText(page_);
      line.erase(0, fits);
      while (!line.empty() && line.front() == ' ') line.erase(0, 1);
      Next(size + 3);
    } while (!line.empty());
    start = end + 1;
  }
}

void PdfWriter::Next(HPDF_REAL by) {
  y_ -= by;
  if (y_ < kBottom) NewPage();
}

Result<std::string> PdfWriter::Finish() {
  if (HPDF_GetError(pdf_.get()) != HPDF_OK || HPDF_SaveToStream(pdf_.get()) != HPDF_OK) {
    return MakeFact(ErrorCode::kInternal, "pdf_failed");
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf_.get());
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf_.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  bytes.resize(read);
  return bytes;
}

}  // namespace meekijk::api
