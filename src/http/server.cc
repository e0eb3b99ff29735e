// The Beast server. This is the only translation unit that includes Beast, so it is compiled once.
#include "http/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <csignal>
#include <thread>
#include <vector>

#include "auth/token.h"
#include "core/log.h"
#include "core/metrics.h"
#include "http/router.h"

namespace meekijk::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kLingerTime{2};
constexpr std::string_view kRequestsMetric = "meekijk_http_requests_total";
constexpr std::string_view kLatencyMetric = "meekijk_http_request_duration_seconds";

void DescribeMetrics() {
  static const bool described = [] {
    metrics::Registry& registry = metrics::Global();
    registry.DescribeCounter(std::string(kRequestsMetric), "HTTP requests by route and status.");
    registry.DescribeHistogram(std::string(kLatencyMetric), "HTTP request latency by route.",
                               {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5});
    return true;
  }();
  (void)described;
}

// Accepts a caller's X-Request-Id when it is short and plain, so that ids follow a request
// through a load balancer; otherwise makes a new one.
std::string RequestIdFrom(std::string_view incoming) {
  bool plain = !incoming.empty() && incoming.size() <= 64;
  for (char c : incoming) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  }
  return plain ? std::string(incoming) : auth::RandomHex(8);
}

// Metric labels come from a closed set: a label per method a client invents would let anyone grow
// the registry without bound.
std::string MethodLabel(const std::string& method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    if (method == known) return method;
  }
  return "other";
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, std::function<Response(Request&)> h)
      : options(std::move(o)), handler(std::move(h)), ioc(options.threads),
        accept_strand(net::make_strand(ioc)), acceptor(accept_strand),
        signals(ioc, SIGTERM, SIGINT), drain_timer(ioc) {}

  void Accept();
  void BeginStop();
  void WaitForDrain();

  ServerOptions options;
  std::function<Response(Request&)> handler;
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
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "" : remote.address().to_string();
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.max_header_bytes));
    parser_->body_limit(server_.options.max_body_bytes);
    stream_.expires_after(server_.options.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->OnRead(ec);
                      });
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
        ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset) {
      return Close();
    }
    ++server_.in_flight;
    Response response;
    Request request;
    request.client_address = client_;
    if (ec == bhttp::error::body_limit) {
      response = JsonError(413, "too_large",
                           "Het verzoek is te groot. / The request is too large.");
    } else if (ec == bhttp::error::header_limit) {
      response = JsonError(431, "headers_too_large",
                           "De kopregels zijn te groot. / The request headers are too large.");
    } else if (ec) {
      response = JsonError(400, "malformed_request",
                           "Dit verzoek is geen geldig HTTP. / This request is not valid HTTP.");
    }
    if (ec) {
      keep_alive_ = false;
      request.request_id = auth::RandomHex(8);
      request.route = "invalid";
      return Write(request, std::move(response), std::chrono::steady_clock::now());
    }
    auto started = std::chrono::steady_clock::now();
    bhttp::request<bhttp::string_body> message = parser_->release();
    keep_alive_ = message.keep_alive();
    FromBeast(message, request);
    Write(request, Handle(request), started);
  }

  void FromBeast(bhttp::request<bhttp::string_body>& message, Request& request) {
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    std::string_view target = request.target;
    size_t question = target.find('?');
    std::optional<std::string> path = PercentDecode(target.substr(0, question), false);
    request.path = path ? *path : "\x01invalid";
    if (question != std::string_view::npos) request.query = ParseQuery(target.substr(question + 1));
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.request_id = RequestIdFrom(request.Header("x-request-id").value_or(""));
    request.body = std::move(message.body());
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
    for (auto& [name, value] : response.headers) reply->set(name, value);
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
    bhttp::async_write(stream_, *reply,
                       [self = shared_from_this(), reply, keep_alive](beast::error_code ec, size_t) {
                         --self->server_.in_flight;
                         if (ec || !keep_alive) return self->Close();
                         self->Read();
                       });
  }

  void Record(const Request& request, int status, std::chrono::steady_clock::time_point started) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string route = request.route.empty() ? "unmatched" : request.route;
    metrics::Global().Increment(std::string(kRequestsMetric),
                                {{"method", MethodLabel(request.method)}, {"route", route},
                                 {"status", std::to_string(status)}});
    metrics::Global().Observe(std::string(kLatencyMetric), {{"route", route}}, seconds);
    log::Info("request", {{"request_id", request.request_id}, {"method", MethodLabel(request.method)},
                          {"route", route}, {"status", status},
                          {"duration_ms", seconds * 1000.0}, {"client", client_}});
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

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string client_;
  bool keep_alive_ = false;
  std::array<char, 16 * 1024> drain_buffer_;
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    // Runs on accept_strand (the acceptor's executor); the socket gets a strand of its own.
    if (ec) {
      if (stopping) return;
      log::Warn("accept_failed", {{"reason", ec.message()}});
    } else {
      std::make_shared<Session>(std::move(socket), *this)->Start();
    }
    if (!stopping) Accept();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  log::Info("server_stopping", {{"in_flight", in_flight.load()}});
  beast::error_code ignored;
  acceptor.close(ignored);
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
  DescribeMetrics();
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
  return Ok();
}

int Server::port() const { return impl_->bound_port; }

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) net::post(impl_->accept_strand, [this] { impl_->BeginStop(); });
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) {
    threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->ioc.run();
  for (std::thread& thread : threads) thread.join();
  log::Info("server_stopped");
}

void Server::Stop() {
  net::post(impl_->accept_strand, [this] { impl_->BeginStop(); });
}

}  // namespace meekijk::http
