// The parts of a consult's detail.
#include "service/consult_detail.h"

#include "service/clinic_views.h"
#include "store/agreements.h"
#include "store/attachments.h"
#include "store/consults.h"
#include "store/directory.h"
#include "store/referrals.h"
#include "store/templates.h"

namespace meekijk::service {

Result<void> LoadConsultParts(store::Tx& tx, ConsultDetail& detail) {
  const domain::Consult& consult = detail.consult;
  MK_ASSIGN_OR_RETURN(detail.thread, tx.consults().Thread(consult.id));
  MK_ASSIGN_OR_RETURN(detail.attachments, tx.attachments().OfConsult(consult.id));
  MK_ASSIGN_OR_RETURN(auto practice, tx.directory().FindOrganisation(consult.practice_id));
  if (practice) detail.practice_name = practice->name;
  detail.practice = practice;
  if (consult.pool_id) {
    MK_ASSIGN_OR_RETURN(auto pool, tx.agreements().FindPool(*consult.pool_id));
    if (pool) detail.pool_name = pool->name;
    if (pool) {
      MK_ASSIGN_OR_RETURN(detail.pool_organisation,
                          tx.directory().FindOrganisation(pool->organisation_id));
    }
  }
  // Only names and AGB codes leave the service: the hash and the e-mail address stay here.
  auto person = [&](int64_t id) -> Result<std::optional<domain::User>> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(id));
    if (user) {
      user->password_hash.clear();
      user->email.clear();
    }
    return user;
  };
  if (consult.sender_id) {
    MK_ASSIGN_OR_RETURN(detail.sender, person(*consult.sender_id));
  }
  if (consult.template_ref) {
    MK_ASSIGN_OR_RETURN(detail.question_template,
                        tx.templates().FindVersion(consult.template_ref->id,
                                                   consult.template_ref->version));
  }
  MK_ASSIGN_OR_RETURN(detail.booking, BookingOf(tx, consult.id));
  MK_ASSIGN_OR_RETURN(std::optional<store::ReferralRecord> referral,
                      tx.referrals().Find(consult.id));
  if (referral) {
    MK_ASSIGN_OR_RETURN(auto by, tx.directory().FindUser(referral->sent_by));
    detail.referral = Referral{referral->letter, referral->sent_at, by ? by->display_name : ""};
  }
  if (consult.specialist_id) {
    MK_ASSIGN_OR_RETURN(detail.specialist, person(*consult.specialist_id));
    if (detail.specialist) detail.specialist_name = detail.specialist->display_name;
  }
  return Ok();
}

}  // namespace meekijk::service
