// A real REST hook for the tests: src/testing/webhook_sink.py as a process on 127.0.0.1, keeping
// every POST it accepts. It can fail the first requests, as a hook that is down for a while.
// Stopped when the object goes away.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace meekijk::testing {

struct ReceivedPost {
  std::string path;
  std::string content_type;
  std::string notification_id;  // the X-Notification-Id header
  std::string body;
};

class WebhookSink {
 public:
  // Picks a free port; the first `fail_first` requests are answered with `status` and not kept.
  explicit WebhookSink(int fail_first = 0, int status = 503);
  ~WebhookSink();
  WebhookSink(const WebhookSink&) = delete;
  WebhookSink& operator=(const WebhookSink&) = delete;

  std::string url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // Every POST kept so far, in the order received.
  std::vector<ReceivedPost> Posts() const;
  // Waits until at least `count` arrived or `timeout` passed; returns them.
  std::vector<ReceivedPost> WaitFor(size_t count, std::chrono::seconds timeout) const;

 private:
  std::string directory_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace meekijk::testing
