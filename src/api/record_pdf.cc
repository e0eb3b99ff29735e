// The copy for the record: see record_pdf.h. Dutch, as the record it goes into.
#include "api/record_pdf.h"

#include "api/pdf_writer.h"
#include "domain/calendar.h"
#include "domain/consult_state.h"
#include "domain/icpc.h"
#include "domain/working_days.h"

namespace meekijk::api {
namespace {

using domain::MessageKind;

constexpr HPDF_REAL kPageLeft = PdfWriter::kLeft;
constexpr HPDF_REAL kValue = 190;

// "3 december 2026 14:05", on the Amsterdam clock.
std::string When(TimePoint t) {
  static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",
                                            "mei",     "juni",     "juli",      "augustus",
                                            "september", "oktober", "november", "december"};
  std::chrono::year_month_day day = domain::AmsterdamDate(t);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
      t - domain::AmsterdamMoment(day, 0));
  return std::to_string(static_cast<unsigned>(day.day())) + " " +
         kMonths[static_cast<unsigned>(day.month()) - 1] + " " +
         std::to_string(static_cast<int>(day.year())) + " " +
         domain::ClockText(static_cast<int>(minutes.count()));
}

std::string_view Recommendation(domain::Recommendation r) {
  switch (r) {
    case domain::Recommendation::kPrimaryCare: return "behandelen in de eerste lijn";
    case domain::Recommendation::kRefer: return "verwijzen";
    case domain::Recommendation::kPhysicalSession: return "fysiek meekijkconsult";
    case domain::Recommendation::kOther: return "anders";
  }
  return "anders";
}

std::string_view OutcomeText(domain::OutcomeKind o) {
  switch (o) {
    case domain::OutcomeKind::kPrimaryCare: return "behandeld in de eerste lijn";
    case domain::OutcomeKind::kReferred: return "verwezen";
    case domain::OutcomeKind::kReferredElsewhere: return "elders verwezen";
  }
  return "";
}

std::string_view MessageKindText(MessageKind kind) {
  switch (kind) {
    case MessageKind::kQuestion: return "Vraag van de huisarts";
    case MessageKind::kInfoRequest: return "Vraag om informatie";
    case MessageKind::kReply: return "Antwoord van de praktijk";
    case MessageKind::kAdvice: return "Advies";
  }
  return "";
}

std::string_view SexText(domain::Sex sex) {
  switch (sex) {
    case domain::Sex::kFemale: return "vrouw";
    case domain::Sex::kMale: return "man";
    case domain::Sex::kOther: return "anders";
    case domain::Sex::kUnknown: return "onbekend";
  }
  return "onbekend";
}

void Row(PdfWriter& w, const std::string& label, const std::string& value) {
  w.Text(kPageLeft, label, true);
  w.Paragraph(kValue, value.empty() ? "-" : value);
}

void Heading(PdfWriter& w, const std::string& text) {
  w.Next(8);
  w.Text(kPageLeft, text, true, 11);
  w.Next(16);
}

std::string PersonWithAgb(const std::optional<domain::User>& user, const std::string& fallback) {
  if (!user) return fallback;
  return user->display_name + (user->agb ? " (AGB " + *user->agb + ")" : "");
}

std::string OrganisationWithAgb(const std::optional<domain::Organisation>& o,
                                const std::string& fallback) {
  if (!o) return fallback;
  return o->name + (o->agb ? " (AGB " + *o->agb + ")" : "");
}

}  // namespace

Result<std::string> RecordPdf(const service::ConsultDetail& detail, TimePoint made_at) {
  const domain::Consult& c = detail.consult;
  const domain::ConsultContent& content = c.content;
  MK_ASSIGN_OR_RETURN(PdfWriter w, PdfWriter::Start("Meekijkconsult " + c.number));
  w.Text(kPageLeft, "Meekijkconsult " + c.number, true, 15);
  w.Next(18);
  w.Text(kPageLeft, "Kopie voor het dossier, gemaakt op " + When(made_at) + " door meekijk.", false, 8);
  w.Next(20);

  Heading(w, "Patiënt");
  const domain::Patient& p = content.patient;
  if (p.name) Row(w, "Naam", *p.name);
  Row(w, "Geboren", p.birth_date ? *p.birth_date : std::to_string(p.birth_year));
  Row(w, "Geslacht", std::string(SexText(p.sex)));
  if (p.bsn) Row(w, "BSN", *p.bsn);

  Heading(w, "Consult");
  Row(w, "Praktijk", OrganisationWithAgb(detail.practice, detail.practice_name));
  Row(w, "Huisarts", PersonWithAgb(detail.sender, ""));
  Row(w, "Specialisme", content.specialty);
  Row(w, "Beantwoord door", PersonWithAgb(detail.specialist, detail.specialist_name) +
                                (detail.pool_organisation ? ", " + detail.pool_organisation->name : ""));
  Row(w, "Vorm", content.mode == domain::ConsultMode::kPhysical ? "fysiek" : "digitaal");
  const domain::IcpcCode* icpc = domain::FindIcpc(content.icpc);
  Row(w, "ICPC", content.icpc + (icpc ? " " + icpc->description_nl : ""));
  if (c.sent_at) Row(w, "Verstuurd", When(*c.sent_at));
  if (c.first_advice_at) Row(w, "Eerste advies", When(*c.first_advice_at));
  if (c.outcome) Row(w, "Afgesloten", When(c.outcome->closed_at));
  Row(w, "Status", domain::StatusLabel(c.status).nl);

  Heading(w, "Vraag");
  w.Paragraph(kPageLeft, content.question);
  if (!content.clinical_summary.empty()) {
    Heading(w, "Samenvatting");
    w.Paragraph(kPageLeft, content.clinical_summary);
  }
  if (!content.template_answers.empty()) {
    Heading(w, "Antwoorden op de vragenlijst");
    for (const domain::TemplateAnswer& answer : content.template_answers) {
      std::string label = answer.key;
      if (detail.question_template) {
        for (const domain::TemplateField& field : detail.question_template->fields) {
          if (field.key == answer.key) label = field.label;
        }
      }
      w.Paragraph(kPageLeft, label + ": " + answer.value);
    }
  }
  if (!detail.thread.empty()) {
    Heading(w, "Berichten");
    for (const domain::ThreadMessage& m : detail.thread) {
      std::string kind(MessageKindText(m.kind));
      if (m.recommendation) kind += " (" + std::string(Recommendation(*m.recommendation)) + ")";
      w.Paragraph(kPageLeft, When(m.created_at) + "  " + m.author_name + " - " + kind, true, 9);
      w.Paragraph(kPageLeft + 12, m.body);
      w.Next(4);
    }
  }
  if (c.advice) {
    Heading(w, "Advies: " + std::string(Recommendation(c.advice->recommendation)));
    w.Paragraph(kPageLeft, c.advice->body);
  }
  if (c.outcome) {
    Heading(w, "Uitkomst");
    Row(w, "Uitkomst", std::string(OutcomeText(c.outcome->outcome)));
    Row(w, "Geleerd", c.outcome->learned ? "ja" : "nee");
    Row(w, "Waardering", std::to_string(c.outcome->rating) + " van 5");
  }
  if (detail.referral) {
    Heading(w, "Verwijzing, verstuurd op " + When(detail.referral->sent_at) + " door " +
                   detail.referral->sent_by);
    w.Paragraph(kPageLeft, detail.referral->letter);
  }
  if (!detail.attachments.empty()) {
    Heading(w, "Bijlagen (in meekijk)");
    for (const domain::Attachment& a : detail.attachments) {
      w.Paragraph(kPageLeft, a.filename + " (" + std::to_string((a.size_bytes + 1023) / 1024) + " kB)");
    }
  }
  return w.Finish();
}

}  // namespace meekijk::api
