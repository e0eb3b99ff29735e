// SMTP delivery through libcurl.
#include "notify/smtp_mailer.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <cstring>
#include <ctime>
#include <mutex>

namespace meekijk::notify {
namespace {

constexpr size_t kBase64LineChars = 76;

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(written));
  return out;
}

std::string Base64Lines(std::string_view bytes) {
  std::string encoded = Base64(bytes);
  std::string out;
  for (size_t at = 0; at < encoded.size(); at += kBase64LineChars) {
    out += encoded.substr(at, kBase64LineChars) + "\r\n";
  }
  return out;
}

bool IsPlainAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// RFC 2047: a subject with anything beyond printable ASCII as UTF-8 base64 encoded words, each
// short enough for a header line, never splitting a UTF-8 sequence.
std::string EncodeHeaderText(std::string_view text) {
  if (IsPlainAscii(text)) return std::string(text);
  constexpr size_t kChunk = 39;  // 39 bytes → 52 base64 characters: a line under 78
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = std::min(text.size(), at + kChunk);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

bool IsSafeAddress(const std::string& address) {
  return !address.empty() && address.find_first_of("\r\n<>\"") == std::string::npos &&
         address.find('@') != std::string::npos && address.find(' ') == std::string::npos;
}

std::string RfcDate(TimePoint date) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(date);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return buffer;
}

struct Upload {
  std::string_view data;
  size_t at = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  Upload& upload = *static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload.data.size() - upload.at);
  std::memcpy(buffer, upload.data.data() + upload.at, n);
  upload.at += n;
  return n;
}

}  // namespace

void InitialiseCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<std::string> ComposeMessage(const service::Mail& mail, TimePoint date) {
  if (!IsSafeAddress(mail.to) || !IsSafeAddress(mail.from)) {
    return MakeFact(ErrorCode::kInvalidArgument, "unusable address");
  }
  // The boundary cannot occur in base64 text (it has a '-' run and a '=' base64 never pairs so).
  std::string boundary = "=_meekijk_" + Base64(mail.message_id).substr(0, 24);
  std::string message;
  message += "Date: " + RfcDate(date) + "\r\n";
  message += "From: meekijk <" + mail.from + ">\r\n";
  message += "To: <" + mail.to + ">\r\n";
  message += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
  message += "Message-ID: " + mail.message_id + "\r\n";
  message += "Auto-Submitted: auto-generated\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
  message += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(mail.text);
  message += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(mail.html);
  message += "--" + boundary + "--\r\n";
  return message;
}

SmtpMailer::SmtpMailer(SmtpOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {
  InitialiseCurl();
}

Result<void> SmtpMailer::Send(const service::Mail& mail) {
  MK_ASSIGN_OR_RETURN(std::string message, ComposeMessage(mail, clock_.Now()));
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return MakeFact(ErrorCode::kUnavailable, "curl_easy_init failed");
  Upload upload{message, 0};
  std::string from = "<" + mail.from + ">";
  std::string to = "<" + mail.to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(2 * options_.timeout.count()));
  // A password never crosses the network in clear: with a login, STARTTLS is required.
  bool tls_required = options_.require_tls || !options_.username.empty();
  curl_easy_setopt(curl, CURLOPT_USE_SSL, tls_required ? static_cast<long>(CURLUSESSL_ALL)
                                                       : static_cast<long>(CURLUSESSL_TRY));
  if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (!options_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
  }
  CURLcode code = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    std::string reason = std::string(curl_easy_strerror(code));
    if (error[0] != '\0') reason += ": " + std::string(error);
    if (response != 0) reason = std::to_string(response) + " " + reason;
    return MakeFact(ErrorCode::kUnavailable, reason);
  }
  return Ok();
}

}  // namespace meekijk::notify
