// The name an attachment is stored and downloaded under. People recognise their own name, but a
// name must never make a file look like something it is not: "uitslag.html" that is a PDF,
// "scan.pdf.exe", or "\u202Egnp.exe" (shown as "exe.png"). So the name loses control and
// bidirectional characters and ends in the extension of the type its bytes proved.
#pragma once

#include <string>
#include <string_view>

#include "domain/file_type.h"

namespace meekijk::domain {

inline constexpr size_t kMaxAttachmentNameChars = 200;

// Valid UTF-8 of at most kMaxAttachmentNameChars characters, without control, bidirectional or
// invisible format characters, without characters that could escape a header or a path
// (" \ / ; and line breaks), and ending in ".jpg", ".png" or ".pdf" as `type` says: a name whose
// own extension is another one gets it replaced ("uitslag.html" → "uitslag.pdf"), a name without
// one gets it added ("hand links" → "hand links.jpg"). A name with nothing left is
// "bijlage.<ext>".
std::string SafeAttachmentName(std::string_view name, FileType type);

// The extension a file of this type is saved with: "jpg", "png" or "pdf".
std::string_view FileExtension(FileType type);

}  // namespace meekijk::domain
