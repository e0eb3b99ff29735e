// API client scopes: what they grant, and what is refused.
#include "domain/api_scope.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

using Scopes = std::vector<std::string>;

TEST(ApiScopeTest, ScopesAreReadInTheV2FormAndV1IsWrittenAsV2) {
  EXPECT_EQ(*ParseScopes("system/Task.rs  system/Patient.read system/Communication.write"),
            (Scopes{"system/Task.rs", "system/Patient.rs", "system/Communication.cud"}));
  EXPECT_EQ(*ParseScopes("system/*.cruds system/*.cruds"), Scopes{"system/*.cruds"});
}

TEST(ApiScopeTest, AnUnknownResourceOrPermissionIsRefusedByName) {
  for (const char* bad : {"system/Task.sr", "system/Task.x", "user/Task.rs", "system/Car.rs",
                          "system/Task", "", "   "}) {
    Result<Scopes> parsed = ParseScopes(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().field, "scopes");
  }
  EXPECT_NE(ParseScopes("system/Task.rs user/x.y").error().message.nl.find("user/x.y"),
            std::string::npos);
}

TEST(ApiScopeTest, AScopeAllowsOnlyItsResourceAndPermissions) {
  Scopes scopes{"system/Task.rus", "system/Patient.r"};
  EXPECT_TRUE(ScopesAllow(scopes, "Task", 'u'));
  EXPECT_TRUE(ScopesAllow(scopes, "Patient", 'r'));
  EXPECT_FALSE(ScopesAllow(scopes, "Patient", 's'));
  EXPECT_FALSE(ScopesAllow(scopes, "Task", 'c'));
  EXPECT_FALSE(ScopesAllow(scopes, "Communication", 'r'));
  EXPECT_TRUE(ScopesAllow({"system/*.rs"}, "Communication", 's'));
  EXPECT_FALSE(ScopesAllow({}, "Task", 'r'));
}

TEST(ApiScopeTest, ATokenGetsWhatItAsksForWithinWhatWasGranted) {
  Scopes granted{"system/Task.rus", "system/*.r"};
  EXPECT_EQ(*NarrowScopes(granted, ""), granted);
  EXPECT_EQ(*NarrowScopes(granted, "system/Task.r system/Patient.r"),
            (Scopes{"system/Task.r", "system/Patient.r"}));
  Result<Scopes> wider = NarrowScopes(granted, "system/Task.c");
  EXPECT_EQ(wider.error().reason, "invalid_scope");
  EXPECT_EQ(JoinScopes(granted), "system/Task.rus system/*.r");
}

}  // namespace
}  // namespace meekijk::domain
