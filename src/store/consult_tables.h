// The consult and message tables' column lists, defined once in consults.cc, for the store's
// other writers of those tables (the bulk path, bulk_consults.cc).
#pragma once

#include "domain/consult.h"
#include "store/columns.h"

namespace meekijk::store {

const Table<domain::Consult>& ConsultTable();
const Table<domain::ThreadMessage>& MessageTable();

}  // namespace meekijk::store
