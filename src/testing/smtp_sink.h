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

class SmtpSink {
 public:
  // Picks a free port; `delay` holds each message that long before accepting it.
  explicit SmtpSink(std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  void Start();  // (again) on the same port and folder
  void Stop();   // like a mail server going down: connections are refused until Start
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Every message received so far, in the order received.
  std::vector<ReceivedMail> Mails() const;
  // Waits until at least `count` messages arrived or `timeout` passed; returns them.
  std::vector<ReceivedMail> WaitFor(size_t count, std::chrono::seconds timeout) const;
  // Forgets what arrived so far (the files are removed).
  void Clear();

 private:
  std::string directory_;
  int port_ = 0;
  std::chrono::milliseconds delay_;
  pid_t pid_ = -1;
};

}  // namespace meekijk::testing
