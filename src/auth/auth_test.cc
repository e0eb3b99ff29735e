#include <gtest/gtest.h>

#include <memory>

#include "auth/password.h"
#include "auth/token.h"

namespace meekijk::auth {
namespace {

TEST(PasswordTest, VerifiesOnlyTheRightPassword) {
  Result<std::string> hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
}

TEST(PasswordTest, RefusesShortPasswords) {
  EXPECT_EQ(ValidateNewPassword("kort").error().field, "password");
  EXPECT_TRUE(ValidateNewPassword("lang genoeg wachtwoord").ok());
}

TEST(TokenTest, TokensAreRandomAndHashedStably) {
  std::string a = NewSessionToken();
  std::string b = NewSessionToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HashSessionToken(a), HashSessionToken(a));
  EXPECT_NE(HashSessionToken(a), HashSessionToken(b));
  EXPECT_EQ(HashSessionToken(a).size(), 64u);
}

TEST(TokenTest, Sha256MatchesTheStandardVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(RandomHex(8).size(), 16u);
}

TEST(RandomTest, TokensAndIdsComeFromTheRandomSeam) {
  SequenceRandom first, second;
  EXPECT_EQ(RandomHex(4, first), "00010203");
  EXPECT_EQ(NewSessionToken(second), NewSessionToken(*std::make_unique<SequenceRandom>()));
  EXPECT_NE(NewSessionToken(), NewSessionToken());  // the system's randomness
  EXPECT_EQ(NewSessionToken().size(), 43u);
}

}  // namespace
}  // namespace meekijk::auth
