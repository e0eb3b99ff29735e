// Adding and reading a consult's files.
#include "service/attachment_service.h"

#include "auth/token.h"
#include "domain/attachment_name.h"
#include "domain/consult_state.h"
#include "domain/file_type.h"
#include "service/consult_frame.h"
#include "store/attachments.h"

namespace meekijk::service {

using domain::Attachment;
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

Result<Attachment> AttachmentService::Add(const Principal& principal, int64_t consult_id,
                                          const std::string& filename, const std::string& content) {
  if (content.size() > max_attachment_bytes_) {
    std::string megabytes = std::to_string(max_attachment_bytes_ / (1024 * 1024));
    return MakeError(ErrorCode::kTooLarge,
                     "Het bestand is te groot: hoogstens " + megabytes + " MB.",
                     "The file is too large: at most " + megabytes + " MB.", "file");
  }
  MK_ASSIGN_OR_RETURN(domain::FileType type, domain::InspectFile(content));
  return OnConsult<Attachment>(
      database_, access_log_, principal, consult_id, "attachment.create",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<Attachment> {
        if (domain::IsFinal(consult.status)) {
          return MakeError(ErrorCode::kConflict,
                           "Deze consultatie is afgesloten; er kunnen geen bijlagen meer bij.",
                           "This consult is finished; no more attachments can be added.");
        }
        if (role == Role::kCoordinator) {
          return MakeError(ErrorCode::kForbidden, "Coördinatoren voegen geen bijlagen toe.",
                           "Coordinators do not add attachments.");
        }
        MK_RETURN_IF_ERROR(RequireHolderOnceClaimed(principal, consult, role));
        // A new file changes the consult: its version moves, so that a concurrent close on another
        // node conflicts instead of closing past the file, and browsers see the change.
        TimePoint now = clock_.Now();
        consult.updated_at = now;
        MK_RETURN_IF_ERROR(tx.consults().Update(consult));
        Attachment attachment;
        attachment.consult_id = consult.id;
        attachment.filename = domain::SafeAttachmentName(filename, type);
        attachment.file_type = type;
        attachment.size_bytes = static_cast<int64_t>(content.size());
        attachment.sha256 = auth::Sha256Hex(content);
        attachment.uploaded_by = principal.user.id;
        attachment.uploaded_at = now;
        MK_ASSIGN_OR_RETURN(attachment.id, tx.attachments().Insert(attachment, content));
        return attachment;
      });
}

Result<StoredFile> AttachmentService::Get(const Principal& principal, int64_t attachment_id) {
  MK_ASSIGN_OR_RETURN(std::optional<Attachment> attachment,
                      store::Transact<std::optional<Attachment>>(
                          database_, store::Access::kRead,
                          [&](store::Tx& tx) { return tx.attachments().Find(attachment_id); }));
  if (!attachment) return AttachmentNotFound();
  Result<StoredFile> file = OnConsult<StoredFile>(
      database_, access_log_, principal, attachment->consult_id, "attachment.read",
      [&](store::Tx& tx, Consult&, Role) -> Result<StoredFile> {
        MK_ASSIGN_OR_RETURN(std::string content, tx.attachments().Content(attachment_id));
        return StoredFile{*attachment, std::move(content)};
      });
  if (!file.ok() && file.error().code == ErrorCode::kNotFound) return AttachmentNotFound();
  return file;
}

}  // namespace meekijk::service
