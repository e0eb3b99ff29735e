// The notification worker thread.
#include "cli/notification_loop.h"

#include "core/log.h"

namespace meekijk::cli {
namespace {

constexpr std::chrono::seconds kScheduleEvery{30};
// A burst is delivered in one go, but never so long that alerts and digests wait for it.
constexpr std::chrono::seconds kLongestDelivery{10};

void Report(const char* what, const Error& error) {
  log::Warn(what, {{"reason", error.reason}, {"message", error.message.en}});
}

}  // namespace

NotificationLoop::NotificationLoop(service::OutboxService& outbox, std::chrono::milliseconds poll)
    : outbox_(outbox), poll_(poll) {
  thread_ = std::thread([this] {
    auto last_schedule = std::chrono::steady_clock::now() - kScheduleEvery;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      auto now = std::chrono::steady_clock::now();
      bool schedule = now - last_schedule >= kScheduleEvery;
      if (schedule) last_schedule = now;
      Pass(schedule);
      lock.lock();
      wake_.wait_for(lock, poll_, [this] { return stopping_; });
    }
  });
}

NotificationLoop::~NotificationLoop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void NotificationLoop::Pass(bool with_schedule) {
  if (with_schedule) {
    if (Result<int> alerts = outbox_.RaiseAlerts(); !alerts.ok()) {
      Report("consult_alerts_failed", alerts.error());
    }
    if (Result<int> digests = outbox_.SendDigests(); !digests.ok()) {
      Report("digests_failed", digests.error());
    }
    if (Result<int64_t> tidied = outbox_.Tidy(); !tidied.ok()) {
      Report("outbox_tidy_failed", tidied.error());
    }
    if (Result<void> depth = outbox_.RecordDepth(); !depth.ok()) {
      Report("outbox_depth_failed", depth.error());
    }
  }
  // Delivers while mails go out, so that a burst leaves in one go; a mail server that refuses
  // everything ends the round (the failed mails wait for their backoff).
  auto stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  auto until = std::chrono::steady_clock::now() + kLongestDelivery;
  while (!stopping() && std::chrono::steady_clock::now() < until) {
    Result<service::DeliveryPass> pass = outbox_.DeliverDue(stopping);
    if (!pass.ok()) {
      Report("outbox_delivery_failed", pass.error());
      break;
    }
    if (pass->delivered == 0) break;
  }
  // The FHIR subscriptions' notifications, the same way (each endpoint is its own server).
  until = std::chrono::steady_clock::now() + kLongestDelivery;
  while (!stopping() && std::chrono::steady_clock::now() < until) {
    Result<service::DeliveryPass> pass = outbox_.DeliverNoticesDue(stopping);
    if (!pass.ok()) {
      Report("subscription_delivery_failed", pass.error());
      break;
    }
    if (pass->delivered == 0) break;
  }
}

}  // namespace meekijk::cli
