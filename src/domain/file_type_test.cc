#include "domain/file_type.h"

#include <gtest/gtest.h>

#include <string>

namespace meekijk::domain {
namespace {

using std::string_literals::operator""s;

TEST(FileTypeTest, RecognisesAcceptedTypesByTheirBytes) {
  struct Case {
    std::string name;  // for the failure message only
    std::string bytes;
    FileType type;
  };
  const Case cases[] = {
      {"jpeg jfif", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"s, FileType::kJpeg},
      {"jpeg exif",
       "\xFF\xD8\xFF\xE1\x12\x34"
       "Exif\x00\x00"s,
       FileType::kJpeg},
      {"jpeg magic only", "\xFF\xD8\xFF"s, FileType::kJpeg},
      {"png", "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR"s, FileType::kPng},
      {"png signature only", "\x89PNG\r\n\x1A\n"s, FileType::kPng},
      {"pdf 1.7", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"s, FileType::kPdf},
      {"pdf 2.0", "%PDF-2.0\n"s, FileType::kPdf},
  };
  for (const Case& c : cases) {
    Result<FileType> result = SniffFileType(c.bytes);
    ASSERT_TRUE(result.ok()) << c.name;
    EXPECT_EQ(*result, c.type) << c.name;
  }
}

TEST(FileTypeTest, RefusesEverythingElseAsUnsupportedMedia) {
  struct Case {
    std::string name;
    std::string bytes;
  };
  const Case cases[] = {
      {"empty", ""s},
      {"elf executable",
       "\x7F"
       "ELF\x02\x01\x01\x00"s},
      {"windows executable", "MZ\x90\x00\x03\x00\x00\x00"s},
      // An upload called "verwijsbrief.pdf" whose bytes are a Windows executable: the name is
      // not an input, so this is what the sniffer sees.
      {"executable named .pdf", "MZ\x90\x00This program cannot be run in DOS mode"s},
      {"zip", "PK\x03\x04\x14\x00\x00\x00"s},
      {"docx is a zip", "PK\x03\x04\x14\x00\x06\x00[Content_Types].xml"s},
      {"plain text", "Geachte collega, hierbij de foto.\n"s},
      {"html", "<!DOCTYPE html><html>"s},
      {"gif", "GIF89a\x01\x00\x01\x00"s},
      {"truncated jpeg", "\xFF\xD8"s},
      {"truncated png", "\x89PNG\r\n\x1A"s},
      {"pdf without dash", "%PDF"s},
      {"pdf magic not at start", " %PDF-1.4"s},
      {"lower-case pdf", "%pdf-1.4"s},
  };
  for (const Case& c : cases) {
    Result<FileType> result = SniffFileType(c.bytes);
    ASSERT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(result.error().code, ErrorCode::kUnsupportedMedia) << c.name;
    EXPECT_EQ(result.error().field, "file") << c.name;
    EXPECT_EQ(result.error().message.nl,
              "Dit bestand is geen JPEG-, PNG- of PDF-bestand. Alleen foto's (JPEG, PNG) en "
              "PDF-documenten kunnen worden toegevoegd.");
    EXPECT_FALSE(result.error().message.en.empty());
  }
}

TEST(FileTypeTest, NamesMimeTypesAndStableNames) {
  struct Case {
    FileType type;
    std::string_view mime;
    std::string_view name;
  };
  for (const Case& c :
       {Case{FileType::kJpeg, "image/jpeg", "jpeg"}, Case{FileType::kPng, "image/png", "png"},
        Case{FileType::kPdf, "application/pdf", "pdf"}}) {
    EXPECT_EQ(MimeType(c.type), c.mime);
    EXPECT_EQ(FileTypeName(c.type), c.name);
  }
}

}  // namespace
}  // namespace meekijk::domain
