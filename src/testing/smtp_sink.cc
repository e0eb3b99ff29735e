// The SMTP sink process and reading what it received.
#include "testing/smtp_sink.h"

#include <openssl/evp.h>

#include <filesystem>
#include <thread>

#include "testing/local_process.h"
#include "testing/test_database.h"

namespace meekijk::testing {
namespace {

namespace fs = std::filesystem;

std::string Header(const std::string& raw, const std::string& name) {
  std::string key = "\n" + name + ": ";
  size_t at = ("\n" + raw).find(key);
  if (at == std::string::npos) return "";
  size_t start = at + key.size() - 1;
  size_t end = raw.find("\r\n", start);
  return raw.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string DecodeBase64(const std::string& text) {
  std::string joined;
  for (char c : text) {
    if (c != '\r' && c != '\n') joined.push_back(c);
  }
  std::string out(joined.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(joined.data()),
                          static_cast<int>(joined.size()));
  if (n < 0) return "";
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

// The base64 bodies of the parts: each follows "base64\r\n\r\n" up to the next boundary line.
std::string DecodedParts(const std::string& raw) {
  std::string decoded;
  for (size_t at = raw.find("base64\r\n\r\n"); at != std::string::npos;
       at = raw.find("base64\r\n\r\n", at + 1)) {
    size_t start = at + 10;
    size_t end = raw.find("\r\n--", start);
    decoded += DecodeBase64(raw.substr(start, end == std::string::npos ? std::string::npos
                                                                      : end - start)) + "\n";
  }
  return decoded;
}

}  // namespace

SmtpSink::SmtpSink(SmtpSinkOptions options)
    : directory_(MakeTemporaryDirectory()), port_(FreePort()), options_(std::move(options)) {
  Start();
}

SmtpSink::~SmtpSink() {
  Stop();
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

void SmtpSink::Start() {
  if (pid_ > 0) return;
  std::vector<std::string> args{"--port", std::to_string(port_), "--dir", directory_,
                                "--delay-ms", std::to_string(options_.delay.count())};
  if (options_.tls != SmtpSinkOptions::Tls::kNone) {
    args.insert(args.end(), {"--tls", options_.tls == SmtpSinkOptions::Tls::kStartTls ? "starttls"
                                                                                     : "implicit",
                             "--tls-cert", options_.cert_file, "--tls-key", options_.key_file});
  }
  if (!options_.login.empty()) args.insert(args.end(), {"--auth", options_.login});
  pid_ = StartScript("smtp_sink.py", args, port_);
}

void SmtpSink::Stop() { StopProcess(pid_); }

std::vector<ReceivedMail> SmtpSink::Mails() const {
  std::vector<ReceivedMail> mails;
  for (const fs::path& file : FilesIn(directory_, ".eml")) {
    ReceivedMail mail;
    mail.raw = ReadFile(file);
    mail.to = Header(mail.raw, "X-Envelope-To");
    mail.message_id = Header(mail.raw, "Message-ID");
    mail.subject = Header(mail.raw, "Subject");
    mail.decoded = DecodedParts(mail.raw);
    mails.push_back(std::move(mail));
  }
  return mails;
}

std::vector<ReceivedMail> SmtpSink::WaitFor(size_t count, std::chrono::seconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<ReceivedMail> mails = Mails();
  while (mails.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    mails = Mails();
  }
  return mails;
}

void SmtpSink::Clear() {
  for (const fs::directory_entry& entry : fs::directory_iterator(directory_)) {
    if (entry.path().extension() == ".eml") fs::remove(entry.path());
  }
}

}  // namespace meekijk::testing
