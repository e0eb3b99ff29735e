#include "core/utf8.h"

#include <gtest/gtest.h>

namespace meekijk::utf8 {
namespace {

TEST(Utf8, AcceptsWellFormedTextInEveryLength) {
  EXPECT_TRUE(IsValid(""));
  EXPECT_TRUE(IsValid("eczeem"));
  EXPECT_TRUE(IsValid("Coördinator €5 😀"));
}

TEST(Utf8, RefusesStrayTruncatedOverlongSurrogateAndTooLargeSequences) {
  EXPECT_FALSE(IsValid("\xFF\xFE"));
  EXPECT_FALSE(IsValid("\xC3"));              // the first half of "é"
  EXPECT_FALSE(IsValid("\x80"));              // a continuation byte alone
  EXPECT_FALSE(IsValid("\xC0\xAF"));          // an overlong "/"
  EXPECT_FALSE(IsValid("\xE0\x80\xAF"));      // another overlong "/"
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(IsValid("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(Utf8, RepairReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(Repaired("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(Repaired("é"), "é");
  EXPECT_TRUE(IsValid(Repaired("\xC3\x28\xE2\x82")));
}

TEST(Utf8, PrefixNeverCutsACharacterInTwo) {
  EXPECT_EQ(PrefixOfAtMost("abc", 10), "abc");
  EXPECT_EQ(PrefixOfAtMost("ééé", 3), "é");  // 2 bytes each: the second would not fit
  EXPECT_EQ(PrefixOfAtMost("ééé", 4), "éé");
  EXPECT_TRUE(IsValid(PrefixOfAtMost("😀😀", 5)));
}

TEST(Utf8, CountsCodePointsNotBytes) { EXPECT_EQ(CodePointCount("Coördinator"), 11u); }

TEST(Utf8, TextOfOnlyInvisibleCharactersIsBlank) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\r\n"));
  EXPECT_TRUE(IsBlank("\u00a0\u2003"));          // no-break space, em space
  EXPECT_TRUE(IsBlank("\u200b\u2028\u3000\ufeff"));  // zero-width space, line separator, …
  EXPECT_TRUE(IsBlank("\u202e"));                // a right-to-left override shows nothing
  EXPECT_FALSE(IsBlank(" a "));
  EXPECT_FALSE(IsBlank("\u00a0."));
  EXPECT_FALSE(IsBlank("\xFF"));
}

TEST(Utf8, NamesTheBidirectionalControls) {
  EXPECT_TRUE(IsBidiControl(0x202E));
  EXPECT_TRUE(IsBidiControl(0x2066));
  EXPECT_FALSE(IsBidiControl(U'a'));
}

}  // namespace
}  // namespace meekijk::utf8
