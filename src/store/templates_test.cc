// The store contract, templates part: versions kept, answers kept with the consult.
#include "store/templates.h"

#include "store/consults.h"
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class TemplateRepositoryTest : public StoreTest {};

domain::QuestionTemplate Dermatology(int64_t organisation_id) {
  domain::QuestionTemplate t;
  t.organisation_id = organisation_id;
  t.specialty = "dermatologie";
  t.name = "Huidafwijking";
  domain::TemplateField weeks{"duur_weken", "Hoe lang al?", "In weken.", domain::FieldType::kNumber,
                              true,         "weken",        {}};
  domain::TemplateField where{"locatie", "Waar?",           "", domain::FieldType::kChoice, false,
                              {},        {"Gelaat", "Romp"}};
  t.fields = {weeks, where};
  t.changed_at = kNow;
  return t;
}

TEST_P(TemplateRepositoryTest, KeepsEveryVersionWithItsFields) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    TemplateRepository templates = tx.templates();
    domain::QuestionTemplate first = Dermatology(d.hospital);
    MK_ASSIGN_OR_RETURN(first.id, templates.Insert(first));
    MK_ASSIGN_OR_RETURN(auto found, Present(templates.Find(first.id)));
    EXPECT_EQ(found, first);

    domain::QuestionTemplate second = found;
    second.fields.pop_back();
    second.name = "Huid, kort";
    second.changed_by = d.gp;
    MK_RETURN_IF_ERROR(templates.Update(second));
    Result<void> stale = templates.Update(second);
    EXPECT_EQ(stale.ok() ? "" : stale.error().reason, "stale_version");

    MK_ASSIGN_OR_RETURN(auto now, Present(templates.Find(first.id)));
    EXPECT_EQ(now.version, 2);
    EXPECT_EQ(now.fields.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto old, Present(templates.FindVersion(first.id, 1)));
    EXPECT_EQ(old, first);
    MK_ASSIGN_OR_RETURN(auto versions, templates.Versions(first.id));
    EXPECT_EQ(versions.size(), 2u);
    MK_ASSIGN_OR_RETURN(auto missing, templates.FindVersion(first.id, 3));
    EXPECT_FALSE(missing.has_value());
    MK_ASSIGN_OR_RETURN(auto all, templates.All());
    EXPECT_EQ(all, std::vector<domain::QuestionTemplate>{now});
    return Ok();
  });
}

TEST_P(TemplateRepositoryTest, AConsultKeepsTheTemplateVersionAndItsAnswers) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::QuestionTemplate t = Dermatology(d.hospital);
    MK_ASSIGN_OR_RETURN(t.id, tx.templates().Insert(t));
    domain::Consult consult = NewConsult(d, 1);
    consult.template_ref = domain::TemplateRef{t.id, 1};
    consult.agreement_version = 1;
    consult.content.template_answers = {{"duur_weken", "6"}, {"locatie", "Romp \"links\""}};
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    MK_ASSIGN_OR_RETURN(auto stored, Present(tx.consults().Find(consult.id)));
    EXPECT_EQ(stored.template_ref, consult.template_ref);
    EXPECT_EQ(stored.agreement_version, 1);
    EXPECT_EQ(stored.content.template_answers, consult.content.template_answers);
    return Ok();
  });
}

TEST_P(TemplateRepositoryTest, UnreadableFieldsAreAnInternalErrorNamingTheColumn) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    MK_RETURN_IF_ERROR(tx.templates().Insert(Dermatology(d.hospital)));
    return Ok();
  });
  ExecuteRaw("UPDATE question_templates SET fields = '{\"not\": \"a list\"}'");
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.templates().All());
    return Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kInternal);
  EXPECT_EQ(read.error().field, "fields");
}

MEEKIJK_STORE_SUITE(TemplateRepositoryTest);

}  // namespace
}  // namespace meekijk::store
