#include "domain/attachment_name.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TEST(AttachmentName, KeepsANameThatAlreadyFitsItsType) {
  EXPECT_EQ(SafeAttachmentName("hand links.jpg", FileType::kJpeg), "hand links.jpg");
  EXPECT_EQ(SafeAttachmentName("Foto.JPEG", FileType::kJpeg), "Foto.JPEG");
  EXPECT_EQ(SafeAttachmentName("brief dermatoloog.pdf", FileType::kPdf), "brief dermatoloog.pdf");
  EXPECT_EQ(SafeAttachmentName("moedervlek-één.png", FileType::kPng), "moedervlek-één.png");
}

TEST(AttachmentName, TakesTheExtensionOfTheTypeTheBytesProved) {
  EXPECT_EQ(SafeAttachmentName("uitslag.html", FileType::kPdf), "uitslag.pdf");
  EXPECT_EQ(SafeAttachmentName("scan.pdf.exe", FileType::kPdf), "scan.pdf");
  EXPECT_EQ(SafeAttachmentName("scan.exe", FileType::kJpeg), "scan.jpg");
  EXPECT_EQ(SafeAttachmentName("foto.png", FileType::kJpeg), "foto.jpg");
  EXPECT_EQ(SafeAttachmentName("hand links", FileType::kJpeg), "hand links.jpg");
  EXPECT_EQ(SafeAttachmentName("verslag dr. Jansen", FileType::kPdf), "verslag dr. Jansen.pdf");
}

TEST(AttachmentName, DropsBidirectionalAndControlCharacters) {
  // U+202E shows "\u202Egnp.exe" as "exe.png"; without it the name is what it is.
  EXPECT_EQ(SafeAttachmentName("\u202Egnp.exe", FileType::kPng), "gnp.png");
  EXPECT_EQ(SafeAttachmentName("a\u2066b\u200Fc\u200Bd.pdf", FileType::kPdf), "abcd.pdf");
  EXPECT_EQ(SafeAttachmentName("regel\r\nSet-Cookie: x.pdf", FileType::kPdf), "regelSet-Cookie x.pdf");
  EXPECT_EQ(SafeAttachmentName("a\x85" "b\x7f.pdf", FileType::kPdf), "ab.pdf");
  EXPECT_EQ(SafeAttachmentName("../../etc/passwd", FileType::kPdf), "etcpasswd.pdf");
  EXPECT_EQ(SafeAttachmentName("\"quoted\";\\.pdf", FileType::kPdf), "quoted.pdf");
  EXPECT_EQ(SafeAttachmentName("half\xC3.pdf", FileType::kPdf), "half.pdf");
  EXPECT_EQ(SafeAttachmentName("tab\there", FileType::kPdf), "tab here.pdf");
}

TEST(AttachmentName, ANameWithNothingLeftIsBijlage) {
  EXPECT_EQ(SafeAttachmentName("", FileType::kPdf), "bijlage.pdf");
  EXPECT_EQ(SafeAttachmentName(" . . ", FileType::kPng), "bijlage.png");
  EXPECT_EQ(SafeAttachmentName("...", FileType::kPdf), "bijlage.pdf");
  EXPECT_EQ(SafeAttachmentName(".bashrc", FileType::kPdf), "bashrc.pdf");  // never hidden
  EXPECT_EQ(SafeAttachmentName("\u202E\u200B", FileType::kJpeg), "bijlage.jpg");
}

TEST(AttachmentName, ALongNameIsCutAtACharacterAndKeepsItsExtension) {
  std::string long_name;
  for (int i = 0; i < 300; ++i) long_name += "é";
  std::string safe = SafeAttachmentName(long_name + ".exe", FileType::kPdf);
  EXPECT_EQ(safe.substr(safe.size() - 4), ".pdf");
  size_t characters = 0;
  for (unsigned char c : safe) characters += (c & 0xC0) != 0x80;
  EXPECT_EQ(characters, kMaxAttachmentNameChars);
}

}  // namespace
}  // namespace meekijk::domain
