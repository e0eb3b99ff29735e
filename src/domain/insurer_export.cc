// The insurer's export formats: see insurer_export.h.
#include "domain/insurer_export.h"

#include <cstdlib>

#include "domain/calendar.h"
#include "domain/csv.h"

namespace meekijk::domain {
namespace {

// A text field: left-aligned, padded with spaces, cut to `width`; only printable ASCII (the EI
// files are plain ASCII), anything else becomes '?'.
std::string Alpha(std::string_view text, size_t width) {
  std::string out;
  for (char c : text) {
    if (out.size() == width) break;
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 && u < 0xC0) continue;  // a UTF-8 continuation byte: its lead byte counted
    out += (u >= 0x20 && u < 0x7F) ? c : '?';
  }
  out.resize(width, ' ');
  return out;
}

// A number field: right-aligned, padded with zeros.
std::string Numeric(int64_t value, size_t width) {
  std::string digits = std::to_string(std::llabs(value));
  if (digits.size() > width) digits = digits.substr(digits.size() - width);
  return std::string(width - digits.size(), '0') + digits;
}

std::string Date(std::optional<TimePoint> t) {
  if (!t) return "00000000";
  std::string iso = AmsterdamIsoDate(*t);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
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
    rows.push_back({std::to_string(v.line.id), v.line.month, v.line.consult_number,
                    std::string(Name(v.line.side)), std::string(Name(v.line.kind)),
                    PerformanceCode(v.line.side, v.mode), v.specialty, v.vektis_code.value_or(""),
                    std::string(Name(v.mode)),
                    v.closed_at ? AmsterdamIsoDate(*v.closed_at) : std::string(),
                    std::to_string(v.specialist_minutes), v.practice_agb.value_or(""),
                    v.specialist_agb.value_or(""), Euros(v.line.amount_cents),
                    v.line.reason.value_or(""), header.insurer_name});
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
    out += Record("04" + Numeric(number, 12) + Numeric(v.line.id, 12) +
                  Alpha(v.practice_agb.value_or(""), 8) + Alpha(v.specialist_agb.value_or(""), 8) +
                  Alpha(PerformanceCode(v.line.side, v.mode), 6) +
                  Alpha(v.vektis_code.value_or(""), 4) + Date(v.closed_at) +
                  Numeric(v.specialist_minutes, 4) + Numeric(v.line.amount_cents, 11) +
                  (v.line.amount_cents < 0 ? "C" : "D") +
                  (v.line.kind == FeeLineKind::kCorrection ? "K" : "N") +
                  Alpha(v.line.consult_number, 20));
  }
  // 99: record type, number of 04 records, total in cents, D/C.
  out += Record("99" + Numeric(number, 7) + Numeric(total, 11) + (total < 0 ? "C" : "D"));
  return out;
}

}  // namespace meekijk::domain
