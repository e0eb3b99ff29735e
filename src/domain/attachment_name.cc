// Cleaning attachment names.
#include "domain/attachment_name.h"

#include <cctype>

#include "core/utf8.h"

namespace meekijk::domain {
namespace {

// Visible, but able to break out of a quoted header value or to name a directory.
bool IsUnsafePunctuation(char32_t c) {
  return c == '"' || c == '\\' || c == '/' || c == ';' || c == ':' || c == '<' || c == '>' ||
         c == '|' || c == '*' || c == '?';
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The extension of `name` when it has one: 1 to 5 letters or digits after the last dot, the dot
// not first ("verslag dr. Jansen" has none; ".pdf" alone is a name, not an extension).
std::string_view ExtensionOf(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot - 1 > 5 ||
      dot + 1 == name.size()) {
    return {};
  }
  for (char c : name.substr(dot + 1)) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
  }
  return name.substr(dot + 1);
}

bool MatchesType(std::string_view extension, FileType type) {
  std::string lower = Lower(extension);
  switch (type) {
    case FileType::kJpeg: return lower == "jpg" || lower == "jpeg";
    case FileType::kPng: return lower == "png";
    case FileType::kPdf: return lower == "pdf";
  }
  return false;
}

// Leading dots would hide the file on a Unix desktop; trailing ones and spaces Windows drops.
void TrimSpacesAndDots(std::string& text) {
  size_t end = text.find_last_not_of(". ");
  text.erase(end == std::string::npos ? 0 : end + 1);
  size_t start = text.find_first_not_of(". ");
  text.erase(0, start == std::string::npos ? text.size() : start);
}

}  // namespace

std::string_view FileExtension(FileType type) {
  switch (type) {
    case FileType::kJpeg: return "jpg";
    case FileType::kPng: return "png";
    case FileType::kPdf: return "pdf";
  }
  return "bin";
}

std::string SafeAttachmentName(std::string_view name, FileType type) {
  std::string stem;
  for (size_t at = 0; at < name.size();) {
    size_t length = utf8::SequenceLength(name, at);
    if (length == 0) {
      ++at;  // a stray byte: dropped
      continue;
    }
    char32_t c = utf8::DecodeAt(name, at, length);
    if (c == ' ' || !(IsControl(c) || utf8::IsInvisible(c) || IsUnsafePunctuation(c))) {
      stem.append(name, at, length);
    } else if (c == '\t' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A)) {
      stem.push_back(' ');  // a tab or a no-break space still separates words
    }
    at += length;
  }
  TrimSpacesAndDots(stem);
  // One foreign extension goes ("uitslag.html", "scan.pdf.exe"); the type's own stays as typed.
  std::string extension(ExtensionOf(stem));
  if (!extension.empty() && !MatchesType(extension, type)) {
    stem.erase(stem.size() - extension.size() - 1);
    TrimSpacesAndDots(stem);
    extension = ExtensionOf(stem);
  }
  if (!extension.empty() && MatchesType(extension, type)) {
    stem.erase(stem.size() - extension.size() - 1);
    TrimSpacesAndDots(stem);
  } else {
    extension = FileExtension(type);
  }
  size_t room = kMaxAttachmentNameChars - 1 - extension.size();
  if (utf8::CodePointCount(stem) > room) {
    size_t bytes = 0;
    for (size_t characters = 0; characters < room; ++characters) {
      bytes += utf8::SequenceLength(stem, bytes);  // stem is valid UTF-8 by construction
    }
    stem.erase(bytes);
    TrimSpacesAndDots(stem);
  }
  if (stem.empty()) stem = "bijlage";
  return stem + "." + extension;
}

}  // namespace meekijk::domain
