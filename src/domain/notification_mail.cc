// Mail texts per event and language.
#include "domain/notification_mail.h"

#include <sstream>

namespace meekijk::domain {
namespace {

struct Words {
  const char* title;  // what happened, for the subject and the list
  const char* line;   // one sentence; {n} is the number, {s} the specialty
};

// The Dutch and English words of each event, in the order of EnumNames<EventKind>.
Words WordsOf(EventKind kind, Language language) {
  bool nl = language == Language::kNl;
  switch (kind) {
    case EventKind::kConsultSent:
      return nl ? Words{"Nieuwe consultatie", "Meekijkconsultatie {n} ({s}) wacht op een specialist."}
                : Words{"New consult", "Consult {n} ({s}) is waiting for a specialist."};
    case EventKind::kConsultClaimed:
      return nl ? Words{"In behandeling genomen", "Een specialist heeft consultatie {n} ({s}) in behandeling genomen."}
                : Words{"Claimed", "A specialist has taken consult {n} ({s})."};
    case EventKind::kInfoRequested:
      return nl ? Words{"Informatie gevraagd", "De specialist vraagt aanvullende informatie bij consultatie {n} ({s})."}
                : Words{"Information requested", "The specialist asks for more information on consult {n} ({s})."};
    case EventKind::kReplied:
      return nl ? Words{"Antwoord van de huisarts", "De huisarts heeft geantwoord bij consultatie {n} ({s})."}
                : Words{"The GP replied", "The GP has replied on consult {n} ({s})."};
    case EventKind::kAdviceGiven:
      return nl ? Words{"Advies ontvangen", "De specialist heeft advies gegeven bij consultatie {n} ({s})."}
                : Words{"Advice given", "The specialist has given advice on consult {n} ({s})."};
    case EventKind::kFollowUp:
      return nl ? Words{"Vervolgvraag", "De huisarts stelt een vervolgvraag bij consultatie {n} ({s})."}
                : Words{"Follow-up question", "The GP asks a follow-up question on consult {n} ({s})."};
    case EventKind::kDeclined:
      return nl ? Words{"Afgewezen", "Consultatie {n} ({s}) is afgewezen; de reden staat bij de consultatie."}
                : Words{"Declined", "Consult {n} ({s}) was declined; the reason is with the consult."};
    case EventKind::kForwarded:
      return nl ? Words{"Doorgestuurd", "Consultatie {n} ({s}) is doorgestuurd naar een andere pool."}
                : Words{"Forwarded", "Consult {n} ({s}) was forwarded to another pool."};
    case EventKind::kAssigned:
      return nl ? Words{"Aan u toegewezen", "Consultatie {n} ({s}) is aan u toegewezen."}
                : Words{"Assigned to you", "Consult {n} ({s}) was assigned to you."};
    case EventKind::kClosed:
      return nl ? Words{"Afgesloten", "De huisarts heeft consultatie {n} ({s}) afgesloten."}
                : Words{"Closed", "The GP has closed consult {n} ({s})."};
    case EventKind::kUnclaimedEscalated:
      return nl ? Words{"Nog niet opgepakt", "Consultatie {n} ({s}) is langer dan afgesproken door niemand opgepakt."}
                : Words{"Not yet claimed", "Consult {n} ({s}) has been unclaimed for longer than agreed."};
    case EventKind::kOverdue:
      return nl ? Words{"Termijn verstreken", "Consultatie {n} ({s}) is niet binnen de afgesproken termijn beantwoord."}
                : Words{"Overdue", "Consult {n} ({s}) was not answered within the agreed time."};
    case EventKind::kBooked:
      return nl ? Words{"Ingepland op het meekijkspreekuur", "Consultatie {n} ({s}) is ingepland op het meekijkspreekuur."}
                : Words{"Booked into a session", "Consult {n} ({s}) was booked into a physical session."};
    case EventKind::kSessionMoved:
      return nl ? Words{"Spreekuur verplaatst", "Het meekijkspreekuur van consultatie {n} ({s}) is verplaatst; bekijk de nieuwe tijd."}
                : Words{"Session moved", "The physical session of consult {n} ({s}) was moved; see the new time."};
    case EventKind::kSessionCancelled:
      return nl ? Words{"Spreekuur vervallen", "Het meekijkspreekuur van consultatie {n} ({s}) gaat niet door; boek een nieuw tijdslot."}
                : Words{"Session cancelled", "The physical session of consult {n} ({s}) is cancelled; book a new slot."};
    case EventKind::kInvitation:
      return nl ? Words{"Uw account voor meekijk", "Er is een account voor u aangemaakt. Kies uw wachtwoord met deze link (24 uur geldig, één keer te gebruiken):"}
                : Words{"Your meekijk account", "An account was made for you. Choose your password with this link (valid for 24 hours, once):"};
    case EventKind::kDigest:
      return nl ? Words{"Uw dagelijks overzicht", "Dit gebeurde sinds uw vorige overzicht:"}
                : Words{"Your daily summary", "This happened since your last summary:"};
  }
  return {"", ""};
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string Fill(const char* pattern, const std::string& number, const std::string& specialty) {
  std::string out = pattern;
  ReplaceAll(out, "{n}", number);
  ReplaceAll(out, "{s}", specialty);
  return out;
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string Footer(Language language) {
  return language == Language::kNl
             ? "Deze e-mail bevat geen patiëntgegevens. Onder ‘Meldingen’ in meekijk kiest u welke "
               "berichten u per e-mail krijgt: direct, in een dagelijks overzicht of niet."
             : "This e-mail holds no patient data. Under ‘Notifications’ in meekijk you choose which "
               "messages reach you by e-mail: at once, in a daily summary, or not at all.";
}

std::string ActionWords(EventKind kind, Language language) {
  bool nl = language == Language::kNl;
  if (kind == EventKind::kInvitation) return nl ? "Wachtwoord kiezen" : "Choose a password";
  if (kind == EventKind::kDigest) return nl ? "Meldingen openen" : "Open notifications";
  return nl ? "Consultatie openen" : "Open the consult";
}

std::string HtmlPage(const std::string& title, const std::string& body_html) {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + EscapeHtml(title) +
         "</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n" +
         body_html + "</body></html>\n";
}

}  // namespace

std::string EventTitle(EventKind kind, Language language) {
  return WordsOf(kind, language).title;
}

MailText RenderMail(const MailFacts& facts) {
  Words words = WordsOf(facts.kind, facts.language);
  MailText mail;
  std::string action = ActionWords(facts.kind, facts.language);
  if (facts.kind == EventKind::kDigest) {
    mail.subject = std::string("meekijk: ") + words.title + " (" +
                   std::to_string(facts.digest.size()) + ")";
    std::string text = std::string(words.line) + "\n\n";
    std::string items;
    for (const DigestLine& line : facts.digest) {
      std::string title = EventTitle(line.kind, facts.language);
      text += "- " + line.consult_number + " (" + line.specialty + "): " + title + "\n";
      items += "<li>" + EscapeHtml(line.consult_number) + " (" + EscapeHtml(line.specialty) +
               "): " + EscapeHtml(title) + "</li>\n";
    }
    mail.text = text + "\n" + action + ": " + facts.link + "\n\n-- \n" + Footer(facts.language) + "\n";
    mail.html = HtmlPage(mail.subject, "<p>" + EscapeHtml(words.line) + "</p>\n<ul>\n" + items +
                                           "</ul>\n<p><a href=\"" + EscapeHtml(facts.link) + "\">" +
                                           EscapeHtml(action) + "</a></p>\n<p><small>" +
                                           EscapeHtml(Footer(facts.language)) + "</small></p>\n");
    return mail;
  }
  std::string line = Fill(words.line, facts.consult_number, facts.specialty_name);
  mail.subject = facts.consult_number.empty()
                     ? std::string("meekijk: ") + words.title
                     : "meekijk " + facts.consult_number + ": " + words.title;
  mail.text = line + "\n\n" + action + ": " + facts.link + "\n\n-- \n" + Footer(facts.language) + "\n";
  mail.html = HtmlPage(mail.subject, "<p>" + EscapeHtml(line) + "</p>\n<p><a href=\"" +
                                         EscapeHtml(facts.link) + "\">" + EscapeHtml(action) +
                                         "</a></p>\n<p><small>" +
                                         EscapeHtml(Footer(facts.language)) + "</small></p>\n");
  return mail;
}

std::string EncodeDigestLines(const std::vector<DigestLine>& lines) {
  std::string out;
  for (const DigestLine& line : lines) {
    out += std::string(Name(line.kind)) + "\t" + line.consult_number + "\t" + line.specialty + "\n";
  }
  return out;
}

std::vector<DigestLine> DecodeDigestLines(const std::string& payload) {
  std::vector<DigestLine> lines;
  std::istringstream in(payload);
  std::string row;
  while (std::getline(in, row)) {
    size_t first = row.find('\t');
    size_t second = first == std::string::npos ? first : row.find('\t', first + 1);
    if (second == std::string::npos) continue;
    std::optional<EventKind> kind = Parse<EventKind>(row.substr(0, first));
    if (!kind) continue;
    lines.push_back({*kind, row.substr(first + 1, second - first - 1), row.substr(second + 1)});
  }
  return lines;
}

}  // namespace meekijk::domain
