// The HTTP server: Boost.Beast, asynchronous, on a pool of threads, with keep-alive, limits on
// header and body size and on time, a request id in every response and log line, metrics, and a
// graceful stop on SIGTERM or SIGINT (in-flight requests finish, new connections are refused).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/forwarded.h"
#include "http/message.h"

namespace meekijk::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port; see Server::port()
  // Handlers wait on the database (a commit is an fsync), so there are many more handler threads
  // than cores: every request waiting for a commit can then share it. The network itself needs
  // no more threads than cores.
  int threads = 64;
  int io_threads = 2;
  size_t max_header_bytes = 16 * 1024;
  // The largest body a request to this method and target may have, asked once its header is in
  // (the router's per-route limit); nothing larger is ever read into memory. Unset: 8 kB.
  std::function<size_t(std::string_view method, std::string_view target)> body_limit;
  // Open connections are capped below the process's open-file limit (see ConnectionCap); when
  // the cap is reached, the connection that has waited longest for its request is closed.
  size_t max_connections = 10000;
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{20};
  TrustedProxies trusted_proxies;  // whose X-Forwarded-For/-Proto are believed (forwarded.h)
  std::string tls_cert_file;  // both set: serve HTTPS only (tls.h), with HSTS
  std::string tls_key_file;
};

// The number of connections a server may hold open: the wanted number, but never so many that
// the files the process needs besides (database, WAL, static files, log) cannot be opened.
size_t ConnectionCap(size_t wanted, size_t open_file_limit);

// One request read from raw bytes exactly as a connection reads it (Beast's parser with the
// server's limits, the body limit asked of options.body_limit, the target decoded), without a
// network or a handler: what the fuzzer drives, so that it exercises the server's own path.
struct ParsedRequest {
  bool complete = false;            // a whole request was read
  std::optional<Response> refusal;  // the 4xx the server would answer instead of a handler
  Request request;                  // when complete and not refused
};
ParsedRequest ParseRequestBytes(std::string_view bytes, const ServerOptions& options);

class Server {
 public:
  // `handler` is called on a pool thread for every complete request; it must be thread-safe.
  Server(ServerOptions options, std::function<Response(Request&)> handler);
  ~Server();

  // Binds the listening socket; fails with a clear message when the address is taken.
  Result<void> Listen();
  // The bound port (useful when the options asked for port 0).
  int port() const;
  // Serves until SIGTERM/SIGINT or Stop(), then lets in-flight requests finish.
  void Run();
  // Starts a graceful stop from any thread.
  void Stop();

  struct Impl;  // public only so that server.cc's connection class can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace meekijk::http
