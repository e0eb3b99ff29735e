// Schema version 12: systems that call the FHIR API. An API client belongs to one organisation and
// acts for one of its members, with the scopes an administrator granted; it proves who it is with a
// JWT signed by its own key (private_key_jwt), of which only the public half is kept here. The ids
// of the signed tokens already used (client assertions, launch links) are kept until they expire,
// so that none works twice on any node. The access log names the client a call came through.
// A practice's HIS signs the links that open meekijk with a patient filled in (launch links) with
// a key of its own, whose public half a coordinator registers for the practice. A consult advised
// "refer" becomes a referral under its own number: the letter the GP sent is kept with it.
#pragma once

#include <string_view>

namespace meekijk::store {

inline constexpr std::string_view kSchemaV12 = R"sql(
CREATE TABLE api_clients (
  id {{id}},
  client_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  scopes TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX api_clients_organisation ON api_clients(organisation_id);
CREATE TABLE launch_keys (
  id {{id}},
  key_id TEXT NOT NULL UNIQUE,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX launch_keys_organisation ON launch_keys(organisation_id);
CREATE TABLE used_token_ids (
  token_id TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX used_token_ids_expiry ON used_token_ids(expires_at);
ALTER TABLE access_log ADD COLUMN api_client TEXT NOT NULL DEFAULT '';
CREATE TABLE referrals (
  consult_id BIGINT PRIMARY KEY REFERENCES consults(id),
  letter TEXT NOT NULL,
  sent_by BIGINT NOT NULL REFERENCES users(id),
  sent_at BIGINT NOT NULL
);
)sql";

}  // namespace meekijk::store
