// The catalogue of sentences for the store's reasons.
#include "api/error_text.h"

#include <array>
#include <string_view>

namespace meekijk::api {
namespace {

struct Entry {
  std::string_view reason;
  std::string_view nl;
  std::string_view en;
};

constexpr std::array kCatalogue = {
    Entry{"stale_version", "Iemand anders heeft deze consultatie net gewijzigd. Laad haar opnieuw.",
          "Someone else has just changed this consult. Please reload it."},
    Entry{"duplicate_or_missing_reference", "Dit bestaat al of verwijst naar iets dat ontbreekt.",
          "This already exists or refers to something that is missing."},
    Entry{"database_unavailable", "De database is tijdelijk niet beschikbaar.",
          "The database is temporarily unavailable."},
    Entry{"database_unreachable", "De database is niet bereikbaar.",
          "The database cannot be reached."},
    Entry{"invalid_cursor", "Deze cursor is ongeldig.", "This cursor is invalid."},
    Entry{"text_contains_nul", "De tekst bevat een ongeldig teken (NUL).",
          "The text contains an invalid character (NUL)."},
    Entry{"not_found", "Niet gevonden.", "Not found."},
};

Text ForCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return {"De invoer is ongeldig.", "The input is invalid."};
    case ErrorCode::kMalformed:
      return {"Het verzoek is onleesbaar.", "The request cannot be read."};
    case ErrorCode::kUnauthenticated:
      return {"Log eerst in.", "Please log in first."};
    case ErrorCode::kForbidden:
      return {"Dit mag u niet doen.", "You may not do this."};
    case ErrorCode::kNotFound:
      return {"Niet gevonden.", "Not found."};
    case ErrorCode::kConflict:
      return {"Dit kan nu niet: de toestand is veranderd.",
              "This cannot be done now: things changed."};
    case ErrorCode::kTooLarge:
      return {"Dit is te groot.", "This is too large."};
    case ErrorCode::kUnsupportedMedia:
      return {"Dit soort bestand wordt niet aanvaard.", "This kind of file is not accepted."};
    case ErrorCode::kTooManyRequests:
      return {"Te veel pogingen. Probeer het straks opnieuw.",
              "Too many attempts. Please try again shortly."};
    case ErrorCode::kUnavailable:
      return {"De dienst is tijdelijk niet beschikbaar.",
              "The service is temporarily unavailable."};
    case ErrorCode::kInternal:
      return {"Er ging iets mis.", "Something went wrong."};
  }
  return {"Er ging iets mis.", "Something went wrong."};
}

}  // namespace

Text ErrorText(const Error& error) {
  if (!error.message.nl.empty() || !error.message.en.empty()) return error.message;
  for (const Entry& entry : kCatalogue) {
    if (entry.reason == error.reason) return {std::string(entry.nl), std::string(entry.en)};
  }
  return ForCode(error.code);
}

}  // namespace meekijk::api
