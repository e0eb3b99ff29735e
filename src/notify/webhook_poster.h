// FHIR subscriptions' REST hooks over HTTPS with libcurl: the production WebhookSender. One POST
// per notification, no redirects followed (a hook that moved is an error to fix, not a hop to
// another host), the server's certificate checked, and short timeouts, so that a slow endpoint
// holds a worker only briefly. Each Post is one connection: threads share nothing.
#pragma once

#include <chrono>
#include <string>

#include "service/webhook.h"

namespace meekijk::notify {

struct WebhookOptions {
  std::string ca_file;  // PEM of the CA that signed the endpoints' certificates (else the system's)
  std::chrono::seconds timeout{10};  // connecting, and the whole request twice that
};

class WebhookPoster final : public service::WebhookSender {
 public:
  explicit WebhookPoster(WebhookOptions options);
  // Ok for a 2xx answer; kUnavailable with "http 503" or curl's reason otherwise.
  Result<void> Post(const service::WebhookPost& post) override;

 private:
  WebhookOptions options_;
};

}  // namespace meekijk::notify
