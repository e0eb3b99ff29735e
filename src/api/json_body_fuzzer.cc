// libFuzzer target: any bytes as the JSON body of a new consult, read as the API reads it (parse,
// the catalogue's required answers, every typed field). Nothing may crash, hang or leak, and every
// refusal must name a field or say the body is no JSON object.
#include <cstdint>
#include <cstdlib>

#include "api/consult_request.h"
#include "api/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  meekijk::Result<boost::json::object> object = meekijk::api::ParseObject(body);
  if (!object.ok()) {
    if (object.error().code != meekijk::ErrorCode::kMalformed) std::abort();
    return 0;
  }
  meekijk::Result<void> answered = meekijk::api::CheckRequiredAnswers("consult", *object);
  if (!answered.ok() && answered.error().field.empty()) std::abort();
  meekijk::Result<meekijk::service::NewConsult> consult = meekijk::api::NewConsultFromJson(*object);
  if (!consult.ok() && consult.error().field.empty()) std::abort();
  return 0;
}
