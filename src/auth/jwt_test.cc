// Signed tokens: what is accepted and every way a forged one is refused.
#include "auth/jwt.h"

#include <gtest/gtest.h>

#include "testing/test_keys.h"

namespace meekijk::auth {
namespace {

using testing::KeyPair;

KeyPair EcKey() { return testing::EcKeyPair(); }
KeyPair RsaKey(unsigned bits) { return testing::RsaKeyPair(bits); }

constexpr std::string_view kClaims = R"({"iss":"his-noord","sub":"his-noord","jti":"1"})";

TEST(JwtTest, ATokenSignedWithTheClientsKeyGivesItsClaims) {
  for (auto [pair, algorithm] : {std::pair{EcKey(), "ES256"}, std::pair{RsaKey(2048), "RS256"}}) {
    Result<std::string> token = SignWithPrivateKey(kClaims, pair.private_pem, algorithm);
    ASSERT_TRUE(token.ok()) << algorithm;
    Result<std::string> claims = VerifyWithPublicKey(*token, pair.public_pem);
    ASSERT_TRUE(claims.ok()) << algorithm;
    EXPECT_NE(claims->find("\"iss\":\"his-noord\""), std::string::npos);
    EXPECT_EQ(*UnverifiedClaims(*token), *claims);
  }
}

TEST(JwtTest, AnotherKeyOrAChangedTokenIsRefused) {
  KeyPair client = EcKey();
  KeyPair stranger = EcKey();
  std::string token = *SignWithPrivateKey(kClaims, stranger.private_pem, "ES256");
  EXPECT_EQ(VerifyWithPublicKey(token, client.public_pem).error().code,
            ErrorCode::kUnauthenticated);

  std::string genuine = *SignWithPrivateKey(kClaims, client.private_pem, "ES256");
  std::string forged_claims = *SignWithPrivateKey(
      R"({"iss":"his-noord","sub":"his-noord","jti":"2"})", stranger.private_pem, "ES256");
  // The genuine header and signature around someone else's claims.
  std::string spliced = genuine.substr(0, genuine.find('.')) +
                        forged_claims.substr(forged_claims.find('.'), forged_claims.rfind('.') -
                                                                          forged_claims.find('.')) +
                        genuine.substr(genuine.rfind('.'));
  EXPECT_FALSE(VerifyWithPublicKey(spliced, client.public_pem).ok());
  EXPECT_FALSE(VerifyWithPublicKey("", client.public_pem).ok());
  EXPECT_FALSE(VerifyWithPublicKey("not.a.token", client.public_pem).ok());
  EXPECT_FALSE(UnverifiedClaims("no dots").ok());
}

TEST(JwtTest, AnHmacTokenMadeWithThePublicKeyAsSecretIsRefused) {
  KeyPair client = RsaKey(2048);
  // The classic forgery: the public key is public, so anyone can "sign" HS256 with it.
  std::string forged = SignHs256(kClaims, client.public_pem);
  EXPECT_EQ(VerifyWithPublicKey(forged, client.public_pem).error().code,
            ErrorCode::kUnauthenticated);
}

TEST(JwtTest, AnUnsignedTokenIsRefused) {
  KeyPair client = EcKey();
  // {"alg":"none","typ":"JWT"} . claims . (no signature)
  std::string unsigned_token =
      "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJoaXMtbm9vcmQiLCJzdWIiOiJoaXMtbm9vcmQifQ.";
  EXPECT_FALSE(VerifyWithPublicKey(unsigned_token, client.public_pem).ok());
  EXPECT_FALSE(VerifyHs256(unsigned_token, "secret-of-thirty-two-bytes-long!").ok());
}

TEST(JwtTest, TheServersOwnTokensNeedItsSecret) {
  std::string token = SignHs256(kClaims, "secret-of-thirty-two-bytes-long!");
  EXPECT_TRUE(VerifyHs256(token, "secret-of-thirty-two-bytes-long!").ok());
  EXPECT_FALSE(VerifyHs256(token, "another-secret-of-32-bytes-long!").ok());
  KeyPair client = EcKey();
  EXPECT_FALSE(VerifyHs256(*SignWithPrivateKey(kClaims, client.private_pem, "ES256"),
                           "secret-of-thirty-two-bytes-long!")
                   .ok());
}

TEST(JwtTest, OnlyStrongPublicKeysAreRegistered) {
  EXPECT_TRUE(CheckPublicKey(EcKey().public_pem).ok());
  EXPECT_TRUE(CheckPublicKey(RsaKey(2048).public_pem).ok());
  EXPECT_EQ(CheckPublicKey(RsaKey(1024).public_pem).error().field, "public_key");
  KeyPair pair = EcKey();
  Result<void> private_half = CheckPublicKey(pair.private_pem);
  EXPECT_NE(private_half.error().message.en.find("private key"), std::string::npos);
  EXPECT_FALSE(CheckPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").ok());
  EXPECT_FALSE(CheckPublicKey("").ok());
}

}  // namespace
}  // namespace meekijk::auth
