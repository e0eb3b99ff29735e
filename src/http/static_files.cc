// Reading and answering static files safely.
#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/router.h"

namespace meekijk::http {
namespace {

namespace fs = std::filesystem;

// The app's own pages: no framing, scripts and styles only from here.
constexpr std::string_view kHtmlPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "object-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'";

constexpr std::string_view kNotBuiltPage =
    "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>meekijk</title>"
    "<body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\">"
    "<h1>De webapp is nog niet gebouwd</h1>"
    "<p>De server draait, maar de map met de webapp ontbreekt. Bouw haar met "
    "<code>scripts/build.sh</code> (of <code>npm run build</code> in <code>web/</code>) en "
    "herstart de server, of geef de map aan met <code>--web</code>.</p>"
    "<h1 lang=\"en\">The web app has not been built</h1>"
    "<p lang=\"en\">The server is running, but the web app's directory is missing. Build it with "
    "<code>scripts/build.sh</code> (or <code>npm run build</code> in <code>web/</code>) and "
    "restart the server, or point to it with <code>--web</code>.</p>"
    "<p>De API werkt wel / The API works: <code>/api/v1</code>, <code>/healthz</code>.</p>";

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool StaticFiles::available() const { return fs::is_regular_file(fs::path(root_) / "index.html"); }

Response StaticFiles::Serve(const Request& request) const {
  if (!available()) {
    Response page;
    page.status = 503;
    page.content_type = "text/html; charset=utf-8";
    page.body = kNotBuiltPage;
    return page;
  }
  std::error_code root_error, path_error;
  fs::path root = fs::canonical(root_, root_error);
  fs::path wanted = fs::weakly_canonical(root / fs::path(request.path).relative_path(), path_error);
  // Inside means: no step of the way from the root to the file goes up ("dist-old" is not in
  // "dist", although its name starts the same).
  fs::path relative = wanted.lexically_relative(root);
  bool inside = !root_error && !path_error && !relative.empty() &&
                *relative.begin() != ".." && relative.is_relative();
  if (!inside) return JsonError(404, "not_found", "Niet gevonden. / Not found.");
  bool is_file = fs::is_regular_file(wanted, path_error);
  if (!is_file && wanted.has_extension()) {
    return JsonError(404, "not_found", "Niet gevonden. / Not found.");
  }
  // Paths without an extension are the app's own routes (/consults/42): index.html handles them.
  fs::path file = is_file ? wanted : root / "index.html";
  std::optional<std::string> body = ReadFile(file);
  if (!body) return JsonError(404, "not_found", "Niet gevonden. / Not found.");
  Response response;
  response.content_type = ContentTypeFor(file.string());
  response.body = std::move(*body);
  bool hashed_asset = file.parent_path().filename() == "assets";
  response.WithHeader("Cache-Control",
                      hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.extension() == ".html") {
    response.WithHeader("Content-Security-Policy", std::string(kHtmlPolicy));
  }
  return response;
}

}  // namespace meekijk::http
