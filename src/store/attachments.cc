// Queries for attachments.
#include "store/attachments.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::Attachment;
using W = Written;

SqlValue FileTypeCell(const Attachment& a) {
  return std::string(domain::FileTypeName(a.file_type));
}

void ReadFileType(const Row& row, size_t i, Attachment& a) {
  const std::string& name = row.Text(i);
  for (domain::FileType type :
       {domain::FileType::kJpeg, domain::FileType::kPng, domain::FileType::kPdf}) {
    if (domain::FileTypeName(type) == name) {
      a.file_type = type;
      return;
    }
  }
  throw RowError(row.ColumnName(i), "unknown file type \"" + name.substr(0, 40) + "\"");
}

// The bytes are a column of their own, appended on insert and read only by Content().
// clang-format off
const Table<Attachment> kAttachments{"attachments", "", {
    Key<Attachment>("id", [](auto& a) -> auto& { return a.id; }),
    Field<Attachment>("consult_id", W::kOnInsert, [](auto& a) -> auto& { return a.consult_id; }),
    Field<Attachment>("filename", W::kOnInsert, [](auto& a) -> auto& { return a.filename; }),
    Column<Attachment>{"file_type", W::kOnInsert, FileTypeCell, ReadFileType, nullptr},
    Field<Attachment>("size_bytes", W::kOnInsert, [](auto& a) -> auto& { return a.size_bytes; }),
    Field<Attachment>("sha256", W::kOnInsert, [](auto& a) -> auto& { return a.sha256; }),
    Field<Attachment>("uploaded_by", W::kOnInsert, [](auto& a) -> auto& { return a.uploaded_by; }),
    Field<Attachment>("uploaded_at", W::kOnInsert, [](auto& a) -> auto& { return a.uploaded_at; }),
}, {"content"}};
// clang-format on

constexpr std::string_view kSelectContent = "SELECT content FROM attachments WHERE id = ?";

}  // namespace

AttachmentRepository Tx::attachments() { return AttachmentRepository(statements_); }

Result<int64_t> AttachmentRepository::Insert(const Attachment& attachment,
                                             std::string_view content) {
  // The bytes are moved into their slot, not copied through an initializer list: files are large.
  std::vector<SqlValue> params = kAttachments.InsertParams(attachment, {SqlValue()});
  params.back() = Blob{std::string(content)};
  return sql_.InsertReturningId(kAttachments.insert(), params);
}

Result<std::optional<Attachment>> AttachmentRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kAttachments.Select("WHERE id = ?"), {id}));
  return kAttachments.ReadFirst(rows);
}

Result<std::string> AttachmentRepository::Content(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSelectContent, {id}));
  if (rows.empty()) return MakeFact(ErrorCode::kNotFound, "not_found");
  return rows.front().BlobBytes(0);
}

Result<std::vector<Attachment>> AttachmentRepository::OfConsult(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kAttachments.Select("WHERE consult_id = ? ORDER BY id"), {consult_id}));
  return kAttachments.ReadAll(rows);
}

}  // namespace meekijk::store
