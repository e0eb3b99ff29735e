// Writing a PDF with libharu, top to bottom: lines of text in the standard Helvetica fonts (so
// that no font file is needed; the text is Windows-1252, as those fonts are), paragraphs wrapped
// to the page's width, and new pages as they fill. For the fee statement and the consult's copy
// for the record.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>

#include "core/result.h"

namespace meekijk::api {

class PdfWriter {
 public:
  static constexpr HPDF_REAL kLeft = 50;
  static constexpr HPDF_REAL kRight = 545;

  // kInternal when libharu cannot start.
  static Result<PdfWriter> Start(const std::string& title);

  // One line at x on the current line; longer text runs off to the right.
  void Text(HPDF_REAL x, const std::string& text, bool bold = false, HPDF_REAL size = 9);
  // Text wrapped between x and the right margin, on as many lines (and pages) as it needs; keeps
  // the writer on the line after it. Line breaks in the text are kept.
  void Paragraph(HPDF_REAL x, const std::string& text, bool bold = false, HPDF_REAL size = 9);
  // Down by `by` points, on a new page when this one is full.
  void Next(HPDF_REAL by = 14);

  // The PDF's bytes; kInternal when libharu failed anywhere on the way.
  Result<std::string> Finish();

 private:
  using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)>;
  explicit PdfWriter(Doc pdf);
  void NewPage();

  Doc pdf_;
  HPDF_Font font_;
  HPDF_Font bold_;
  HPDF_Page page_ = nullptr;
  HPDF_REAL y_ = 0;
};

}  // namespace meekijk::api
