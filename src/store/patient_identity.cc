// Sealing and opening the identity fields.
#include "store/patient_identity.h"

#include "store/sql_value.h"

namespace meekijk::store {
namespace {

struct IdentityField {
  const char* column;
  std::optional<std::string> domain::Patient::*member;
};

constexpr IdentityField kFields[] = {
    {"consults.patient_name", &domain::Patient::name},
    {"consults.patient_birth_date", &domain::Patient::birth_date},
    {"consults.patient_bsn", &domain::Patient::bsn},
};

}  // namespace

Result<domain::Consult> Sealed(domain::Consult consult, const FieldCipher* cipher) {
  for (const IdentityField& field : kFields) {
    std::optional<std::string>& value = consult.content.patient.*field.member;
    if (!value) continue;
    if (cipher == nullptr) return MakeFact(ErrorCode::kInternal, "no_encryption_key", field.column);
    value = cipher->Seal(*value, field.column);
  }
  return consult;
}

void OpenIdentity(domain::Consult& consult, const FieldCipher* cipher) {
  for (const IdentityField& field : kFields) {
    std::optional<std::string>& value = consult.content.patient.*field.member;
    if (!value || cipher == nullptr || !cipher->IsSealed(*value)) {
      if (value && cipher == nullptr && value->rfind("enc1:", 0) == 0) {
        throw RowError(field.column, "sealed, and no key was given");
      }
      continue;
    }
    std::optional<std::string> plain = cipher->Open(*value, field.column);
    if (!plain) throw RowError(field.column, "no key opens it, or it was changed");
    value = std::move(plain);
  }
}

std::optional<std::string> BsnIndex(const domain::Consult& consult, const FieldCipher* cipher) {
  if (!consult.content.patient.bsn || cipher == nullptr) return std::nullopt;
  return cipher->BlindIndex(*consult.content.patient.bsn);
}

bool NeedsReseal(const domain::Consult& stored, const FieldCipher& cipher) {
  for (const IdentityField& field : kFields) {
    const std::optional<std::string>& value = stored.content.patient.*field.member;
    if (value && (!cipher.IsSealed(*value) || !cipher.IsCurrent(*value))) return true;
  }
  return false;
}

}  // namespace meekijk::store
