// A fee statement as a PDF for the administration (libharu: one A4 page or more, the standard
// Helvetica font, so that no font file is needed).
#pragma once

#include <string>

#include "service/fee_service.h"

namespace meekijk::api {

// The PDF's bytes; kInternal when libharu fails.
Result<std::string> StatementPdf(const service::FeeStatement& statement);

}  // namespace meekijk::api
