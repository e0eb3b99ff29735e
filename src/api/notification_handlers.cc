// Telling people: GET /api/v1/notifications, POST /api/v1/notifications/read, GET/PATCH
// /api/v1/me/notification-settings, GET/PUT /api/v1/pools/{id}/roster, GET/POST
// /api/v1/absences, DELETE /api/v1/absences/{id}, GET /api/v1/outbox, POST
// /api/v1/outbox/{id}/retry.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/json_null.h"
#include "api/responses.h"
#include "core/integer.h"
#include "domain/enum_names.h"
#include "domain/form_fields.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::Name;

constexpr int kDefaultPage = 30;

json::value TimeOrNull(const std::optional<TimePoint>& t) {
  return t ? json::value(FormatIso8601(*t)) : json::value(nullptr);
}

Error InvalidQuery(const char* name, std::string nl, std::string en) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), name);
}

// An optional positive whole number from the query string.
Result<std::optional<int64_t>> QueryNumber(const http::Request& request, const char* name) {
  std::optional<std::string> text = request.Query(name);
  if (!text) return std::optional<int64_t>();
  std::optional<int64_t> number = ParseInteger<int64_t>(*text);
  if (!number || *number < 1) {
    return InvalidQuery(name, std::string("‘") + name + "’ moet een positief geheel getal zijn.",
                        std::string("‘") + name + "’ must be a positive whole number.");
  }
  return number;
}

json::object NotificationJson(const service::NotificationView& n) {
  return json::object{{"id", n.id},
                      {"kind", Name(n.kind)},
                      {"consult_id", OrNull(n.consult_id)},
                      {"consult_number", n.consult_number},
                      {"specialty", n.specialty},
                      {"created_at", FormatIso8601(n.created_at)},
                      {"read", n.read}};
}

json::object SettingsJson(const service::NotificationSettings& settings) {
  json::array kinds;
  for (const auto& k : settings.kinds) {
    kinds.push_back(json::object{
        {"kind", Name(k.kind)}, {"delivery", Name(k.delivery)}, {"chosen", k.chosen}});
  }
  return json::object{{"language", Name(settings.language)},
                      {"digest_hour", settings.digest_hour},
                      {"kinds", std::move(kinds)}};
}

json::object RosterJson(const service::RosterView& view) {
  json::array members;
  for (const service::RosterMember& m : view.members) {
    members.push_back(json::object{{"id", m.person.id},
                                   {"name", m.person.name},
                                   {"on_duty", m.on_duty},
                                   {"absent", m.absent}});
  }
  return json::object{{"pool_id", view.pool_id},       {"pool_name", view.pool_name},
                      {"week", view.week},             {"members", std::move(members)},
                      {"has_roster", view.has_roster}, {"may_change", view.may_change}};
}

json::object AbsenceJson(const service::AbsenceView& view) {
  const domain::Absence& a = view.absence;
  return json::object{{"id", a.id},
                      {"user", json::object{{"id", a.user_id}, {"name", view.person_name}}},
                      {"first_day", a.first_day},
                      {"last_day", a.last_day},
                      {"reason", Name(a.reason)},
                      {"may_change", view.may_change}};
}

json::object OutboxJson(const service::OutboxEntry& e) {
  return json::object{{"id", e.id},
                      {"message_id", e.message_id},
                      {"recipient", e.recipient},
                      {"kind", Name(e.kind)},
                      {"consult_number", e.consult_number},
                      {"status", Name(e.status)},
                      {"attempts", e.attempts},
                      {"next_attempt_at", FormatIso8601(e.next_attempt_at)},
                      {"last_error", e.last_error},
                      {"created_at", FormatIso8601(e.created_at)},
                      {"delivered_at", TimeOrNull(e.delivered_at)}};
}

http::Response ListNotifications(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<std::optional<int64_t>> before = QueryNumber(request, "before");
    if (!before.ok()) return ErrorResponse(request, before.error());
    Result<std::optional<int64_t>> limit = QueryNumber(request, "limit");
    if (!limit.ok()) return ErrorResponse(request, limit.error());
    int page_size = static_cast<int>(std::min<int64_t>(limit->value_or(kDefaultPage),
                                                       service::NotificationService::kMaxPage));
    Result<service::NotificationPage> page =
        services.notifications.List(principal, *before, page_size);
    if (!page.ok()) return ErrorResponse(request, page.error());
    json::array items;
    for (const service::NotificationView& n : page->items) items.push_back(NotificationJson(n));
    return JsonResponse(200, json::object{{"items", std::move(items)},
                                          {"unread", page->unread},
                                          {"next_before", OrNull(page->next_before)}});
  });
}

http::Response MarkRead(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::optional<std::vector<int64_t>>> ids =
        OptionalIdList(*body, {"notification_read", "ids"}, 500);
    if (!ids.ok()) return ErrorResponse(request, ids.error());
    Result<int64_t> unread =
        services.notifications.MarkRead(principal, ids->value_or(std::vector<int64_t>{}));
    if (!unread.ok()) return ErrorResponse(request, unread.error());
    return JsonResponse(200, json::object{{"unread", *unread}});
  });
}

Result<service::NotificationSettingsChange> SettingsChangeFromJson(const json::object& body) {
  service::NotificationSettingsChange change;
  if (body.contains("language") && !body.at("language").is_null()) {
    MK_ASSIGN_OR_RETURN(change.language, RequiredEnum<domain::Language>(
                                             body, {"notification_settings", "language"}));
  }
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> hour,
                      OptionalInt(body, {"notification_settings", "digest_hour"}));
  if (hour) {
    if (*hour < 0 || *hour > 23) {
      return MakeError(ErrorCode::kInvalidArgument, "Kies een uur van 0 tot en met 23.",
                       "Choose an hour from 0 to 23.", "digest_hour");
    }
    change.digest_hour = static_cast<int>(*hour);
  }
  MK_ASSIGN_OR_RETURN(std::optional<bool> reset,
                      OptionalBool(body, {"notification_settings", "reset_kinds"}));
  change.reset_kinds = reset.value_or(false);
  MK_ASSIGN_OR_RETURN(auto kinds,
                      OptionalObjectList(body, {"notification_settings", "kinds"}, 50));
  std::vector<const json::object*> items = kinds.value_or(std::vector<const json::object*>{});
  for (size_t i = 0; i < items.size(); ++i) {
    MK_ASSIGN_OR_RETURN(domain::EventKind kind,
                        AtItem(RequiredEnum<domain::EventKind>(*items[i], {"notification_kind", "kind"}),
                               "kinds", i));
    MK_ASSIGN_OR_RETURN(
        domain::Delivery delivery,
        AtItem(RequiredEnum<domain::Delivery>(*items[i], {"notification_kind", "delivery"}),
               "kinds", i));
    change.kinds.emplace_back(kind, delivery);
  }
  return change;
}

http::Response ChangeSettings(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NotificationSettingsChange> change = SettingsChangeFromJson(*body);
    if (!change.ok()) return ErrorResponse(request, change.error());
    return One(request, 200, services.notifications.ChangeSettings(principal, *change),
               SettingsJson);
  });
}

http::Response SetRoster(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::string> week = RequiredString(*body, {"roster", "week"});
    if (!week.ok()) return ErrorResponse(request, week.error());
    Result<std::optional<std::vector<int64_t>>> users =
        OptionalIdList(*body, {"roster", "user_ids"}, 200);
    if (!users.ok()) return ErrorResponse(request, users.error());
    if (!*users) return ErrorResponse(request, domain::MissingAnswer("roster", "user_ids"));
    return One(request, 200, services.notifications.SetRoster(principal, *id, *week, **users),
               RosterJson);
  });
}

http::Response AddAbsence(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    if (Result<void> required = CheckRequiredAnswers("absence", *body); !required.ok()) {
      return ErrorResponse(request, required.error());
    }
    domain::Absence absence;
    Result<std::optional<int64_t>> user = OptionalInt(*body, {"absence", "user_id"});
    if (!user.ok()) return ErrorResponse(request, user.error());
    absence.user_id = user->value_or(principal.user.id);
    Result<std::string> first = RequiredString(*body, {"absence", "first_day"});
    if (!first.ok()) return ErrorResponse(request, first.error());
    Result<std::string> last = RequiredString(*body, {"absence", "last_day"});
    if (!last.ok()) return ErrorResponse(request, last.error());
    Result<domain::AbsenceReason> reason =
        RequiredEnum<domain::AbsenceReason>(*body, {"absence", "reason"});
    if (!reason.ok()) return ErrorResponse(request, reason.error());
    absence.first_day = *first;
    absence.last_day = *last;
    absence.reason = *reason;
    return One(request, 201, services.notifications.AddAbsence(principal, absence), AbsenceJson);
  });
}

http::Response ListOutbox(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    std::optional<domain::MailStatus> status;
    if (std::optional<std::string> text = request.Query("status")) {
      status = domain::Parse<domain::MailStatus>(*text);
      if (!status) {
        return ErrorResponse(request,
                             InvalidQuery("status", "Kies pending, delivered of dead.",
                                          "Choose pending, delivered or dead."));
      }
    }
    constexpr int kOutboxPage = 200;
    return Items(request, services.outbox.List(principal, status, kOutboxPage), OutboxJson);
  });
}

}  // namespace

void AddNotificationRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/notifications",
             [&](http::Request& r) { return ListNotifications(services, r); });
  router.Add("POST", "/api/v1/notifications/read",
             [&](http::Request& r) { return MarkRead(services, r); });
  router.Add("GET", "/api/v1/me/notification-settings", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return One(r, 200, services.notifications.Settings(principal), SettingsJson);
    });
  });
  router.Add("PATCH", "/api/v1/me/notification-settings",
             [&](http::Request& r) { return ChangeSettings(services, r); });
  router.Add("GET", "/api/v1/pools/{id}/roster", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.notifications.Roster(principal, *id, r.Query("week")),
                 RosterJson);
    });
  });
  router.Add("PUT", "/api/v1/pools/{id}/roster",
             [&](http::Request& r) { return SetRoster(services, r); });
  router.Add("GET", "/api/v1/absences", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return Items(r, services.notifications.Absences(principal), AbsenceJson);
    });
  });
  router.Add("POST", "/api/v1/absences", [&](http::Request& r) { return AddAbsence(services, r); });
  router.Add("DELETE", "/api/v1/absences/{id}", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      Result<void> removed = services.notifications.RemoveAbsence(principal, *id);
      if (!removed.ok()) return ErrorResponse(r, removed.error());
      return NoContent();
    });
  });
  router.Add("GET", "/api/v1/outbox", [&](http::Request& r) { return ListOutbox(services, r); });
  router.Add("POST", "/api/v1/outbox/{id}/retry", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.outbox.Retry(principal, *id), OutboxJson);
    });
  });
}

}  // namespace meekijk::api
