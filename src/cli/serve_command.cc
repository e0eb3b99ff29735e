// `meekijk serve`: the HTTP server with the REST API (and the web app when built).
#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "api/api.h"
#include "api/error_text.h"
#include "fhir/fhir.h"
#include "cli/anchor_loop.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/notification_loop.h"
#include "core/integer.h"
#include "core/log.h"
#include "http/server.h"
#include "http/static_files.h"
#include "notify/smtp_mailer.h"
#include "notify/webhook_poster.h"

#include "service/access_log.h"
#include "service/audit_service.h"
#include "store/tx.h"

namespace meekijk::cli {
namespace {

struct ServeOptions {
  DatabaseOption database;
  std::string listen = "127.0.0.1:8080";
  int threads = 64;
  int io_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int max_attachment_mb = 20;
  int session_hours = 12;
  int session_idle_minutes = 30;
  int session_cache_seconds = 5;
  int anchor_minutes = 5;
  std::vector<std::string> trusted_proxies;
  std::string tls_cert;
  std::string tls_key;
  std::string second_factor = "required";
  int max_connections = 10000;
  std::string web_dir;  // empty: web/dist beside the build directory
  std::string metrics_token_file;  // empty: /metrics is off
  std::string smtp_url;            // empty: mails wait in the outbox
  std::string smtp_user;
  std::string smtp_password_file;
  bool smtp_require_tls = false;
  std::string smtp_ca_file;
  std::string mail_from;   // empty: meekijk@<host of the public URL>
  std::string public_url;  // empty: the address it listens on
  int outbox_poll_ms = 1000;
  int outbox_lease_seconds = 120;
  int mail_retry_seconds = 30;
  int report_min_group = 5;  // groups of fewer consults are suppressed in the figures
};

// The SMTP password: from a file (only root and the service can read it), else from
// MEEKIJK_SMTP_PASSWORD; never from the command line, which every user of the machine sees.
Result<std::string> ReadSmtpPassword(const std::string& path) {
  if (path.empty()) {
    const char* from_environment = std::getenv("MEEKIJK_SMTP_PASSWORD");
    return std::string(from_environment != nullptr ? from_environment : "");
  }
  std::ifstream in(path);
  std::string password;
  if (!in || !std::getline(in, password)) {
    return MakeError(ErrorCode::kInvalidArgument, "Kan het SMTP-wachtwoord niet lezen uit " + path,
                     "Cannot read the SMTP password from " + path);
  }
  while (!password.empty() && std::isspace(static_cast<unsigned char>(password.back()))) {
    password.pop_back();
  }
  return password;
}

Result<void> CheckSmtpUrl(const std::string& url) {
  if (url.empty() || url.starts_with("smtp://") || url.starts_with("smtps://")) return Ok();
  return MakeError(ErrorCode::kInvalidArgument, "--smtp begint met smtp:// of smtps://.",
                   "--smtp starts with smtp:// or smtps://.");
}

// The token Prometheus sends for /metrics, from a file only root and the service can read (not
// the command line, which every user of the machine sees in ps).
Result<std::string> ReadMetricsToken(const std::string& path) {
  if (path.empty()) return std::string();
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) {
    return MakeError(ErrorCode::kInvalidArgument, "Kan het metrics-token niet lezen uit " + path,
                     "Cannot read the metrics token from " + path);
  }
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.size() < 16) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Het metrics-token in " + path + " moet minstens 16 tekens hebben.",
                     "The metrics token in " + path + " must have at least 16 characters.");
  }
  return token;
}

// Where the built web app is when --web is not given: the source tree's web/dist, found from
// the binary at build/meekijk.
std::string DefaultWebDirectory() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "web/dist";
  return (exe.parent_path().parent_path() / "web" / "dist").string();
}

Result<void> SplitListen(const std::string& listen, http::ServerOptions& options) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "Gebruik --listen HOST:PORT.",
                     "Use --listen HOST:PORT.");
  }
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[') {
    options.host = options.host.substr(1, options.host.size() - 2);  // [::1]:8080
  }
  options.port = ParseInteger<int>(listen.substr(colon + 1)).value_or(-1);
  if (options.port < 0 || options.port > 65535) {
    return MakeError(ErrorCode::kInvalidArgument, "Ongeldige poort in --listen.",
                     "Invalid port in --listen.");
  }
  return Ok();
}

int Serve(const ServeOptions& options) {
  http::ServerOptions server_options;
  if (Result<void> split = SplitListen(options.listen, server_options); !split.ok()) {
    std::cerr << split.error().message.en << "\n";
    return 2;
  }
  server_options.threads = std::max(2, options.threads);
  server_options.io_threads = std::max(1, options.io_threads);
  Result<http::TrustedProxies> proxies = http::TrustedProxies::Parse(options.trusted_proxies);
  if (!proxies.ok()) return Fail(proxies.error());
  server_options.trusted_proxies = *proxies;
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;
  server_options.max_connections = static_cast<size_t>(std::max(1, options.max_connections));
  Result<std::string> metrics_token = ReadMetricsToken(options.metrics_token_file);
  if (!metrics_token.ok()) {
    std::cerr << "meekijk: " << metrics_token.error().message.en << "\n";
    return 2;
  }
  size_t max_attachment = static_cast<size_t>(std::max(1, options.max_attachment_mb)) << 20;
  Result<std::unique_ptr<store::Database>> database = OpenDatabase(options.database);
  if (!database.ok()) {
    std::cerr << "meekijk: " << api::ErrorText(database.error()).en << "\n";
    return 1;
  }
  if (Result<void> keys = RequireKeys(**database); !keys.ok()) return Fail(keys.error());
  SystemClock clock;
  service::AccessLog access_log(**database, clock);
  service::LoginPolicy policy;
  policy.absolute = std::chrono::hours(std::max(1, options.session_hours));
  policy.idle = std::chrono::minutes(std::max(1, options.session_idle_minutes));
  policy.require_second_factor = options.second_factor == "required";
  policy.cache = std::chrono::seconds(std::max(0, options.session_cache_seconds));
  service::LoginService logins(**database, clock, policy);
  service::AuditService audit(**database, clock, policy.reauthentication);
  if (Result<int64_t> sealed = audit.SealLegacyRows(); !sealed.ok()) {
    std::cerr << "meekijk: " << api::ErrorText(sealed.error()).en << "\n";
    return 1;
  }
  service::DirectoryService directory(**database, clock);
  service::ConsultService consults(**database, clock, access_log);
  service::AttachmentService attachments(**database, clock, access_log, max_attachment);
  service::AccountService accounts(**database, clock, policy.reauthentication);
  service::RegionService region(**database, clock);
  service::ImportService imports(**database, clock);
  service::NotificationService notifications(**database, clock);
  std::unique_ptr<notify::SmtpMailer> mailer;
  if (Result<void> url = CheckSmtpUrl(options.smtp_url); !url.ok()) return Fail(url.error());
  if (!options.smtp_url.empty()) {
    Result<std::string> password = ReadSmtpPassword(options.smtp_password_file);
    if (!password.ok()) return Fail(password.error());
    mailer = std::make_unique<notify::SmtpMailer>(
        notify::SmtpOptions{options.smtp_url, options.smtp_user, *password,
                            options.smtp_require_tls, options.smtp_ca_file,
                            std::chrono::seconds(30)},
        clock);
  } else {
    log::Warn("smtp_missing", {{"effect", "mails wait in the outbox until --smtp is given"}});
  }
  service::OutboxOptions outbox_options;
  outbox_options.public_url =
      !options.public_url.empty()
          ? options.public_url
          : (options.tls_cert.empty() ? "http://" : "https://") + options.listen;
  outbox_options.from_address = !options.mail_from.empty()
                                     ? options.mail_from
                                     : "meekijk@" + service::MailDomainOf(outbox_options.public_url);
  outbox_options.lease = std::chrono::seconds(std::max(2, options.outbox_lease_seconds));
  outbox_options.first_retry = std::chrono::seconds(std::max(1, options.mail_retry_seconds));
  service::OutboxService outbox(**database, clock, mailer.get(), outbox_options);
  service::ClinicService clinic(**database, clock, access_log);
  service::ReportService reports(**database, clock, std::max(1, options.report_min_group));
  service::FeeService fees(**database, clock);
  service::SurveyService surveys(**database, clock, access_log);
  service::ApiClientService api_clients(**database, clock);
  service::FhirAccess fhir_access(**database, consults, attachments);
  service::LaunchService launches(**database, clock, logins, consults, options.public_url);
  service::SubscriptionService subscriptions(**database, clock);
  api::Services services{logins, directory, consults, attachments, audit, accounts, region,
                         imports, notifications, outbox, clinic, reports, fees, surveys,
                         api_clients, fhir_access, launches, subscriptions,
                         options.public_url};
  // Subscriptions' notifications carry resources addressed as this server's public FHIR base.
  notify::WebhookPoster webhooks({});
  std::string fhir_base = outbox_options.public_url;
  while (!fhir_base.empty() && fhir_base.back() == '/') fhir_base.pop_back();
  outbox.UseWebhooks(&webhooks, fhir::NoticeBodies(services, fhir_base + "/fhir/R4"));
  http::Router router;
  api::AddApiRoutes(router, services);
  fhir::AddFhirRoutes(router, services, {options.public_url});
  store::Database& db = **database;
  api::AddSystemRoutes(
      router,
      [&db] { return db.Run(store::Access::kRead, [](store::Tx& tx) { return tx.Ping(); }).ok(); },
      *metrics_token);
  http::StaticFiles web(options.web_dir.empty() ? DefaultWebDirectory() : options.web_dir);
  if (!web.available()) log::Warn("web_app_missing", {{"directory", web.root()}});
  router.SetFallback([&web](http::Request& r) { return web.Serve(r); });
  server_options.body_limit = [&router](std::string_view method, std::string_view target) {
    std::optional<std::string> path = http::DecodedPath(target);
    return router.BodyLimit(method, path ? *path : "");  // an undecodable path is a 400 anyway
  };
  http::Server server(server_options, [&router](http::Request& r) { return router.Dispatch(r); });
  if (Result<void> listening = server.Listen(); !listening.ok()) {
    std::cerr << "meekijk: " << api::ErrorText(listening.error()).en << "\n";
    return 1;
  }
  std::string url = (options.tls_cert.empty() ? "http://" : "https://") + server_options.host + ":" +
                    std::to_string(server.port());
  log::Info("server_started", {{"url", url},
                                {"threads", server_options.threads},
                                {"io_threads", server_options.io_threads}});
  std::cout << "meekijk serving on " << url << std::endl;
  AnchorLoop anchors(audit, std::chrono::minutes(std::max(1, options.anchor_minutes)));
  NotificationLoop notifier(outbox, std::chrono::milliseconds(std::max(50, options.outbox_poll_ms)));
  server.Run();
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Start de server / Start the server");
  AddDatabaseOption(*serve, options->database);
  serve->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--threads", options->threads,
                    "Handler threads (requests waiting for a commit share it)")
      ->capture_default_str();
  serve->add_option("--io-threads", options->io_threads, "Network threads (default: the cores)")
      ->capture_default_str();
  serve->add_option("--max-attachment-mb", options->max_attachment_mb,
                    "Largest attachment in MB")->capture_default_str();
  serve->add_option("--max-connections", options->max_connections,
                    "Open connections at most (never more than the open-file limit leaves room "
                    "for); when full, the one waiting longest for its request is closed")
      ->capture_default_str();
  serve->add_option("--session-hours", options->session_hours,
                    "How long a login lasts at most, in hours")->capture_default_str();
  serve->add_option("--session-cache-seconds", options->session_cache_seconds,
                    "How long a login looked up by token is kept (a revocation on another node "
                    "takes effect within it); 0: not kept")
      ->capture_default_str();
  serve->add_option("--session-idle-minutes", options->session_idle_minutes,
                    "A login ends after this many minutes without a request")->capture_default_str();
  serve->add_option("--trusted-proxy", options->trusted_proxies,
                    "A reverse proxy (address or CIDR) whose X-Forwarded-For and "
                    "X-Forwarded-Proto are believed; repeatable. None by default");
  auto* cert = serve->add_option("--tls-cert", options->tls_cert,
                                 "PEM certificate chain: serve HTTPS (TLS 1.2+) with HSTS");
  auto* key = serve->add_option("--tls-key", options->tls_key, "PEM private key of --tls-cert");
  cert->needs(key);
  key->needs(cert);
  serve->add_option("--anchor-minutes", options->anchor_minutes,
                    "How often the access log's head goes to the log (access_log_anchor)")
      ->capture_default_str();
  serve->add_option("--second-factor", options->second_factor,
                    "required: roles that see patient data reach it only after a login with a "
                    "code (NEN 7510); optional: for a test installation without patient data")
      ->check(CLI::IsMember({"required", "optional"}))
      ->capture_default_str();
  serve->add_option("--web", options->web_dir, "Directory of the built web app (web/dist)")
      ->envname("MEEKIJK_WEB");
  serve->add_option("--metrics-token-file", options->metrics_token_file,
                    "File with the Bearer token /metrics requires (at least 16 characters); "
                    "without it /metrics is off")
      ->envname("MEEKIJK_METRICS_TOKEN_FILE");
  serve->add_option("--smtp", options->smtp_url,
                    "Mail server for notifications: smtp://HOST:PORT (STARTTLS when offered) or "
                    "smtps://HOST:PORT; without it, mails wait in the outbox")
      ->envname("MEEKIJK_SMTP_URL");
  serve->add_option("--smtp-user", options->smtp_user, "User name at the mail server")
      ->envname("MEEKIJK_SMTP_USER");
  serve->add_option("--smtp-password-file", options->smtp_password_file,
                    "File with the mail server's password (else MEEKIJK_SMTP_PASSWORD)")
      ->envname("MEEKIJK_SMTP_PASSWORD_FILE");
  serve->add_flag("--smtp-require-tls", options->smtp_require_tls,
                  "With smtp://: send only over STARTTLS");
  serve->add_option("--smtp-ca-file", options->smtp_ca_file,
                    "PEM file of the CA that signed the mail server's certificate (default: the "
                    "system's CAs)")
      ->envname("MEEKIJK_SMTP_CA_FILE");
  serve->add_option("--mail-from", options->mail_from,
                    "Sender address of notifications (default meekijk@ the public URL's host)")
      ->envname("MEEKIJK_MAIL_FROM");
  serve->add_option("--public-url", options->public_url,
                    "The address people open meekijk at, for the links in mails "
                    "(default: the --listen address)")
      ->envname("MEEKIJK_PUBLIC_URL");
  serve->add_option("--outbox-poll-ms", options->outbox_poll_ms,
                    "How often the outbox is looked at for mails to deliver")
      ->capture_default_str();
  serve->add_option("--outbox-lease-seconds", options->outbox_lease_seconds,
                    "How long a node holds the mails it is delivering before another may "
                    "take them (longer than a delivery can take)")
      ->capture_default_str();
  serve->add_option("--mail-retry-seconds", options->mail_retry_seconds,
                    "Wait after a mail's first failed try, doubling after each next one (4 h at "
                    "most; dead after 24 tries, about two and a half days)")
      ->capture_default_str();
  serve->add_option("--report-min-group", options->report_min_group,
                    "The smallest group of consults whose figures the triple-aim report shows; "
                    "smaller groups are suppressed, so that no one patient or doctor stands out")
      ->capture_default_str();
  serve->callback([options] { std::exit(Serve(*options)); });
}

}  // namespace meekijk::cli
