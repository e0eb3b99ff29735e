#include "domain/legacy_encodings.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TEST(LegacyEncodingsTest, Windows1252KeepsDutchTextQuotesAndTheEuro) {
  EXPECT_EQ(ToWindows1252("Coöperatie"), "Co\xF6peratie");
  EXPECT_EQ(ToWindows1252("€ 25 – “goed” ‘zo’…"), "\x80 25 \x96 \x93goed\x94 \x91zo\x92\x85");
  EXPECT_EQ(ToWindows1252("漢"), "?");
}

TEST(LegacyEncodingsTest, MalformedBytesBecomeOneQuestionMarkEachAndControlsSpaces) {
  EXPECT_EQ(ToWindows1252("a\xC3(b"), "a?(b");     // a lead byte without its continuation
  EXPECT_EQ(ToWindows1252("a\xC0\x80" "b"), "a??b");  // an overlong NUL is no NUL
  EXPECT_EQ(ToWindows1252("a\nb\tc"), "a b c");
}

TEST(LegacyEncodingsTest, AsciiDropsAccentsAndReplacesTheRest) {
  EXPECT_EQ(ToAscii("Coöperatie VGZ"), "Cooperatie VGZ");
  EXPECT_EQ(ToAscii("Straße – ‘ja’"), "Strasse - 'ja'");
  EXPECT_EQ(ToAscii("€"), "?");
}

}  // namespace
}  // namespace meekijk::domain
