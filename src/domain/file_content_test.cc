#include <gtest/gtest.h>

#include "domain/file_type.h"
#include "testing/sample_files.h"

namespace meekijk::domain {
namespace {

using std::string_literals::operator""s;

TEST(FileContent, RealPhotosImagesAndDocumentsAreAccepted) {
  struct Case {
    std::string bytes;
    FileType type;
  };
  for (const Case& c : {Case{testing::SampleJpeg(), FileType::kJpeg},
                        Case{testing::SamplePng(), FileType::kPng},
                        Case{testing::SamplePdf(), FileType::kPdf}}) {
    Result<FileType> result = InspectFile(c.bytes);
    ASSERT_TRUE(result.ok()) << FileTypeName(c.type) << ": " << result.error().message.en;
    EXPECT_EQ(*result, c.type);
  }
}

TEST(FileContent, AFileThatOnlyStartsLikeOneIsRefused) {
  std::string jpeg = testing::SampleJpeg(), png = testing::SamplePng();
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"JPEG magic alone", "\xFF\xD8\xFF"s},
      {"JPEG magic and HTML", "\xFF\xD8\xFF<script>alert(1)</script>"s},
      {"a JPEG cut in half", jpeg.substr(0, jpeg.size() / 2)},
      {"PNG signature alone", "\x89PNG\r\n\x1A\n"s},
      {"a PNG cut in half", png.substr(0, png.size() / 2)},
      {"a PNG with a broken CRC", png.substr(0, 29) + "\x00\x00\x00\x00"s + png.substr(33)},
      {"%PDF- and HTML", "%PDF-1.7\n<html><script>alert(document.cookie)</script></html>"s},
      {"a PDF header alone", "%PDF-1.4\n"s},
      {"a PDF without a page",
       "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"s},
  };
  for (const Case& c : cases) {
    Result<FileType> result = InspectFile(c.bytes);
    ASSERT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(result.error().code, ErrorCode::kUnsupportedMedia) << c.name;
    EXPECT_EQ(result.error().field, "file") << c.name;
    EXPECT_NE(result.error().message.nl.find("beschadigd"), std::string::npos) << c.name;
  }
}

TEST(FileContent, WhatIsNoneOfTheThreeTypesIsRefusedAsBefore) {
  Result<FileType> result = InspectFile("MZ\x90\x00 executable"s);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnsupportedMedia);
}

}  // namespace
}  // namespace meekijk::domain
