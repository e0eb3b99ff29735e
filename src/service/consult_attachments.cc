// Attachments: photos, ECGs and letters, recognised by their bytes and kept in the database.
#include "auth/token.h"
#include "domain/consult_state.h"
#include "domain/file_type.h"
#include "service/consult_access.h"
#include "service/consult_service.h"
#include "store/tx.h"

namespace meekijk::service {

using domain::Consult;
using domain::Role;

namespace {

constexpr size_t kMaxFilenameChars = 200;

// The length of the valid UTF-8 sequence that starts text[at], or 0 when none does.
size_t Utf8SequenceLength(const std::string& text, size_t at) {
  unsigned char lead = static_cast<unsigned char>(text[at]);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                                   : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) & 0xc0) != 0x80) return 0;
  }
  return length;
}

// Keeps a name people recognise but nothing that could escape a header or a path, and only valid
// UTF-8, cut at a character boundary (PostgreSQL refuses anything else; JSON must not carry it).
std::string SafeFilename(const std::string& name, domain::FileType type) {
  std::string safe;
  size_t characters = 0;
  for (size_t at = 0; at < name.size() && characters < kMaxFilenameChars;) {
    size_t length = Utf8SequenceLength(name, at);
    if (length == 0) {
      ++at;  // a stray byte: dropped
      continue;
    }
    char c = name[at];
    unsigned char u = static_cast<unsigned char>(c);
    bool unsafe = length == 1 && (u < 0x20 || c == '"' || c == '\\' || c == '/' || c == ';' ||
                                  u == 0x7f);
    if (!unsafe) {
      safe.append(name, at, length);
      ++characters;
    }
    at += length;
  }
  if (safe.empty() || safe.find_first_not_of(". ") == std::string::npos) {
    safe = "bijlage." + std::string(domain::FileTypeName(type));
  }
  return safe;
}

}  // namespace

Result<store::AttachmentRecord> ConsultService::AddAttachment(const Principal& principal,
                                                              int64_t consult_id,
                                                              const std::string& filename,
                                                              const std::string& content) {
  if (content.size() > max_attachment_bytes_) {
    return MakeError(ErrorCode::kTooLarge,
                     "Het bestand is te groot: hoogstens " +
                         std::to_string(max_attachment_bytes_ / (1024 * 1024)) + " MB.",
                     "The file is too large: at most " +
                         std::to_string(max_attachment_bytes_ / (1024 * 1024)) + " MB.",
                     "file");
  }
  MK_ASSIGN_OR_RETURN(domain::FileType type, domain::SniffFileType(content));
  return OnConsult<store::AttachmentRecord>(
      principal, consult_id, "attachment.create",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<store::AttachmentRecord> {
    if (domain::IsFinal(consult.status)) {
      return MakeError(ErrorCode::kConflict,
                       "Deze consultatie is afgesloten; er kunnen geen bijlagen meer bij.",
                       "This consult is finished; no more attachments can be added.");
    }
    if (role == Role::kCoordinator) {
      return MakeError(ErrorCode::kForbidden, "Coördinatoren voegen geen bijlagen toe.",
                       "Coordinators do not add attachments.");
    }
    if (role == Role::kSpecialist && consult.status != domain::ConsultStatus::kSent) {
      MK_RETURN_IF_ERROR(RequireHolder(principal, consult));
    }
    // A new file changes the consult: its version moves, so that a concurrent close on another
    // node conflicts instead of closing past the file, and browsers see the change.
    consult.updated_at = clock_.Now();
    MK_RETURN_IF_ERROR(tx.UpdateConsult(consult));
    store::AttachmentRecord record;
    record.consult_id = consult.id;
    record.filename = SafeFilename(filename, type);
    record.file_type = type;
    record.size_bytes = static_cast<int64_t>(content.size());
    record.sha256 = auth::Sha256Hex(content);
    record.uploaded_by = principal.user.id;
    record.uploaded_at = clock_.Now();
    MK_ASSIGN_OR_RETURN(record.id, tx.InsertAttachment(record, content));
    return record;
  });
}

Result<StoredFile> ConsultService::GetAttachment(const Principal& principal,
                                                 int64_t attachment_id) {
  std::optional<store::AttachmentRecord> record;
  MK_ASSIGN_OR_RETURN(record, store::Transact<std::optional<store::AttachmentRecord>>(
                                  database_, store::Access::kRead,
                                  [&](store::Tx& tx) { return tx.FindAttachment(attachment_id); }));
  if (!record) {
    return MakeError(ErrorCode::kNotFound, "Deze bijlage bestaat niet of is niet voor u.",
                     "This attachment does not exist or is not yours to see.");
  }
  return OnConsult<StoredFile>(principal, record->consult_id, "attachment.read",
                               [&](store::Tx& tx, Consult&, Role) -> Result<StoredFile> {
    MK_ASSIGN_OR_RETURN(std::string content, tx.LoadAttachmentContent(attachment_id));
    return StoredFile{*record, std::move(content)};
  });
}

}  // namespace meekijk::service
