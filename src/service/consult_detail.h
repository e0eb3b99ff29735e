// Filling a ConsultDetail around its consult: the thread, the attachments and the names of the
// practice, pool and specialist. Private to the service layer; the caller decides who may see it.
#pragma once

#include "core/result.h"
#include "service/consult_service.h"
#include "store/tx.h"

namespace meekijk::service {

// `detail.consult` is set; fills thread, attachments, practice_name, pool_name, specialist_name.
Result<void> LoadConsultParts(store::Tx& tx, ConsultDetail& detail);

}  // namespace meekijk::service
