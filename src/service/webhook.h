// Sending a FHIR subscription's notification to its REST hook: what the outbox's worker needs from
// the layers around it. The HTTP client lives below (notify/), the FHIR resources above (fhir/);
// the service layer decides what is sent to whom, and reads it as the subscribing client.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "service/principal.h"

namespace meekijk::service {

struct WebhookPost {
  std::string url;
  std::string content_type;  // empty with an empty body
  std::string body;
  std::string notification_id;  // the same on every try of one notification
};

class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  // Ok for a 2xx answer; an error with a short reason ("http 503", "timeout") otherwise.
  virtual Result<void> Post(const WebhookPost& post) = 0;
};

// The body of a notification with content: the resource the subscription's criteria name, about
// one consult, read through the use cases as the subscribing client (`client`), so that its
// rights and the access log apply as to any call of it.
using NoticeBody = std::function<Result<std::string>(
    const Principal& client, std::string_view criteria, int64_t consult_id)>;

}  // namespace meekijk::service
