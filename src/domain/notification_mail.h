// The words of the mails meekijk sends, in Dutch and English, as plain text and HTML. A mail never
// holds patient data: by construction it is made only of the consult's number, what happened, the
// specialty and a link, so nothing else can slip into it.
#pragma once

#include <string>
#include <vector>

#include "domain/notification.h"

namespace meekijk::domain {

// One event as a digest lists it.
struct DigestLine {
  EventKind kind = EventKind::kConsultSent;
  std::string consult_number;
  std::string specialty;  // a code when stored, a name when rendered
  bool operator==(const DigestLine&) const = default;
};

struct MailFacts {
  EventKind kind = EventKind::kConsultSent;
  Language language = Language::kNl;
  std::string consult_number;
  std::string specialty_name;  // in the recipient's language
  std::string link;            // the consult, the notification list (digest) or the invitation
  std::vector<DigestLine> digest;  // kDigest only, with specialty names
};

struct MailText {
  std::string subject;
  std::string text;
  std::string html;
};

MailText RenderMail(const MailFacts& facts);

// One line of the event list in the app and the digest: "Advies ontvangen".
std::string EventTitle(EventKind kind, Language language);

// The digest's lines as the outbox keeps them (tab-separated, one a line), and back; lines that
// cannot be read are left out.
std::string EncodeDigestLines(const std::vector<DigestLine>& lines);
std::vector<DigestLine> DecodeDigestLines(const std::string& payload);

}  // namespace meekijk::domain
