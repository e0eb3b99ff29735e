// A real SMTP server for the tests: src/testing/smtp_sink.py (aiosmtpd) as a process on 127.0.0.1,
// on a port it keeps across restarts, keeping every message it accepts as a file. Stopped when
// the object goes away.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace meekijk::testing {

struct ReceivedMail {
  std::string to;          // the envelope recipient
  std::string message_id;  // the Message-ID header
  std::string subject;     // as sent (RFC 2047 words decoded only when plain ASCII)
  std::string raw;         // the whole message as received
  std::string decoded;     // the text and HTML parts decoded from base64, for searching
};

struct SmtpSinkOptions {
  std::chrono::milliseconds delay{0};  // each message is held this long before it is accepted
  enum class Tls { kNone, kStartTls, kImplicit } tls = Tls::kNone;
  std::string cert_file = {};  // PEM, for tls
  std::string key_file = {};
  std::string login = {};  // "user:password": mail only after this login
};

class SmtpSink {
 public:
  // Picks a free port.
  explicit SmtpSink(SmtpSinkOptions options = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  void Start();  // (again) on the same port and folder
  void Stop();   // like a mail server going down: connections are refused until Start
  int port() const { return port_; }
  std::string url() const {
    return (options_.tls == SmtpSinkOptions::Tls::kImplicit ? "smtps://127.0.0.1:"
                                                           : "smtp://127.0.0.1:") +
           std::to_string(port_);
  }

  // Every message received so far, in the order received.
  std::vector<ReceivedMail> Mails() const;
  // Waits until at least `count` messages arrived or `timeout` passed; returns them.
  std::vector<ReceivedMail> WaitFor(size_t count, std::chrono::seconds timeout) const;
  // Forgets what arrived so far (the files are removed).
  void Clear();

 private:
  std::string directory_;
  int port_ = 0;
  SmtpSinkOptions options_;
  pid_t pid_ = -1;
};

}  // namespace meekijk::testing
