// FHIR subscriptions: POST /fhir/R4/Subscription, GET /fhir/R4/Subscription[/{id}] and
// DELETE /fhir/R4/Subscription/{id}, for API clients (service/subscription_service.h); and what a
// notification carries.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "api/record_pdf.h"
#include "fhir/fhir.h"
#include "fhir/handler_support.h"
#include "fhir/resources.h"

namespace meekijk::fhir {
namespace {

using service::Principal;
using service::Subscription;

// R4's Subscription.status: off once the client ended it, error while its latest notification
// failed, else active.
json::object SubscriptionOf(const Subscription& s) {
  std::string status = s.ended_at ? "off" : !s.last_error.empty() ? "error" : "active";
  json::object channel{{"type", "rest-hook"}, {"endpoint", s.endpoint}};
  if (!s.payload.empty()) channel["payload"] = s.payload;
  json::object resource{{"resourceType", "Subscription"},
                        {"id", std::to_string(s.id)},
                        {"status", status},
                        {"reason", s.reason},
                        {"criteria", s.criteria},
                        {"channel", std::move(channel)}};
  if (status == "error") resource["error"] = s.last_error;
  return resource;
}

Result<service::NewSubscription> ReadSubscription(const json::object& resource) {
  std::string status = StringOf(resource.if_contains("status"));
  if (status != "requested" && status != "active") {
    return Invalid("Een nieuw abonnement heeft status requested.",
                   "A new subscription has status requested.", "Subscription.status");
  }
  service::NewSubscription subscription;
  subscription.reason = StringOf(resource.if_contains("reason"));
  if (subscription.reason.empty()) {
    return Invalid("Geef de reden van het abonnement.", "Give the subscription's reason.",
                   "Subscription.reason");
  }
  subscription.criteria = StringOf(resource.if_contains("criteria"));
  const json::value* channel = resource.if_contains("channel");
  if (channel == nullptr || !channel->is_object() ||
      StringOf(channel->get_object().if_contains("type")) != "rest-hook") {
    return Invalid("Het kanaal is een rest-hook.", "The channel is a rest-hook.",
                   "Subscription.channel.type");
  }
  if (channel->get_object().contains("header")) {
    // Headers would be secrets kept for the client; they are refused rather than dropped.
    return Invalid("Kopregels voor de hook worden niet bewaard; de hook krijgt X-Notification-Id.",
                   "Headers for the hook are not kept; the hook gets X-Notification-Id.",
                   "Subscription.channel.header");
  }
  subscription.endpoint = StringOf(channel->get_object().if_contains("endpoint"));
  subscription.payload = StringOf(channel->get_object().if_contains("payload"));
  return subscription;
}

http::Response Created(const http::Request& request, const FhirOptions& options,
                       const Subscription& subscription) {
  http::Response response = ResourceResponse(201, SubscriptionOf(subscription));
  response.WithHeader("Location",
                      BaseUrl(request, options) + "/Subscription/" + std::to_string(subscription.id));
  return response;
}

}  // namespace

void AddFhirSubscriptionRoutes(http::Router& router, api::Services& services,
                               const FhirOptions& options) {
  router.Add("POST", "/fhir/R4/Subscription", [&services, options](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<void> may = service::SubscriptionService::MaySubscribe(principal);
      if (!may.ok()) return OutcomeResponse(r, may.error());
      Result<json::object> resource = ParseResource(r.body, "Subscription");
      if (!resource.ok()) return OutcomeResponse(r, resource.error());
      Result<service::NewSubscription> asked = ReadSubscription(*resource);
      if (!asked.ok()) return OutcomeResponse(r, asked.error());
      Result<Subscription> made = services.subscriptions.Create(principal, *asked);
      if (!made.ok()) return OutcomeResponse(r, made.error());
      return Created(r, options, *made);
    });
  });
  router.Add("GET", "/fhir/R4/Subscription", [&services, options](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      if (!r.query.empty()) {
        const std::string& name = r.query.begin()->first;
        return OutcomeResponse(r, Invalid("Onbekende zoekparameter " + name + ".",
                                          "Unknown search parameter " + name + "."));
      }
      Result<std::vector<Subscription>> mine = services.subscriptions.List(principal);
      if (!mine.ok()) return OutcomeResponse(r, mine.error());
      std::vector<json::object> resources;
      for (const Subscription& s : *mine) resources.push_back(SubscriptionOf(s));
      std::string base = BaseUrl(r, options);
      return ResourceResponse(200, SearchSet(resources, base, base + "/Subscription", {}));
    });
  });
  router.Add("GET", "/fhir/R4/Subscription/{id}", [&services](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<int64_t> id = IdParameter(r);
      if (!id.ok()) return OutcomeResponse(r, id.error());
      Result<Subscription> found = services.subscriptions.Get(principal, *id);
      if (!found.ok()) return OutcomeResponse(r, found.error());
      return ResourceResponse(200, SubscriptionOf(*found));
    });
  });
  router.Add("DELETE", "/fhir/R4/Subscription/{id}", [&services](http::Request& r) {
    return WithCaller(services, r, [&](const Principal& principal) {
      Result<int64_t> id = IdParameter(r);
      if (!id.ok()) return OutcomeResponse(r, id.error());
      Result<Subscription> ended = services.subscriptions.End(principal, *id);
      if (!ended.ok()) return OutcomeResponse(r, ended.error());
      return ResourceResponse(200, SubscriptionOf(*ended));
    });
  });
}

service::NoticeBody NoticeBodies(api::Services& services, std::string base_url) {
  return [&services, base_url](const Principal& client, std::string_view criteria,
                               int64_t consult_id) -> Result<std::string> {
    if (criteria == service::kCompletedTasks) {
      MK_ASSIGN_OR_RETURN(service::ConsultDetail detail, services.fhir.RecordCopy(client, consult_id));
      TimePoint now = SystemClock().Now();
      MK_ASSIGN_OR_RETURN(std::string pdf, api::RecordPdf(detail, now));
      return json::serialize(RecordBundleOf(detail, base_url, now, pdf));
    }
    MK_ASSIGN_OR_RETURN(service::ConsultDetail detail,
                        services.fhir.Read(client, consult_id, "Task"));
    return json::serialize(TaskOf(detail));
  };
}

}  // namespace meekijk::fhir
