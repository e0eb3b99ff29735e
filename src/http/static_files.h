// Serves the built web app (web/dist): files by path, index.html for the app's own routes, a
// clear page when the app has not been built, and nothing outside the directory.
#pragma once

#include <string>

#include "http/message.h"

namespace meekijk::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  // For GET requests outside /api/: the file, or index.html for paths without an extension.
  Response Serve(const Request& request) const;
  bool available() const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

// The content type for a file name's extension.
std::string ContentTypeFor(std::string_view path);

}  // namespace meekijk::http
