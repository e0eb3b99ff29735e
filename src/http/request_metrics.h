// What the server records about each request: the Prometheus counter and latency histogram, and
// the structured "request" log line.
#pragma once

#include <string>

#include "http/message.h"

namespace meekijk::http {

// Describes the metrics once per process.
void DescribeRequestMetrics();

void RecordRequest(const Request& request, int status, double seconds, const std::string& client);

}  // namespace meekijk::http
