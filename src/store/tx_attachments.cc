// Queries for attachments: their bytes live in the database, so a backup is one thing.
#include "store/tx.h"

namespace meekijk::store {
namespace {

constexpr std::string_view kInsertAttachment =
    "INSERT INTO attachments (consult_id, filename, file_type, size_bytes, sha256, content, "
    "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectAttachment =
    "SELECT id, consult_id, filename, file_type, size_bytes, sha256, uploaded_by, uploaded_at "
    "FROM attachments";
constexpr std::string_view kSelectContent = "SELECT content FROM attachments WHERE id = ?";

domain::FileType FileTypeFromName(std::string_view name) {
  for (domain::FileType type : {domain::FileType::kJpeg, domain::FileType::kPng}) {
    if (domain::FileTypeName(type) == name) return type;
  }
  return domain::FileType::kPdf;
}

AttachmentRecord AttachmentFromRow(const Row& row) {
  AttachmentRecord attachment;
  attachment.id = row.Int(0);
  attachment.consult_id = row.Int(1);
  attachment.filename = row.Text(2);
  attachment.file_type = FileTypeFromName(row.Text(3));
  attachment.size_bytes = row.Int(4);
  attachment.sha256 = row.Text(5);
  attachment.uploaded_by = row.Int(6);
  attachment.uploaded_at = FromUnixMillis(row.Int(7));
  return attachment;
}

}  // namespace

Result<int64_t> Tx::InsertAttachment(const AttachmentRecord& attachment,
                                     std::string_view content) {
  return InsertReturningId(
      kInsertAttachment,
      {attachment.consult_id, attachment.filename,
       std::string(domain::FileTypeName(attachment.file_type)), attachment.size_bytes,
       attachment.sha256, Blob{std::string(content)}, attachment.uploaded_by,
       ToUnixMillis(attachment.uploaded_at)});
}

Result<std::optional<AttachmentRecord>> Tx::FindAttachment(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectAttachment) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<AttachmentRecord>();
  return std::optional<AttachmentRecord>(AttachmentFromRow(rows.front()));
}

Result<std::string> Tx::LoadAttachmentContent(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectContent, {id}));
  if (rows.empty()) {
    return MakeError(ErrorCode::kNotFound, "Bijlage niet gevonden.", "Attachment not found.");
  }
  return rows.front().BlobBytes(0);
}

Result<std::vector<AttachmentRecord>> Tx::ListAttachments(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(std::string(kSelectAttachment) +
                                           " WHERE consult_id = ? ORDER BY id",
                                       {consult_id}));
  std::vector<AttachmentRecord> attachments;
  for (const Row& row : rows) attachments.push_back(AttachmentFromRow(row));
  return attachments;
}

}  // namespace meekijk::store
