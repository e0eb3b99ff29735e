// The insurer's export formats: see insurer_export.h.
#include "domain/insurer_export.h"

#include <cstdlib>

#include "domain/calendar.h"
#include "domain/csv.h"
#include "domain/legacy_encodings.h"

namespace meekijk::domain {
namespace {

// A text field: plain ASCII (the EI files are ASCII), left-aligned, padded with spaces, cut to
// `width`.
std::string Alpha(std::string_view text, size_t width) {
  std::string out = ToAscii(text);
  out.resize(width, ' ');
  return out;
}

// A number field: right-aligned, padded with zeros.
std::string Numeric(int64_t value, size_t width) {
  std::string digits = std::to_string(std::llabs(value));
  if (digits.size() > width) digits = digits.substr(digits.size() - width);
  return std::string(width - digits.size(), '0') + digits;
}

// YYYY-MM-DD as YYYYMMDD.
std::string Date(std::string_view iso) {
  if (iso.size() != 10) return "00000000";
  return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
}

std::string Record(std::string body) {
  body.resize(kEiRecordLength, ' ');
  return body + "\r\n";
}

std::string Euros(int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  int64_t a = std::llabs(cents);
  std::string fraction = std::to_string(a % 100);
  if (fraction.size() == 1) fraction = "0" + fraction;
  return sign + std::to_string(a / 100) + "." + fraction;
}

}  // namespace

std::string PerformanceCode(FeeSide side, ConsultMode mode) {
  std::string code = side == FeeSide::kGp ? "MKH" : "MKS";
  return code + (mode == ConsultMode::kPhysical ? "F" : "D");
}

std::string InsurerExportCsv(const InsurerExportHeader& header, std::span<const FeeLineView> lines) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"regel", "maand", "consult", "zijde", "soort", "prestatiecode", "specialisme",
                  "vektis_specialisme", "vorm", "datum", "minuten", "agb_praktijk",
                  "agb_specialist", "bedrag_eur", "reden", "verzekeraar"});
  for (const FeeLineView& v : lines) {
    const FeeLine& l = v.line;
    rows.push_back({std::to_string(l.id), l.month, l.consult_number, std::string(Name(l.side)),
                    std::string(Name(l.kind)), PerformanceCode(l.side, l.mode), l.specialty,
                    l.vektis_code.value_or(""), std::string(Name(l.mode)), l.performed_on,
                    std::to_string(l.minutes), l.practice_agb.value_or(""),
                    l.specialist_agb.value_or(""), Euros(l.amount_cents), l.reason.value_or(""),
                    v.insurer_name.value_or(header.insurer_name)});
  }
  return CsvDocument(rows);
}

std::string InsurerExportEi(const InsurerExportHeader& header, std::span<const FeeLineView> lines) {
  std::string out;
  std::string period = header.month.substr(0, 4) + header.month.substr(5, 2);
  std::string created = header.created_on.substr(0, 4) + header.created_on.substr(5, 2) +
                        header.created_on.substr(8, 2);
  // 01: record type, standard, insurer's code and name, period, creation date.
  out += Record("01" + Alpha("MEEKIJK", 8) + Alpha(header.insurer_code.value_or(""), 8) +
                Alpha(header.insurer_name, 40) + period + created);
  int64_t total = 0;
  int64_t number = 0;
  for (const FeeLineView& v : lines) {
    ++number;
    total += v.line.amount_cents;
    // 04: record type, record number, line reference, practice AGB, specialist AGB, performance
    // code, Vektis specialism, date, minutes, amount in cents, D(ebit)/C(redit), line kind.
    const FeeLine& l = v.line;
    out += Record("04" + Numeric(number, 12) + Numeric(l.id, 12) + Alpha(l.practice_agb.value_or(""), 8) +
                  Alpha(l.specialist_agb.value_or(""), 8) + Alpha(PerformanceCode(l.side, l.mode), 6) +
                  Alpha(l.vektis_code.value_or(""), 4) + Date(l.performed_on) +
                  Numeric(l.minutes, 4) + Numeric(l.amount_cents, 11) +
                  (l.amount_cents < 0 ? "C" : "D") + (l.kind == FeeLineKind::kCorrection ? "K" : "N") +
                  Alpha(l.consult_number, 20));
  }
  // 99: record type, number of 04 records, total in cents, D/C.
  out += Record("99" + Numeric(number, 7) + Numeric(total, 11) + (total < 0 ? "C" : "D"));
  return out;
}

}  // namespace meekijk::domain
