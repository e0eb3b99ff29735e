#include <gtest/gtest.h>

#include <memory>

#include "auth/key_ring.h"
#include "auth/password.h"
#include "auth/recovery_codes.h"
#include "auth/token.h"
#include "auth/totp.h"
#include "core/utf8.h"

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

TEST(PasswordTest, AcceptsLongUnusualPhrases) {
  EXPECT_TRUE(ValidateNewPassword("kijk mee vanuit de polder").ok());
  EXPECT_TRUE(ValidateNewPassword("Wadden-Zee lichtbaken 1953").ok());
  // Twelve characters, counted as characters: "é" is two bytes but one character.
  EXPECT_EQ(utf8::CodePointCount("zeeuwsé-klei"), 12u);
  std::string longest = "Pq7#";
  while (longest.size() < kMaxPasswordLength) longest += "molen ";
  longest.resize(kMaxPasswordLength);
  EXPECT_TRUE(ValidateNewPassword(longest).ok());
}

TEST(PasswordTest, RefusesTooShortTooLongAndInvalidText) {
  EXPECT_EQ(ValidateNewPassword("kort").error().field, "password");
  EXPECT_FALSE(ValidateNewPassword("elf tekens!").ok());  // 11 characters
  EXPECT_FALSE(ValidateNewPassword("Pq7#" + std::string(125, 'z')).ok());  // 129 characters
  EXPECT_FALSE(ValidateNewPassword("geldig\xff maar niet utf8 ").ok());
  EXPECT_FALSE(ValidateNewPassword(std::string("met een nul\0 erin", 18)).ok());
}

TEST(PasswordTest, RefusesCommonBreachedAndPatternedPasswords) {
  for (const char* weak : {"password1234", "qwertyuiop123", "123456789012", "aaaaaaaaaaaa",
                           "abcdefghijkl", "iloveyou2020", "Welkom012345", "meekijk-demo"}) {
    Result<void> checked = ValidateNewPassword(weak);
    EXPECT_FALSE(checked.ok()) << weak << " scored " << PasswordEntropyBits(weak) << " bits";
  }
}

TEST(PasswordTest, RefusesPasswordsMadeOfTheUsersOwnName) {
  std::vector<std::string> personal{"janssen", "Dr. Anna Janssen", "a.janssen@praktijk.nl"};
  EXPECT_FALSE(ValidateNewPassword("annajanssen1970", personal).ok());
  EXPECT_LT(PasswordEntropyBits("annajanssen1970", personal),
            PasswordEntropyBits("annajanssen1970"));
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

// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" and its 8-digit codes, of which a
// six-digit code is the last six digits.
TEST(TotpTest, MatchesTheRfc6238TestVectors) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(TotpCode(secret, FromUnixMillis(59'000)), "287082");
  EXPECT_EQ(TotpCode(secret, FromUnixMillis(1'111'111'109'000)), "081804");
  EXPECT_EQ(TotpCode(secret, FromUnixMillis(1'234'567'890'000)), "005924");
  EXPECT_EQ(TotpCode(secret, FromUnixMillis(2'000'000'000'000)), "279037");
}

TEST(TotpTest, AcceptsTheCurrentCodeAndOneStepEitherSideNamingItsStep) {
  const std::string secret = NewTotpSecret();
  TimePoint now = FromUnixMillis(1'790'000'015'000);  // 15 s into step 59'666'667
  int64_t step = 1'790'000'015 / 30;
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, now), now), step);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, now - std::chrono::seconds(30)), now), step - 1);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, now + std::chrono::seconds(30)), now), step + 1);
}

TEST(TotpTest, RefusesExpiredWrongAndMalformedCodes) {
  const std::string secret = NewTotpSecret();
  TimePoint now = FromUnixMillis(1'790'000'015'000);
  std::string code = TotpCode(secret, now);
  EXPECT_FALSE(MatchTotp(secret, TotpCode(secret, now - std::chrono::seconds(90)), now));
  EXPECT_FALSE(MatchTotp(secret, TotpCode(secret, now + std::chrono::seconds(90)), now));
  EXPECT_FALSE(MatchTotp(NewTotpSecret(), code, now));
  for (std::string_view bad : {"", "12345", "1234567", "-12345", "12 456", "abcdef", "１２３４５６"}) {
    EXPECT_FALSE(MatchTotp(secret, bad, now)) << bad;
  }
}

TEST(TotpTest, SecretsRoundTripThroughBase32AndTheUri) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(Base32(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), secret);
  EXPECT_FALSE(FromBase32("not base32!"));
  EXPECT_FALSE(FromBase32(""));
  EXPECT_EQ(NewTotpSecret().size(), kTotpSecretBytes);
  EXPECT_EQ(TotpUri("meekijk", "dr jansen@rotterdam", secret),
            "otpauth://totp/meekijk:dr%20jansen%40rotterdam?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=meekijk&algorithm=SHA1&digits=6&period=30");
}

TEST(RecoveryCodeTest, TenDistinctCodesEachMatchingOnlyItsOwnHash) {
  std::vector<std::string> codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), kRecoveryCodeCount);
  EXPECT_EQ(codes[0].size(), 19u);  // XXXX-XXXX-XXXX-XXXX
  std::string stored = HashRecoveryCode(codes[0]);
  EXPECT_EQ(stored.find(codes[0]), std::string::npos);
  EXPECT_NE(HashRecoveryCode(codes[0]), stored);  // salted
  EXPECT_TRUE(RecoveryCodeMatches(stored, codes[0]));
  std::string typed = codes[0];
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::erase(typed, '-');
  EXPECT_TRUE(RecoveryCodeMatches(stored, typed));
  for (size_t i = 1; i < codes.size(); ++i) {
    EXPECT_NE(codes[i], codes[0]);
    EXPECT_FALSE(RecoveryCodeMatches(stored, codes[i]));
  }
  EXPECT_FALSE(RecoveryCodeMatches("garbage", codes[0]));
  EXPECT_FALSE(RecoveryCodeMatches(stored.substr(0, 40), codes[0]));
}

}  // namespace
}  // namespace meekijk::auth

namespace meekijk::auth {
namespace {

TEST(KeyRingTest, SealsSoThatOnlyItsKeysOpenAndOnlyForTheSameColumn) {
  KeyRing keys = KeyRing::Generate();
  std::string sealed = keys.Seal("111222333", "consults.patient_bsn");
  EXPECT_EQ(sealed.find("111222333"), std::string::npos);
  EXPECT_EQ(sealed.rfind("enc1:1:", 0), 0u);
  EXPECT_NE(keys.Seal("111222333", "consults.patient_bsn"), sealed) << "a new nonce every time";
  EXPECT_EQ(keys.Open(sealed, "consults.patient_bsn"), "111222333");
  EXPECT_FALSE(keys.Open(sealed, "consults.patient_name")) << "bound to its column";
  EXPECT_FALSE(KeyRing::Generate().Open(sealed, "consults.patient_bsn")) << "another key";
  std::string tampered = sealed;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(keys.Open(tampered, "consults.patient_bsn"));
  EXPECT_FALSE(keys.Open("111222333", "consults.patient_bsn"));
  EXPECT_FALSE(keys.Open("enc1:1:", "consults.patient_bsn"));
  EXPECT_FALSE(keys.Open("enc1:x:abc", "consults.patient_bsn"));
}

TEST(KeyRingTest, ABlindIndexIsStablePerKeyAndRevealsNothing) {
  KeyRing keys = KeyRing::Generate();
  EXPECT_EQ(keys.BlindIndex("111222333"), keys.BlindIndex("111222333"));
  EXPECT_NE(keys.BlindIndex("111222333"), keys.BlindIndex("111222334"));
  EXPECT_NE(keys.BlindIndex("111222333"), KeyRing::Generate().BlindIndex("111222333"));
  EXPECT_EQ(keys.BlindIndex("111222333").size(), 64u);
}

TEST(KeyRingTest, RotationKeepsOldKeysForOpeningAndSealsWithTheNewOne) {
  KeyRing keys = KeyRing::Generate();
  std::string old_sealed = keys.Seal("Jansen", "c");
  keys.AddNewKey();
  EXPECT_EQ(keys.current_id(), 2);
  EXPECT_FALSE(keys.IsCurrent(old_sealed));
  EXPECT_EQ(keys.Open(old_sealed, "c"), "Jansen");
  EXPECT_TRUE(keys.IsCurrent(keys.Seal("Jansen", "c")));
  Result<KeyRing> reread = KeyRing::Parse(keys.ToText());
  ASSERT_TRUE(reread.ok()) << reread.error().message.en;
  EXPECT_EQ(reread->size(), 2u);
  EXPECT_EQ(reread->Open(old_sealed, "c"), "Jansen");
}

TEST(KeyRingTest, RefusesFilesThatAreNotKeyFiles) {
  for (const char* bad : {"", "# only a comment\n", "key 1 abc def\n", "sleutel 1\n",
                          "key 0 " "00000000000000000000000000000000000000000000000000000000000000"
                          "00 0000000000000000000000000000000000000000000000000000000000000000\n"}) {
    EXPECT_FALSE(KeyRing::Parse(bad).ok()) << bad;
  }
  std::string line = "key 1 " + std::string(64, 'a') + " " + std::string(64, 'b');
  EXPECT_TRUE(KeyRing::Parse(line).ok());
  EXPECT_FALSE(KeyRing::Parse(line + "\n" + line).ok()) << "a key twice";
  EXPECT_TRUE(KeyRing::Parse(line + ";key 2 " + std::string(64, 'c') + " " + std::string(64, 'd'))
                  .ok()) << "as MEEKIJK_KEY gives it";
}

}  // namespace
}  // namespace meekijk::auth
