// The words for errors that come from below the use cases: the store states what happened as a
// reason code ("stale_version"), and this catalogue says it to people, in Dutch and English.
// Errors the service and domain word themselves keep their own sentences.
#pragma once

#include "core/result.h"

namespace meekijk::api {

// The error's own message when it has one; else the catalogue's sentence for its reason; else a
// plain sentence for its code.
Text ErrorText(const Error& error);

}  // namespace meekijk::api
