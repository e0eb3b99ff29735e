// Loads an OpenAPI 3.0 document and checks JSON values against the schemas it gives.
#include "testing/openapi_validator.h"

#include "core/utf8.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cmath>
#include <fstream>
// OpenAPI's `pattern` is an ECMAScript regular expression, which std::regex implements. Its
// automaton draws a false -Wmaybe-uninitialized from g++ 12 when optimised with the sanitizers
// (GCC bug 105562); silenced for the <regex> header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace meekijk::testing {
namespace {

namespace json = boost::json;

// A $ref that leads to another $ref more often than this is taken to be a loop.
constexpr int kMaxRefChain = 32;
// The status the router answers for a method that a declared path does not have.
constexpr int kMethodNotAllowed = 405;
// Values quoted in a problem are cut to this many characters.
constexpr size_t kMaxQuotedChars = 60;

constexpr std::string_view kHttpMethods[] = {"get",     "put",  "post",  "delete",
                                             "options", "head", "patch", "trace"};

// The schema keywords this validator checks, and the annotations it may safely ignore.
constexpr std::string_view kSupportedKeywords[] = {
    "$ref",  "type",   "nullable",    "properties", "required",  "additionalProperties",
    "items", "enum",   "minimum",     "maximum",    "maxLength", "pattern",
    "allOf", "format", "description", "example",    "default",   "minItems",
    "maxItems"};

bool IsHttpMethod(std::string_view key) {
  return std::find(std::begin(kHttpMethods), std::end(kHttpMethods), key) != std::end(kHttpMethods);
}

bool IsSupportedKeyword(std::string_view key) {
  return std::find(std::begin(kSupportedKeywords), std::end(kSupportedKeywords), key) !=
         std::end(kSupportedKeywords);
}

std::string ToLower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string ToUpper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The value as JSON text, cut short for a readable message.
std::string Quote(const json::value& value) {
  std::string text = json::serialize(value);
  if (text.size() > kMaxQuotedChars) text = text.substr(0, kMaxQuotedChars) + "…";
  return text;
}

std::string KindOf(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "unknown";
}

double NumberOf(const json::value& value) {
  if (value.is_int64()) return static_cast<double>(value.as_int64());
  if (value.is_uint64()) return static_cast<double>(value.as_uint64());
  return value.as_double();
}

// Whether `value` is an instance of the JSON Schema type `type`.
bool HasType(const json::value& value, std::string_view type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_bool();
  if (type == "number") return value.is_number();
  if (type == "integer") {
    return value.is_int64() || value.is_uint64() ||
           (value.is_double() && std::trunc(value.as_double()) == value.as_double());
  }
  return false;
}

// ISO 8601 as RFC 3339 profiles it: 2026-03-02T09:15:00.000Z or with an offset.
bool LooksLikeDateTime(const std::string& text) {
  static const std::regex kDateTime(
      R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60))"
      R"((\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$)");
  return std::regex_match(text, kDateTime);
}

bool LooksLikeDate(const std::string& text) {
  static const std::regex kDate(R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$)");
  return std::regex_match(text, kDate);
}

// The member `key` of `node` when it is an object that has one; nullptr otherwise.
const json::value* Member(const json::value* node, std::string_view key) {
  if (node == nullptr || !node->is_object()) return nullptr;
  return node->as_object().if_contains(key);
}

// A node of the document after following its $ref chain, or why it could not be followed.
struct Resolved {
  const json::object* object = nullptr;
  std::string error;
};

Resolved Resolve(const json::value& document, const json::value& node) {
  const json::value* current = &node;
  for (int step = 0; step <= kMaxRefChain; ++step) {
    const json::object* object = current->if_object();
    if (object == nullptr) return {nullptr, "the document has " + Quote(*current) + " here"};
    const json::value* ref = object->if_contains("$ref");
    if (ref == nullptr) return {object, {}};
    const json::string* target = ref->if_string();
    if (target == nullptr || !target->starts_with("#/")) {
      return {nullptr, "unsupported $ref " + Quote(*ref) + " (only #/… within the document)"};
    }
    boost::system::error_code ec;
    current = document.find_pointer(std::string_view(*target).substr(1), ec);
    if (current == nullptr) return {nullptr, "unresolvable $ref " + Quote(*ref)};
  }
  return {nullptr, "a $ref chain longer than " + std::to_string(kMaxRefChain) + " (a loop?)"};
}

// The response the document gives for `status` of an operation, or why there is none.
struct DocumentedResponse {
  const json::value* response = nullptr;
  std::string problem;
};

// A method the document does not declare on a path it declares is answered 405 by the router:
// that response is #/components/responses/MethodNotAllowed, where the document gives one.
DocumentedResponse FindResponse(const json::value& document, const std::string& method,
                                const std::string& path_pattern, int status) {
  std::string operation_name = method + " " + path_pattern;
  const json::value* path_item = Member(Member(&document, "paths"), path_pattern);
  if (const json::value* operation = Member(path_item, ToLower(method))) {
    const json::value* response = Member(Member(operation, "responses"), std::to_string(status));
    if (response != nullptr) return {response, {}};
    return {nullptr, operation_name + ": status " + std::to_string(status) + " is not documented"};
  }
  const json::value* method_not_allowed =
      Member(Member(Member(&document, "components"), "responses"), "MethodNotAllowed");
  if (path_item != nullptr && status == kMethodNotAllowed && method_not_allowed != nullptr) {
    return {method_not_allowed, {}};
  }
  return {nullptr, operation_name + ": the document does not declare this operation"};
}

// Checks values against schemas of one document, collecting problems by JSON path.
class SchemaChecker {
 public:
  explicit SchemaChecker(const json::value& document) : document_(document) {}

  void Check(const json::value& schema, const json::value& value, const std::string& path) {
    Resolved resolved = Resolve(document_, schema);
    if (resolved.object == nullptr) return Problem(path, resolved.error);
    const json::object& rules = *resolved.object;
    if (!ReportUnsupportedKeywords(rules, path)) return;
    if (value.is_null() && IsNullable(rules)) return;
    if (const json::value* type = rules.if_contains("type")) {
      if (!CheckType(*type, value, path)) return;
    }
    if (const json::value* choices = rules.if_contains("enum")) CheckEnum(*choices, value, path);
    if (value.is_object()) CheckObject(rules, value.as_object(), path);
    if (value.is_array()) CheckArray(rules, value.as_array(), path);
    if (value.is_string()) CheckString(rules, std::string(value.as_string()), path);
    if (value.is_number()) CheckRange(rules, value, path);
    if (const json::value* all = rules.if_contains("allOf")) CheckAllOf(*all, value, path);
  }

  void Problem(const std::string& path, const std::string& what) {
    problems_.push_back(path + ": " + what);
  }

  std::vector<std::string> TakeProblems() { return std::move(problems_); }

 private:
  static bool IsNullable(const json::object& rules) {
    const json::value* nullable = rules.if_contains("nullable");
    return nullable != nullptr && nullable->is_bool() && nullable->as_bool();
  }

  // Returns false when the schema uses a keyword this validator would silently skip.
  bool ReportUnsupportedKeywords(const json::object& rules, const std::string& path) {
    bool supported = true;
    for (const auto& [key, ignored] : rules) {
      if (IsSupportedKeyword(key)) continue;
      Problem(path,
              "the schema uses \"" + std::string(key) + "\", which this validator cannot check");
      supported = false;
    }
    return supported;
  }

  // Returns whether the value has the type, so that checks of that type's keywords make sense.
  bool CheckType(const json::value& type, const json::value& value, const std::string& path) {
    if (!type.is_string()) {
      Problem(path, "the schema's type " + Quote(type) + " is not a single type name");
      return false;
    }
    if (HasType(value, type.as_string())) return true;
    if (value.is_null()) {
      Problem(path, "null is not allowed (expected " + std::string(type.as_string()) + ")");
    } else {
      Problem(path, "expected " + std::string(type.as_string()) + ", got " + KindOf(value) + " " +
                        Quote(value));
    }
    return false;
  }

  void CheckEnum(const json::value& choices, const json::value& value, const std::string& path) {
    if (!choices.is_array()) return Problem(path, "the schema's enum is not an array");
    const json::array& allowed = choices.as_array();
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string list;
    for (const json::value& choice : allowed) {
      if (!list.empty()) list += ", ";
      list += json::serialize(choice);
    }
    Problem(path, "expected one of [" + list + "], got " + Quote(value));
  }

  void CheckObject(const json::object& rules, const json::object& value, const std::string& path) {
    if (const json::value* required = rules.if_contains("required")) {
      CheckRequired(*required, value, path);
    }
    const json::value* properties = rules.if_contains("properties");
    const json::value* additional = rules.if_contains("additionalProperties");
    bool closed = additional != nullptr && additional->is_bool() && !additional->as_bool();
    for (const auto& [key, member] : value) {
      std::string member_path = path + "." + std::string(key);
      if (const json::value* schema = Member(properties, key)) {
        Check(*schema, member, member_path);
      } else if (closed) {
        Problem(member_path, "unexpected property (additionalProperties is false)");
      } else if (additional != nullptr && additional->is_object()) {
        Check(*additional, member, member_path);
      }
    }
  }

  void CheckRequired(const json::value& required, const json::object& value,
                     const std::string& path) {
    if (!required.is_array()) return Problem(path, "the schema's required is not an array");
    for (const json::value& name : required.as_array()) {
      if (!name.is_string() || !value.contains(name.as_string())) {
        Problem(path, "missing required property " + json::serialize(name));
      }
    }
  }

  void CheckArray(const json::object& rules, const json::array& value, const std::string& path) {
    double size = static_cast<double>(value.size());
    if (const json::value* min = rules.if_contains("minItems"); min && size < NumberOf(*min)) {
      Problem(path, "fewer items than minItems " + Quote(*min));
    }
    if (const json::value* max = rules.if_contains("maxItems"); max && size > NumberOf(*max)) {
      Problem(path, "more items than maxItems " + Quote(*max));
    }
    const json::value* items = rules.if_contains("items");
    if (items == nullptr) return;
    for (size_t i = 0; i < value.size(); ++i) {
      Check(*items, value[i], path + "[" + std::to_string(i) + "]");
    }
  }

  void CheckString(const json::object& rules, const std::string& value, const std::string& path) {
    if (const json::value* max = rules.if_contains("maxLength")) {
      if (static_cast<double>(utf8::CodePointCount(value)) > NumberOf(*max)) {
        Problem(path, "longer than maxLength " + Quote(*max));
      }
    }
    if (const json::value* pattern = rules.if_contains("pattern")) {
      CheckPattern(*pattern, value, path);
    }
    const json::value* format = rules.if_contains("format");
    if (format == nullptr || !format->is_string()) return;
    if (format->as_string() == "date-time" && !LooksLikeDateTime(value)) {
      Problem(path, "expected an ISO 8601 date-time, got " + Quote(json::value(value)));
    } else if (format->as_string() == "date" && !LooksLikeDate(value)) {
      Problem(path, "expected an ISO 8601 date (YYYY-MM-DD), got " + Quote(json::value(value)));
    }
  }

  void CheckPattern(const json::value& pattern, const std::string& value, const std::string& path) {
    try {
      std::regex expression(std::string(pattern.as_string()), std::regex::ECMAScript);
      if (!std::regex_search(value, expression)) {
        Problem(path,
                "does not match the pattern " + Quote(pattern) + ": " + Quote(json::value(value)));
      }
    } catch (const std::regex_error&) {
      Problem(path, "the schema's pattern " + Quote(pattern) + " is not a regular expression");
    }
  }

  void CheckRange(const json::object& rules, const json::value& value, const std::string& path) {
    double number = NumberOf(value);
    if (const json::value* min = rules.if_contains("minimum"); min && number < NumberOf(*min)) {
      Problem(path, Quote(value) + " is below the minimum " + Quote(*min));
    }
    if (const json::value* max = rules.if_contains("maximum"); max && number > NumberOf(*max)) {
      Problem(path, Quote(value) + " is above the maximum " + Quote(*max));
    }
  }

  void CheckAllOf(const json::value& all, const json::value& value, const std::string& path) {
    if (!all.is_array()) return Problem(path, "the schema's allOf is not an array");
    for (const json::value& schema : all.as_array()) Check(schema, value, path);
  }

  const json::value& document_;
  std::vector<std::string> problems_;
};

}  // namespace

OpenApiDocument OpenApiDocument::Load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open the OpenAPI document " + path);
  std::ostringstream text;
  text << file.rdbuf();
  std::string content = text.str();
  json::stream_parser parser;
  boost::system::error_code ec;
  size_t consumed = parser.write(content.data(), content.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    throw std::runtime_error("the OpenAPI document " + path + " is not valid JSON: " +
                             ec.message() + " (near byte " + std::to_string(consumed) + ")");
  }
  json::value document = parser.release();
  const json::object* root = document.if_object();
  if (root == nullptr || !root->contains("openapi") || !root->at("openapi").is_string()) {
    throw std::runtime_error("the OpenAPI document " + path + " has no \"openapi\" version");
  }
  if (!root->contains("paths") || !root->at("paths").is_object()) {
    throw std::runtime_error("the OpenAPI document " + path + " has no \"paths\" object");
  }
  return OpenApiDocument(std::move(document));
}

std::vector<std::pair<std::string, std::string>> OpenApiDocument::Operations() const {
  std::vector<std::pair<std::string, std::string>> operations;
  for (const auto& [pattern, item] : document_.at("paths").as_object()) {
    if (!item.is_object()) continue;
    for (const auto& [method, ignored] : item.as_object()) {
      if (IsHttpMethod(method)) operations.emplace_back(ToUpper(std::string(method)), pattern);
    }
  }
  return operations;
}

std::vector<std::string> OpenApiDocument::ValidateResponse(const std::string& method,
                                                           const std::string& path_pattern,
                                                           int status,
                                                           const json::value& body) const {
  DocumentedResponse documented = FindResponse(document_, method, path_pattern, status);
  if (documented.response == nullptr) return {documented.problem};
  SchemaChecker checker(document_);
  Resolved response = Resolve(document_, *documented.response);
  if (response.object == nullptr) {
    checker.Problem("$", response.error);
    return checker.TakeProblems();
  }
  const json::value* media = Member(response.object->if_contains("content"), "application/json");
  const json::value* schema = Member(media, "schema");
  std::string where = "status " + std::to_string(status) + " of " + method + " " + path_pattern;
  if (media == nullptr && !body.is_null()) {
    checker.Problem("$", "the document gives no application/json body for " + where);
  } else if (media != nullptr && schema == nullptr) {
    checker.Problem("$", "the document gives no schema for " + where);
  } else if (schema != nullptr) {
    checker.Check(*schema, body, "$");
  }
  return checker.TakeProblems();
}

}  // namespace meekijk::testing
