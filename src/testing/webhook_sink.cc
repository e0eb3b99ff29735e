// The webhook sink process and reading what it received.
#include "testing/webhook_sink.h"

#include <filesystem>
#include <thread>

#include "testing/local_process.h"
#include "testing/test_database.h"

namespace meekijk::testing {
namespace {

// A header of the kept request ("Name: value\r\n"), case as http.server writes it.
std::string RequestHeader(const std::string& head, const std::string& name) {
  std::string key = "\r\n" + name + ": ";
  size_t at = head.find(key);
  if (at == std::string::npos) return "";
  size_t start = at + key.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

}  // namespace

WebhookSink::WebhookSink(int fail_first, int status)
    : directory_(MakeTemporaryDirectory()), port_(FreePort()) {
  pid_ = StartScript("webhook_sink.py",
                     {"--port", std::to_string(port_), "--dir", directory_, "--fail-first",
                      std::to_string(fail_first), "--status", std::to_string(status)},
                     port_);
}

WebhookSink::~WebhookSink() {
  StopProcess(pid_);
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

std::vector<ReceivedPost> WebhookSink::Posts() const {
  std::vector<ReceivedPost> posts;
  for (const std::filesystem::path& file : FilesIn(directory_, ".http")) {
    std::string raw = ReadFile(file);
    size_t blank = raw.find("\r\n\r\n");
    std::string head = raw.substr(0, blank == std::string::npos ? raw.size() : blank + 2);
    ReceivedPost post;
    size_t space = head.find(' ');
    post.path = head.substr(space + 1, head.find("\r\n") - space - 1);
    post.content_type = RequestHeader(head, "Content-Type");
    post.notification_id = RequestHeader(head, "X-Notification-Id");
    post.body = blank == std::string::npos ? "" : raw.substr(blank + 4);
    posts.push_back(std::move(post));
  }
  return posts;
}

std::vector<ReceivedPost> WebhookSink::WaitFor(size_t count, std::chrono::seconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<ReceivedPost> posts = Posts();
  while (posts.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    posts = Posts();
  }
  return posts;
}

}  // namespace meekijk::testing
