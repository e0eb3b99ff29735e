// POST /api/v1/consults/{id}/attachments (raw body, X-Filename) and GET /api/v1/attachments/{id}.
#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/responses.h"
#include "domain/file_type.h"

namespace meekijk::api {
namespace {

using service::Principal;

// X-Filename may be percent-encoded (for names outside ASCII) or plain.
std::string FilenameFrom(const http::Request& request) {
  std::string raw(request.Header("x-filename").value_or(""));
  return http::PercentDecode(raw, false).value_or(raw);
}

// RFC 6266: an ASCII fallback and the exact UTF-8 name percent-encoded.
std::string ContentDisposition(const std::string& filename, bool download) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii.push_back(c < 0x80 && c >= 0x20 && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      encoded += buffer;
    }
  }
  return std::string(download ? "attachment" : "inline") + "; filename=\"" + ascii +
         "\"; filename*=UTF-8''" + encoded;
}

http::Response Upload(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<domain::Attachment> added =
        services.attachments.Add(principal, *id, FilenameFrom(request), request.body);
    if (!added.ok()) return ErrorResponse(request, added.error());
    return JsonResponse(201, AttachmentJson(*added));
  });
}

http::Response Download(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<service::StoredFile> file = services.attachments.Get(principal, *id);
    if (!file.ok()) return ErrorResponse(request, file.error());
    http::Response response;
    response.content_type = std::string(domain::MimeType(file->attachment.file_type));
    response.body = std::move(file->content);
    bool download = request.Query("download").value_or("") == "1";
    response.WithHeader("Content-Disposition", ContentDisposition(file->attachment.filename, download));
    // The app shows PDFs and images in a frame of its own pages, and nowhere else.
    response.WithHeader("X-Frame-Options", "SAMEORIGIN");
    response.WithHeader("Content-Security-Policy", "frame-ancestors 'self'");
    response.WithHeader("Cache-Control", "private, no-store");
    return response;
  });
}

}  // namespace

void AddAttachmentRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/api/v1/consults/{id}/attachments",
             [&](http::Request& r) { return Upload(services, r); },
             http::BodyRule::Upload(services.attachments.max_attachment_bytes()));
  router.Add("GET", "/api/v1/attachments/{id}",
             [&](http::Request& r) { return Download(services, r); });
}

}  // namespace meekijk::api
