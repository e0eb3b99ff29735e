// Re-sealing in batches.
#include "service/identity_maintenance.h"

#include "core/log.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/second_factors.h"
#include "store/tx.h"

namespace meekijk::service {

Result<int64_t> ResealIdentities(store::Database& database,
                                 const std::function<void(int64_t)>& progress) {
  constexpr int kBatch = 500;
  int64_t after = 0, resealed = 0, seen = 0;
  for (;;) {
    MK_ASSIGN_OR_RETURN(store::ConsultRepository::ResealProgress batch,
                        store::Transact<store::ConsultRepository::ResealProgress>(
                            database, store::Access::kWrite,
                            [&](store::Tx& tx) { return tx.consults().Reseal(after, kBatch); }));
    if (batch.last_id == 0) break;
    after = batch.last_id;
    resealed += batch.resealed;
    seen += kBatch;
    if (progress) progress(seen);
  }
  MK_ASSIGN_OR_RETURN(int64_t secrets,
                      store::Transact<int64_t>(database, store::Access::kWrite, [](store::Tx& tx) {
                        return tx.second_factors().ResealSecrets();
                      }));
  log::Info("identities_resealed", {{"consults", resealed}, {"second_factors", secrets}});
  return resealed;
}

}  // namespace meekijk::service
