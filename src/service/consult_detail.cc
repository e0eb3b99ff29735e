// The parts of a consult's detail.
#include "service/consult_detail.h"

#include "service/clinic_views.h"
#include "store/agreements.h"
#include "store/attachments.h"
#include "store/consults.h"
#include "store/directory.h"
#include "store/templates.h"

namespace meekijk::service {

Result<void> LoadConsultParts(store::Tx& tx, ConsultDetail& detail) {
  const domain::Consult& consult = detail.consult;
  MK_ASSIGN_OR_RETURN(detail.thread, tx.consults().Thread(consult.id));
  MK_ASSIGN_OR_RETURN(detail.attachments, tx.attachments().OfConsult(consult.id));
  MK_ASSIGN_OR_RETURN(auto practice, tx.directory().FindOrganisation(consult.practice_id));
  if (practice) detail.practice_name = practice->name;
  if (consult.pool_id) {
    MK_ASSIGN_OR_RETURN(auto pool, tx.agreements().FindPool(*consult.pool_id));
    if (pool) detail.pool_name = pool->name;
  }
  if (consult.template_ref) {
    MK_ASSIGN_OR_RETURN(detail.question_template,
                        tx.templates().FindVersion(consult.template_ref->id,
                                                   consult.template_ref->version));
  }
  MK_ASSIGN_OR_RETURN(detail.booking, BookingOf(tx, consult.id));
  if (consult.specialist_id) {
    MK_ASSIGN_OR_RETURN(auto specialist, tx.directory().FindUser(*consult.specialist_id));
    if (specialist) detail.specialist_name = specialist->display_name;
  }
  return Ok();
}

}  // namespace meekijk::service
