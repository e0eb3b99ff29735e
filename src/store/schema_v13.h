// Schema version 13: a system that called the FHIR API asks to be told of a change (a FHIR
// Subscription with a REST hook): which consults (its criteria), where (its endpoint, https), and
// whether it wants the resource itself. Each notification is a row of the outbox, made in the
// change's own transaction and delivered with the outbox's leases, retries and dead letters, like
// a mail; the row names the subscription instead of a mail address.
#pragma once

#include <string_view>

namespace meekijk::store {

inline constexpr std::string_view kSchemaV13 = R"sql(
CREATE TABLE subscriptions (
  id {{id}},
  api_client_id BIGINT NOT NULL REFERENCES api_clients(id),
  criteria TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  payload TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE INDEX subscriptions_client ON subscriptions(api_client_id);
ALTER TABLE outbox ADD COLUMN subscription_id BIGINT REFERENCES subscriptions(id)
)sql";

}  // namespace meekijk::store
