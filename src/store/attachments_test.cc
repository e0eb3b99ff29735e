// The store contract, attachments part.
#include "store/attachments.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class AttachmentRepositoryTest : public StoreTest {};

TEST_P(AttachmentRepositoryTest, KeepsAttachmentBytesExactly) {
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AttachmentRepository attachments = tx.attachments();
    MK_ASSIGN_OR_RETURN(int64_t consult, tx.consults().Insert(NewConsult(d, 1)));
    domain::Attachment attachment{
        0,     consult, "huid.png", domain::FileType::kPng, static_cast<int64_t>(bytes.size()),
        "abc", d.gp,    kNow};
    MK_ASSIGN_OR_RETURN(attachment.id, attachments.Insert(attachment, bytes));
    MK_ASSIGN_OR_RETURN(std::string content, attachments.Content(attachment.id));
    EXPECT_EQ(content, bytes);
    MK_ASSIGN_OR_RETURN(auto meta, Present(attachments.Find(attachment.id)));
    EXPECT_EQ(meta, attachment);
    MK_ASSIGN_OR_RETURN(auto list, attachments.OfConsult(consult));
    EXPECT_EQ(list.size(), 1u);
    Result<std::string> missing = attachments.Content(attachment.id + 1);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(AttachmentRepositoryTest);

}  // namespace
}  // namespace meekijk::store
