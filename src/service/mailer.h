// The port through which the outbox's workers send mail: an SMTP server in production
// (notify/smtp_mailer.h), a recording fake in tests. The service never speaks SMTP itself.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"

namespace meekijk::service {

struct Mail {
  std::string message_id;  // "<outbox.42.1772442900000@meekijk.example.nl>", the same on every try
  std::string from;
  std::string to;
  std::string subject;
  std::string text;  // plain text
  std::string html;  // the same in HTML
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands the mail to the mail server; ok once the server accepted it. A refusal or an unreachable
  // server is kUnavailable with the server's words as the reason. Thread-safe.
  virtual Result<void> Send(const Mail& mail) = 0;
};

// A Mailer for tests: keeps every mail it was given, and fails while told to.
class RecordingMailer final : public Mailer {
 public:
  Result<void> Send(const Mail& mail) override {
    std::lock_guard lock(mutex_);
    if (failing_) return MakeFact(ErrorCode::kUnavailable, "421 test server unavailable");
    sent_.push_back(mail);
    return Ok();
  }
  void SetFailing(bool failing) {
    std::lock_guard lock(mutex_);
    failing_ = failing;
  }
  std::vector<Mail> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  void Clear() {
    std::lock_guard lock(mutex_);
    sent_.clear();
  }

 private:
  mutable std::mutex mutex_;
  bool failing_ = false;
  std::vector<Mail> sent_;
};

}  // namespace meekijk::service
