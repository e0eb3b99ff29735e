// The consult use cases as a specification: who may do what, and what the access log holds.
#include "service/consult_service.h"

#include <gtest/gtest.h>

#include "auth/password.h"
#include "service/directory_service.h"
#include "service/access_log.h"
#include "service/attachment_service.h"
#include "service/login_service.h"
#include "service/region_service.h"
#include "store/access_log.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/sample_files.h"
#include "testing/principals.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::ConsultStatus;
using domain::MessageKind;
using domain::Role;
using testing::Engine;

const TimePoint kMonday = FromUnixMillis(1772442900000);  // Monday 2 March 2026, 10:15 Amsterdam

class ConsultServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    access_log_ = std::make_unique<AccessLog>(*db_, clock_);
    consults_ = std::make_unique<ConsultService>(*db_, clock_, *access_log_);
    attachments_ = std::make_unique<AttachmentService>(*db_, clock_, *access_log_, 1024);
    DirectoryService directory(*db_, clock_);
    care_group_ = *directory.AddOrganisation({0, domain::OrgKind::kCareGroup, "Zorggroep Zuid",
                                              "12345678", {}, "Rotterdam"});
    practice_ = *directory.AddOrganisation({0, domain::OrgKind::kGpPractice, "Praktijk Noord",
                                            "01000001", care_group_, "Rotterdam"});
    other_practice_ = *directory.AddOrganisation({0, domain::OrgKind::kGpPractice, "Praktijk West",
                                                  "01000002", {}, "Rotterdam"});
    hospital_ = *directory.AddOrganisation({0, domain::OrgKind::kHospital, "Maasstad",
                                            "06000001", {}, "Rotterdam"});
    std::string hash = *auth::HashPassword("wachtwoord-123");
    auto user = [&](const char* name, int64_t organisation, Role role) {
      return *directory.AddUserWithHash({name, name, "", {}, "", {{organisation, role}}}, hash);
    };
    gp_ = Load(user("gp", practice_, Role::kGp));
    assistant_ = Load(user("assistant", practice_, Role::kAssistant));
    other_gp_ = Load(user("other_gp", other_practice_, Role::kGp));
    int64_t derma = user("derma", hospital_, Role::kSpecialist);
    int64_t colleague = user("colleague", hospital_, Role::kSpecialist);
    int64_t outsider = user("outsider", hospital_, Role::kSpecialist);
    EXPECT_TRUE(directory.AddSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    Principal admin = Load(user("admin", care_group_, Role::kAdmin));
    RegionService region(*db_, clock_);
    pool_ = region.CreatePool(admin, {hospital_, "dermatologie", "Dermatologie", {derma, colleague}})
                ->pool.id;
    other_pool_ =
        region.CreatePool(admin, {hospital_, "dermatologie", "Dermatologie 2", {outsider}})->pool.id;
    for (int64_t pool : {pool_, other_pool_}) {
      domain::Agreement agreement;
      agreement.gp_organisation_ids = {care_group_};  // the care group agrees for its practices
      agreement.pool_id = pool;
      agreement.modes = {domain::ConsultMode::kDigital};
      agreement.response_days = 2;
      agreement.valid_from = "2026-01-01";
      EXPECT_TRUE(region.CreateAgreement(admin, agreement).ok());
    }
    specialist_ = Load(derma);
    colleague_ = Load(colleague);
    outsider_ = Load(outsider);
  }

  Principal Load(int64_t user_id) { return testing::LoadPrincipal(*db_, user_id); }

  NewConsult Draft() {
    NewConsult request;
    request.content.specialty = "dermatologie";
    request.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
    request.content.icpc = "S87";
    request.content.question = "Constitutioneel eczeem of psoriasis?";
    request.content.intended_referral = true;
    request.content.consent = true;
    return request;
  }

  int64_t SentConsult() {
    NewConsult request = Draft();
    request.send = true;
    Result<domain::Consult> consult = consults_->Create(gp_, request);
    EXPECT_TRUE(consult.ok()) << consult.error().message.en;
    return consult->id;
  }

  std::vector<store::AccessLogEntry> LogOf(int64_t consult_id) {
    return *store::Transact<std::vector<store::AccessLogEntry>>(
        *db_, store::Access::kRead, [&](store::Tx& tx) { return tx.access_log().List(consult_id, 500); });
  }

  static void ExpectError(const Result<domain::Consult>& result, ErrorCode code) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, code) << result.error().message.en;
  }

  FakeClock clock_{kMonday};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<ConsultService> consults_;
  std::unique_ptr<AttachmentService> attachments_;
  int64_t care_group_ = 0, practice_ = 0, other_practice_ = 0, hospital_ = 0, pool_ = 0,
          other_pool_ = 0;
  Principal gp_, assistant_, other_gp_, specialist_, colleague_, outsider_;
};

TEST_P(ConsultServiceTest, AnAssistantsAccessIsLoggedOnBehalfOfTheGpWhoSentTheConsult) {
  int64_t id = SentConsult();
  ASSERT_TRUE(consults_->Get(assistant_, id).ok());
  ASSERT_TRUE(consults_->Get(gp_, id).ok());
  std::vector<store::AccessLogEntry> log = LogOf(id);
  int assistant_reads = 0, gp_reads = 0;
  for (const store::AccessLogEntry& entry : log) {
    if (entry.action != "consult.read") continue;
    if (entry.user_id == assistant_.user.id) {
      ++assistant_reads;
      EXPECT_EQ(entry.on_behalf_of, gp_.user.id);
    }
    if (entry.user_id == gp_.user.id) {
      ++gp_reads;
      EXPECT_FALSE(entry.on_behalf_of.has_value());  // the GP acts for themselves
    }
  }
  EXPECT_EQ(assistant_reads, 1);
  EXPECT_EQ(gp_reads, 1);
}

TEST_P(ConsultServiceTest, WalksTheWholeLifeCycle) {
  int64_t id = SentConsult();
  Result<ConsultDetail> sent = consults_->Get(gp_, id);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->consult.status, ConsultStatus::kSent);
  EXPECT_EQ(sent->consult.number, "MK-2026-00001");
  EXPECT_EQ(sent->consult.pool_id, pool_);  // the first agreement by id
  // Two working days after Monday 10:15 is Wednesday 10:15.
  EXPECT_EQ(sent->consult.due_at, kMonday + std::chrono::hours(48));

  ASSERT_TRUE(consults_->Claim(specialist_, id).ok());
  ASSERT_TRUE(consults_->PostMessage(specialist_, id, MessageKind::kInfoRequest, "Foto?").ok());
  ASSERT_TRUE(consults_->PostMessage(assistant_, id, MessageKind::kReply, "Zie bijlage.").ok());
  ASSERT_TRUE(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kPrimaryCare,
                                    "Start hydrocortison.").ok());
  ASSERT_TRUE(consults_->PostMessage(gp_, id, MessageKind::kQuestion, "Hoe lang?").ok());
  ASSERT_TRUE(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kPrimaryCare,
                                    "Twee weken.").ok());
  Result<domain::Consult> closed =
      consults_->Close(gp_, id, {domain::OutcomeKind::kPrimaryCare, true, 5});
  ASSERT_TRUE(closed.ok()) << closed.error().message.en;
  EXPECT_EQ(closed->status, ConsultStatus::kClosed);

  Result<ConsultDetail> detail = consults_->Get(specialist_, id);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->thread.size(), 5u);
  EXPECT_EQ(detail->consult.advice->body, "Twee weken.");
  EXPECT_EQ(detail->consult.outcome->rating, 5);
  EXPECT_EQ(detail->specialist_name, "derma");
}

TEST_P(ConsultServiceTest, AnotherPracticeNeverSeesTheConsult) {
  int64_t id = SentConsult();
  Result<ConsultDetail> seen = consults_->Get(other_gp_, id);
  ASSERT_FALSE(seen.ok());
  EXPECT_EQ(seen.error().code, ErrorCode::kNotFound);
  ExpectError(consults_->Close(other_gp_, id, {domain::OutcomeKind::kReferred, false, 1}),
              ErrorCode::kNotFound);
  ListQuery outbox;
  EXPECT_TRUE(consults_->List(other_gp_, outbox)->items.empty());
  // A specialist of another pool does not see it either.
  EXPECT_EQ(consults_->Get(outsider_, id).error().code, ErrorCode::kNotFound);
}

TEST_P(ConsultServiceTest, AssistantPreparesButNeverSends) {
  NewConsult request = Draft();
  Result<domain::Consult> draft = consults_->Create(assistant_, request);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->status, ConsultStatus::kDraft);
  ExpectError(consults_->Send(assistant_, draft->id), ErrorCode::kForbidden);
  request.send = true;
  ExpectError(consults_->Create(assistant_, request), ErrorCode::kForbidden);
  // Specialists do not see drafts at all.
  EXPECT_EQ(consults_->Get(specialist_, draft->id).error().code, ErrorCode::kNotFound);
  Result<domain::Consult> sent = consults_->Send(gp_, draft->id);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->sender_id, gp_.user.id);
}

TEST_P(ConsultServiceTest, RefusedTransitionsChangeNothing) {
  int64_t id = SentConsult();
  ExpectError(consults_->GiveAdvice(specialist_, id, domain::Recommendation::kRefer, "x"),
              ErrorCode::kConflict);
  ExpectError(consults_->Close(gp_, id, {domain::OutcomeKind::kReferred, false, 3}),
              ErrorCode::kConflict);
  ExpectError(consults_->Claim(gp_, id), ErrorCode::kForbidden);
  ASSERT_TRUE(consults_->Claim(specialist_, id).ok());
  ExpectError(consults_->Claim(colleague_, id), ErrorCode::kConflict);
  ExpectError(consults_->GiveAdvice(colleague_, id, domain::Recommendation::kRefer, "x"),
              ErrorCode::kForbidden);
  Result<ConsultDetail> detail = consults_->Get(gp_, id);
  EXPECT_EQ(detail->consult.status, ConsultStatus::kClaimed);
  EXPECT_EQ(detail->consult.specialist_id, specialist_.user.id);
  EXPECT_TRUE(detail->thread.empty());
}

// A client that read the consult at one version (If-Match) changes it only while it is still at
// that version: the comparison is made in the transaction that changes it.
TEST_P(ConsultServiceTest, AChangeForAVersionThatHasPassedChangesNothing) {
  int64_t id = SentConsult();
  int64_t read_at = consults_->Get(specialist_, id)->consult.version;
  Result<domain::Consult> stale = consults_->Claim(specialist_, id, read_at - 1);
  ExpectError(stale, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().reason, "stale_version");
  EXPECT_EQ(consults_->Get(gp_, id)->consult.status, ConsultStatus::kSent);

  Result<domain::Consult> claimed = consults_->Claim(specialist_, id, read_at);
  ASSERT_TRUE(claimed.ok()) << claimed.error().message.en;
  EXPECT_EQ(claimed->version, read_at + 1);
  // The GP read it before the claim: closing or cancelling on that reading is refused as stale,
  // before the life cycle is even asked.
  ExpectError(consults_->Cancel(gp_, id, read_at), ErrorCode::kConflict);
  ExpectError(consults_->Decline(specialist_, id, "Niet voor ons.", read_at),
              ErrorCode::kConflict);
  EXPECT_EQ(consults_->Get(gp_, id)->consult.status, ConsultStatus::kClaimed);
}

TEST_P(ConsultServiceTest, ForwardMovesToAnotherPoolOfTheSpecialty) {
  int64_t id = SentConsult();
  std::vector<PoolOption> choices = consults_->Get(specialist_, id)->forward_pools;
  ASSERT_EQ(choices.size(), 1u);
  EXPECT_EQ(choices[0].id, other_pool_);
  EXPECT_TRUE(consults_->Get(gp_, id)->forward_pools.empty());  // GPs do not forward
  ExpectError(consults_->Forward(specialist_, id, pool_), ErrorCode::kInvalidArgument);
  ASSERT_TRUE(consults_->Forward(specialist_, id, other_pool_).ok());
  EXPECT_EQ(consults_->Get(specialist_, id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(consults_->Claim(outsider_, id).ok());
}

TEST_P(ConsultServiceTest, DeclineNeedsAReasonAndTheGpClosesAfterwards) {
  int64_t id = SentConsult();
  ExpectError(consults_->Decline(specialist_, id, " "), ErrorCode::kInvalidArgument);
  ASSERT_TRUE(consults_->Decline(specialist_, id, "Past beter bij de plastische chirurgie.").ok());
  EXPECT_TRUE(consults_->Close(gp_, id, {domain::OutcomeKind::kReferredElsewhere, false, 3}).ok());
}

TEST_P(ConsultServiceTest, RefusesInvalidContentWithTheField) {
  NewConsult request = Draft();
  request.content.patient.bsn = "123456789";
  Result<domain::Consult> invalid = consults_->Create(gp_, request);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().field, "patient.bsn");
  request = Draft();
  request.content.specialty = "astrologie";
  EXPECT_EQ(consults_->Create(gp_, request).error().field, "specialty");
  request = Draft();
  request.send = true;
  request.content.consent = false;
  EXPECT_EQ(consults_->Create(gp_, request).error().field, "consent");
}

TEST_P(ConsultServiceTest, AttachmentsAreRecognisedByTheirBytesAndLimited) {
  int64_t id = SentConsult();
  std::string png = testing::SamplePng();
  Result<domain::Attachment> added = attachments_->Add(gp_, id, "arm.png", png);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->file_type, domain::FileType::kPng);
  EXPECT_EQ(attachments_->Add(gp_, id, "brief.pdf", "MZ\x90\x00 executable").error().code,
            ErrorCode::kUnsupportedMedia);
  EXPECT_EQ(attachments_->Add(gp_, id, "big.pdf", "%PDF-" + std::string(2000, 'x')).error().code,
            ErrorCode::kTooLarge);
  EXPECT_EQ(attachments_->Add(gp_, id, "uitslag.pdf", "%PDF-1.7\n<html><script>x</script>")
                .error().code,
            ErrorCode::kUnsupportedMedia);
  EXPECT_EQ(attachments_->Add(gp_, id, "x.jpg", "\xFF\xD8\xFF").error().code,
            ErrorCode::kUnsupportedMedia);
  Result<StoredFile> file = attachments_->Get(specialist_, added->id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content, png);
  EXPECT_EQ(attachments_->Get(other_gp_, added->id).error().code, ErrorCode::kNotFound);
  // Once claimed, only the holder among the specialists adds files.
  ASSERT_TRUE(consults_->Claim(specialist_, id).ok());
  EXPECT_EQ(attachments_->Add(colleague_, id, "x.png", png).error().code,
            ErrorCode::kForbidden);
  EXPECT_TRUE(attachments_->Add(specialist_, id, "uitleg.png", png).ok());
}

TEST_P(ConsultServiceTest, AttachmentNamesAreKeptAsValidUtf8) {
  int64_t id = SentConsult();
  std::string png = testing::SamplePng();
  std::string broken = "foto\xff\xfe \"arm\";/..\\x.png";
  EXPECT_EQ(attachments_->Add(gp_, id, broken, png)->filename, "foto arm..x.png");
  std::string long_name;
  for (int i = 0; i < 150; ++i) long_name += "é";  // 2 bytes each
  std::string kept = attachments_->Add(gp_, id, long_name, png)->filename;
  EXPECT_EQ(kept, long_name + ".png");  // 150 whole characters and the type's extension
  EXPECT_EQ(attachments_->Add(gp_, id, "", png)->filename, "bijlage.png");
  // The name says what the bytes proved, and shows no reversed text.
  EXPECT_EQ(attachments_->Add(gp_, id, "\u202Egnp.exe", png)->filename, "gnp.png");
  EXPECT_EQ(attachments_->Add(gp_, id, "uitslag.html", testing::SamplePdf())->filename,
            "uitslag.pdf");
}

TEST_P(ConsultServiceTest, AGpOfTwoPracticesChoosesTheOne) {
  DirectoryService directory(*db_, clock_);
  std::string hash = *auth::HashPassword("wachtwoord-123");
  int64_t both = *directory.AddUserWithHash(
      {"locum", "Waarnemer", "", {}, "", {{practice_, Role::kGp}, {other_practice_, Role::kGp}}},
      hash);
  Principal locum = Load(both);
  NewConsult request = Draft();
  EXPECT_EQ(consults_->Create(locum, request).error().field, "practice_id");
  request.practice_id = hospital_;
  EXPECT_EQ(consults_->Create(locum, request).error().field, "practice_id");
  request.practice_id = practice_;
  Result<domain::Consult> created = consults_->Create(locum, request);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->practice_id, practice_);
}

TEST_P(ConsultServiceTest, AccessLogHoldsEveryReadChangeAndRefusal) {
  int64_t id = SentConsult();
  ASSERT_TRUE(consults_->Get(specialist_, id).ok());
  ListQuery pool;
  pool.box = Box::kPool;
  ASSERT_EQ(consults_->List(specialist_, pool)->items.size(), 1u);
  ASSERT_FALSE(consults_->Get(other_gp_, id).ok());
  std::vector<store::AccessLogEntry> log = LogOf(id);  // newest first
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].action, "consult.read");
  EXPECT_EQ(log[0].outcome, "not_found");
  EXPECT_EQ(log[0].username, "other_gp");
  EXPECT_EQ(log[1].action, "consult.list");
  EXPECT_EQ(log[1].role, "specialist");
  EXPECT_EQ(log[2].action, "consult.read");
  EXPECT_EQ(log[2].organisation_id, hospital_);
  EXPECT_EQ(log[3].action, "consult.send");
  EXPECT_EQ(log[4].action, "consult.create");
  EXPECT_EQ(log[4].organisation_id, practice_);
  EXPECT_EQ(log[4].patient_ref, "MK-2026-00001");
  EXPECT_EQ(log[4].client_address, "127.0.0.1");
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
