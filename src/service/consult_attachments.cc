// Attachments: photos, ECGs and letters, recognised by their bytes and kept in the database.
#include "auth/token.h"
#include "domain/attachment_name.h"
#include "domain/consult_state.h"
#include "domain/file_type.h"
#include "service/consult_access.h"
#include "service/consult_service.h"
#include "store/tx.h"

namespace meekijk::service {

using domain::Consult;
using domain::Role;

namespace {

// One answer for an attachment that does not exist and one on a consult the caller may not see,
// so that ids cannot be probed.
Error AttachmentNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze bijlage bestaat niet of is niet voor u.",
                   "This attachment does not exist or is not yours to see.");
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
  MK_ASSIGN_OR_RETURN(domain::FileType type, domain::InspectFile(content));
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
    record.filename = domain::SafeAttachmentName(filename, type);
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
  if (!record) return AttachmentNotFound();
  Result<StoredFile> file = OnConsult<StoredFile>(
      principal, record->consult_id, "attachment.read",
      [&](store::Tx& tx, Consult&, Role) -> Result<StoredFile> {
        MK_ASSIGN_OR_RETURN(std::string content, tx.LoadAttachmentContent(attachment_id));
        return StoredFile{*record, std::move(content)};
      });
  if (!file.ok() && file.error().code == ErrorCode::kNotFound) return AttachmentNotFound();
  return file;
}

}  // namespace meekijk::service
