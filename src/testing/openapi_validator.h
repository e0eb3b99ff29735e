// Reads the project's OpenAPI document (docs/openapi.json) and checks JSON response bodies
// against the schemas it gives, so that tests catch any drift between the server and its contract.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

namespace meekijk::testing {

// An OpenAPI 3.0 document, for tests. It understands the subset of JSON Schema the project's
// document uses: `$ref` into the document itself, `type`, `nullable`, `properties`, `required`,
// `additionalProperties` (false or a schema), `items`, `enum`, `minimum`, `maximum`, `maxLength`,
// `pattern`, `allOf`, and the formats `date-time` and `date`. A schema keyword outside that subset
// is reported as a problem, so that the document cannot silently outgrow its checker.
// Immutable once loaded: one instance may be shared by tests on several threads.
class OpenApiDocument {
 public:
  // Parses the document; throws std::runtime_error with a clear message when it cannot be read,
  // is not JSON, or lacks an `openapi` version or a `paths` object.
  static OpenApiDocument Load(const std::string& path);

  // Every (METHOD, path pattern) pair the document declares, e.g.
  // {"POST", "/api/v1/consults/{id}/send"}, in the document's order.
  std::vector<std::pair<std::string, std::string>> Operations() const;

  // Validates a response body (already parsed JSON) against the schema the document gives for
  // this operation and status code with content type application/json. Returns the problems, each
  // naming the JSON path ("$.items[0].status: expected one of [...]"); empty means valid. A
  // status or operation the document does not declare is a problem too, except the router's 405
  // for a method a declared path lacks, checked against #/components/responses/MethodNotAllowed
  // when the document gives it. A documented response without a JSON body (a 204) accepts only a
  // null body, which is what an empty body parses to.
  std::vector<std::string> ValidateResponse(const std::string& method,
                                            const std::string& path_pattern, int status,
                                            const boost::json::value& body) const;

 private:
  explicit OpenApiDocument(boost::json::value document) : document_(std::move(document)) {}

  boost::json::value document_;
};

}  // namespace meekijk::testing
