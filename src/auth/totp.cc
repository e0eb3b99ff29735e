// TOTP through liboath.
#include "auth/totp.h"

#include <liboath/oath.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>


namespace meekijk::auth {
namespace {

void EnsureOath() {
  static const int initialised = oath_init();
  (void)initialised;
}

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

time_t UnixSeconds(TimePoint at) {
  return static_cast<time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
}

// Percent-encodes everything but unreserved characters (RFC 3986), for the otpauth URI.
std::string UriComponent(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string NewTotpSecret(Random& random) {
  std::string secret(kTotpSecretBytes, '\0');
  random.Fill({reinterpret_cast<unsigned char*>(secret.data()), secret.size()});
  return secret;
}

std::string Base32(std::string_view bytes) {
  EnsureOath();
  char* out = nullptr;
  size_t length = 0;
  if (oath_base32_encode(bytes.data(), bytes.size(), &out, &length) != OATH_OK) return {};
  std::unique_ptr<char, FreeDeleter> owned(out);
  std::string text(out, length);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::optional<std::string> FromBase32(std::string_view text) {
  EnsureOath();
  std::string clean;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    clean.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  while (clean.size() % 8 != 0) clean.push_back('=');
  char* out = nullptr;
  size_t length = 0;
  if (clean.empty() ||
      oath_base32_decode(clean.data(), clean.size(), &out, &length) != OATH_OK) {
    return std::nullopt;
  }
  std::unique_ptr<char, FreeDeleter> owned(out);
  return std::string(out, length);
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  std::string label = UriComponent(issuer) + ":" + UriComponent(account);
  return "otpauth://totp/" + label + "?secret=" + Base32(secret) + "&issuer=" +
         UriComponent(issuer) + "&algorithm=SHA1&digits=6&period=" +
         std::to_string(kTotpStepSeconds);
}

std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, TimePoint now) {
  EnsureOath();
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), IsDigit)) return std::nullopt;
  std::string otp(code);  // liboath wants a NUL-terminated string
  int position = 0;
  uint64_t counter = 0;
  int found = oath_totp_validate3(secret.data(), secret.size(), UnixSeconds(now),
                                  kTotpStepSeconds, OATH_TOTP_DEFAULT_START_TIME, 1, &position,
                                  &counter, otp.c_str());
  if (found < 0) return std::nullopt;
  return static_cast<int64_t>(counter);
}

std::string TotpCode(std::string_view secret, TimePoint at) {
  EnsureOath();
  char code[7] = {};
  if (oath_totp_generate(secret.data(), secret.size(), UnixSeconds(at), kTotpStepSeconds,
                         OATH_TOTP_DEFAULT_START_TIME, 6, code) != OATH_OK) {
    return {};
  }
  return code;
}

}  // namespace meekijk::auth
