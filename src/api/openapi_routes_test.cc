// The OpenAPI document and the server agree: every documented route exists, every route is
// documented.
#include <gtest/gtest.h>

#include <set>

#include "api/api.h"
#include "service/access_log.h"
#include "testing/openapi_validator.h"
#include "testing/test_database.h"

namespace meekijk::api {
namespace {

TEST(OpenApiRoutesTest, DocumentAndRouterDeclareTheSameOperations) {
  testing::TestDatabase place(testing::Engine::kSqlite);
  std::unique_ptr<store::Database> db = place.Open();
  SystemClock clock;
  service::AccessLog access_log(*db, clock);
  service::LoginService logins(*db, clock);
  service::DirectoryService directory(*db, clock);
  service::ConsultService consults(*db, clock, access_log);
  service::AttachmentService attachments(*db, clock, access_log);
  service::AuditService audit(*db, clock);
  Services services{logins, directory, consults, attachments, audit};
  http::Router router;
  AddApiRoutes(router, services);
  AddSystemRoutes(router, [] { return true; }, "");

  std::set<std::pair<std::string, std::string>> served, documented;
  for (const http::Router::RouteInfo& route : router.Routes()) served.insert({route.method, route.pattern});
  testing::OpenApiDocument document =
      testing::OpenApiDocument::Load(std::string(MEEKIJK_SOURCE_DIR) + "/docs/openapi.json");
  for (const auto& operation : document.Operations()) documented.insert(operation);
  for (const auto& [method, path] : served) {
    EXPECT_TRUE(documented.count({method, path})) << "not documented: " << method << " " << path;
  }
  for (const auto& [method, path] : documented) {
    EXPECT_TRUE(served.count({method, path})) << "documented but not served: " << method << " " << path;
  }
}

}  // namespace
}  // namespace meekijk::api
