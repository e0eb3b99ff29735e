#include "notify/webhook_poster.h"

#include <curl/curl.h>

#include "notify/smtp_mailer.h"

namespace meekijk::notify {
namespace {

// The answer's body is not needed: only its status counts.
size_t Discard(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

WebhookPoster::WebhookPoster(WebhookOptions options) : options_(std::move(options)) {
  InitialiseCurl();
}

Result<void> WebhookPoster::Post(const service::WebhookPost& post) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return MakeFact(ErrorCode::kUnavailable, "curl_easy_init failed");
  curl_slist* headers = nullptr;
  std::string type = "Content-Type: " + post.content_type;
  headers = curl_slist_append(headers, post.content_type.empty() ? "Content-Type:" : type.c_str());
  std::string id = "X-Notification-Id: " + post.notification_id;
  headers = curl_slist_append(headers, id.c_str());
  headers = curl_slist_append(headers, "User-Agent: meekijk");
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, post.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(2 * options_.timeout.count()));
  if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    std::string reason = std::string(curl_easy_strerror(code));
    if (error[0] != '\0') reason += ": " + std::string(error);
    return MakeFact(ErrorCode::kUnavailable, reason);
  }
  if (status < 200 || status > 299) {
    return MakeFact(ErrorCode::kUnavailable, "http " + std::to_string(status));
  }
  return Ok();
}

}  // namespace meekijk::notify
