// The Beast server. This is the only translation unit that includes Beast, so it is compiled once.
#include "http/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <sys/resource.h>

#include <array>
#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "auth/token.h"
#include "core/log.h"
#include "http/request_metrics.h"
#include "http/router.h"
#include "http/tls.h"

namespace meekijk::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kLingerTime{2};
constexpr size_t kDefaultBodyLimit = 8 * 1024;

// The answer to a request Beast could not read (the connection is closed after it).
Response RefusalFor(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) {
    return JsonError(413, "too_large", "Het verzoek is te groot. / The request is too large.");
  }
  if (ec == bhttp::error::header_limit) {
    return JsonError(431, "headers_too_large",
                     "De kopregels zijn te groot. / The request headers are too large.");
  }
  return JsonError(400, "malformed_request",
                   "Dit verzoek is geen geldig HTTP. / This request is not valid HTTP.");
}

using RequestParser = bhttp::request_parser<bhttp::string_body>;

void PrepareParser(RequestParser& parser, const ServerOptions& options) {
  parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
  parser.body_limit(boost::none);  // Beast's own 1 MB would refuse an upload at its header
}

// Once the header is in, the route is known and with it how large a body may be. Beast checks a
// declared length against the limit it had when the header ended: ours is known only now, so the
// declared length is checked here, before a byte of body is read.
beast::error_code LimitBody(RequestParser& parser, const ServerOptions& options) {
  const auto& header = parser.get();
  size_t limit = options.body_limit ? options.body_limit(header.method_string(), header.target())
                                    : kDefaultBodyLimit;
  if (parser.content_length() && *parser.content_length() > limit) return bhttp::error::body_limit;
  parser.body_limit(limit);
  return {};
}

void FillRequest(bhttp::request<bhttp::string_body>& message, Request& request) {
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.request_id = RequestIdFrom(request.Header("x-request-id").value_or(""));
  request.body = std::move(message.body());
}

int64_t SteadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class ClientConnection;
}  // namespace

ParsedRequest ParseRequestBytes(std::string_view bytes, const ServerOptions& options) {
  ParsedRequest out;
  RequestParser parser;
  PrepareParser(parser, options);
  beast::error_code ec;
  bool header_done = false;
  while (!ec && !parser.is_done()) {
    size_t used = parser.put(net::buffer(bytes.data(), bytes.size()), ec);
    bytes.remove_prefix(used);
    if (ec == bhttp::error::need_more) {
      if (used == 0 || bytes.empty()) return out;  // a connection would wait for more bytes
      ec = {};
    } else if (used == 0 && !ec && !parser.is_done()) {
      return out;
    }
    if (!ec && !header_done && parser.is_header_done()) {
      header_done = true;
      ec = LimitBody(parser, options);
    }
  }
  out.complete = true;
  if (ec) {
    out.refusal = RefusalFor(ec);
    return out;
  }
  bhttp::request<bhttp::string_body> message = parser.release();
  FillRequest(message, out.request);
  out.refusal = DecodeTarget(out.request);
  return out;
}

size_t ConnectionCap(size_t wanted, size_t open_file_limit) {
  size_t reserve = std::max<size_t>(64, open_file_limit / 8);
  size_t available = open_file_limit > reserve ? open_file_limit - reserve : 1;
  return std::max<size_t>(1, std::min(wanted, available));
}

struct Server::Impl {
  Impl(ServerOptions o, std::function<Response(Request&)> h)
      : options(std::move(o)), handler(std::move(h)),
        handler_pool(static_cast<size_t>(std::max(1, options.threads))),
        ioc(std::max(1, options.io_threads)),
        accept_strand(net::make_strand(ioc)), acceptor(accept_strand),
        signals(ioc, SIGTERM, SIGINT), drain_timer(ioc) {}

  void Accept();
  void AcceptLater();
  void BeginStop();
  void WaitForDrain();
  void Register(uint64_t id, std::weak_ptr<ClientConnection> connection);
  void Unregister(uint64_t id);
  // Closes the connection that has waited longest for a complete request, when the cap is reached.
  void ShedWhenFull();

  ServerOptions options;
  std::function<Response(Request&)> handler;
  // Declared before the io_context: connections that die with its pending handlers unregister here.
  std::mutex connections_mutex;
  std::map<uint64_t, std::weak_ptr<ClientConnection>> connections;  // every open connection
  std::atomic<uint64_t> next_connection_id{1};
  // Handlers run here, not on the network threads: a handler waits for its commit, and while
  // it waits the network threads read and answer other requests, so that every request waiting
  // for a commit can share it (group commit) instead of at most one per network thread.
  net::thread_pool handler_pool;
  net::io_context ioc;
  // The acceptor is used from its accept handler and from BeginStop: both run on this strand.
  net::strand<net::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer drain_timer;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};  // requests read and not yet fully answered
  std::chrono::steady_clock::time_point stop_deadline;
  int bound_port = 0;
  size_t connection_cap = 1;
  net::steady_timer accept_retry_timer{accept_strand};
  log::OncePerSecond accept_failures;
  log::OncePerSecond shedding;
  std::shared_ptr<net::ssl::context> tls;  // set when serving HTTPS
};

namespace {

class ClientConnection : public std::enable_shared_from_this<ClientConnection> {
 public:
  ClientConnection(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server), id_(server.next_connection_id++) {
    if (server.tls) tls_.emplace(stream_, *server.tls);
    beast::error_code ec;
    tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "" : remote.address().to_string();
  }
  ~ClientConnection() { server_.Unregister(id_); }

  void Start() {
    server_.Register(id_, weak_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->tls_) return self->Read();
      self->stream_.expires_after(self->server_.options.request_timeout);
      self->tls_->async_handshake(net::ssl::stream_base::server, [self](beast::error_code ec) {
        if (!ec) return self->Read();
        self->stream_.socket().close(ec);  // not TLS, or an old version
      });
    });
  }

  // When this connection started to wait for a request it has not completed yet; 0 while one
  // is being handled or answered (those are never shed), kShedding once it is chosen.
  int64_t waiting_since() const { return waiting_since_ns_.load(); }

  // Closes the connection from any thread, to make room for a new one. Marked first, so that the
  // next accept does not choose it again before it is closed.
  void Shed() {
    int64_t since = waiting_since_ns_.load();
    if (since <= 0 || !waiting_since_ns_.compare_exchange_strong(since, kShedding)) return;
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->waiting_since() != kShedding) return;  // its request completed meanwhile
      beast::error_code ignored;
      self->stream_.socket().close(ignored);
    });
  }

  static constexpr int64_t kShedding = -1;

 private:
  // The header first: only then is the route known, and with it how large a body may be.
  void Read() {
    if (server_.stopping) return Close();
    waiting_since_ns_ = SteadyNanos();
    parser_.emplace();
    PrepareParser(*parser_, server_.options);
    stream_.expires_after(server_.options.request_timeout);
    OnStream([&](auto& stream) {
      bhttp::async_read_header(stream, buffer_, *parser_,
                               [self = shared_from_this()](beast::error_code ec, size_t) {
                                 self->OnHeader(ec);
                               });
    });
  }

  void OnHeader(beast::error_code ec) {
    if (!ec) ec = LimitBody(*parser_, server_.options);
    if (ec) return OnRead(ec);
    OnStream([&](auto& stream) {
      bhttp::async_read(stream, buffer_, *parser_,
                        [self = shared_from_this()](beast::error_code ec, size_t) {
                          self->OnRead(ec);
                        });
    });
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
        ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset) {
      return Close();
    }
    waiting_since_ns_ = 0;
    ++server_.in_flight;
    Request request;
    request.client_address = client_;
    request.over_tls = tls_.has_value();
    if (ec) {
      keep_alive_ = false;
      request.request_id = auth::RandomHex(8);
      request.route = "invalid";
      return Write(request, RefusalFor(ec), std::chrono::steady_clock::now());
    }
    auto started = std::chrono::steady_clock::now();
    bhttp::request<bhttp::string_body> message = parser_->release();
    keep_alive_ = message.keep_alive();
    FillRequest(message, request);
    server_.options.trusted_proxies.Apply(request);
    if (std::optional<Response> refused = DecodeTarget(request)) {
      request.route = "invalid";
      return Write(request, std::move(*refused), started);
    }
    // The request moves to a handler thread; the answer comes back to this connection's strand.
    // The work guard keeps the network threads running while a handler is still busy.
    auto handed_over = std::make_shared<Request>(std::move(request));
    net::post(server_.handler_pool, [self = shared_from_this(), handed_over, started,
                                     guard = net::make_work_guard(server_.ioc)]() mutable {
      auto response = std::make_shared<Response>(self->Handle(*handed_over));
      net::dispatch(self->stream_.get_executor(),
                    [self, handed_over, response, started, guard = std::move(guard)]() mutable {
                      self->Write(*handed_over, std::move(*response), started);
                      guard.reset();
                    });
    });
  }

  Response Handle(Request& request) {
    try {
      return server_.handler(request);
    } catch (const std::exception& e) {
      log::Error("handler_threw", {{"request_id", request.request_id}, {"what", e.what()}});
    } catch (...) {
      log::Error("handler_threw", {{"request_id", request.request_id}});
    }
    return JsonError(500, "internal",
                     "Er ging iets mis aan onze kant. / Something went wrong on our side.");
  }

  void Write(const Request& request, Response response,
             std::chrono::steady_clock::time_point started) {
    auto reply = std::make_shared<bhttp::response<bhttp::string_body>>();
    reply->version(11);
    reply->result(static_cast<unsigned>(response.status));
    reply->set(bhttp::field::server, "meekijk");
    if (!response.body.empty()) reply->set(bhttp::field::content_type, response.content_type);
    reply->set("X-Request-Id", request.request_id);
    reply->set("X-Content-Type-Options", "nosniff");
    reply->set("Referrer-Policy", "no-referrer");
    reply->set("X-Frame-Options", "DENY");
    if (tls_) reply->set(bhttp::field::strict_transport_security, "max-age=31536000");
    for (auto& [name, value] : response.headers) reply->set(name, value);
    if (reply->find("Content-Security-Policy") == reply->end()) {  // pages bring their own
      reply->set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
    if (reply->find(bhttp::field::cache_control) == reply->end()) {
      reply->set(bhttp::field::cache_control, "no-store");
    }
    bool keep_alive = keep_alive_ && !server_.stopping;
    reply->keep_alive(keep_alive);
    reply->body() = std::move(response.body);
    reply->prepare_payload();
    if (request.method == "HEAD") reply->body().clear();  // the length stays, the bytes do not
    Record(request, response.status, started);
    stream_.expires_after(server_.options.request_timeout);
    OnStream([&](auto& stream) {
      bhttp::async_write(stream, *reply,
                         [self = shared_from_this(), reply, keep_alive](beast::error_code ec, size_t) {
                           --self->server_.in_flight;
                           if (ec || !keep_alive) return self->Close();
                           self->Read();
                         });
    });
  }

  void Record(const Request& request, int status, std::chrono::steady_clock::time_point started) {
    RecordRequest(request, status,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                  request.client_address);
  }

  // A lingering close: stop sending, then read and discard what the client still sends (an
  // oversized upload, say) for a short while, so that it reads our answer instead of a reset.
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (!ec) return self->Drain();
                              beast::error_code ignored;
                              self->stream_.socket().close(ignored);
                            });
  }

  // Runs `io` on the TLS stream when serving HTTPS, else on the TCP stream.
  template <typename Io>
  void OnStream(Io&& io) { tls_ ? io(*tls_) : io(stream_); }

  beast::tcp_stream stream_;
  std::optional<net::ssl::stream<beast::tcp_stream&>> tls_;
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  Server::Impl& server_;
  const uint64_t id_;
  std::atomic<int64_t> waiting_since_ns_{0};
  std::string client_;
  bool keep_alive_ = false;
  std::array<char, 16 * 1024> drain_buffer_;
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    // Runs on accept_strand (the acceptor's executor); the socket gets a strand of its own.
    if (stopping) return;
    if (ec) {
      // Out of files (EMFILE, ENFILE) or buffers: the waiting connection stays in the backlog,
      // so accepting again at once would fail again at once and spin. Wait a little instead.
      accept_failures.Warn("accept_failed", ec.message());
      return AcceptLater();
    }
    std::make_shared<ClientConnection>(std::move(socket), *this)->Start();
    ShedWhenFull();
    Accept();
  });
}

void Server::Impl::AcceptLater() {
  ShedWhenFull();
  accept_retry_timer.expires_after(std::chrono::milliseconds(50));
  accept_retry_timer.async_wait([this](beast::error_code ec) {
    if (!ec && !stopping) Accept();
  });
}

void Server::Impl::Register(uint64_t id, std::weak_ptr<ClientConnection> connection) {
  std::lock_guard lock(connections_mutex);
  connections.emplace(id, std::move(connection));
}

void Server::Impl::Unregister(uint64_t id) {
  std::lock_guard lock(connections_mutex);
  connections.erase(id);
}

void Server::Impl::ShedWhenFull() {
  // The connections are held here until the lock is released: the last reference to one may be
  // among them, and its destructor unregisters it.
  std::vector<std::shared_ptr<ClientConnection>> open;
  std::shared_ptr<ClientConnection> slowest;
  {
    std::lock_guard lock(connections_mutex);
    if (connections.size() <= connection_cap) return;
    open.reserve(connections.size());
    int64_t oldest = 0;
    for (const auto& [id, weak] : connections) {
      open.push_back(weak.lock());
      int64_t since = open.back() ? open.back()->waiting_since() : 0;
      if (since > 0 && (oldest == 0 || since < oldest)) {
        oldest = since;
        slowest = open.back();
      }
    }
  }
  if (!slowest) return;  // every connection is busy with a request: none is shed
  shedding.Warn("connection_shed", "too many open connections");
  slowest->Shed();
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  log::Info("server_stopping", {{"in_flight", in_flight.load()}});
  beast::error_code ignored;
  acceptor.close(ignored);
  accept_retry_timer.cancel();
  signals.cancel(ignored);
  stop_deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
  WaitForDrain();
}

// Polls until every request that was read has been answered (or the grace period ends), then
// stops the loop; idle keep-alive connections are simply dropped.
void Server::Impl::WaitForDrain() {
  if (in_flight.load() == 0 || std::chrono::steady_clock::now() >= stop_deadline) {
    ioc.stop();
    return;
  }
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this](beast::error_code) { WaitForDrain(); });
}

Server::Server(ServerOptions options, std::function<Response(Request&)> handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {
  DescribeRequestMetrics();
}

Server::~Server() = default;

Result<void> Server::Listen() {
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return MakeError(ErrorCode::kInvalidArgument, "Ongeldig adres: " + impl_->options.host,
                     "Invalid address: " + impl_->options.host, "listen");
  }
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
    return MakeError(ErrorCode::kUnavailable, "Kan niet luisteren op " + where + ": " + ec.message(),
                     "Cannot listen on " + where + ": " + ec.message(), "listen");
  }
  impl_->bound_port = acceptor.local_endpoint().port();
  if (!impl_->options.tls_cert_file.empty() || !impl_->options.tls_key_file.empty()) {
    MK_ASSIGN_OR_RETURN(impl_->tls,
                        MakeTlsContext(impl_->options.tls_cert_file, impl_->options.tls_key_file));
  }
  rlimit files{};
  size_t open_file_limit = getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY
                               ? static_cast<size_t>(files.rlim_cur)
                               : 65536;
  impl_->connection_cap = ConnectionCap(impl_->options.max_connections, open_file_limit);
  log::Info("connection_cap", {{"connections", static_cast<int64_t>(impl_->connection_cap)},
                               {"open_file_limit", static_cast<int64_t>(open_file_limit)}});
  return Ok();
}

int Server::port() const { return impl_->bound_port; }

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) net::post(impl_->accept_strand, [this] { impl_->BeginStop(); });
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) {
    threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->ioc.run();
  for (std::thread& thread : threads) thread.join();
  impl_->handler_pool.join();
  log::Info("server_stopped");
}

void Server::Stop() {
  net::post(impl_->accept_strand, [this] { impl_->BeginStop(); });
}

}  // namespace meekijk::http
