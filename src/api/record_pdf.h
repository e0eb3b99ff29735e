// The consult's copy for the patient's record as a PDF (libharu): question, answers, thread,
// advice, outcome, who and when — what a practice files in its HIS when the consult closes.
#pragma once

#include <string>

#include "service/consult_service.h"

namespace meekijk::api {

// The PDF's bytes; kInternal when libharu fails. `made_at` is printed as the moment of the copy.
Result<std::string> RecordPdf(const service::ConsultDetail& detail, TimePoint made_at);

}  // namespace meekijk::api
