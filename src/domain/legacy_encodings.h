// Text for formats older than Unicode: the WinAnsi (Windows-1252) encoding of a PDF's standard
// fonts, and the plain ASCII of fixed-width declaration files. Both decode UTF-8 strictly: a
// malformed byte becomes '?' and only that byte is skipped; control characters become spaces.
#pragma once

#include <string>
#include <string_view>

namespace meekijk::domain {

// Windows-1252: Latin-1 as itself, the typographic quotes, dashes, €, … and the other characters
// of 0x80–0x9F by their code page position, anything else '?'.
std::string ToWindows1252(std::string_view utf8);

// ASCII: accented Latin letters without their accent ("Coöperatie" → "Cooperatie", "ß" → "ss"),
// typographic quotes and dashes as their plain forms, anything else '?'.
std::string ToAscii(std::string_view utf8);

}  // namespace meekijk::domain
