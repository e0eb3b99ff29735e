// The referral letter's text.
#include "domain/referral_letter.h"

namespace meekijk::domain {
namespace {

std::string_view SexWord(Sex sex) {
  switch (sex) {
    case Sex::kFemale: return "vrouw";
    case Sex::kMale: return "man";
    case Sex::kOther: return "anders";
    case Sex::kUnknown: return "geslacht onbekend";
  }
  return "geslacht onbekend";
}

}  // namespace

std::string ReferralLetter(const ReferralFacts& facts) {
  const Consult& c = *facts.consult;
  const Patient& p = c.content.patient;
  std::string out = "Verwijzing na meekijkconsult " + c.number + "\n\n";
  out += "Aan: " + facts.addressee + "\n";
  out += "Van: " + facts.gp + ", " + facts.practice + "\n\n";
  out += "Patiënt: ";
  if (p.name) out += *p.name + ", ";
  out += p.birth_date ? "geboren " + *p.birth_date : "geboortejaar " + std::to_string(p.birth_year);
  out += ", " + std::string(SexWord(p.sex));
  if (p.bsn) out += ", BSN " + *p.bsn;
  out += "\n\nGeachte collega,\n\n";
  out += "Graag verwijs ik deze patiënt naar u, zoals " + facts.specialist +
         " adviseerde in het meekijkconsult " + c.number + ".\n\n";
  out += "Vraag van het meekijkconsult:\n" + c.content.question + "\n";
  if (!c.content.clinical_summary.empty()) {
    out += "\nSamenvatting:\n" + c.content.clinical_summary + "\n";
  }
  if (!c.content.icpc.empty()) out += "\nICPC: " + c.content.icpc + "\n";
  if (!facts.answers.empty()) {
    out += "\nAntwoorden op de vragenlijst:\n";
    for (const auto& [label, answer] : facts.answers) out += "- " + label + ": " + answer + "\n";
  }
  if (c.advice) out += "\nAdvies van de specialist:\n" + c.advice->body + "\n";
  out += "\nMet collegiale groet,\n" + facts.gp + "\n";
  return out;
}

}  // namespace meekijk::domain
