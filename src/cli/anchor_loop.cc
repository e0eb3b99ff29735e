// The anchoring thread.
#include "cli/anchor_loop.h"

#include "core/log.h"

namespace meekijk::cli {

AnchorLoop::AnchorLoop(service::AuditService& audit, std::chrono::minutes every)
    : audit_(audit), every_(every) {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    for (;;) {
      lock.unlock();
      LogHead();
      lock.lock();
      if (wake_.wait_for(lock, every_, [this] { return stopping_; })) return;
    }
  });
}

AnchorLoop::~AnchorLoop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  LogHead();
}

void AnchorLoop::LogHead() {
  Result<std::optional<service::ChainAnchor>> head = audit_.Head();
  if (!head.ok()) {
    log::Warn("access_log_anchor_failed", {{"reason", head.error().reason}});
    return;
  }
  if (*head) log::Info("access_log_anchor", {{"id", (*head)->id}, {"hash", (*head)->hash}});
}

}  // namespace meekijk::cli
