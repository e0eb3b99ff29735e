// Fee statements and the insurer's export.
#include "service/fee_service.h"

#include <map>

#include "domain/calendar.h"
#include "service/coordinator_reach.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/fees.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::Role;

Result<void> RequireCoordinator(const Principal& principal) {
  if (principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin)) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen coördinatoren en beheerders zien declaratiespecificaties.",
                   "Only coordinators and administrators see fee statements.");
}

Error StatementNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze specificatie bestaat niet of valt buiten uw bereik.",
                   "This statement does not exist or is outside your reach.");
}

struct Context {
  std::map<int64_t, domain::Organisation> organisations;
  CoordinatorReach reach;

  static Result<Context> Load(store::Tx& tx, const Principal& principal) {
    Context c;
    MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
    for (domain::Organisation& o : all) c.organisations.emplace(o.id, std::move(o));
    c.reach = CoordinatorReach::Of(principal, c.organisations);
    return c;
  }

  std::vector<int64_t> Covered() const {
    std::vector<int64_t> ids;
    for (const auto& [id, o] : organisations) {
      if (reach.Covers(id)) ids.push_back(id);
    }
    return ids;
  }
};

}  // namespace

Result<std::vector<FeeStatement>> FeeService::List(const Principal& principal,
                                                   const std::string& month) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  MK_RETURN_IF_ERROR(domain::ValidateMonth(month));
  std::string current = domain::FeeMonth(clock_.Now());
  return store::Transact<std::vector<FeeStatement>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<FeeStatement>> {
        MK_ASSIGN_OR_RETURN(Context c, Context::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(std::vector<domain::FeeStatementSummary> summaries,
                            tx.fees().Summaries(month, c.Covered(), c.reach.everything()));
        std::vector<FeeStatement> out;
        for (domain::FeeStatementSummary& s : summaries) {
          FeeStatement statement;
          statement.organisation = c.organisations.at(s.organisation_id);
          statement.may_approve = !s.approved_at && month < current;
          statement.summary = std::move(s);
          out.push_back(std::move(statement));
        }
        return out;
      });
}

Result<FeeStatement> FeeService::Get(const Principal& principal, int64_t organisation_id,
                                     const std::string& month) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  MK_RETURN_IF_ERROR(domain::ValidateMonth(month));
  std::string current = domain::FeeMonth(clock_.Now());
  return store::Transact<FeeStatement>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<FeeStatement> {
        MK_ASSIGN_OR_RETURN(Context c, Context::Load(tx, principal));
        if (!c.reach.Covers(organisation_id)) return StatementNotFound();
        MK_ASSIGN_OR_RETURN(std::optional<domain::FeeStatementSummary> summary,
                            tx.fees().Statement(organisation_id, month));
        if (!summary) return StatementNotFound();
        FeeStatement statement;
        statement.organisation = c.organisations.at(organisation_id);
        statement.may_approve = !summary->approved_at && month < current;
        statement.summary = std::move(*summary);
        MK_ASSIGN_OR_RETURN(statement.lines, tx.fees().StatementLines(organisation_id, month));
        return statement;
      });
}

Result<FeeStatement> FeeService::Approve(const Principal& principal, int64_t organisation_id,
                                         const std::string& month) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  MK_RETURN_IF_ERROR(domain::ValidateMonth(month));
  TimePoint now = clock_.Now();
  if (month >= domain::FeeMonth(now)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Een maand kan pas worden goedgekeurd als hij voorbij is.",
                     "A month can only be approved once it is over.", "month");
  }
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(Context c, Context::Load(tx, principal));
    if (!c.reach.Covers(organisation_id)) return StatementNotFound();
    MK_ASSIGN_OR_RETURN(std::optional<domain::FeeStatementSummary> summary,
                        tx.fees().Statement(organisation_id, month));
    if (!summary) return StatementNotFound();
    if (summary->approved_at) {
      return MakeError(ErrorCode::kConflict, "Deze specificatie is al goedgekeurd.",
                       "This statement was approved already.");
    }
    summary->approved_by = principal.user.id;
    summary->approved_at = now;
    Result<void> approved = tx.fees().Approve(*summary);
    if (!approved.ok() && approved.error().code == ErrorCode::kConflict) {
      return MakeError(ErrorCode::kConflict, "Deze specificatie is al goedgekeurd.",
                       "This statement was approved already.");
    }
    return approved;
  }));
  return Get(principal, organisation_id, month);
}

Result<InsurerExport> FeeService::ForInsurer(const Principal& principal, int64_t insurer_id,
                                             const std::string& month) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  MK_RETURN_IF_ERROR(domain::ValidateMonth(month));
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  return store::Transact<InsurerExport>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<InsurerExport> {
        MK_ASSIGN_OR_RETURN(Context c, Context::Load(tx, principal));
        auto it = c.organisations.find(insurer_id);
        if (it == c.organisations.end() || it->second.kind != domain::OrgKind::kInsurer) {
          return MakeError(ErrorCode::kNotFound, "Deze verzekeraar bestaat niet.",
                           "This insurer does not exist.");
        }
        InsurerExport out;
        out.header = domain::InsurerExportHeader{it->second.name, it->second.agb, month, today};
        MK_ASSIGN_OR_RETURN(out.lines, tx.fees().ApprovedForInsurer(insurer_id, month, c.Covered(),
                                                                    c.reach.everything()));
        return out;
      });
}

}  // namespace meekijk::service
