// Consults a GP would recognise, walked through the real use cases to every state.
#include "cli/demo_consults.h"

#include "service/access_log.h"
#include "service/attachment_service.h"
#include "service/consult_service.h"
#include "service/login_service.h"

namespace meekijk::cli {
namespace {

using domain::MessageKind;
using domain::OutcomeKind;
using domain::Recommendation;
using domain::Sex;

// A 2×2 PNG in a skin tone: a real image, small enough to write out, so that the demo shows
// an attachment.
const std::string kTinyPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00"
    "\x00\x02\x08\x06\x00\x00\x00\x72\xb6\x0d\x24\x00\x00\x00\x11\x49\x44\x41\x54\x78\x9c\x63"
    "\x78\xb0\x61\xc2\x7f\x10\x66\x80\x31\x00\x6f\xf4\x0c\x7d\x20\x03\xd5\xed\x00\x00\x00\x00"
    "\x49\x45\x4e\x44\xae\x42\x60\x82",
    74);

struct Case {
  const char* gp;
  const char* specialty;
  int birth_year;
  Sex sex;
  const char* icpc;
  const char* question;
  const char* summary;
  bool intended_referral;
};

const Case kEczema{"huisarts.devries", "dermatologie", 1987, Sex::kFemale, "S87",
                   "Constitutioneel eczeem dat ondanks klasse 2 corticosteroïd blijft opvlammen. "
                   "Is ophogen naar klasse 3 verantwoord, of liever eerst iets anders?",
                   "Vrouw, 38 jaar. Sinds de kindertijd eczeem, nu 3 maanden verergering in de "
                   "elleboogplooien en hals. Triamcinolon 0,1% crème 2 dd, vette zalf. "
                   "Geen tekenen van infectie.",
                   true};
const Case kPalpitations{"huisarts.bakker", "cardiologie", 1972, Sex::kMale, "K04",
                         "Intermitterende hartkloppingen, ECG in rust toont enkele VES. "
                         "Holter nodig of kan ik geruststellen?",
                         "Man, 53 jaar. Sinds 6 weken 's avonds hartkloppingen, geen syncope, "
                         "geen pijn op de borst. RR 138/86. Koffie 6 kopjes per dag.",
                         true};
const Case kKnee{"huisarts.devries", "orthopedie", 1961, Sex::kFemale, "L15",
                 "Knieklachten mediaal, slotklachten. Meniscusletsel waarschijnlijk; "
                 "is een MRI zinvol of eerst fysiotherapie?",
                 "Vrouw, 64 jaar. Na draaibeweging bij tuinieren pijn mediaal rechts, "
                 "soms op slot. Geen hydrops. McMurray mediaal positief.",
                 true};
const Case kHeadache{"huisarts.bakker", "neurologie", 1995, Sex::kFemale, "N01",
                     "Hoofdpijn, dagelijks sinds 4 maanden, veel paracetamolgebruik. "
                     "Medicatieovergebruik of nader onderzoek nodig?",
                     "Vrouw, 30 jaar. Drukkende hoofdpijn beiderzijds, geen neurologische "
                     "uitval, fundoscopie normaal. Paracetamol bijna dagelijks 2–3 g.",
                     true};
const Case kPsoriasis{"huisarts.devries", "dermatologie", 1958, Sex::kMale, "S91",
                      "Psoriasis op ellebogen en knieën; calcipotriol/betamethason helpt "
                      "onvoldoende. Lichttherapie of systemisch?",
                      "Man, 67 jaar. Plaques 4–5% lichaamsoppervlak, nagelputjes, "
                      "geen gewrichtsklachten. Dovobet gel 8 weken.",
                      true};
const Case kTinnitus{"huisarts.bakker", "kno", 1979, Sex::kMale, "H03",
                     "Eenzijdige tinnitus rechts sinds 2 maanden, subjectief gehoorverlies. "
                     "Kan ik dit in de eerste lijn afwachten?",
                     "Man, 46 jaar. Fluisterspraak rechts verminderd, Weber naar links. "
                     "Otoscopie normaal.",
                     true};
const Case kDiabetes{"huisarts.devries", "kader-diabetes", 1966, Sex::kMale, "T90.02",
                     "HbA1c 64 ondanks metformine maximaal en gliclazide. Insuline starten of "
                     "eerst een SGLT2-remmer?",
                     "Man, 59 jaar, BMI 31, eGFR 68. Geen hart- en vaatziekten bekend.",
                     false};
const Case kHypertension{"huisarts.bakker", "cardiologie", 1950, Sex::kFemale, "K86",
                         "Therapieresistente hypertensie ondanks drie middelen. "
                         "Secundaire oorzaak uitsluiten in de tweede lijn?",
                         "Vrouw, 75 jaar. Thuismetingen gemiddeld 162/94 op amlodipine, "
                         "losartan en HCT. Kalium 3,4.",
                         true};
const Case kMole{"huisarts.devries", "dermatologie", 1990, Sex::kMale, "S82",
                 "Moedervlek op de rug die volgens partner groter is geworden. "
                 "Foto volgt; excisie in de praktijk of verwijzen?",
                 "Man, 35 jaar. Pigmentlaesie 7 mm, asymmetrisch, twee kleuren bruin.", true};

class DemoWriter {
 public:
  DemoWriter(store::Database& database, const Clock& clock, const DemoPeople& people)
      : logins_(database, clock),
        access_log_(database, clock),
        consults_(database, clock, access_log_),
        attachments_(database, clock, access_log_),
        people_(people) {}

  Result<service::Principal> As(const std::string& username) {
    return logins_.PrincipalOf(people_.user_ids.at(username), {"demo", "demo"});
  }

  Result<int64_t> Create(const Case& c, bool send, const char* author = nullptr,
                         std::vector<domain::TemplateAnswer> answers = {}) {
    service::NewConsult request;
    request.content.template_answers = std::move(answers);
    request.content.specialty = c.specialty;
    request.content.patient = {c.birth_year, c.sex, {}, {}, {}};
    request.content.icpc = c.icpc;
    request.content.question = c.question;
    request.content.clinical_summary = c.summary;
    request.content.intended_referral = c.intended_referral;
    request.content.consent = true;
    request.send = send;
    MK_ASSIGN_OR_RETURN(service::Principal principal, As(author ? author : c.gp));
    MK_ASSIGN_OR_RETURN(domain::Consult consult, consults_.Create(principal, request));
    return consult.id;
  }

  service::ConsultService& consults() { return consults_; }
  service::AttachmentService& attachments() { return attachments_; }

 private:
  service::LoginService logins_;
  service::AccessLog access_log_;
  service::ConsultService consults_;
  service::AttachmentService attachments_;
  const DemoPeople& people_;
};

}  // namespace

Result<void> CreateDemoConsults(store::Database& database, const Clock& clock,
                                const DemoPeople& people) {
  DemoWriter demo(database, clock, people);
  service::ConsultService& consults = demo.consults();
  MK_ASSIGN_OR_RETURN(auto devries, demo.As("huisarts.devries"));
  MK_ASSIGN_OR_RETURN(auto bakker, demo.As("huisarts.bakker"));
  MK_ASSIGN_OR_RETURN(auto visser, demo.As("assistent.visser"));
  MK_ASSIGN_OR_RETURN(auto smit, demo.As("specialist.smit"));
  MK_ASSIGN_OR_RETURN(auto vandam, demo.As("specialist.vandam"));
  MK_ASSIGN_OR_RETURN(auto bos, demo.As("specialist.bos"));
  MK_ASSIGN_OR_RETURN(auto meijer, demo.As("specialist.meijer"));
  MK_ASSIGN_OR_RETURN(auto dekker, demo.As("specialist.dekker"));

  // draft: prepared by the practice assistant, waiting for the GP to send.
  MK_RETURN_IF_ERROR(demo.Create(kMole, false, "assistent.visser"));
  // sent a week ago and still unclaimed in the cardiology pool: overdue, as the pool shows.
  FakeClock last_week(clock.Now() - std::chrono::hours(24 * 7));
  DemoWriter earlier(database, last_week, people);
  MK_RETURN_IF_ERROR(earlier.Create(kPalpitations, true, nullptr,
                                    {{"inspanning", "false"}, {"klachten_sinds", "2026-01-05"}}));
  // claimed: the orthopaedist has taken it.
  MK_ASSIGN_OR_RETURN(int64_t knee, demo.Create(kKnee, true));
  MK_RETURN_IF_ERROR(consults.Claim(vandam, knee));
  // info_requested: the dermatologist asks for a photo.
  MK_ASSIGN_OR_RETURN(int64_t eczema,
                      demo.Create(kEczema, true, nullptr,
                                  {{"duur_weken", "12"}, {"locatie", "Armen of handen"},
                                   {"jeuk", "true"}}));
  MK_RETURN_IF_ERROR(consults.Claim(smit, eczema));
  MK_RETURN_IF_ERROR(consults.PostMessage(smit, eczema, MessageKind::kInfoRequest,
                                          "Kunt u een foto van de hals en elleboogplooien "
                                          "meesturen? En wordt de zalf echt dagelijks gebruikt?"));
  MK_RETURN_IF_ERROR(demo.attachments().Add(visser, eczema, "elleboogplooi.png", kTinyPng));
  // answered: advice to treat in primary care.
  MK_ASSIGN_OR_RETURN(int64_t headache, demo.Create(kHeadache, true));
  MK_RETURN_IF_ERROR(consults.Claim(bos, headache));
  MK_RETURN_IF_ERROR(consults.GiveAdvice(bos, headache, Recommendation::kPrimaryCare,
                                         "Past bij hoofdpijn door medicatieovergebruik. Advies: "
                                         "paracetamol 3 maanden staken, hoofdpijndagboek, "
                                         "eventueel amitriptyline 10 mg a.n. Controle na 3 "
                                         "maanden bij u; verwijzen bij nieuwe uitval."));
  // closed: treated in primary care after a follow-up question.
  MK_ASSIGN_OR_RETURN(int64_t psoriasis,
                      demo.Create(kPsoriasis, true, nullptr,
                                  {{"duur_weken", "30"}, {"locatie", "Verspreid"}}));
  MK_RETURN_IF_ERROR(consults.Claim(smit, psoriasis));
  MK_RETURN_IF_ERROR(consults.GiveAdvice(smit, psoriasis, Recommendation::kPrimaryCare,
                                         "Eerst 4 weken calcipotriol/betamethason schuim 1 dd, "
                                         "daarna onderhoud 2x per week. Nagelputjes: let op "
                                         "gewrichtsklachten."));
  MK_RETURN_IF_ERROR(consults.PostMessage(devries, psoriasis, MessageKind::kQuestion,
                                          "En als het na 4 weken onvoldoende is?"));
  MK_RETURN_IF_ERROR(consults.GiveAdvice(smit, psoriasis, Recommendation::kPrimaryCare,
                                         "Dan graag opnieuw een meekijkconsult; lichttherapie "
                                         "kan dan via onze polikliniek."));
  MK_RETURN_IF_ERROR(consults.Close(devries, psoriasis, {OutcomeKind::kPrimaryCare, true, 5}));
  // closed: referred after all.
  MK_ASSIGN_OR_RETURN(int64_t hypertension,
                      demo.Create(kHypertension, true, nullptr, {{"inspanning", "false"}}));
  MK_RETURN_IF_ERROR(consults.Claim(dekker, hypertension));
  MK_RETURN_IF_ERROR(consults.GiveAdvice(dekker, hypertension, Recommendation::kRefer,
                                         "Gezien hypokaliëmie graag verwijzen voor onderzoek "
                                         "naar primair hyperaldosteronisme."));
  MK_RETURN_IF_ERROR(consults.Close(bakker, hypertension, {OutcomeKind::kReferred, true, 4}));
  // declined: the specialist advises a referral instead.
  MK_ASSIGN_OR_RETURN(int64_t tinnitus, demo.Create(kTinnitus, true));
  MK_RETURN_IF_ERROR(consults.Decline(meijer, tinnitus,
                                      "Eenzijdige tinnitus met gehoorverlies vraagt om "
                                      "audiometrie en zo nodig een MRI: graag regulier verwijzen."));
  // cancelled: the GP withdrew it.
  MK_ASSIGN_OR_RETURN(int64_t diabetes, demo.Create(kDiabetes, true));
  MK_RETURN_IF_ERROR(consults.Cancel(devries, diabetes));
  return Ok();
}

}  // namespace meekijk::cli
