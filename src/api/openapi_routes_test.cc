// The OpenAPI document and the server agree: every documented route exists, every route is
// documented.
#include <gtest/gtest.h>

#include <set>

#include "api/api_test_fixture.h"
#include "testing/openapi_validator.h"
#include "testing/test_database.h"

namespace meekijk::api {
namespace {

TEST(OpenApiRoutesTest, DocumentAndRouterDeclareTheSameOperations) {
  testing::TestDatabase place(testing::Engine::kSqlite);
  std::set<std::pair<std::string, std::string>> documented;
  std::vector<std::pair<std::string, std::string>> operations = ServedOperations(place);
  std::set<std::pair<std::string, std::string>> served(operations.begin(), operations.end());
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
