// REST API v1: registers every route of the contract (docs/openapi.json) on a router. Handlers
// are thin: parse the request, authenticate, call one use case, write the response.
#pragma once

#include "http/router.h"
#include "service/account_service.h"
#include "service/api_client_service.h"
#include "service/attachment_service.h"
#include "service/audit_service.h"
#include "service/clinic_service.h"
#include "service/consult_service.h"
#include "service/fee_service.h"
#include "service/directory_service.h"
#include "service/fhir_access.h"
#include "service/import_service.h"
#include "service/launch_service.h"
#include "service/login_service.h"
#include "service/notification_service.h"
#include "service/outbox_service.h"
#include "service/region_service.h"
#include "service/report_service.h"
#include "service/subscription_service.h"
#include "service/survey_service.h"

namespace meekijk::api {

struct Services {
  service::LoginService& logins;
  service::DirectoryService& directory;
  service::ConsultService& consults;
  service::AttachmentService& attachments;
  service::AuditService& audit;
  service::AccountService& accounts;
  service::RegionService& region;
  service::ImportService& imports;
  service::NotificationService& notifications;
  service::OutboxService& outbox;
  service::ClinicService& clinic;
  service::ReportService& reports;
  service::FeeService& fees;
  service::SurveyService& surveys;
  service::ApiClientService& api_clients;
  service::FhirAccess& fhir;
  service::LaunchService& launches;
  service::SubscriptionService& subscriptions;
  // serve --public-url ("https://meekijk.example"), or empty: the absolute URLs the API hands out
  // then use the request's own origin (api/public_origin.h).
  std::string public_url;
};

void AddSessionRoutes(http::Router& router, Services& services);
void AddConsultRoutes(http::Router& router, Services& services);
void AddAttachmentRoutes(http::Router& router, Services& services);
// /healthz and /metrics; `healthy` checks the database. /metrics answers only a request with
// `Authorization: Bearer <metrics_token>`; with no token configured it is off (404), since the
// routes, error rates and timings it shows are no one else's business.
void AddSystemRoutes(http::Router& router, std::function<bool()> healthy,
                     std::string metrics_token);

// The access log for privacy officers: GET /api/v1/access-log[/export], and the AVG request of
// access: POST /api/v1/subject-access.
void AddAuditRoutes(http::Router& router, Services& services);

// Users managed by coordinators and administrators, and password reset links: /api/v1/users…,
// /api/v1/password-reset.
void AddAccountRoutes(http::Router& router, Services& services);

// The region's infrastructure for coordinators: /api/v1/organisations, /api/v1/pools…,
// /api/v1/templates…, /api/v1/agreements….
void AddRegionRoutes(http::Router& router, Services& services);

// CSV imports of organisations and practitioners: /api/v1/imports/….
void AddImportRoutes(http::Router& router, Services& services);

// The user's own second factor and logins: /api/v1/me/otp…, /api/v1/me/sessions….
void AddSecurityRoutes(http::Router& router, Services& services);

// Telling people: notifications, their settings, rosters, absences and the outbox:
// /api/v1/notifications…, /api/v1/me/notification-settings, /api/v1/pools/{id}/roster,
// /api/v1/absences…, /api/v1/outbox….
void AddNotificationRoutes(http::Router& router, Services& services);

// The physical meekijkconsult: /api/v1/clinic-sessions…, /api/v1/clinic-slots/{id}/attendance,
// /api/v1/consults/{id}/booking…, /api/v1/me/calendar-feed and /api/v1/calendar/{token}.
void AddClinicRoutes(http::Router& router, Services& services);

// Results and money: /api/v1/reports/triple-aim, /api/v1/specialties/{code} (referral cost).
void AddReportRoutes(http::Router& router, Services& services);

// Fee statements and the insurer's export: /api/v1/fee-statements…, /api/v1/insurer-exports/….
void AddFeeRoutes(http::Router& router, Services& services);

// The patient leaflet and survey: /api/v1/consults/{id}/leaflet, /api/v1/surveys/{code}.
void AddSurveyRoutes(http::Router& router, Services& services);

// The systems that call the FHIR API, for administrators: /api/v1/api-clients….
void AddApiClientRoutes(http::Router& router, Services& services);

// Launch from the HIS: POST /api/v1/launch and the practices' keys, /api/v1/launch-keys….
void AddLaunchRoutes(http::Router& router, Services& services);

inline void AddApiRoutes(http::Router& router, Services& services) {
  AddSessionRoutes(router, services);
  AddSecurityRoutes(router, services);
  AddAuditRoutes(router, services);
  AddAccountRoutes(router, services);
  AddRegionRoutes(router, services);
  AddImportRoutes(router, services);
  AddNotificationRoutes(router, services);
  AddClinicRoutes(router, services);
  AddReportRoutes(router, services);
  AddFeeRoutes(router, services);
  AddSurveyRoutes(router, services);
  AddApiClientRoutes(router, services);
  AddLaunchRoutes(router, services);
  AddConsultRoutes(router, services);
  AddAttachmentRoutes(router, services);
}

}  // namespace meekijk::api
