// Whom a coordinator acts for when setting up the region (pools, templates, agreements, imports):
// the organisations they coordinate and the practices under those; for a coordinator of a region
// office, every organisation of its region; for an administrator, everything. The role itself is
// checked by the use case before.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/directory.h"
#include "service/principal.h"

namespace meekijk::service {

class CoordinatorReach {
 public:
  // `organisations`: every organisation by id, to find the caller's regions.
  static CoordinatorReach Of(const Principal& principal,
                             const std::map<int64_t, domain::Organisation>& organisations);
  // The command line's reach: it is the installation's operator.
  static CoordinatorReach Everything();

  // Also for an organisation not stored yet, such as a practice an import is about to add.
  bool Covers(const domain::Organisation& organisation) const;
  bool Covers(int64_t organisation_id) const;  // a stored organisation
  // Whether the organisation is in one of the caller's regions (all of them for an administrator).
  bool InRegion(const domain::Organisation& organisation) const;
  bool everything() const { return all_; }
  const std::vector<int64_t>& coordinated() const { return coordinated_; }

 private:
  bool all_ = false;
  std::vector<int64_t> coordinated_;
  std::set<std::string> regions_;        // where the caller coordinates something
  std::set<std::string> whole_regions_;  // where the caller coordinates a region office
  std::set<int64_t> covered_;            // the stored organisations covered
};

}  // namespace meekijk::service
