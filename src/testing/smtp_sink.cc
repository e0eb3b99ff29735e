// The SMTP sink process and reading what it received.
#include "testing/smtp_sink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "testing/test_database.h"

extern char** environ;

namespace meekijk::testing {
namespace {

namespace fs = std::filesystem;

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return connected;
}

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
  std::string script = std::string(MEEKIJK_SOURCE_DIR) + "/src/testing/smtp_sink.py";
  std::vector<std::string> args{"/usr/bin/python3", script,    "--port",
                                std::to_string(port_), "--dir", directory_,
                                "--delay-ms", std::to_string(options_.delay.count())};
  if (options_.tls != SmtpSinkOptions::Tls::kNone) {
    args.insert(args.end(), {"--tls", options_.tls == SmtpSinkOptions::Tls::kStartTls ? "starttls"
                                                                                     : "implicit",
                             "--tls-cert", options_.cert_file, "--tls-key", options_.key_file});
  }
  if (!options_.login.empty()) args.insert(args.end(), {"--auth", options_.login});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // Debian's Python, which has python3-aiosmtpd (another python3 may come first on PATH).
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  int spawned = posix_spawn(&pid_, "/usr/bin/python3", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("cannot start the SMTP sink");
  }
  for (int i = 0; i < 200 && !Accepts(port_); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!Accepts(port_)) throw std::runtime_error("the SMTP sink did not start");
}

void SmtpSink::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::vector<ReceivedMail> SmtpSink::Mails() const {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory_)) {
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // named by the time they arrived
  std::vector<ReceivedMail> mails;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    ReceivedMail mail;
    mail.raw = buffer.str();
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
