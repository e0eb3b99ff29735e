// The patient's identity (BSN, name, date of birth) never reaches the database in the clear:
// sealed with the database's FieldCipher before a consult is written, opened after it is read,
// and the BSN found through a keyed blind index. Private to the consult repository.
#pragma once

#include <optional>
#include <string>

#include "core/field_cipher.h"
#include "core/result.h"
#include "domain/consult.h"

namespace meekijk::store {

// A copy of `consult` with its identity fields sealed. kInternal ("no_encryption_key") when the
// consult carries an identity and there is no cipher.
Result<domain::Consult> Sealed(domain::Consult consult, const FieldCipher* cipher);

// Opens the identity fields in place; RowError naming the column for a ciphertext no key opens.
// Plain text in a field (a row from before encryption) is returned as it is.
void OpenIdentity(domain::Consult& consult, const FieldCipher* cipher);

// The blind index of the consult's BSN; empty when it has none.
std::optional<std::string> BsnIndex(const domain::Consult& consult, const FieldCipher* cipher);

// Whether any identity field is plain text or sealed under an older key.
bool NeedsReseal(const domain::Consult& stored, const FieldCipher& cipher);

}  // namespace meekijk::store
