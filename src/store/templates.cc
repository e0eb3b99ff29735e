// Queries for question templates.
#include "store/templates.h"

#include "store/columns.h"
#include "store/json_cells.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::QuestionTemplate;
using W = Written;

SqlValue FieldsCell(const QuestionTemplate& t) { return EncodeTemplateFields(t.fields); }

void ReadFields(const Row& row, size_t i, QuestionTemplate& t) {
  t.fields = DecodeTemplateFields(row.Text(i), row.ColumnName(i));
}

// The columns of a template, shared by the current version and the kept ones; `id` and `version`
// are the key and the optimistic version of the one, plain columns of the other.
// clang-format off
std::vector<Column<QuestionTemplate>> TemplateColumns(std::string_view id_column, W id, W version) {
  return {
    Field<QuestionTemplate>(id_column, id, [](auto& t) -> auto& { return t.id; }),
    Field<QuestionTemplate>("organisation_id", W::kOnInsert,
                            [](auto& t) -> auto& { return t.organisation_id; }),
    Field<QuestionTemplate>("specialty", W::kOnInsert, [](auto& t) -> auto& { return t.specialty; }),
    Field<QuestionTemplate>("name", W::kAlways, [](auto& t) -> auto& { return t.name; }),
    Column<QuestionTemplate>{"fields", W::kAlways, FieldsCell, ReadFields, nullptr},
    Field<QuestionTemplate>("version", version, [](auto& t) -> auto& { return t.version; }),
    Field<QuestionTemplate>("changed_by", W::kAlways, [](auto& t) -> auto& { return t.changed_by; }),
    Field<QuestionTemplate>("changed_at", W::kAlways, [](auto& t) -> auto& { return t.changed_at; }),
  };
}
// clang-format on

const Table<QuestionTemplate> kTemplates{"question_templates", "t",
                                         TemplateColumns("id", W::kKey, W::kVersion)};
const Table<QuestionTemplate> kTemplateVersions{
    "question_template_versions", "t", TemplateColumns("template_id", W::kOnInsert, W::kOnInsert)};

}  // namespace

TemplateRepository Tx::templates() { return TemplateRepository(statements_); }

Result<int64_t> TemplateRepository::Insert(const QuestionTemplate& question_template) {
  MK_ASSIGN_OR_RETURN(
      int64_t id,
      sql_.InsertReturningId(kTemplates.insert(), kTemplates.InsertParams(question_template)));
  QuestionTemplate stored = question_template;
  stored.id = id;
  stored.version = 1;
  MK_RETURN_IF_ERROR(WriteVersion(stored));
  return id;
}

Result<void> TemplateRepository::Update(const QuestionTemplate& question_template) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kTemplates.update(),
                                                    kTemplates.UpdateParams(question_template)));
  if (changed == 0) return MakeFact(ErrorCode::kConflict, "stale_version");
  QuestionTemplate stored = question_template;
  ++stored.version;
  return WriteVersion(stored);
}

Result<void> TemplateRepository::WriteVersion(const QuestionTemplate& question_template) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kTemplateVersions.insert(), kTemplateVersions.InsertParams(question_template)));
  return Ok();
}

Result<std::optional<QuestionTemplate>> TemplateRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kTemplates.Select("WHERE t.id = ?"), {id}));
  return kTemplates.ReadFirst(rows);
}

Result<std::optional<QuestionTemplate>> TemplateRepository::FindVersion(int64_t id,
                                                                        int64_t version) {
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kTemplateVersions.Select("WHERE t.template_id = ? AND t.version = ?"),
                            {id, version}));
  return kTemplateVersions.ReadFirst(rows);
}

Result<std::vector<QuestionTemplate>> TemplateRepository::Versions(int64_t id) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kTemplateVersions.Select("WHERE t.template_id = ? ORDER BY t.version"), {id}));
  return kTemplateVersions.ReadAll(rows);
}

Result<std::vector<QuestionTemplate>> TemplateRepository::All() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kTemplates.Select("ORDER BY t.id")));
  return kTemplates.ReadAll(rows);
}

}  // namespace meekijk::store
