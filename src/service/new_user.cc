// The checks and rows of a new person.
#include "service/new_user.h"

#include "core/utf8.h"
#include "domain/identifiers.h"
#include "store/directory.h"

namespace meekijk::service {

Result<int64_t> InsertNewUser(store::Tx& tx, const NewUser& user, const std::string& password_hash,
                              TimePoint now) {
  if (utf8::IsBlank(user.username) || utf8::IsBlank(user.display_name)) {
    return MakeError(ErrorCode::kInvalidArgument, "Vul een gebruikersnaam en een naam in.",
                     "Enter a username and a name.", "username");
  }
  if (user.agb) MK_RETURN_IF_ERROR(domain::ValidateAgb(*user.agb));
  MK_ASSIGN_OR_RETURN(auto existing, tx.directory().FindUserByUsername(user.username));
  if (existing) {
    return MakeError(ErrorCode::kConflict, "Deze gebruikersnaam is al in gebruik.",
                     "This username is already taken.", "username");
  }
  domain::User record{0,   user.username, user.display_name, user.email, user.agb, password_hash,
                      true};
  MK_ASSIGN_OR_RETURN(int64_t id, tx.directory().InsertUser(record, now));
  for (const auto& [organisation_id, role] : user.memberships) {
    MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(organisation_id));
    if (!organisation) {
      return MakeError(ErrorCode::kInvalidArgument, "Deze organisatie bestaat niet.",
                       "This organisation does not exist.", "organisation");
    }
    if (!domain::RoleFitsOrganisation(role, organisation->kind)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "De rol " + std::string(domain::Name(role)) + " past niet bij " +
                           organisation->name + ".",
                       "The role " + std::string(domain::Name(role)) + " does not fit " +
                           organisation->name + ".",
                       "role");
    }
    MK_RETURN_IF_ERROR(tx.directory().AddMembership(id, organisation_id, role));
  }
  return id;
}

}  // namespace meekijk::service
