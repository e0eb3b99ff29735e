// The triple-aim report's scope, filters and groups; the figures are domain::SummariseConsults.
#include "service/report_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/reports.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::OrgKind;
using domain::Organisation;

// Everything the scope is worked out from, read once per report.
struct Directory {
  std::map<int64_t, Organisation> organisations;
  std::vector<domain::Pool> pools;
  std::vector<domain::Agreement> agreements;
  std::vector<domain::Specialty> specialties;

  static Result<Directory> Load(store::Tx& tx) {
    Directory d;
    MK_ASSIGN_OR_RETURN(std::vector<Organisation> all, tx.directory().ListOrganisations());
    for (Organisation& o : all) d.organisations.emplace(o.id, std::move(o));
    MK_ASSIGN_OR_RETURN(d.pools, tx.agreements().Pools());
    MK_ASSIGN_OR_RETURN(d.agreements, tx.agreements().All());
    MK_ASSIGN_OR_RETURN(d.specialties, tx.agreements().Specialties());
    return d;
  }

  std::set<int64_t> PracticesWhere(auto&& keep) const {
    std::set<int64_t> out;
    for (const auto& [id, o] : organisations) {
      if (o.kind == OrgKind::kGpPractice && keep(o)) out.insert(id);
    }
    return out;
  }

  // A GP organisation's practices: itself, or a care group's members.
  std::set<int64_t> PracticesOf(int64_t gp_organisation) const {
    return PracticesWhere([&](const Organisation& o) {
      return o.id == gp_organisation || o.parent_id == gp_organisation;
    });
  }
};

bool AnswersConsults(OrgKind kind) {
  return kind == OrgKind::kHospital || kind == OrgKind::kZbc || kind == OrgKind::kKaderartsGroup;
}

// The consults an organisation stands for: by practice, or by the pools it keeps.
struct Reach {
  std::set<int64_t> practices;
  std::set<int64_t> pools;
  std::set<int64_t> practices_in_scope;  // for participation: who could have sent
};

Reach ReachOf(const Directory& d, const Organisation& o) {
  Reach r;
  if (o.kind == OrgKind::kGpPractice || o.kind == OrgKind::kCareGroup) {
    r.practices = d.PracticesOf(o.id);
  } else if (o.kind == OrgKind::kRegionOffice || o.kind == OrgKind::kInsurer) {
    r.practices = d.PracticesWhere([&](const Organisation& p) { return p.region == o.region; });
  } else if (AnswersConsults(o.kind)) {
    for (const domain::Pool& pool : d.pools) {
      if (pool.organisation_id == o.id) r.pools.insert(pool.id);
    }
    for (const domain::Agreement& a : d.agreements) {
      if (r.pools.count(a.pool_id) == 0) continue;
      for (int64_t gp : a.gp_organisation_ids) r.practices_in_scope.merge(d.PracticesOf(gp));
    }
  }
  r.practices_in_scope.insert(r.practices.begin(), r.practices.end());
  return r;
}

std::string ScopeKind(OrgKind kind) {
  switch (kind) {
    case OrgKind::kGpPractice: return "practice";
    case OrgKind::kCareGroup: return "care_group";
    case OrgKind::kRegionOffice: return "region";
    case OrgKind::kInsurer: return "insurer";
    default: return "specialist_organisation";
  }
}

Error Invalid(const char* nl, const char* en, const char* field) {
  return MakeError(ErrorCode::kInvalidArgument, nl, en, field);
}

Result<std::chrono::year_month_day> Day(const std::string& text, const char* field) {
  std::optional<std::chrono::year_month_day> day = domain::ParseIsoDay(text);
  if (!day) return Invalid("Geef een datum als JJJJ-MM-DD.", "Give a date as YYYY-MM-DD.", field);
  return *day;
}

std::vector<int64_t> Ids(const std::set<int64_t>& ids) { return {ids.begin(), ids.end()}; }

}  // namespace

Result<TripleAimReport> ReportService::TripleAim(const Principal& principal,
                                                 const TripleAimQuery& query) {
  MK_ASSIGN_OR_RETURN(std::chrono::year_month_day from, Day(query.from, "from"));
  MK_ASSIGN_OR_RETURN(std::chrono::year_month_day to, Day(query.to, "to"));
  std::chrono::sys_days first{from}, last{to};
  if (last < first) {
    return Invalid("De einddatum ligt voor de begindatum.", "The end date is before the start date.",
                   "to");
  }
  if (last - first > std::chrono::days(366 * kMaxReportYears)) {
    return Invalid("Kies een periode van hoogstens tien jaar.",
                   "Choose a period of at most ten years.", "from");
  }
  bool everything = principal.HasRole(domain::Role::kAdmin);
  if (!everything && principal.memberships.empty()) {
    return MakeError(ErrorCode::kForbidden, "U hoort bij geen organisatie.",
                     "You belong to no organisation.");
  }
  return store::Transact<TripleAimReport>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<TripleAimReport> {
        MK_ASSIGN_OR_RETURN(Directory d, Directory::Load(tx));
        TripleAimReport report;
        report.from = query.from;
        report.to = query.to;
        report.group_by = query.group_by;
        report.minimum_group_size = minimum_group_size_;
        store::FigureFilter filter;
        filter.sent_from = domain::AmsterdamMoment(from, 0);
        filter.sent_until = domain::AmsterdamMoment(std::chrono::sys_days{to} + std::chrono::days(1), 0);
        filter.everything = everything;
        std::set<int64_t> practices_in_scope, scope_practices, scope_pools;
        if (everything) {
          report.scope = {"installation", "Alle organisaties"};
          practices_in_scope = d.PracticesWhere([](const Organisation&) { return true; });
        } else {
          std::set<int64_t> seen;
          for (const domain::Membership& m : principal.memberships) {
            if (!seen.insert(m.organisation_id).second) continue;
            auto it = d.organisations.find(m.organisation_id);
            if (it == d.organisations.end()) continue;
            Reach r = ReachOf(d, it->second);
            scope_practices.merge(r.practices);
            scope_pools.merge(r.pools);
            practices_in_scope.merge(r.practices_in_scope);
            if (report.scope.kind.empty()) report.scope.kind = ScopeKind(it->second.kind);
            report.scope.name += (report.scope.name.empty() ? "" : ", ") + it->second.name;
          }
          filter.scope_practices = Ids(scope_practices);
          filter.scope_pools = Ids(scope_pools);
        }
        if (query.organisation_id) {
          auto it = d.organisations.find(*query.organisation_id);
          if (it == d.organisations.end()) {
            return Invalid("Deze organisatie bestaat niet.", "This organisation does not exist.",
                           "organisation");
          }
          Reach r = ReachOf(d, it->second);
          filter.only_given = true;
          filter.only_practices = Ids(r.practices);
          filter.only_pools = Ids(r.pools);
          // Participation within the chosen organisation: its practices that the scope holds.
          std::set<int64_t> narrowed;
          for (int64_t id : r.practices_in_scope) {
            if (everything || practices_in_scope.count(id) > 0) narrowed.insert(id);
          }
          practices_in_scope = std::move(narrowed);
        }
        if (query.specialty) {
          bool known = std::any_of(d.specialties.begin(), d.specialties.end(),
                                   [&](const domain::Specialty& s) { return s.code == *query.specialty; });
          if (!known) {
            return Invalid("Dit specialisme kennen we niet.", "Unknown specialty.", "specialty");
          }
          filter.specialty = query.specialty;
        }
        filter.mode = query.mode;
        MK_ASSIGN_OR_RETURN(std::vector<domain::ConsultFigures> rows, tx.reports().ConsultFigures(filter));
        int64_t in_scope = static_cast<int64_t>(practices_in_scope.size());
        report.total = domain::SummariseConsults(rows, in_scope, minimum_group_size_);
        for (domain::TripleAimFigures& figures :
             domain::GroupConsults(rows, query.group_by, in_scope, minimum_group_size_)) {
          std::string label = figures.key;
          if (query.group_by == domain::ReportGrouping::kSpecialty) {
            for (const domain::Specialty& s : d.specialties) {
              if (s.code == figures.key) label = s.name_nl;
            }
          } else if (query.group_by == domain::ReportGrouping::kOrganisation) {
            auto it = d.organisations.find(std::stoll(figures.key));
            if (it != d.organisations.end()) label = it->second.name;
            if (!figures.suppressed) figures.practices_in_scope = 1;  // the practice itself
          }
          report.groups.push_back(ReportGroup{std::move(figures), std::move(label)});
        }
        return report;
      });
}

Result<domain::Specialty> ReportService::SetReferralCost(const Principal& principal,
                                                          const std::string& code, int64_t cents) {
  // The cost is the installation's, shared by every region: only its administrator sets it.
  if (!principal.HasRole(domain::Role::kAdmin)) {
    return MakeError(ErrorCode::kForbidden, "Alleen een beheerder stelt de verwijskosten in.",
                     "Only an administrator sets referral costs.");
  }
  if (cents < 0 || cents > 10'000'000) {
    return Invalid("Geef een bedrag van 0 tot 100 000 euro.", "Give an amount of 0 to 100,000 euros.",
                   "referral_cost_cents");
  }
  return store::Transact<domain::Specialty>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<domain::Specialty> {
        MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> all, tx.agreements().Specialties());
        for (domain::Specialty& s : all) {
          if (s.code != code) continue;
          s.referral_cost_cents = cents;
          MK_RETURN_IF_ERROR(tx.agreements().UpsertSpecialty(s));
          return s;
        }
        return MakeError(ErrorCode::kNotFound, "Dit specialisme kennen we niet.",
                         "Unknown specialty.");
      });
}

}  // namespace meekijk::service
