// Pools, question templates and agreements, kept by the region's coordinators.
#include "service/region_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/log.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "service/coordinator_reach.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/templates.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::OrgKind;
using domain::Role;

constexpr size_t kMaxPoolNameChars = 200;

Error NotFound(std::string nl, std::string en) {
  return MakeError(ErrorCode::kNotFound, std::move(nl), std::move(en));
}

Error Invalid(std::string nl, std::string en, std::string field) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

using Reach = CoordinatorReach;

// What one unit of work reads once: the organisations, and names of people as needed.
struct Directory {
  std::map<int64_t, domain::Organisation> organisations;

  static Result<Directory> Load(store::Tx& tx) {
    Directory directory;
    MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
    for (domain::Organisation& o : all) directory.organisations.emplace(o.id, std::move(o));
    return directory;
  }
  const domain::Organisation* Find(int64_t id) const {
    auto it = organisations.find(id);
    return it == organisations.end() ? nullptr : &it->second;
  }
  std::string NameOf(int64_t id) const {
    const domain::Organisation* o = Find(id);
    return o ? o->name : "";
  }
};

// One unit of work of a coordinator's call: the organisations read once, and the caller's reach.
template <typename T, typename F>
Result<T> WithReach(store::Database& database, store::Access access, const Principal& principal,
                    F&& body) {
  return store::Transact<T>(database, access, [&](store::Tx& tx) -> Result<T> {
    MK_ASSIGN_OR_RETURN(Directory directory, Directory::Load(tx));
    MK_RETURN_IF_ERROR(RegionService::RequireKeeper(principal));
    Reach reach = Reach::Of(principal, directory.organisations);
    return body(tx, directory, reach);
  });
}

Result<std::optional<NamedRef>> PersonRef(store::Tx& tx, std::optional<int64_t> user_id) {
  if (!user_id) return std::optional<NamedRef>();
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(*user_id));
  if (!user) return std::optional<NamedRef>();
  return std::optional<NamedRef>(NamedRef{user->id, user->display_name});
}

Result<bool> SpecialtyKnown(store::Tx& tx, const std::string& code) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
  return std::any_of(specialties.begin(), specialties.end(),
                     [&](const domain::Specialty& s) { return s.code == code; });
}

Error UnknownSpecialty(const std::string& code) {
  std::string shown(utf8::PrefixOfAtMost(utf8::Repaired(code), 60));
  return Invalid("Onbekend specialisme „" + shown + "”.", "Unknown specialty \"" + shown + "\".",
                 "specialty");
}

// --- pools ---

bool AnswersConsults(OrgKind kind) {
  return kind == OrgKind::kHospital || kind == OrgKind::kZbc || kind == OrgKind::kKaderartsGroup;
}

Result<PoolView> PoolViewOf(store::Tx& tx, const Directory& directory, const Reach& reach,
                            const domain::Pool& pool) {
  PoolView view{
      pool, directory.NameOf(pool.organisation_id), {}, reach.Covers(pool.organisation_id)};
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> members, tx.agreements().PoolMembers(pool.id));
  for (int64_t id : members) {
    MK_ASSIGN_OR_RETURN(std::optional<NamedRef> member, PersonRef(tx, id));
    if (member) view.members.push_back(std::move(*member));
  }
  return view;
}

// Every member is a specialist (or kaderhuisarts) of the pool's organisation.
Result<void> CheckMembers(store::Tx& tx, int64_t organisation_id,
                          const std::vector<int64_t>& member_ids) {
  for (int64_t id : member_ids) {
    MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                        tx.directory().Memberships(id));
    bool fits = std::any_of(memberships.begin(), memberships.end(), [&](const auto& m) {
      return m.organisation_id == organisation_id && m.role == Role::kSpecialist;
    });
    if (!fits) {
      return Invalid(
          "Alleen specialisten en kaderhuisartsen van deze organisatie horen in haar "
          "pools (gebruiker " +
              std::to_string(id) + ").",
          "Only specialists and GPs with a special interest of this organisation "
          "belong in its pools (user " +
              std::to_string(id) + ").",
          "member_ids");
    }
  }
  return Ok();
}

Result<void> CheckPoolName(const std::string& name) {
  if (utf8::IsValid(name) && !utf8::IsBlank(name) &&
      utf8::CodePointCount(name) <= kMaxPoolNameChars) {
    return Ok();
  }
  return Invalid("Geef de pool een naam (hoogstens 200 tekens).",
                 "Give the pool a name (at most 200 characters).", "name");
}

// --- agreements and templates: who sees them ---

// Whether the caller may make or change the agreement: they act for every GP organisation of it,
// or for the pool's organisation.
bool KeepsAgreement(const Reach& reach, const domain::Agreement& agreement,
                    const domain::Pool& pool) {
  return reach.Covers(pool.organisation_id) ||
         std::all_of(agreement.gp_organisation_ids.begin(), agreement.gp_organisation_ids.end(),
                     [&](int64_t id) { return reach.Covers(id); });
}

bool SeesAgreement(const Reach& reach, const domain::Agreement& agreement,
                   const domain::Pool& pool) {
  return reach.Covers(pool.organisation_id) ||
         std::any_of(agreement.gp_organisation_ids.begin(), agreement.gp_organisation_ids.end(),
                     [&](int64_t id) { return reach.Covers(id); });
}

// The agreements the caller sees, with their pools.
Result<std::vector<std::pair<domain::Agreement, domain::Pool>>> VisibleAgreements(
    store::Tx& tx, const Reach& reach) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Agreement> all, tx.agreements().All());
  MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, tx.agreements().Pools());
  std::map<int64_t, domain::Pool> by_id;
  for (domain::Pool& pool : pools) by_id.emplace(pool.id, std::move(pool));
  std::vector<std::pair<domain::Agreement, domain::Pool>> out;
  for (domain::Agreement& agreement : all) {
    auto pool = by_id.find(agreement.pool_id);
    if (pool == by_id.end() || !SeesAgreement(reach, agreement, pool->second)) continue;
    out.emplace_back(std::move(agreement), pool->second);
  }
  return out;
}

// A template is the caller's to keep when its organisation is in their reach; they see it too
// when an agreement they see asks it.
Result<bool> SeesTemplate(store::Tx& tx, const Reach& reach,
                          const domain::QuestionTemplate& question_template) {
  if (reach.Covers(question_template.organisation_id)) return true;
  MK_ASSIGN_OR_RETURN(auto agreements, VisibleAgreements(tx, reach));
  return std::any_of(agreements.begin(), agreements.end(), [&](const auto& entry) {
    return entry.first.template_id == question_template.id;
  });
}

Result<TemplateView> TemplateViewOf(store::Tx& tx, const Directory& directory, const Reach& reach,
                                    domain::QuestionTemplate question_template) {
  MK_ASSIGN_OR_RETURN(std::optional<NamedRef> changed_by,
                      PersonRef(tx, question_template.changed_by));
  std::string organisation_name = directory.NameOf(question_template.organisation_id);
  bool may_change = reach.Covers(question_template.organisation_id);
  return TemplateView{std::move(question_template), std::move(organisation_name),
                      std::move(changed_by), may_change};
}

// The store's "stale_version" in words about what changed.
Result<void> StaleAs(Result<void> updated, std::string nl, std::string en) {
  if (updated.ok() || updated.error().reason != "stale_version") return updated;
  return MakeError(ErrorCode::kConflict, std::move(nl), std::move(en), "version");
}

Error TemplateNotFound() {
  return NotFound("Deze vragenlijst bestaat niet of valt niet onder u.",
                  "This template does not exist or is not yours to see.");
}

Error AgreementNotFound() {
  return NotFound("Deze afspraak bestaat niet of valt niet onder u.",
                  "This agreement does not exist or is not yours to see.");
}

Result<AgreementView> AgreementViewOf(store::Tx& tx, const Directory& directory, const Reach& reach,
                                      const domain::Agreement& agreement, const domain::Pool& pool,
                                      std::string_view today) {
  AgreementView view;
  view.agreement = agreement;
  for (int64_t id : agreement.gp_organisation_ids) {
    view.gp_organisations.push_back({id, directory.NameOf(id)});
  }
  view.pool = PoolOption{pool.id, pool.name, directory.NameOf(pool.organisation_id)};
  if (agreement.template_id) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::QuestionTemplate> t,
                        tx.templates().Find(*agreement.template_id));
    if (t) view.question_template = TemplateSummary{t->id, t->name, t->version};
  }
  MK_ASSIGN_OR_RETURN(view.changed_by, PersonRef(tx, agreement.changed_by));
  if (agreement.insurer_id) {
    view.insurer = NamedRef{*agreement.insurer_id, directory.NameOf(*agreement.insurer_id)};
  }
  view.in_force = domain::AgreementInForce(agreement, today);
  view.may_change = KeepsAgreement(reach, agreement, pool);
  return view;
}

// The checks that a new agreement and a new version share. Fills in the pool's specialty.
Result<domain::Pool> CheckAgreement(store::Tx& tx, const Directory& directory, const Reach& reach,
                                    domain::Agreement& agreement) {
  MK_RETURN_IF_ERROR(domain::ValidateAgreement(agreement));
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool,
                      tx.agreements().FindPool(agreement.pool_id));
  const domain::Organisation* pool_owner = pool ? directory.Find(pool->organisation_id) : nullptr;
  if (!pool || !pool_owner || !reach.InRegion(*pool_owner)) {
    return Invalid("Deze pool bestaat niet in uw regio.",
                   "This pool does not exist in your region.", "pool");
  }
  std::vector<int64_t> seen;
  for (int64_t id : agreement.gp_organisation_ids) {
    const domain::Organisation* o = directory.Find(id);
    bool gp_side = o && (o->kind == OrgKind::kGpPractice || o->kind == OrgKind::kCareGroup);
    if (!gp_side || !reach.InRegion(*o) || std::find(seen.begin(), seen.end(), id) != seen.end()) {
      return Invalid("Kies praktijken of zorggroepen van uw regio, elk één keer (organisatie " +
                         std::to_string(id) + ").",
                     "Choose practices or care groups of your region, each once (organisation " +
                         std::to_string(id) + ").",
                     "gp_organisations");
    }
    seen.push_back(id);
  }
  if (agreement.insurer_id) {
    const domain::Organisation* insurer = directory.Find(*agreement.insurer_id);
    if (!insurer || insurer->kind != OrgKind::kInsurer) {
      return Invalid("Kies een zorgverzekeraar.", "Choose a health insurer.", "insurer");
    }
  }
  if (!KeepsAgreement(reach, agreement, *pool)) {
    return MakeError(ErrorCode::kForbidden,
                     "U maakt afspraken voor uw eigen huisartsenorganisaties of voor de pools van "
                     "uw eigen organisatie.",
                     "You make agreements for your own GP organisations or for the pools of your "
                     "own organisation.");
  }
  if (agreement.template_id) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::QuestionTemplate> t,
                        tx.templates().Find(*agreement.template_id));
    bool usable = false;
    if (t) {
      MK_ASSIGN_OR_RETURN(bool seen_template, SeesTemplate(tx, reach, *t));
      usable = seen_template || t->organisation_id == pool->organisation_id;
    }
    if (!usable) {
      return Invalid("Deze vragenlijst bestaat niet of valt niet onder u.",
                     "This template does not exist or is not yours to use.", "template");
    }
    if (t->specialty != pool->specialty) {
      return Invalid("De vragenlijst is voor een ander specialisme dan de pool.",
                     "The template is for another specialty than the pool.", "template");
    }
  }
  agreement.specialty = pool->specialty;
  return *pool;
}

}  // namespace

Result<void> RegionService::RequireKeeper(const Principal& principal) {
  if (principal.HasRole(Role::kAdmin) || principal.HasRole(Role::kCoordinator)) return Ok();
  return MakeError(ErrorCode::kForbidden, "Alleen coördinatoren en beheerders richten de regio in.",
                   "Only coordinators and administrators set up the region.");
}

Result<std::vector<OrganisationView>> RegionService::Organisations(const Principal& principal) {
  return WithReach<std::vector<OrganisationView>>(
      database_, store::Access::kRead, principal,
      [&](store::Tx&, const Directory& directory,
          const Reach& reach) -> Result<std::vector<OrganisationView>> {
        std::vector<OrganisationView> out;
        for (const auto& [id, organisation] : directory.organisations) {
          if (reach.InRegion(organisation)) out.push_back({organisation, reach.Covers(id)});
        }
        return out;
      });
}

Result<std::vector<PoolView>> RegionService::Pools(const Principal& principal) {
  return WithReach<std::vector<PoolView>>(
      database_, store::Access::kRead, principal,
      [&](store::Tx& tx, const Directory& directory,
          const Reach& reach) -> Result<std::vector<PoolView>> {
        MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, tx.agreements().Pools());
        std::vector<PoolView> out;
        for (const domain::Pool& pool : pools) {
          const domain::Organisation* owner = directory.Find(pool.organisation_id);
          if (!owner || !reach.InRegion(*owner)) continue;
          MK_ASSIGN_OR_RETURN(PoolView view, PoolViewOf(tx, directory, reach, pool));
          out.push_back(std::move(view));
        }
        return out;
      });
}

Result<PoolView> RegionService::CreatePool(const Principal& principal, const NewPool& request) {
  return WithReach<PoolView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<PoolView> {
        const domain::Organisation* owner = directory.Find(request.organisation_id);
        if (!owner || !reach.Covers(owner->id)) {
          return Invalid("Deze organisatie bestaat niet of valt niet onder u.",
                         "This organisation does not exist or is not yours to keep.",
                         "organisation_id");
        }
        if (!AnswersConsults(owner->kind)) {
          return Invalid("Pools horen bij een ziekenhuis, ZBC of kaderartsengroep.",
                         "Pools belong to a hospital, ZBC or kaderarts group.", "organisation_id");
        }
        MK_ASSIGN_OR_RETURN(bool known, SpecialtyKnown(tx, request.specialty));
        if (!known) return UnknownSpecialty(request.specialty);
        MK_RETURN_IF_ERROR(CheckPoolName(request.name));
        MK_RETURN_IF_ERROR(CheckMembers(tx, owner->id, request.member_ids));
        domain::Pool pool{0, owner->id, request.specialty, request.name};
        MK_ASSIGN_OR_RETURN(pool.id, tx.agreements().InsertPool(pool));
        for (int64_t member : request.member_ids) {
          MK_RETURN_IF_ERROR(tx.agreements().AddPoolMember(pool.id, member));
        }
        log::Info("pool_created", {{"pool", pool.id}, {"by", principal.user.id}});
        return PoolViewOf(tx, directory, reach, pool);
      });
}

Result<PoolView> RegionService::ChangePool(const Principal& principal, int64_t pool_id,
                                           const PoolChange& change) {
  return WithReach<PoolView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<PoolView> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(pool_id));
        const domain::Organisation* owner = pool ? directory.Find(pool->organisation_id) : nullptr;
        if (!pool || !owner || !reach.InRegion(*owner)) {
          return NotFound("Deze pool bestaat niet in uw regio.",
                          "This pool does not exist in your region.");
        }
        if (!reach.Covers(owner->id)) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de coördinatoren van " + owner->name + " beheren deze pool.",
                           "Only the coordinators of " + owner->name + " keep this pool.");
        }
        if (change.name) {
          MK_RETURN_IF_ERROR(CheckPoolName(*change.name));
          MK_RETURN_IF_ERROR(tx.agreements().RenamePool(pool->id, *change.name));
          pool->name = *change.name;
        }
        if (change.member_ids) {
          MK_RETURN_IF_ERROR(CheckMembers(tx, owner->id, *change.member_ids));
          MK_ASSIGN_OR_RETURN(std::vector<int64_t> members, tx.agreements().PoolMembers(pool->id));
          for (int64_t member : members) {
            if (std::find(change.member_ids->begin(), change.member_ids->end(), member) ==
                change.member_ids->end()) {
              MK_RETURN_IF_ERROR(tx.agreements().RemovePoolMember(pool->id, member));
            }
          }
          for (int64_t member : *change.member_ids) {
            MK_RETURN_IF_ERROR(tx.agreements().AddPoolMember(pool->id, member));
          }
        }
        log::Info("pool_changed", {{"pool", pool->id}, {"by", principal.user.id}});
        return PoolViewOf(tx, directory, reach, *pool);
      });
}

Result<std::vector<TemplateView>> RegionService::Templates(const Principal& principal) {
  return WithReach<std::vector<TemplateView>>(
      database_, store::Access::kRead, principal,
      [&](store::Tx& tx, const Directory& directory,
          const Reach& reach) -> Result<std::vector<TemplateView>> {
        MK_ASSIGN_OR_RETURN(std::vector<domain::QuestionTemplate> all, tx.templates().All());
        MK_ASSIGN_OR_RETURN(auto agreements, VisibleAgreements(tx, reach));
        std::vector<TemplateView> out;
        for (domain::QuestionTemplate& t : all) {
          bool asked = std::any_of(agreements.begin(), agreements.end(), [&](const auto& entry) {
            return entry.first.template_id == t.id;
          });
          if (!reach.Covers(t.organisation_id) && !asked) continue;
          MK_ASSIGN_OR_RETURN(TemplateView view,
                              TemplateViewOf(tx, directory, reach, std::move(t)));
          out.push_back(std::move(view));
        }
        return out;
      });
}

Result<TemplateDetail> RegionService::Template(const Principal& principal, int64_t template_id) {
  return WithReach<TemplateDetail>(
      database_, store::Access::kRead, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<TemplateDetail> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::QuestionTemplate> t,
                            tx.templates().Find(template_id));
        if (!t) return TemplateNotFound();
        MK_ASSIGN_OR_RETURN(bool sees, SeesTemplate(tx, reach, *t));
        if (!sees) return TemplateNotFound();
        TemplateDetail detail;
        MK_ASSIGN_OR_RETURN(detail.current, TemplateViewOf(tx, directory, reach, *t));
        MK_ASSIGN_OR_RETURN(std::vector<domain::QuestionTemplate> versions,
                            tx.templates().Versions(template_id));
        for (domain::QuestionTemplate& version : versions) {
          MK_ASSIGN_OR_RETURN(TemplateView view,
                              TemplateViewOf(tx, directory, reach, std::move(version)));
          detail.versions.push_back(std::move(view));
        }
        return detail;
      });
}

Result<TemplateView> RegionService::CreateTemplate(const Principal& principal,
                                                   domain::QuestionTemplate question_template) {
  return WithReach<TemplateView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<TemplateView> {
        if (question_template.organisation_id == 0) {
          if (reach.coordinated().size() != 1) {
            return Invalid("Kies voor welke organisatie deze vragenlijst is.",
                           "Choose which organisation this template is for.", "organisation_id");
          }
          question_template.organisation_id = reach.coordinated().front();
        }
        const domain::Organisation* owner = directory.Find(question_template.organisation_id);
        if (!owner || !reach.Covers(owner->id)) {
          return Invalid("Deze organisatie bestaat niet of valt niet onder u.",
                         "This organisation does not exist or is not yours to keep.",
                         "organisation_id");
        }
        MK_ASSIGN_OR_RETURN(bool known, SpecialtyKnown(tx, question_template.specialty));
        if (!known) return UnknownSpecialty(question_template.specialty);
        MK_RETURN_IF_ERROR(domain::ValidateTemplate(question_template));
        question_template.version = 1;
        question_template.changed_by = principal.user.id;
        question_template.changed_at = clock_.Now();
        MK_ASSIGN_OR_RETURN(question_template.id, tx.templates().Insert(question_template));
        log::Info("template_created",
                  {{"template", question_template.id}, {"by", principal.user.id}});
        return TemplateViewOf(tx, directory, reach, std::move(question_template));
      });
}

Result<TemplateView> RegionService::ChangeTemplate(const Principal& principal,
                                                   domain::QuestionTemplate change) {
  return WithReach<TemplateView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<TemplateView> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::QuestionTemplate> stored,
                            tx.templates().Find(change.id));
        if (!stored) return TemplateNotFound();
        MK_ASSIGN_OR_RETURN(bool sees, SeesTemplate(tx, reach, *stored));
        if (!sees) return TemplateNotFound();
        if (!reach.Covers(stored->organisation_id)) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de coördinatoren van " +
                               directory.NameOf(stored->organisation_id) +
                               " wijzigen deze vragenlijst.",
                           "Only the coordinators of " + directory.NameOf(stored->organisation_id) +
                               " change this template.");
        }
        change.organisation_id = stored->organisation_id;
        change.specialty = stored->specialty;
        MK_RETURN_IF_ERROR(domain::ValidateTemplate(change));
        change.changed_by = principal.user.id;
        change.changed_at = clock_.Now();
        MK_RETURN_IF_ERROR(
            StaleAs(tx.templates().Update(change),
                    "Iemand anders heeft deze vragenlijst net gewijzigd (nu versie " +
                        std::to_string(stored->version) + "). Laad haar opnieuw.",
                    "Someone else has just changed this template (now version " +
                        std::to_string(stored->version) + "). Please reload it."));
        ++change.version;
        log::Info(
            "template_changed",
            {{"template", change.id}, {"version", change.version}, {"by", principal.user.id}});
        return TemplateViewOf(tx, directory, reach, std::move(change));
      });
}

Result<std::vector<AgreementView>> RegionService::Agreements(const Principal& principal) {
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  return WithReach<std::vector<AgreementView>>(
      database_, store::Access::kRead, principal,
      [&](store::Tx& tx, const Directory& directory,
          const Reach& reach) -> Result<std::vector<AgreementView>> {
        MK_ASSIGN_OR_RETURN(auto agreements, VisibleAgreements(tx, reach));
        std::vector<AgreementView> out;
        for (const auto& [agreement, pool] : agreements) {
          MK_ASSIGN_OR_RETURN(AgreementView view,
                              AgreementViewOf(tx, directory, reach, agreement, pool, today));
          out.push_back(std::move(view));
        }
        return out;
      });
}

Result<AgreementDetail> RegionService::Agreement(const Principal& principal, int64_t agreement_id) {
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  return WithReach<AgreementDetail>(
      database_, store::Access::kRead, principal,
      [&](store::Tx& tx, const Directory& directory,
          const Reach& reach) -> Result<AgreementDetail> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement,
                            tx.agreements().Find(agreement_id));
        if (!agreement) return AgreementNotFound();
        MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool,
                            tx.agreements().FindPool(agreement->pool_id));
        if (!pool || !SeesAgreement(reach, *agreement, *pool)) {
          return AgreementNotFound();
        }
        AgreementDetail detail;
        MK_ASSIGN_OR_RETURN(detail.current,
                            AgreementViewOf(tx, directory, reach, *agreement, *pool, today));
        MK_ASSIGN_OR_RETURN(std::vector<domain::Agreement> versions,
                            tx.agreements().Versions(agreement_id));
        for (const domain::Agreement& version : versions) {
          MK_ASSIGN_OR_RETURN(AgreementView view,
                              AgreementViewOf(tx, directory, reach, version, *pool, today));
          detail.versions.push_back(std::move(view));
        }
        return detail;
      });
}

Result<AgreementView> RegionService::CreateAgreement(const Principal& principal,
                                                     domain::Agreement agreement) {
  TimePoint now = clock_.Now();
  return WithReach<AgreementView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<AgreementView> {
        MK_ASSIGN_OR_RETURN(domain::Pool pool, CheckAgreement(tx, directory, reach, agreement));
        agreement.version = 1;
        agreement.changed_by = principal.user.id;
        agreement.changed_at = now;
        MK_ASSIGN_OR_RETURN(agreement.id, tx.agreements().Insert(agreement, now));
        log::Info("agreement_created", {{"agreement", agreement.id}, {"by", principal.user.id}});
        return AgreementViewOf(tx, directory, reach, agreement, pool,
                               domain::AmsterdamIsoDate(now));
      });
}

Result<AgreementView> RegionService::ChangeAgreement(const Principal& principal,
                                                     domain::Agreement agreement) {
  TimePoint now = clock_.Now();
  return WithReach<AgreementView>(
      database_, store::Access::kWrite, principal,
      [&](store::Tx& tx, const Directory& directory, const Reach& reach) -> Result<AgreementView> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> stored,
                            tx.agreements().Find(agreement.id));
        if (!stored) return AgreementNotFound();
        MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> stored_pool,
                            tx.agreements().FindPool(stored->pool_id));
        if (!stored_pool || !SeesAgreement(reach, *stored, *stored_pool)) {
          return AgreementNotFound();
        }
        if (!KeepsAgreement(reach, *stored, *stored_pool)) {
          return MakeError(ErrorCode::kForbidden,
                           "Deze afspraak wijzigen de coördinatoren van de pool of van alle "
                           "huisartsenorganisaties ervan.",
                           "This agreement is changed by the coordinators of its pool or of all "
                           "its GP organisations.");
        }
        if (agreement.pool_id != stored->pool_id) {
          return Invalid(
              "De pool van een afspraak blijft; maak een nieuwe afspraak voor een "
              "andere pool.",
              "An agreement keeps its pool; make a new agreement for another pool.", "pool");
        }
        MK_ASSIGN_OR_RETURN(domain::Pool pool, CheckAgreement(tx, directory, reach, agreement));
        agreement.changed_by = principal.user.id;
        agreement.changed_at = now;
        MK_RETURN_IF_ERROR(StaleAs(tx.agreements().Update(agreement),
                                   "Iemand anders heeft deze afspraak net gewijzigd (nu versie " +
                                       std::to_string(stored->version) + "). Laad haar opnieuw.",
                                   "Someone else has just changed this agreement (now version " +
                                       std::to_string(stored->version) + "). Please reload it."));
        ++agreement.version;
        log::Info("agreement_changed", {{"agreement", agreement.id},
                                        {"version", agreement.version},
                                        {"by", principal.user.id}});
        return AgreementViewOf(tx, directory, reach, agreement, pool,
                               domain::AmsterdamIsoDate(now));
      });
}

}  // namespace meekijk::service
