// The physical meekijkconsult: GET/POST /api/v1/clinic-sessions, GET/PATCH
// /api/v1/clinic-sessions/{id}, POST /api/v1/clinic-sessions/{id}/cancel, GET
// /api/v1/clinic-sessions/{id}/day-list, PUT /api/v1/clinic-slots/{id}/attendance, GET
// /api/v1/consults/{id}/booking-options, PUT/DELETE /api/v1/consults/{id}/booking,
// GET/POST/DELETE /api/v1/me/calendar-feed and the feed itself, GET /api/v1/calendar/{token}.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "domain/enum_names.h"
#include "domain/working_days.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::Name;

constexpr std::string_view kSessionForm = "clinic_session";

json::value IdOrNull(const std::optional<int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::object SlotJson(const service::SlotView& s) {
  return json::object{{"id", s.slot.id},
                      {"position", s.slot.position},
                      {"starts_at", FormatIso8601(s.starts_at)},
                      {"ends_at", FormatIso8601(s.ends_at)},
                      {"booked", s.booked},
                      {"consult_number", s.consult_number},
                      {"practice_name", s.practice_name},
                      {"consult_id", IdOrNull(s.consult_id)},
                      {"attendance", Name(s.slot.attendance)}};
}

json::object RefJson(const service::NamedRef& ref) {
  return json::object{{"id", ref.id}, {"name", ref.name}};
}

json::object SessionJson(const service::ClinicSessionView& v) {
  const domain::ClinicSession& s = v.session;
  json::array practices;
  for (const service::NamedRef& p : v.practices) practices.push_back(RefJson(p));
  json::object out{{"id", s.id},
                   {"agreement_id", s.agreement_id},
                   {"pool", json::object{{"id", s.pool_id}, {"name", v.pool_name}}},
                   {"specialty", v.specialty},
                   {"specialist", RefJson(v.specialist)},
                   {"practices", std::move(practices)},
                   {"location", s.location},
                   {"day", s.day},
                   {"starts_at", FormatIso8601(v.starts_at)},
                   {"ends_at", FormatIso8601(v.ends_at)},
                   {"start_time", domain::ClockText(s.starts_minute)},
                   {"end_time", domain::ClockText(s.ends_minute())},
                   {"slot_minutes", s.slot_minutes},
                   {"slot_count", s.slot_count},
                   {"status", Name(s.status)},
                   {"series_id", IdOrNull(s.series_id)},
                   {"booked", v.booked},
                   {"waiting", v.waiting},
                   {"fill_rate", v.fill_rate},
                   {"may_change", v.may_change},
                   {"may_book", v.may_book},
                   {"holds", v.holds},
                   {"version", s.version}};
  return out;
}

json::object SessionDetailJson(const service::ClinicSessionView& v) {
  json::object out = SessionJson(v);
  json::array slots;
  for (const service::SlotView& s : v.slots) slots.push_back(SlotJson(s));
  json::array waiting;
  for (const service::WaitingView& w : v.waiting_list) {
    waiting.push_back(json::object{{"consult_number", w.consult_number},
                                   {"practice_name", w.practice_name},
                                   {"consult_id", IdOrNull(w.consult_id)},
                                   {"added_at", FormatIso8601(w.added_at)}});
  }
  out["slots"] = std::move(slots);
  out["waiting_list"] = std::move(waiting);
  return out;
}

json::object FeedJson(const service::CalendarFeedState& feed) {
  json::object out{{"active", feed.active},
                   {"created_at", feed.created_at ? json::value(FormatIso8601(*feed.created_at))
                                                  : json::value(nullptr)}};
  if (!feed.token.empty()) out["path"] = "/api/v1/calendar/" + feed.token;
  return out;
}

Result<int> ClockField(const json::object& body, std::string_view name) {
  MK_ASSIGN_OR_RETURN(std::string text, RequiredString(body, {kSessionForm, name}));
  std::optional<int> minutes = domain::ParseClockMinutes(text);
  if (!minutes) {
    return MakeError(ErrorCode::kInvalidArgument, "Vul een tijd in als UU:MM, zoals 13:00.",
                     "Enter a time as HH:MM, such as 13:00.", std::string(name));
  }
  return *minutes;
}

Result<service::NewClinicSession> NewSessionFromJson(const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kSessionForm, body));
  service::NewClinicSession session;
  MK_ASSIGN_OR_RETURN(session.agreement_id, RequiredInt(body, {kSessionForm, "agreement_id"}));
  MK_ASSIGN_OR_RETURN(session.specialist_id, RequiredInt(body, {kSessionForm, "specialist_id"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::vector<int64_t>> practices,
                      OptionalIdList(body, {kSessionForm, "practice_ids"}, 50));
  session.practice_ids = practices.value_or(std::vector<int64_t>());
  MK_ASSIGN_OR_RETURN(session.location, RequiredString(body, {kSessionForm, "location"}));
  MK_ASSIGN_OR_RETURN(session.day, RequiredString(body, {kSessionForm, "day"}));
  MK_ASSIGN_OR_RETURN(session.starts_minute, ClockField(body, "starts_at"));
  MK_ASSIGN_OR_RETURN(session.ends_minute, ClockField(body, "ends_at"));
  if (Mentions(body, {kSessionForm, "repeat"}) && !body.at("repeat").is_null()) {
    MK_ASSIGN_OR_RETURN(const json::object* repeat, RequiredObject(body, {kSessionForm, "repeat"}));
    MK_RETURN_IF_ERROR(CheckRequiredAnswers("clinic_repeat", *repeat));
    MK_ASSIGN_OR_RETURN(int64_t every, RequiredInt(*repeat, {"clinic_repeat", "every_weeks"}));
    MK_ASSIGN_OR_RETURN(int64_t count, RequiredInt(*repeat, {"clinic_repeat", "count"}));
    // Out-of-range numbers become 0, which the domain refuses with its own words.
    auto small = [](int64_t n) { return n >= 0 && n <= 1000 ? static_cast<int>(n) : 0; };
    session.repeat = domain::Recurrence{small(every), small(count)};
  }
  return session;
}

Result<service::ClinicSessionChange> SessionChangeFromJson(const json::object& body) {
  service::ClinicSessionChange change;
  MK_ASSIGN_OR_RETURN(change.version, RequiredInt(body, {kSessionForm, "version"}));
  MK_ASSIGN_OR_RETURN(change.day, OptionalString(body, {kSessionForm, "day"}));
  MK_ASSIGN_OR_RETURN(change.location, OptionalString(body, {kSessionForm, "location"}));
  if (Mentions(body, {kSessionForm, "starts_at"}) && !body.at("starts_at").is_null()) {
    MK_ASSIGN_OR_RETURN(change.starts_minute, ClockField(body, "starts_at"));
  }
  return change;
}

http::Response ListSessions(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    std::string from = request.Query("from").value_or("");
    std::string to = request.Query("to").value_or("");
    if (from.empty() != to.empty()) {
      return ErrorResponse(request, MakeError(ErrorCode::kInvalidArgument,
                                              "Geef ‘from’ en ‘to’ samen, of geen van beide.",
                                              "Give ‘from’ and ‘to’ together, or neither.",
                                              from.empty() ? "from" : "to"));
    }
    return Items(request, services.clinic.Sessions(principal, from, to), SessionJson);
  });
}

http::Response PlanSession(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    if (Result<void> may = service::ClinicService::RequireCoordinator(principal); !may.ok()) {
      return ErrorResponse(request, may.error());
    }
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NewClinicSession> session = NewSessionFromJson(*body);
    if (!session.ok()) return ErrorResponse(request, session.error());
    Result<service::PlannedSessions> planned = services.clinic.Plan(principal, *session);
    if (!planned.ok()) return ErrorResponse(request, planned.error());
    json::array items;
    for (const service::ClinicSessionView& v : planned->sessions) items.push_back(SessionJson(v));
    json::array skipped;
    for (const std::string& day : planned->skipped_days) skipped.push_back(json::string(day));
    return JsonResponse(201, json::object{{"items", std::move(items)},
                                          {"skipped_days", std::move(skipped)}});
  });
}

http::Response ChangeSession(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    if (Result<void> may = service::ClinicService::RequireCoordinator(principal); !may.ok()) {
      return ErrorResponse(request, may.error());
    }
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::ClinicSessionChange> change = SessionChangeFromJson(*body);
    if (!change.ok()) return ErrorResponse(request, change.error());
    return One(request, 200, services.clinic.Change(principal, *id, *change), SessionDetailJson);
  });
}

json::object DayListJson(const service::DayList& day) {
  json::array patients;
  for (const service::DayListEntry& e : day.patients) {
    json::array attachments;
    for (const domain::Attachment& a : e.attachments) attachments.push_back(AttachmentJson(a));
    const domain::Consult& c = e.consult;
    json::object patient = PatientJson(c.content.patient, true);
    patients.push_back(json::object{{"slot", SlotJson(e.slot)},
                                    {"consult_id", c.id},
                                    {"consult_number", c.number},
                                    {"status", Name(c.status)},
                                    {"practice_name", e.practice_name},
                                    {"patient", std::move(patient)},
                                    {"icpc", c.content.icpc},
                                    {"question", c.content.question},
                                    {"clinical_summary", c.content.clinical_summary},
                                    {"attachments", std::move(attachments)}});
  }
  return json::object{{"session", SessionJson(day.session)}, {"patients", std::move(patients)}};
}

json::object BookingJsonOf(const service::Booking& booking) { return BookingJson(booking); }

http::Response Book(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    service::BookingRequest booking;
    Result<std::optional<int64_t>> slot = OptionalInt(*body, {"booking", "slot_id"});
    if (!slot.ok()) return ErrorResponse(request, slot.error());
    Result<std::optional<int64_t>> waiting = OptionalInt(*body, {"booking", "waiting_session_id"});
    if (!waiting.ok()) return ErrorResponse(request, waiting.error());
    booking.slot_id = *slot;
    booking.waiting_session_id = *waiting;
    return One(request, 200, services.clinic.Book(principal, *id, booking), BookingJsonOf);
  });
}

http::Response RecordAttendance(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<domain::Attendance> attendance =
        RequiredEnum<domain::Attendance>(*body, {"attendance", "attendance"});
    if (!attendance.ok()) return ErrorResponse(request, attendance.error());
    return One(request, 200, services.clinic.RecordAttendance(principal, *id, *attendance),
               SlotJson);
  });
}

// The feed's secret comes in the path: a calendar program sends no login.
http::Response CalendarFeed(Services& services, http::Request& request) {
  auto token = request.params.find("token");
  std::string secret = token == request.params.end() ? "" : token->second;
  if (secret.ends_with(".ics")) secret.resize(secret.size() - 4);
  Result<std::string> calendar = services.clinic.Calendar(secret, "meekijk");
  if (!calendar.ok()) return ErrorResponse(request, calendar.error());
  http::Response response;
  response.content_type = "text/calendar; charset=utf-8";
  response.body = std::move(*calendar);
  response.WithHeader("Cache-Control", "private, max-age=300");
  response.WithHeader("Content-Disposition", "inline; filename=\"meekijk.ics\"");
  return response;
}

}  // namespace

void AddClinicRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/clinic-sessions",
             [&](http::Request& r) { return ListSessions(services, r); });
  router.Add("POST", "/api/v1/clinic-sessions",
             [&](http::Request& r) { return PlanSession(services, r); });
  router.Add("GET", "/api/v1/clinic-sessions/{id}", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.clinic.Session(principal, *id), SessionDetailJson);
    });
  });
  router.Add("PATCH", "/api/v1/clinic-sessions/{id}",
             [&](http::Request& r) { return ChangeSession(services, r); });
  router.Add("POST", "/api/v1/clinic-sessions/{id}/cancel", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.clinic.Cancel(principal, *id), SessionDetailJson);
    });
  });
  router.Add("GET", "/api/v1/clinic-sessions/{id}/day-list", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.clinic.Day(principal, *id), DayListJson);
    });
  });
  router.Add("PUT", "/api/v1/clinic-slots/{id}/attendance",
             [&](http::Request& r) { return RecordAttendance(services, r); });
  router.Add("GET", "/api/v1/consults/{id}/booking-options", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return Items(r, services.clinic.BookingOptions(principal, *id), SessionDetailJson);
    });
  });
  router.Add("PUT", "/api/v1/consults/{id}/booking",
             [&](http::Request& r) { return Book(services, r); });
  router.Add("DELETE", "/api/v1/consults/{id}/booking", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      Result<void> done = services.clinic.Unbook(principal, *id);
      if (!done.ok()) return ErrorResponse(r, done.error());
      return NoContent();
    });
  });
  router.Add("GET", "/api/v1/me/calendar-feed", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return One(r, 200, services.clinic.Feed(principal), FeedJson);
    });
  });
  router.Add("POST", "/api/v1/me/calendar-feed", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return One(r, 201, services.clinic.RenewFeed(principal), FeedJson);
    });
  });
  router.Add("DELETE", "/api/v1/me/calendar-feed", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<void> done = services.clinic.RevokeFeed(principal);
      if (!done.ok()) return ErrorResponse(r, done.error());
      return NoContent();
    });
  });
  router.Add("GET", "/api/v1/calendar/{token}",
             [&](http::Request& r) { return CalendarFeed(services, r); });
}

}  // namespace meekijk::api
