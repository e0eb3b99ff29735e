// The fee statement PDF: see statement_pdf.h.
#include "api/statement_pdf.h"

#include "api/pdf_writer.h"

#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/legacy_encodings.h"
#include "domain/insurer_export.h"

namespace meekijk::api {
namespace {

constexpr HPDF_REAL kLeft = PdfWriter::kLeft;

std::string Euros(int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  int64_t a = cents < 0 ? -cents : cents;
  std::string fraction = std::to_string(a % 100);
  if (fraction.size() == 1) fraction = "0" + fraction;
  return sign + "€ " + std::to_string(a / 100) + "," + fraction;
}

}  // namespace

Result<std::string> StatementPdf(const service::FeeStatement& statement) {
  MK_ASSIGN_OR_RETURN(PdfWriter w, PdfWriter::Start("Declaratiespecificatie"));
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
    w.Text(columns[3], domain::PerformanceCode(v.line.side, v.line.mode));
    w.Text(columns[4], v.line.mode == domain::ConsultMode::kPhysical ? "fysiek" : "digitaal");
    w.Text(columns[5], v.line.performed_on);
    w.Text(columns[6], gp ? "" : std::to_string(v.line.minutes));
    w.Text(columns[7], Euros(v.line.amount_cents));
    if (correction && v.line.reason) {
      w.Next(11);
      w.Text(columns[1], "Reden: " + std::string(utf8::PrefixOfAtMost(*v.line.reason, 90)), false, 8);
    }
    w.Next();
  }
  w.Next(6);
  w.Text(columns[0], std::to_string(s.line_count) + " regels", true);
  w.Text(columns[7], Euros(s.total_cents), true);
  return w.Finish();
}

}  // namespace meekijk::api
