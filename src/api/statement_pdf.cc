// The fee statement PDF: see statement_pdf.h.
#include "api/statement_pdf.h"

#include <hpdf.h>

#include <memory>

#include "domain/calendar.h"
#include "domain/insurer_export.h"

namespace meekijk::api {
namespace {

constexpr HPDF_REAL kLeft = 50;
constexpr HPDF_REAL kTop = 790;
constexpr HPDF_REAL kBottom = 60;
constexpr HPDF_REAL kLine = 14;

void IgnoreErrors(HPDF_STATUS, HPDF_STATUS, void*) {}  // every call's status is checked instead

std::string Euros(int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  int64_t a = cents < 0 ? -cents : cents;
  std::string fraction = std::to_string(a % 100);
  if (fraction.size() == 1) fraction = "0" + fraction;
  return sign + "€ " + std::to_string(a / 100) + "," + fraction;
}

// Writes lines top to bottom, starting a new page when one is full.
class Writer {
 public:
  explicit Writer(HPDF_Doc pdf) : pdf_(pdf), font_(HPDF_GetFont(pdf, "Helvetica", "WinAnsiEncoding")),
                                  bold_(HPDF_GetFont(pdf, "Helvetica-Bold", "WinAnsiEncoding")) {
    NewPage();
  }
  void Text(HPDF_REAL x, const std::string& text, bool bold = false, HPDF_REAL size = 9) {
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, bold ? bold_ : font_, size);
    HPDF_Page_TextOut(page_, x, y_, WinAnsi(text).c_str());
    HPDF_Page_EndText(page_);
  }
  void Next(HPDF_REAL by = kLine) {
    y_ -= by;
    if (y_ < kBottom) NewPage();
  }

 private:
  void NewPage() {
    page_ = HPDF_AddPage(pdf_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    y_ = kTop;
  }
  HPDF_Doc pdf_;
  HPDF_Font font_;
  HPDF_Font bold_;
  HPDF_Page page_ = nullptr;
  HPDF_REAL y_ = kTop;
};

}  // namespace

std::string WinAnsi(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    size_t length = 1;
    if (c >= 0xF0) {
      length = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      length = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      length = 2;
      cp = c & 0x1F;
    }
    for (size_t k = 1; k < length && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += length;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(cp);
    } else if (cp == 0x20AC) {
      out += '\x80';  // €
    } else if (cp == 0x2018 || cp == 0x2019) {
      out += static_cast<char>(cp == 0x2018 ? 0x91 : 0x92);
    } else if (cp == 0x2013 || cp == 0x2014) {
      out += static_cast<char>(cp == 0x2013 ? 0x96 : 0x97);
    } else {
      out += '?';
    }
  }
  return out;
}

Result<std::string> StatementPdf(const service::FeeStatement& statement) {
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(
      HPDF_New(IgnoreErrors, nullptr), HPDF_Free);
  if (!pdf) return MakeFact(ErrorCode::kInternal, "pdf_unavailable");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "meekijk");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, WinAnsi("Declaratiespecificatie").c_str());
  Writer w(pdf.get());
  const domain::FeeStatementSummary& s = statement.summary;
  w.Text(kLeft, "Declaratiespecificatie meekijkconsulten " + s.month, true, 14);
  w.Next(20);
  w.Text(kLeft, statement.organisation.name + (statement.organisation.agb
                                                   ? "  (AGB " + *statement.organisation.agb + ")"
                                                   : std::string()));
  w.Next();
  w.Text(kLeft, s.approved_at ? "Goedgekeurd op " + domain::AmsterdamIsoDate(*s.approved_at) +
                                    " door " + s.approved_by_name.value_or("")
                              : "Nog niet goedgekeurd (concept)");
  w.Next();
  w.Text(kLeft, "Geen patiëntfacturen: een meekijkconsult gaat niet van het eigen risico af.");
  w.Next(22);
  const HPDF_REAL columns[] = {kLeft, 130, 185, 245, 290, 335, 385, 440};
  const char* headings[] = {"Consult", "Zijde", "Soort", "Code", "Vorm", "Datum", "Minuten", "Bedrag"};
  for (size_t i = 0; i < 8; ++i) w.Text(columns[i], headings[i], true);
  w.Next();
  for (const domain::FeeLineView& v : statement.lines) {
    bool gp = v.line.side == domain::FeeSide::kGp;
    bool correction = v.line.kind == domain::FeeLineKind::kCorrection;
    w.Text(columns[0], v.line.consult_number);
    w.Text(columns[1], gp ? "huisarts" : "specialist");
    w.Text(columns[2], correction ? "correctie" : "vergoeding");
    w.Text(columns[3], domain::PerformanceCode(v.line.side, v.mode));
    w.Text(columns[4], v.mode == domain::ConsultMode::kPhysical ? "fysiek" : "digitaal");
    w.Text(columns[5], v.closed_at ? domain::AmsterdamIsoDate(*v.closed_at) : "");
    w.Text(columns[6], std::to_string(v.specialist_minutes));
    w.Text(columns[7], Euros(v.line.amount_cents));
    if (correction && v.line.reason) {
      w.Next(11);
      w.Text(columns[1], "Reden: " + v.line.reason->substr(0, 90), false, 8);
    }
    w.Next();
  }
  w.Next(6);
  w.Text(columns[0], std::to_string(s.line_count) + " regels", true);
  w.Text(columns[7], Euros(s.total_cents), true);
  if (HPDF_SaveToStream(pdf.get()) != HPDF_OK) return MakeFact(ErrorCode::kInternal, "pdf_failed");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf.get());
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  bytes.resize(read);
  return bytes;
}

}  // namespace meekijk::api
