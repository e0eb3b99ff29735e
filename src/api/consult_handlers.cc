// /api/v1/consults: create, list, read, and every life-cycle action.
#include <algorithm>

#include <boost/json/array.hpp>

#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/consult_request.h"
#include "api/record_pdf.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "domain/consult_validation.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using service::Principal;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

// Answers a use case's result: the consult's summary with `status`, or its error.
http::Response Answer(const http::Request& request, const Result<domain::Consult>& consult,
                      int status = 200) {
  if (!consult.ok()) return ErrorResponse(request, consult.error());
  return JsonResponse(status, ConsultSummaryJson(*consult));
}

http::Response Create(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NewConsult> consult = NewConsultFromJson(*body);
    if (!consult.ok()) return ErrorResponse(request, consult.error());
    return Answer(request, services.consults.Create(principal, *consult), 201);
  });
}

http::Response UpdateDraft(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NewConsult> consult = NewConsultFromJson(*body);
    if (!consult.ok()) return ErrorResponse(request, consult.error());
    return Answer(request, services.consults.UpdateDraft(principal, *id, *consult));
  });
}

http::Response Changes(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<std::string> fingerprint = services.consults.ChangesFingerprint(principal);
    if (!fingerprint.ok()) return ErrorResponse(request, fingerprint.error());
    return JsonResponse(200, json::object{{"fingerprint", *fingerprint}});
  });
}

Result<service::ListQuery> ListQueryFrom(const http::Request& request) {
  service::ListQuery query;
  std::string box = request.Query("box").value_or("outbox");
  if (box == "inbox") {
    query.box = service::Box::kInbox;
  } else if (box == "pool") {
    query.box = service::Box::kPool;
  } else if (box == "coordination") {
    query.box = service::Box::kCoordination;
  } else if (box != "outbox") {
    return MakeError(ErrorCode::kInvalidArgument, "Kies box=outbox, inbox, pool of coordination.",
                     "Choose box=outbox, inbox, pool or coordination.", "box");
  }
  if (auto status = request.Query("status"); status && !status->empty()) {
    query.status = domain::Parse<domain::ConsultStatus>(*status);
    if (!query.status) {
      return MakeError(ErrorCode::kInvalidArgument, "Onbekende status „" + *status + "”.",
                       "Unknown status \"" + *status + "\".", "status");
    }
  }
  if (auto specialty = request.Query("specialty"); specialty && !specialty->empty()) {
    query.specialty = specialty;
  }
  if (auto mode = request.Query("mode"); mode && !mode->empty()) {
    query.mode = domain::Parse<domain::ConsultMode>(*mode);
    if (!query.mode) {
      return MakeError(ErrorCode::kInvalidArgument, "Kies mode=digital of physical.",
                       "Choose mode=digital or physical.", "mode");
    }
  }
  if (auto text = request.Query("q"); text && !text->empty()) query.text = text;
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) query.cursor = cursor;
  query.limit = kDefaultPageSize;
  if (auto limit = request.Query("limit")) {
    int value = std::atoi(limit->c_str());
    if (value < 1 || value > kMaxPageSize) {
      return MakeError(ErrorCode::kInvalidArgument, "Kies een limiet van 1 tot 200.",
                       "Choose a limit from 1 to 200.", "limit");
    }
    query.limit = value;
  }
  return query;
}

http::Response List(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<service::ListQuery> query = ListQueryFrom(request);
    if (!query.ok()) return ErrorResponse(request, query.error());
    Result<service::ConsultList> page = services.consults.List(principal, *query);
    if (!page.ok()) return ErrorResponse(request, page.error());
    return JsonResponse(200, ConsultPageJson(*page));
  });
}

http::Response Get(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<service::ConsultDetail> detail = services.consults.Get(principal, *id);
    if (!detail.ok()) return ErrorResponse(request, detail.error());
    return JsonResponse(200, ConsultJson(*detail));
  });
}

// An action on one consult whose body (possibly empty) is read by `act`.
template <typename F>
http::Response Act(Services& services, http::Request& request, F&& act) {
  return WithPrincipal(services, request, [&](const Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    return Answer(request, act(principal, *id, *body));
  });
}

Result<domain::Consult> Decline(Services& services, const Principal& principal, int64_t id,
                                const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("decline", body));
  MK_ASSIGN_OR_RETURN(std::string reason, RequiredString(body, {"decline", "reason"}));
  return services.consults.Decline(principal, id, reason);
}

Result<domain::Consult> Forward(Services& services, const Principal& principal, int64_t id,
                                const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("forward", body));
  MK_ASSIGN_OR_RETURN(int64_t pool_id, RequiredInt(body, {"forward", "pool_id"}));
  return services.consults.Forward(principal, id, pool_id);
}

Result<domain::Consult> Assign(Services& services, const Principal& principal, int64_t id,
                               const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("assign", body));
  MK_ASSIGN_OR_RETURN(int64_t specialist_id, RequiredInt(body, {"assign", "specialist_id"}));
  return services.consults.Assign(principal, id, specialist_id);
}

Result<domain::Consult> PostMessage(Services& services, const Principal& principal, int64_t id,
                                    const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("message", body));
  MK_ASSIGN_OR_RETURN(domain::MessageKind kind,
                      RequiredEnum<domain::MessageKind>(body, {"message", "kind"}));
  // The text is labelled by what it is: a reply, a follow-up question, an info request.
  MK_ASSIGN_OR_RETURN(std::string text, RequiredString(body, {domain::Name(kind), "body"}));
  return services.consults.PostMessage(principal, id, kind, text);
}

Result<domain::Consult> Advice(Services& services, const Principal& principal, int64_t id,
                               const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("advice", body));
  MK_ASSIGN_OR_RETURN(domain::Recommendation recommendation,
                      RequiredEnum<domain::Recommendation>(body, {"advice", "recommendation"}));
  MK_ASSIGN_OR_RETURN(std::string text, RequiredString(body, {"advice", "body"}));
  service::AdviceRecord record;
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> minutes, OptionalInt(body, {"advice", "minutes"}));
  MK_ASSIGN_OR_RETURN(std::optional<int64_t> rating, OptionalInt(body, {"advice", "question_rating"}));
  // Out of range stays out of range as an int, for the use case to refuse in its own words.
  auto small = [](int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, -1, 100000)); };
  if (minutes) record.minutes = small(*minutes);
  if (rating) record.question_rating = small(*rating);
  return services.consults.GiveAdvice(principal, id, recommendation, text, record);
}

Result<domain::Consult> Close(Services& services, const Principal& principal, int64_t id,
                              const json::object& body) {
  service::Outcome outcome;
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("close", body));
  MK_ASSIGN_OR_RETURN(outcome.outcome, RequiredEnum<domain::OutcomeKind>(body, {"close", "outcome"}));
  MK_ASSIGN_OR_RETURN(outcome.learned, RequiredBool(body, {"close", "learned"}));
  MK_ASSIGN_OR_RETURN(int64_t rating, RequiredInt(body, {"close", "rating"}));
  // Out of range stays out of range as an int, for the domain to refuse in its own words.
  outcome.rating = rating >= domain::kMinRating && rating <= domain::kMaxRating
                       ? static_cast<int>(rating)
                       : domain::kMinRating - 1;
  return services.consults.Close(principal, id, outcome);
}

Result<domain::Consult> Refer(Services& services, const Principal& principal, int64_t id,
                              const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("referral", body));
  MK_ASSIGN_OR_RETURN(std::string letter, RequiredString(body, {"referral", "letter"}));
  MK_ASSIGN_OR_RETURN(bool learned, RequiredBool(body, {"referral", "learned"}));
  MK_ASSIGN_OR_RETURN(int64_t rating, RequiredInt(body, {"referral", "rating"}));
  int in_range = rating >= domain::kMinRating && rating <= domain::kMaxRating
                     ? static_cast<int>(rating)
                     : domain::kMinRating - 1;
  return services.consults.Refer(principal, id, letter, learned, in_range);
}

Result<domain::Consult> CorrectOutcome(Services& services, const Principal& principal, int64_t id,
                                       const json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers("outcome_correction", body));
  MK_ASSIGN_OR_RETURN(domain::OutcomeKind outcome,
                      RequiredEnum<domain::OutcomeKind>(body, {"outcome_correction", "outcome"}));
  MK_ASSIGN_OR_RETURN(std::string reason, RequiredString(body, {"outcome_correction", "reason"}));
  return services.consults.CorrectOutcome(principal, id, outcome, reason);
}

}  // namespace

void AddConsultRoutes(http::Router& router, Services& s) {
  using service::ConsultService;
  router.Add("POST", "/api/v1/consults", [&](http::Request& r) { return Create(s, r); },
             http::BodyRule::Text());
  router.Add("GET", "/api/v1/consults", [&](http::Request& r) { return List(s, r); });
  router.Add("GET", "/api/v1/consults/{id}", [&](http::Request& r) { return Get(s, r); });
  router.Add("PUT", "/api/v1/consults/{id}", [&](http::Request& r) { return UpdateDraft(s, r); },
             http::BodyRule::Text());
  router.Add("GET", "/api/v1/changes", [&](http::Request& r) { return Changes(s, r); });
  // The copy for the patient's record, as a PDF (the FHIR Bundle is /fhir/R4/Task/{id}/$record-copy).
  router.Add("GET", "/api/v1/consults/{id}/record-copy", [&s](http::Request& r) {
    return WithPrincipal(s, r, [&](const Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      Result<service::ConsultDetail> detail = s.consults.RecordCopy(principal, *id);
      if (!detail.ok()) return ErrorResponse(r, detail.error());
      Result<std::string> pdf = RecordPdf(*detail, SystemClock().Now());
      if (!pdf.ok()) return ErrorResponse(r, pdf.error());
      return File(std::move(*pdf), "application/pdf", detail->consult.number + ".pdf");
    });
  });
  auto simple = [&](const char* action, auto member) {
    router.Add("POST", std::string("/api/v1/consults/{id}/") + action, [&s, member](http::Request& r) {
      return Act(s, r, [&](const Principal& p, int64_t id, const json::object&) {
        return (s.consults.*member)(p, id, std::nullopt);  // the web app sends no version
      });
    });
  };
  simple("send", &ConsultService::Send);
  simple("claim", &ConsultService::Claim);
  simple("cancel", &ConsultService::Cancel);
  auto with_body = [&](const char* action, auto handler) {
    router.Add("POST", std::string("/api/v1/consults/{id}/") + action, [&s, handler](http::Request& r) {
      return Act(s, r, [&](const Principal& p, int64_t id, const json::object& body) {
        return handler(s, p, id, body);
      });
    }, http::BodyRule::Text());
  };
  with_body("decline", Decline);
  with_body("forward", Forward);
  with_body("assign", Assign);
  with_body("messages", PostMessage);
  with_body("advice", Advice);
  with_body("close", Close);
  with_body("outcome", CorrectOutcome);
  // The advice "refer" becomes a referral: the letter's draft, then sending it in one action.
  with_body("referral", Refer);
  router.Add("GET", "/api/v1/consults/{id}/referral", [&s](http::Request& r) {
    return WithPrincipal(s, r, [&](const Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      Result<std::string> letter = s.consults.DraftReferral(principal, *id);
      if (!letter.ok()) return ErrorResponse(r, letter.error());
      return JsonResponse(200, json::object{{"letter", *letter}});
    });
  });
}

}  // namespace meekijk::api
