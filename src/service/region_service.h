// The region's own infrastructure, kept by its coordinators: pools and their members, question
// templates and agreements. A coordinator acts for the organisations they coordinate and the
// practices under a care group; an administrator for all. What lies outside a coordinator's reach
// is a 404, as for consults: they cannot tell it exists. Every change is a new version with who
// and when.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/agreement.h"
#include "domain/directory.h"
#include "domain/question_template.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct OrganisationView {
  domain::Organisation organisation;
  bool in_scope = false;  // the caller acts for it
};

struct PoolView {
  domain::Pool pool;
  std::string organisation_name;
  std::vector<NamedRef> members;
  bool may_change = false;  // the caller keeps this pool
};

struct NewPool {
  int64_t organisation_id = 0;
  std::string specialty;
  std::string name;
  std::vector<int64_t> member_ids;
};

// What changes; what is absent stays.
struct PoolChange {
  std::optional<std::string> name;
  std::optional<std::vector<int64_t>> member_ids;
};

struct TemplateView {
  domain::QuestionTemplate question_template;
  std::string organisation_name;
  std::optional<NamedRef> changed_by;
  bool may_change = false;
};

struct TemplateDetail {
  TemplateView current;
  std::vector<TemplateView> versions;  // oldest first, the current one last
};

struct TemplateSummary {
  int64_t id = 0;
  std::string name;
  int64_t version = 0;
};

struct AgreementView {
  domain::Agreement agreement;
  std::vector<NamedRef> gp_organisations;
  PoolOption pool;
  std::optional<TemplateSummary> question_template;
  std::optional<NamedRef> changed_by;
  std::optional<NamedRef> insurer;  // who pays the fee lines
  bool in_force = false;    // today
  bool may_change = false;  // the caller may make a new version
};

struct AgreementDetail {
  AgreementView current;
  std::vector<AgreementView> versions;  // oldest first, the current one last
};

class RegionService {
 public:
  RegionService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  // A 403 unless the caller coordinates an organisation or administers. The calls below check it
  // too; a handler asks it before reading a body, so that others learn nothing from its checks.
  static Result<void> RequireKeeper(const Principal& principal);

  // The organisations of the caller's region(s), for choosing GP organisations and pools.
  Result<std::vector<OrganisationView>> Organisations(const Principal& principal);

  // Every pool of the caller's region(s): the region's coordinators make agreements with them.
  Result<std::vector<PoolView>> Pools(const Principal& principal);
  // A pool of a hospital, ZBC or kaderarts group the caller coordinates, for a known specialty,
  // with members who are specialists of that organisation.
  Result<PoolView> CreatePool(const Principal& principal, const NewPool& pool);
  Result<PoolView> ChangePool(const Principal& principal, int64_t pool_id,
                              const PoolChange& change);

  // The templates the caller keeps, and those of the agreements they see.
  Result<std::vector<TemplateView>> Templates(const Principal& principal);
  Result<TemplateDetail> Template(const Principal& principal, int64_t template_id);
  // For `organisation_id`, or (0) the one organisation the caller coordinates.
  Result<TemplateView> CreateTemplate(const Principal& principal,
                                      domain::QuestionTemplate question_template);
  // A new version; `question_template.version` is the version the change was made to (a 409
  // when another change came first). The specialty and organisation stay.
  Result<TemplateView> ChangeTemplate(const Principal& principal,
                                      domain::QuestionTemplate question_template);

  // The agreements whose GP side or pool lies in the caller's reach.
  Result<std::vector<AgreementView>> Agreements(const Principal& principal);
  Result<AgreementDetail> Agreement(const Principal& principal, int64_t agreement_id);
  // The caller acts for every GP organisation of it, or for the pool's organisation; both sides
  // lie in the caller's region; the template (if any) is one the caller sees, for the pool's
  // specialty.
  Result<AgreementView> CreateAgreement(const Principal& principal, domain::Agreement agreement);
  // A new version by the same rules; `agreement.version` is the version the change was made to.
  // The pool stays: another pool is another agreement.
  Result<AgreementView> ChangeAgreement(const Principal& principal, domain::Agreement agreement);

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
