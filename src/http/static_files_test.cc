#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace meekijk::http {
namespace {

namespace fs = std::filesystem;

Response Get(const std::string& root, const std::string& path) {
  Request request;
  request.method = "GET";
  request.path = path;
  return StaticFiles(root).Serve(request);
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("meekijk-static-" + std::to_string(getpid()));
    fs::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(root_ / "assets" / "app-123.js") << "console.log(1)";
    std::ofstream(root_.parent_path() / "secret.txt") << "secret";
    fs::create_directories(root_.string() + "-old");
    std::ofstream(root_.string() + "-old/secret.txt") << "secret";
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove_all(root_.string() + "-old");
  }

  Response Get(const std::string& path) { return http::Get(root_.string(), path); }

  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  Response script = Get("/assets/app-123.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script.headers.at(0).second, "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, AppRoutesGetIndexHtmlWithItsPolicy) {
  Response page = Get("/consults/42");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<title>app</title>"), std::string::npos);
  EXPECT_EQ(page.headers.at(1).first, "Content-Security-Policy");
}

TEST_F(StaticFilesTest, NeverLeavesTheDirectory) {
  EXPECT_EQ(Get("/../secret.txt").status, 404);
  EXPECT_EQ(Get("/assets/../../secret.txt").status, 404);
  EXPECT_EQ(Get("/missing.js").status, 404);
  // A sibling directory whose name starts like the root's is outside it too.
  std::string sibling = "/../" + root_.filename().string() + "-old/secret.txt";
  EXPECT_EQ(Get(sibling).status, 404);
}

TEST(StaticFilesMissingTest, ExplainsAMissingBuild) {
  Response page = Get("/nonexistent/dist", "/");
  EXPECT_EQ(page.status, 503);
  EXPECT_NE(page.body.find("De webapp is nog niet gebouwd"), std::string::npos);
}

}  // namespace
}  // namespace meekijk::http
