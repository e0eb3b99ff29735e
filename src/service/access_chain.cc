// Sealing access-log rows into the chain.
#include "service/access_chain.h"

#include "auth/token.h"

namespace meekijk::service {
namespace {

void Put(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ':';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

void Put(std::string& out, std::string_view name, std::optional<int64_t> value) {
  Put(out, name, value ? std::to_string(*value) : std::string("-"));
}

}  // namespace

std::string CanonicalEncoding(const store::AccessLogEntry& e) {
  std::string out = "meekijk-access-log-v1\n";
  Put(out, "at", std::optional<int64_t>(ToUnixMillis(e.at)));
  Put(out, "user_id", e.user_id);
  Put(out, "username", e.username);
  Put(out, "role", e.role);
  Put(out, "organisation_id", e.organisation_id);
  Put(out, "on_behalf_of", e.on_behalf_of);
  Put(out, "action", e.action);
  Put(out, "consult_id", e.consult_id);
  Put(out, "patient_ref", e.patient_ref);
  Put(out, "detail", e.detail);
  Put(out, "client_address", e.client_address);
  Put(out, "request_id", e.request_id);
  Put(out, "outcome", e.outcome);
  // Added in schema 12: only rows made through an API client carry it, so that the rows written
  // before keep the hashes they were chained with.
  if (!e.api_client.empty()) Put(out, "api_client", e.api_client);
  Put(out, "prev_hash", e.prev_hash);
  return out;
}

std::string ChainHash(const store::AccessLogEntry& entry) {
  return auth::Sha256Hex(CanonicalEncoding(entry));
}

Result<int64_t> AppendToChain(store::Tx& tx, store::AccessLogEntry entry) {
  store::AccessLogRepository log = tx.access_log();
  MK_RETURN_IF_ERROR(log.LockChain(tx.dialect()));
  MK_ASSIGN_OR_RETURN(std::optional<store::ChainHead> head, log.Head());
  entry.prev_hash = head ? head->row_hash : "";
  entry.row_hash = ChainHash(entry);
  return log.Append(entry);
}

Result<void> AppendAllToChain(store::Tx& tx, std::vector<store::AccessLogEntry> entries) {
  if (entries.empty()) return Ok();
  store::AccessLogRepository log = tx.access_log();
  MK_RETURN_IF_ERROR(log.LockChain(tx.dialect()));
  MK_ASSIGN_OR_RETURN(std::optional<store::ChainHead> head, log.Head());
  std::string previous = head ? head->row_hash : "";
  for (store::AccessLogEntry& entry : entries) {  // one row at a time, so that ids follow the chain
    entry.prev_hash = std::move(previous);
    entry.row_hash = ChainHash(entry);
    previous = entry.row_hash;
    MK_RETURN_IF_ERROR(log.Append(entry));
  }
  return Ok();
}

}  // namespace meekijk::service
