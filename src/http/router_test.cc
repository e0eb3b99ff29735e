#include "http/router.h"

#include <gtest/gtest.h>

namespace meekijk::http {
namespace {

Response Echo(Request& request) {
  Response response;
  response.body = request.route + "|" + (request.params.count("id") ? request.params["id"] : "");
  return response;
}

Request Make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

TEST(RouterTest, MatchesPatternsWithParameters) {
  Router router;
  router.Add("GET", "/api/v1/consults/{id}", Echo);
  router.Add("POST", "/api/v1/consults/{id}/send", Echo);
  Request get = Make("GET", "/api/v1/consults/42");
  EXPECT_EQ(router.Dispatch(get).body, "/api/v1/consults/{id}|42");
  Request send = Make("POST", "/api/v1/consults/7/send");
  EXPECT_EQ(router.Dispatch(send).body, "/api/v1/consults/{id}/send|7");
}

TEST(RouterTest, AnswersUnknownPathsAndWrongMethods) {
  Router router;
  router.Add("GET", "/healthz", Echo);
  Request wrong_method = Make("DELETE", "/healthz");
  EXPECT_EQ(router.Dispatch(wrong_method).status, 405);
  Request unknown = Make("GET", "/nope");
  Response response = router.Dispatch(unknown);
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("\"code\":\"not_found\""), std::string::npos);
}

TEST(MessageTest, ParsesAndDecodesQueries) {
  auto query = ParseQuery("box=pool&text=moeder%20vlek&x=a+b&e=%C3%A9");
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->find("text")->second, "moeder vlek");
  EXPECT_EQ(query->find("x")->second, "a b");
  EXPECT_EQ(query->find("e")->second, "é");
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%41", false), "A");
}

TEST(MessageTest, AQueryWithAMalformedEscapeOrBytesThatAreNotUtf8FailsWhole) {
  EXPECT_EQ(ParseQuery("box=%zz"), std::nullopt);  // not "no box", which would list the outbox
  EXPECT_EQ(ParseQuery("q=%ff%fe"), std::nullopt);
  EXPECT_EQ(ParseQuery("q=%c3"), std::nullopt);
  EXPECT_EQ(ParseQuery("box=pool&specialty=%ff"), std::nullopt);
}

TEST(MessageTest, AnUndecodableTargetIsA400InJsonAndNeverReachesAHandler) {
  for (const char* target : {"/api/v1/consults/%zz", "/api/v1/me%", "/api/v1/consults/1%ZZ/send",
                             "/api/v1/consults?q=%ff%fe", "/api/v1/consults?status=%ff",
                             "/%c3%28"}) {
    Request request;
    request.target = target;
    std::optional<Response> refused = DecodeTarget(request);
    ASSERT_TRUE(refused.has_value()) << target;
    EXPECT_EQ(refused->status, 400) << target;
    EXPECT_EQ(refused->content_type, "application/json");
  }
  Request fine;
  fine.target = "/api/v1/consults/7?box=pool&q=eczeem";
  EXPECT_EQ(DecodeTarget(fine), std::nullopt);
  EXPECT_EQ(fine.path, "/api/v1/consults/7");
  EXPECT_EQ(fine.Query("box"), "pool");
}

}  // namespace
}  // namespace meekijk::http
