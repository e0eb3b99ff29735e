// The coordinators' calls: GET /api/v1/organisations; GET/POST /api/v1/pools, PATCH
// /api/v1/pools/{id}; GET/POST /api/v1/templates, GET/PATCH /api/v1/templates/{id}; GET/POST
// /api/v1/agreements, GET/PATCH /api/v1/agreements/{id}.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/json_null.h"
#include "api/region_request.h"
#include "api/responses.h"
#include "api/template_json.h"
#include "domain/enum_names.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::Name;

json::value RefJson(const std::optional<service::NamedRef>& ref) {
  if (!ref) return nullptr;
  return json::object{{"id", ref->id}, {"name", ref->name}};
}

json::object OrganisationJson(const service::OrganisationView& view) {
  const domain::Organisation& o = view.organisation;
  return json::object{{"id", o.id},
                      {"name", o.name},
                      {"kind", Name(o.kind)},
                      {"agb", OrNull(o.agb)},
                      {"parent_id", OrNull(o.parent_id)},
                      {"region", o.region},
                      {"in_scope", view.in_scope}};
}

json::object PoolJson(const service::PoolView& view) {
  json::array members;
  for (const service::NamedRef& member : view.members) {
    members.push_back(json::object{{"id", member.id}, {"name", member.name}});
  }
  return json::object{{"id", view.pool.id},
                      {"name", view.pool.name},
                      {"organisation", json::object{{"id", view.pool.organisation_id},
                                                    {"name", view.organisation_name}}},
                      {"specialty", view.pool.specialty},
                      {"members", std::move(members)},
                      {"may_change", view.may_change}};
}

json::object TemplateJson(const service::TemplateView& view) {
  json::object out = QuestionTemplateJson(view.question_template);
  out["organisation"] = json::object{{"id", view.question_template.organisation_id},
                                     {"name", view.organisation_name}};
  out["changed_at"] = FormatIso8601(view.question_template.changed_at);
  out["changed_by"] = RefJson(view.changed_by);
  out["may_change"] = view.may_change;
  return out;
}

json::object AgreementJson(const service::AgreementView& view) {
  const domain::Agreement& a = view.agreement;
  json::array gp_organisations, modes;
  for (const service::NamedRef& o : view.gp_organisations) {
    gp_organisations.push_back(json::object{{"id", o.id}, {"name", o.name}});
  }
  for (domain::ConsultMode mode : a.modes) modes.push_back(json::string(Name(mode)));
  json::value question_template = nullptr;
  if (view.question_template) {
    question_template = json::object{{"id", view.question_template->id},
                                     {"name", view.question_template->name},
                                     {"version", view.question_template->version}};
  }
  json::object out;
  out["id"] = a.id;
  out["version"] = a.version;
  out["gp_organisations"] = std::move(gp_organisations);
  out["pool"] = json::object{{"id", view.pool.id},
                             {"name", view.pool.name},
                             {"organisation", view.pool.organisation_name}};
  out["specialty"] = a.specialty;
  out["modes"] = std::move(modes);
  out["response_days"] = a.response_days;
  out["escalate_after_hours"] = OrNull(a.escalate_after_hours);
  out["template"] = std::move(question_template);
  out["named_specialist_allowed"] = a.named_specialist_allowed;
  out["requires_identification"] = a.requires_identification;
  out["good_friday_off"] = a.days_off.good_friday;
  out["liberation_day_off"] = a.days_off.liberation_day;
  out["office_hours_from"] = domain::ClockText(a.office_hours.opens_minute);
  out["office_hours_until"] = domain::ClockText(a.office_hours.closes_minute);
  out["gp_fee_cents"] = a.gp_fee_cents;
  out["specialist_fee_cents"] = a.specialist_fee_cents;
  out["physical_gp_fee_cents"] = OrNull(a.physical_gp_fee_cents);
  out["physical_specialist_fee_cents"] = OrNull(a.physical_specialist_fee_cents);
  out["slot_minutes"] = a.slot_minutes;
  out["specialist_fee_basis"] = domain::Name(a.specialist_fee_basis);
  out["pay_specialist_when_referred"] = a.pay_specialist_when_referred;
  out["insurer"] = RefJson(view.insurer);
  out["valid_from"] = a.valid_from;
  out["valid_to"] = OrNull(a.valid_until);
  out["changed_at"] = FormatIso8601(a.changed_at);
  out["changed_by"] = RefJson(view.changed_by);
  out["in_force"] = view.in_force;
  out["may_change"] = view.may_change;
  return out;
}

template <typename View>
http::Response ListResponse(const http::Request& request, const Result<std::vector<View>>& views,
                            json::object (*to_json)(const View&)) {
  if (!views.ok()) return ErrorResponse(request, views.error());
  json::array items;
  for (const View& view : *views) items.push_back(to_json(view));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

template <typename View>
http::Response OneResponse(const http::Request& request, int status, const Result<View>& view,
                           json::object (*to_json)(const View&)) {
  if (!view.ok()) return ErrorResponse(request, view.error());
  return JsonResponse(status, to_json(*view));
}

template <typename Detail>
http::Response DetailResponse(const http::Request& request, const Result<Detail>& detail,
                              auto to_json) {
  if (!detail.ok()) return ErrorResponse(request, detail.error());
  json::object out = to_json(detail->current);
  json::array versions;
  for (const auto& version : detail->versions) versions.push_back(to_json(version));
  out["versions"] = std::move(versions);
  return JsonResponse(200, out);
}

// As WithPrincipal, for the calls that change the region: only its keepers get as far as the
// body, so that others learn nothing from its checks.
template <typename F>
http::Response AsKeeper(Services& services, http::Request& request, F&& body) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    if (Result<void> keeper = service::RegionService::RequireKeeper(principal); !keeper.ok()) {
      return ErrorResponse(request, keeper.error());
    }
    return body(principal);
  });
}

// --- pools ---

http::Response CreatePool(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NewPool> pool = NewPoolFromJson(*body);
    if (!pool.ok()) return ErrorResponse(request, pool.error());
    return OneResponse(request, 201, services.region.CreatePool(principal, *pool), PoolJson);
  });
}

http::Response ChangePool(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::PoolChange> change = PoolChangeFromJson(*body);
    if (!change.ok()) return ErrorResponse(request, change.error());
    return OneResponse(request, 200, services.region.ChangePool(principal, *id, *change), PoolJson);
  });
}

// --- templates ---

http::Response CreateTemplate(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<domain::QuestionTemplate> question_template = NewTemplateFromJson(*body);
    if (!question_template.ok()) return ErrorResponse(request, question_template.error());
    return OneResponse(request, 201,
                       services.region.CreateTemplate(principal, std::move(*question_template)),
                       TemplateJson);
  });
}

http::Response ChangeTemplate(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::TemplateDetail> current = services.region.Template(principal, *id);
    if (!current.ok()) return ErrorResponse(request, current.error());
    domain::QuestionTemplate changed = current->current.question_template;
    if (Result<void> applied = ApplyTemplateChange(*body, changed); !applied.ok()) {
      return ErrorResponse(request, applied.error());
    }
    return OneResponse(request, 200, services.region.ChangeTemplate(principal, std::move(changed)),
                       TemplateJson);
  });
}

// --- agreements ---

http::Response CreateAgreement(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<domain::Agreement> agreement = NewAgreementFromJson(*body);
    if (!agreement.ok()) return ErrorResponse(request, agreement.error());
    return OneResponse(request, 201,
                       services.region.CreateAgreement(principal, std::move(*agreement)),
                       AgreementJson);
  });
}

http::Response ChangeAgreement(Services& services, http::Request& request) {
  return AsKeeper(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::AgreementDetail> current = services.region.Agreement(principal, *id);
    if (!current.ok()) return ErrorResponse(request, current.error());
    domain::Agreement changed = current->current.agreement;
    if (Result<void> applied = ApplyAgreementChange(*body, changed); !applied.ok()) {
      return ErrorResponse(request, applied.error());
    }
    return OneResponse(request, 200, services.region.ChangeAgreement(principal, std::move(changed)),
                       AgreementJson);
  });
}

}  // namespace

void AddRegionRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/organisations", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return ListResponse(r, services.region.Organisations(principal), OrganisationJson);
    });
  });
  router.Add("GET", "/api/v1/pools", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return ListResponse(r, services.region.Pools(principal), PoolJson);
    });
  });
  router.Add("POST", "/api/v1/pools", [&](http::Request& r) { return CreatePool(services, r); });
  router.Add("PATCH", "/api/v1/pools/{id}",
             [&](http::Request& r) { return ChangePool(services, r); });
  router.Add("GET", "/api/v1/templates", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return ListResponse(r, services.region.Templates(principal), TemplateJson);
    });
  });
  router.Add("POST", "/api/v1/templates",
             [&](http::Request& r) { return CreateTemplate(services, r); });
  router.Add("GET", "/api/v1/templates/{id}", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return DetailResponse(r, services.region.Template(principal, *id), TemplateJson);
    });
  });
  router.Add("PATCH", "/api/v1/templates/{id}",
             [&](http::Request& r) { return ChangeTemplate(services, r); });
  router.Add("GET", "/api/v1/agreements", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return ListResponse(r, services.region.Agreements(principal), AgreementJson);
    });
  });
  router.Add("POST", "/api/v1/agreements",
             [&](http::Request& r) { return CreateAgreement(services, r); });
  router.Add("GET", "/api/v1/agreements/{id}", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return DetailResponse(r, services.region.Agreement(principal, *id), AgreementJson);
    });
  });
  router.Add("PATCH", "/api/v1/agreements/{id}",
             [&](http::Request& r) { return ChangeAgreement(services, r); });
}

}  // namespace meekijk::api
