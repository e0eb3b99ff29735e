// The region's set-up as a specification: who keeps which pools, templates and agreements, who
// sees them, and how a consult is written to a template's version.
#include "service/region_service.h"

#include <gtest/gtest.h>

#include "auth/password.h"
#include "service/access_log.h"
#include "service/attachment_service.h"
#include "service/consult_service.h"
#include "service/directory_service.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/sample_files.h"
#include "testing/principals.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::OrgKind;
using domain::Role;
using testing::Engine;

class RegionServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    region_ = std::make_unique<RegionService>(*db_, clock_);
    DirectoryService directory(*db_, clock_);
    auto organisation = [&](OrgKind kind, const char* name, const char* agb,
                            std::optional<int64_t> parent, const char* region = "Rotterdam") {
      return *directory.AddOrganisation({0, kind, name, agb, parent, region});
    };
    group_a_ = organisation(OrgKind::kCareGroup, "Zorggroep A", "03000001", {});
    practice_a_ = organisation(OrgKind::kGpPractice, "Praktijk A1", "01000001", group_a_);
    group_b_ = organisation(OrgKind::kCareGroup, "Zorggroep B", "03000002", {});
    practice_b_ = organisation(OrgKind::kGpPractice, "Praktijk B1", "01000002", group_b_);
    hospital_ = organisation(OrgKind::kHospital, "Ziekenhuis H", "06000001", {});
    elsewhere_ = organisation(OrgKind::kHospital, "Ziekenhuis Utrecht", "06000002", {}, "Utrecht");
    EXPECT_TRUE(
        directory.AddSpecialty({"dermatologie", "Dermatologie", "Dermatology", "0310"}).ok());
    EXPECT_TRUE(directory.AddSpecialty({"kno", "KNO", "ENT", "0302"}).ok());
    std::string hash = *auth::HashPassword("wachtwoord-123");
    auto user = [&](const char* name, int64_t organisation, Role role) {
      return Load(
          *directory.AddUserWithHash({name, name, "", {}, "", {{organisation, role}}}, hash));
    };
    coordinator_a_ = user("coordinator_a", group_a_, Role::kCoordinator);
    coordinator_b_ = user("coordinator_b", group_b_, Role::kCoordinator);
    coordinator_h_ = user("coordinator_h", hospital_, Role::kCoordinator);
    coordinator_u_ = user("coordinator_u", elsewhere_, Role::kCoordinator);
    gp_ = user("gp", practice_a_, Role::kGp);
    specialist_ = user("derma", hospital_, Role::kSpecialist);
    Result<PoolView> pool = region_->CreatePool(
        coordinator_h_, {hospital_, "dermatologie", "Dermatologie H", {specialist_.user.id}});
    EXPECT_TRUE(pool.ok()) << pool.error().message.en;
    pool_ = pool.ok() ? pool->pool.id : 0;
    specialist_ = Load(specialist_.user.id);  // now a member of the pool
  }

  Principal Load(int64_t user_id) { return testing::LoadPrincipal(*db_, user_id); }

  domain::Agreement AgreementFor(int64_t gp_organisation, std::optional<int64_t> template_id = {}) {
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {gp_organisation};
    agreement.pool_id = pool_;
    agreement.modes = {domain::ConsultMode::kDigital};
    agreement.response_days = 3;
    agreement.valid_from = "2026-01-01";
    agreement.template_id = template_id;
    return agreement;
  }

  domain::QuestionTemplate Dermatology(int64_t organisation_id = 0) {
    domain::QuestionTemplate t;
    t.organisation_id = organisation_id;
    t.specialty = "dermatologie";
    t.name = "Huid";
    t.fields = {{"duur_weken", "Hoe lang al?", "", domain::FieldType::kNumber, true, "weken", {}},
                {"fotos", "Foto's", "", domain::FieldType::kPhoto, true, {}, {}}};
    return t;
  }

  static ErrorCode CodeOf(const Result<void>& result) {
    return result.ok() ? ErrorCode::kInternal : result.error().code;
  }
  template <typename T>
  static ErrorCode CodeOf(const Result<T>& result) {
    return result.ok() ? ErrorCode::kInternal : result.error().code;
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};  // Monday 2 March 2026
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<RegionService> region_;
  int64_t group_a_ = 0, practice_a_ = 0, group_b_ = 0, practice_b_ = 0, hospital_ = 0,
          elsewhere_ = 0, pool_ = 0;
  Principal coordinator_a_, coordinator_b_, coordinator_h_, coordinator_u_, gp_, specialist_;
};

TEST_P(RegionServiceTest, AHospitalKeepsItsPoolsAndEveryCoordinatorOfTheRegionSeesThem) {
  Result<PoolView> theirs = region_->CreatePool(coordinator_a_, {hospital_, "kno", "KNO H", {}});
  EXPECT_EQ(theirs.error().field, "organisation_id");
  Result<PoolView> practice_pool =
      region_->CreatePool(coordinator_a_, {practice_a_, "kno", "KNO A", {}});
  EXPECT_EQ(practice_pool.error().field, "organisation_id");  // practices answer no consults
  Result<PoolView> with_gp =
      region_->CreatePool(coordinator_h_, {hospital_, "kno", "KNO H", {gp_.user.id}});
  EXPECT_EQ(with_gp.error().field, "member_ids");

  Result<std::vector<PoolView>> seen = region_->Pools(coordinator_a_);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_FALSE(seen->at(0).may_change);
  EXPECT_EQ(seen->at(0).members, (std::vector<NamedRef>{{specialist_.user.id, "derma"}}));
  EXPECT_TRUE(region_->Pools(coordinator_h_)->at(0).may_change);
  EXPECT_TRUE(region_->Pools(coordinator_u_)->empty());  // another region's

  EXPECT_EQ(CodeOf(region_->ChangePool(coordinator_a_, pool_, {"Van A", {}})),
            ErrorCode::kForbidden);
  EXPECT_EQ(CodeOf(region_->ChangePool(coordinator_u_, pool_, {"Van U", {}})),
            ErrorCode::kNotFound);
  Result<PoolView> emptied =
      region_->ChangePool(coordinator_h_, pool_, {{}, std::vector<int64_t>{}});
  ASSERT_TRUE(emptied.ok());
  EXPECT_TRUE(emptied->members.empty());
  EXPECT_EQ(emptied->pool.name, "Dermatologie H");
  EXPECT_EQ(CodeOf(region_->Pools(gp_)), ErrorCode::kForbidden);
}

TEST_P(RegionServiceTest, ACareGroupActsForItsPracticesAndTheHospitalForItsPools) {
  Result<AgreementView> own = region_->CreateAgreement(coordinator_a_, AgreementFor(practice_a_));
  ASSERT_TRUE(own.ok()) << own.error().message.en;
  EXPECT_TRUE(own->in_force);
  EXPECT_TRUE(own->may_change);
  EXPECT_EQ(own->agreement.specialty, "dermatologie");
  EXPECT_EQ(own->changed_by, (NamedRef{coordinator_a_.user.id, "coordinator_a"}));
  EXPECT_EQ(CodeOf(region_->CreateAgreement(coordinator_a_, AgreementFor(practice_b_))),
            ErrorCode::kForbidden);
  Result<AgreementView> by_hospital =
      region_->CreateAgreement(coordinator_h_, AgreementFor(group_b_));
  ASSERT_TRUE(by_hospital.ok()) << by_hospital.error().message.en;
  EXPECT_EQ(region_->CreateAgreement(coordinator_u_, AgreementFor(group_a_)).error().field,
            "pool");  // not in Utrecht's region

  EXPECT_EQ(region_->Agreements(coordinator_a_)->size(), 1u);
  EXPECT_EQ(region_->Agreements(coordinator_b_)->size(), 1u);
  EXPECT_EQ(region_->Agreements(coordinator_h_)->size(), 2u);
  EXPECT_EQ(CodeOf(region_->Agreement(coordinator_b_, own->agreement.id)), ErrorCode::kNotFound);

  domain::Agreement change = own->agreement;
  change.response_days = 5;
  EXPECT_EQ(CodeOf(region_->ChangeAgreement(coordinator_b_, change)), ErrorCode::kNotFound);
  Result<AgreementView> changed = region_->ChangeAgreement(coordinator_h_, change);
  ASSERT_TRUE(changed.ok()) << changed.error().message.en;
  EXPECT_EQ(changed->agreement.version, 2);
  EXPECT_EQ(CodeOf(region_->ChangeAgreement(coordinator_a_, change)), ErrorCode::kConflict);
  Result<AgreementDetail> detail = region_->Agreement(coordinator_a_, own->agreement.id);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->versions.size(), 2u);
  EXPECT_EQ(detail->versions[0].changed_by->name, "coordinator_a");
  EXPECT_EQ(detail->versions[1].changed_by->name, "coordinator_h");
}

TEST_P(RegionServiceTest, ARegionOfficeKeepsEveryAgreementOfItsRegionAndNoOtherRegions) {
  DirectoryService directory(*db_, clock_);
  int64_t office = *directory.AddOrganisation(
      {0, OrgKind::kRegionOffice, "ROS Rotterdam", std::nullopt, std::nullopt, "Rotterdam"});
  std::string hash = *auth::HashPassword("wachtwoord-123");
  Principal region_coordinator = Load(*directory.AddUserWithHash(
      {"ros", "ros", "", {}, "", {{office, Role::kCoordinator}}}, hash));
  Result<AgreementView> a = region_->CreateAgreement(coordinator_a_, AgreementFor(practice_a_));
  Result<AgreementView> b = region_->CreateAgreement(coordinator_b_, AgreementFor(group_b_));
  ASSERT_TRUE(a.ok() && b.ok());

  Result<std::vector<AgreementView>> seen = region_->Agreements(region_coordinator);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 2u);  // both care groups' agreements
  EXPECT_TRUE(seen->at(0).may_change && seen->at(1).may_change);
  domain::Agreement change = b->agreement;
  change.response_days = 2;
  Result<AgreementView> changed = region_->ChangeAgreement(region_coordinator, change);
  ASSERT_TRUE(changed.ok()) << changed.error().message.en;
  EXPECT_EQ(changed->changed_by->name, "ros");
  // One agreement for the whole region, made by the region office.
  domain::Agreement whole = AgreementFor(group_a_);
  whole.gp_organisation_ids = {group_a_, group_b_};
  EXPECT_TRUE(region_->CreateAgreement(region_coordinator, whole).ok());
  EXPECT_EQ(region_->Agreements(coordinator_a_)->size(), 2u);
  // Utrecht's coordinator sees none of Rotterdam's, and the region office none of Utrecht's.
  EXPECT_TRUE(region_->Agreements(coordinator_u_)->empty());
  Result<PoolView> utrecht_pool = region_->CreatePool(
      coordinator_u_, {elsewhere_, "kno", "KNO Utrecht", {}});
  ASSERT_TRUE(utrecht_pool.ok());
  EXPECT_EQ(region_->Pools(region_coordinator)->size(), 1u);
  EXPECT_FALSE(region_->Pools(coordinator_u_)->at(0).pool.id == pool_);
}

TEST_P(RegionServiceTest, TemplatesAreSeenByTheirKeepersAndThroughTheAgreementsThatAskThem) {
  Result<TemplateView> hospitals = region_->CreateTemplate(coordinator_h_, Dermatology());
  ASSERT_TRUE(hospitals.ok()) << hospitals.error().message.en;
  EXPECT_EQ(hospitals->question_template.organisation_id, hospital_);
  int64_t id = hospitals->question_template.id;
  EXPECT_TRUE(region_->Templates(coordinator_a_)->empty());
  EXPECT_EQ(CodeOf(region_->Template(coordinator_a_, id)), ErrorCode::kNotFound);

  // The pool's own template may go into a care group's agreement with that pool.
  ASSERT_TRUE(region_->CreateAgreement(coordinator_a_, AgreementFor(group_a_, id)).ok());
  Result<std::vector<TemplateView>> seen = region_->Templates(coordinator_a_);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_FALSE(seen->at(0).may_change);
  domain::QuestionTemplate change = hospitals->question_template;
  change.name = "Huid, door A";
  EXPECT_EQ(CodeOf(region_->ChangeTemplate(coordinator_a_, change)), ErrorCode::kForbidden);
  EXPECT_EQ(CodeOf(region_->Template(coordinator_b_, id)), ErrorCode::kNotFound);

  // Another care group's template may not.
  Result<TemplateView> b = region_->CreateTemplate(coordinator_b_, Dermatology());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(
      region_->CreateAgreement(coordinator_a_, AgreementFor(group_a_, b->question_template.id))
          .error()
          .field,
      "template");
  domain::QuestionTemplate ent = Dermatology(group_a_);
  ent.specialty = "kno";
  Result<TemplateView> wrong_specialty = region_->CreateTemplate(coordinator_a_, ent);
  ASSERT_TRUE(wrong_specialty.ok());
  EXPECT_EQ(region_
                ->CreateAgreement(coordinator_a_,
                                  AgreementFor(group_a_, wrong_specialty->question_template.id))
                .error()
                .field,
            "template");
}

TEST_P(RegionServiceTest, AConsultIsWrittenToATemplateVersionAndARequiredPhotoNeedsAFile) {
  Result<TemplateView> t = region_->CreateTemplate(coordinator_a_, Dermatology());
  ASSERT_TRUE(t.ok()) << t.error().message.en;
  ASSERT_TRUE(
      region_->CreateAgreement(coordinator_a_, AgreementFor(group_a_, t->question_template.id))
          .ok());
  AccessLog access_log(*db_, clock_);
  ConsultService consults(*db_, clock_, access_log);
  AttachmentService attachments(*db_, clock_, access_log, 1 << 20);
  NewConsult draft;
  draft.content.specialty = "dermatologie";
  draft.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
  draft.content.icpc = "S87";
  draft.content.question = "Eczeem of psoriasis?";
  draft.content.intended_referral = true;
  draft.content.consent = true;
  draft.content.template_answers = {{"duur_weken", "zes"}};
  EXPECT_EQ(consults.Create(gp_, draft).error().field, "template_answers.duur_weken");
  draft.content.template_answers = {{"duur_weken", "6"}};
  Result<domain::Consult> created = consults.Create(gp_, draft);
  ASSERT_TRUE(created.ok()) << created.error().message.en;
  EXPECT_EQ(created->template_ref, (domain::TemplateRef{t->question_template.id, 1}));

  // The template changes while the consult is a draft: it stays with version 1.
  domain::QuestionTemplate change = t->question_template;
  change.fields.pop_back();
  ASSERT_TRUE(region_->ChangeTemplate(coordinator_a_, change).ok());
  Result<domain::Consult> updated = consults.UpdateDraft(gp_, created->id, draft);
  ASSERT_TRUE(updated.ok()) << updated.error().message.en;
  EXPECT_EQ(updated->template_ref->version, 1);

  Result<domain::Consult> without_photo = consults.Send(gp_, created->id);
  EXPECT_EQ(without_photo.error().field, "template_answers.fotos");
  ASSERT_TRUE(attachments.Add(gp_, created->id, "arm.png", testing::SamplePng()).ok());
  Result<domain::Consult> sent = consults.Send(gp_, created->id);
  ASSERT_TRUE(sent.ok()) << sent.error().message.en;
  EXPECT_EQ(sent->agreement_version, 1);
  Result<ConsultDetail> seen = consults.Get(specialist_, created->id);
  ASSERT_TRUE(seen.ok());
  ASSERT_TRUE(seen->question_template.has_value());
  EXPECT_EQ(seen->question_template->version, 1);
  EXPECT_EQ(seen->question_template->fields.size(), 2u);

  // A new consult is written to version 2, which asks no photo.
  Result<domain::Consult> next = consults.Create(gp_, draft);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->template_ref->version, 2);
  EXPECT_TRUE(consults.Send(gp_, next->id).ok());
}

TEST_P(RegionServiceTest, AnAgreementWithoutATemplateTakesNoAnswersAndNoneMeansNoConsult) {
  AccessLog access_log(*db_, clock_);
  ConsultService consults(*db_, clock_, access_log);
  NewConsult draft;
  draft.content.specialty = "dermatologie";
  draft.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
  draft.content.icpc = "S87";
  draft.content.question = "Eczeem of psoriasis?";
  EXPECT_EQ(consults.Create(gp_, draft).error().field, "specialty");  // no agreement yet
  ASSERT_TRUE(region_->CreateAgreement(coordinator_a_, AgreementFor(group_a_)).ok());
  draft.content.template_answers = {{"duur_weken", "6"}};
  EXPECT_EQ(consults.Create(gp_, draft).error().field, "template_answers");
  draft.content.template_answers.clear();
  EXPECT_TRUE(consults.Create(gp_, draft).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, RegionServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
