// Encoding consults, people and specialties as JSON.
#include "api/consult_json.h"

#include <boost/json/array.hpp>

#include "api/json_null.h"
#include "api/template_json.h"
#include "domain/icpc.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using domain::Name;

json::value Time(const std::optional<TimePoint>& t) {
  return t ? json::value(FormatIso8601(*t)) : json::value(nullptr);
}

json::object CommonJson(const domain::Consult& c) {
  const domain::IcpcCode* icpc = domain::FindIcpc(c.content.icpc);
  return json::object{
      {"id", c.id},
      {"number", c.number},
      {"status", Name(c.status)},
      {"specialty", c.content.specialty},
      {"mode", Name(c.content.mode)},
      {"icpc", c.content.icpc},
      {"icpc_description", icpc != nullptr ? json::value(icpc->description_nl) : json::value(nullptr)},
      {"due_at", Time(c.due_at)},
      {"sent_at", Time(c.sent_at)},
      {"closed_at", c.outcome ? json::value(FormatIso8601(c.outcome->closed_at)) : json::value(nullptr)},
      {"created_at", FormatIso8601(c.created_at)},
      {"updated_at", FormatIso8601(c.updated_at)},
  };
}

}  // namespace

json::object PatientJson(const domain::Patient& patient, bool identifying) {
  json::object out{{"birth_year", patient.birth_year}, {"sex", Name(patient.sex)}};
  if (identifying) {
    out["name"] = OrNull(patient.name);
    out["birth_date"] = OrNull(patient.birth_date);
    out["bsn"] = OrNull(patient.bsn);
  }
  return out;
}

json::value BookingJson(const std::optional<service::Booking>& booking) {
  if (!booking) return nullptr;
  return BookingJson(*booking);
}

json::object BookingJson(const service::Booking& b) {
  return json::object{{"session_id", b.session_id},
                      {"slot_id", OrNull(b.slot_id)},
                      {"day", b.day},
                      {"starts_at", FormatIso8601(b.starts_at)},
                      {"ends_at", FormatIso8601(b.ends_at)},
                      {"location", b.location},
                      {"specialist_name", b.specialist_name},
                      {"attendance", Name(b.attendance)},
                      {"waiting_position", b.waiting_position}};
}

json::object ConsultSummaryJson(const domain::Consult& consult) {
  json::object out = CommonJson(consult);
  out["patient"] = PatientJson(consult.content.patient, false);
  out["question"] = consult.content.question;
  out["has_advice"] = consult.advice.has_value();
  out["pool_id"] = OrNull(consult.pool_id);
  out["version"] = consult.version;
  return out;
}

json::object ConsultPageJson(const service::ConsultList& page) {
  json::array items;
  items.reserve(page.items.size());
  for (const domain::Consult& consult : page.items) items.push_back(ConsultSummaryJson(consult));
  return json::object{
      {"items", std::move(items)},
      {"next_cursor", page.next_cursor ? json::value(*page.next_cursor) : json::value(nullptr)}};
}

json::object AttachmentJson(const domain::Attachment& a) {
  return json::object{{"id", a.id},
                      {"filename", a.filename},
                      {"content_type", domain::MimeType(a.file_type)},
                      {"size", a.size_bytes},
                      {"uploaded_by", a.uploaded_by},
                      {"uploaded_at", FormatIso8601(a.uploaded_at)}};
}

json::object ConsultJson(const service::ConsultDetail& detail) {
  const domain::Consult& c = detail.consult;
  json::object out = CommonJson(c);
  json::object patient = PatientJson(c.content.patient, true);
  patient["withheld"] = detail.patient_withheld;
  out["patient"] = std::move(patient);
  out["question"] = c.content.question;
  out["clinical_summary"] = c.content.clinical_summary;
  out["intended_referral"] = OrNull(c.content.intended_referral);
  out["consent"] = c.content.consent;
  out["practice"] = json::object{{"id", c.practice_id}, {"name", detail.practice_name}};
  out["pool"] = c.pool_id ? json::value(json::object{{"id", *c.pool_id}, {"name", detail.pool_name}})
                          : json::value(nullptr);
  out["specialist"] = c.specialist_id ? json::value(json::object{{"id", *c.specialist_id},
                                                                 {"name", detail.specialist_name}})
                                      : json::value(nullptr);
  out["decline_reason"] = c.decline_reason.empty() ? json::value(nullptr)
                                                   : json::value(c.decline_reason);
  json::array thread;
  for (const domain::ThreadMessage& m : detail.thread) {
    thread.push_back(json::object{
        {"id", m.id},
        {"kind", Name(m.kind)},
        {"author", json::object{{"id", m.author_id}, {"name", m.author_name},
                                {"role", Name(m.author_role)}}},
        {"body", m.body},
        {"recommendation", m.recommendation ? json::value(Name(*m.recommendation))
                                            : json::value(nullptr)},
        {"created_at", FormatIso8601(m.created_at)}});
  }
  out["thread"] = std::move(thread);
  out["advice"] = c.advice ? json::value(json::object{
                                 {"recommendation", Name(c.advice->recommendation)},
                                 {"body", c.advice->body},
                                 {"specialist_id", c.advice->specialist_id},
                                 {"given_at", FormatIso8601(c.advice->given_at)},
                                 {"at", FormatIso8601(c.advice->given_at)},
                                 {"first_at", Time(c.first_advice_at)}})
                           : json::value(nullptr);
  out["outcome"] = c.outcome ? json::value(json::object{
                                   {"outcome", Name(c.outcome->outcome)},
                                   {"learned", c.outcome->learned},
                                   {"rating", c.outcome->rating},
                                   {"closed_at", FormatIso8601(c.outcome->closed_at)},
                                   {"corrected_at", Time(c.outcome_corrected_at)},
                                   {"correction_reason", OrNull(c.outcome_correction_reason)}})
                             : json::value(nullptr);
  out["specialist_minutes"] = c.specialist_minutes;
  out["question_rating"] = OrNull(c.question_rating);
  json::array attachments;
  for (const domain::Attachment& a : detail.attachments) attachments.push_back(AttachmentJson(a));
  out["attachments"] = std::move(attachments);
  out["viewer_role"] = Name(detail.viewer_role);
  json::array forward_pools;
  for (const service::PoolOption& pool : detail.forward_pools) {
    forward_pools.push_back(json::object{{"id", pool.id}, {"name", pool.name},
                                         {"organisation", pool.organisation_name}});
  }
  out["forward_pools"] = std::move(forward_pools);
  json::array assign_specialists;
  for (const service::NamedRef& person : detail.assign_specialists) {
    assign_specialists.push_back(json::object{{"id", person.id}, {"name", person.name}});
  }
  out["assign_specialists"] = std::move(assign_specialists);
  json::array allowed_actions;
  for (domain::ConsultAction action : detail.allowed_actions) allowed_actions.push_back(json::string(Name(action)));
  out["allowed_actions"] = std::move(allowed_actions);
  out["template"] = detail.question_template
                        ? json::value(QuestionTemplateJson(*detail.question_template))
                        : json::value(nullptr);
  out["template_answers"] =
      TemplateAnswersJson(detail.question_template, c.content.template_answers);
  out["agreement_version"] = OrNull(c.agreement_version);
  out["booking"] = BookingJson(detail.booking);
  out["referral"] = detail.referral
                        ? json::value(json::object{{"letter", detail.referral->letter},
                                                   {"sent_at", FormatIso8601(detail.referral->sent_at)},
                                                   {"sent_by", detail.referral->sent_by}})
                        : json::value(nullptr);
  out["version"] = c.version;
  return out;
}

json::object UserJson(const service::Principal& principal) {
  json::array roles, memberships, pools;
  for (const domain::Membership& m : principal.memberships) {
    json::string role(Name(m.role));
    if (std::find(roles.begin(), roles.end(), json::value(role)) == roles.end()) roles.push_back(role);
    memberships.push_back(json::object{{"organisation_id", m.organisation_id},
                                       {"organisation_name", m.organisation_name},
                                       {"organisation_kind", Name(m.organisation_kind)},
                                       {"role", Name(m.role)}});
  }
  for (const domain::Pool& pool : principal.pools) {
    pools.push_back(json::object{{"id", pool.id}, {"name", pool.name}, {"specialty", pool.specialty}});
  }
  return json::object{{"id", principal.user.id},
                      {"username", principal.user.username},
                      {"display_name", principal.user.display_name},
                      {"roles", std::move(roles)},
                      {"memberships", std::move(memberships)},
                      {"pools", std::move(pools)},
                      {"second_factor",
                       json::object{{"enrolled", principal.login.has_second_factor},
                                    {"this_login", principal.login.second_factor},
                                    {"required", principal.login.second_factor_required}}}};
}

json::object SpecialtyJson(const service::SpecialtyOption& option) {
  json::array modes, pools;
  for (domain::ConsultMode mode : option.modes) modes.push_back(json::string(Name(mode)));
  for (const service::OfferedPool& offered : option.pools) {
    json::array pool_modes;
    for (domain::ConsultMode mode : offered.modes) pool_modes.push_back(json::string(Name(mode)));
    json::object pool;
    pool["id"] = offered.pool.id;
    pool["name"] = offered.pool.name;
    pool["organisation"] = offered.pool.organisation_name;
    pool["response_days"] = offered.response_days;
    pool["modes"] = std::move(pool_modes);
    pool["named_specialist_allowed"] = offered.named_specialist_allowed;
    pool["template"] = offered.question_template
                           ? json::value(QuestionTemplateJson(*offered.question_template))
                           : json::value(nullptr);
    pools.emplace_back(std::move(pool));
  }
  return json::object{{"code", option.specialty.code},
                      {"name", option.specialty.name_nl},
                      {"name_en", option.specialty.name_en},
                      {"vektis_code", OrNull(option.specialty.vektis_code)},
                      {"referral_cost_cents", option.specialty.referral_cost_cents},
                      {"modes", std::move(modes)},
                      {"pools", std::move(pools)}};
}

}  // namespace meekijk::api
