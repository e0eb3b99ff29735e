// Mail over SMTP with libcurl: the production Mailer. `smtp://host:port` speaks STARTTLS when the
// server offers it (and insists on it with require_tls or a login), `smtps://host:port` TLS from
// the start; with a user name, it logs in with the password (from a file or the environment,
// never the command line). Each Send is one connection, so workers on several threads share nothing.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.h"
#include "service/mailer.h"

namespace meekijk::notify {

struct SmtpOptions {
  std::string url;       // smtp://mail.example.nl:587 or smtps://mail.example.nl:465
  std::string username;  // empty: no login
  std::string password;
  bool require_tls = false;  // smtp://: refuse to send without STARTTLS
  std::string ca_file;       // PEM of the CA that signed the server's certificate (else the system's)
  std::chrono::seconds timeout{30};  // connecting and each exchange
};

class SmtpMailer final : public service::Mailer {
 public:
  SmtpMailer(SmtpOptions options, const Clock& clock);
  Result<void> Send(const service::Mail& mail) override;

 private:
  SmtpOptions options_;
  const Clock& clock_;
};

// The mail as RFC 5322 text: headers (the subject RFC 2047-encoded), and the plain text and the
// HTML as multipart/alternative, each base64 in lines of 76. kInvalidArgument for an address with
// a line break or without an @, which could smuggle in headers.
Result<std::string> ComposeMessage(const service::Mail& mail, TimePoint date);

// Initialises libcurl once, before any thread sends (curl_global_init is not thread-safe).
void InitialiseCurl();

}  // namespace meekijk::notify
