// /consults/:id: one consult, whole — details, attachments, thread, advice, outcome — with the
// actions its viewer may take now and, for a physical one, its booking on the meekijkspreekuur;
// for the practice, the patient leaflet, after the advice "refer" the referral letter to send and,
// once closed, the correction of the outcome and the copy for the record; for everyone who sees
// it, the letter it was referred with. Opening it marks it read, here and on the server, where its
// notifications count as read from then on: the unread count is asked again at once.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { ConsultStatusBadge } from '../components/ConsultStatusBadge';
import { Loading } from '../components/Loading';
import { markSeen } from '../lib/unread';
import { usePageTitle } from '../lib/usePageTitle';
import { notificationKeys } from '../notifications/api';
import { useMe } from '../session/session';
import { LeafletButton } from '../leaflet/LeafletButton';
import { ActionsPanel } from './actions/ActionsPanel';
import { BookingPanel } from './actions/BookingPanel';
import { OutcomeCorrection } from './actions/OutcomeCorrection';
import { RecordCopyPanel } from './actions/RecordCopyPanel';
import { ReferralPanel } from './actions/ReferralPanel';
import { useConsult } from './api';
import { AdviceAndOutcome } from './view/AdviceAndOutcome';
import { AttachmentList } from './view/AttachmentList';
import { ConsultDetails } from './view/ConsultDetails';
import { ReferralLetter } from './view/ReferralLetter';
import { Thread } from './view/Thread';

export default function ConsultPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const id = Number(useParams().id);
  const consult = useConsult(id);
  const data = consult.data;
  usePageTitle(data ? t('view.title', { number: data.number }) : t('view.loadingTitle'));
  useEffect(() => {
    if (data && user) markSeen(localStorage, user.id, data);
  }, [data, user]);
  const queryClient = useQueryClient();
  const loaded = consult.isSuccess;
  // Sending the referral replaces its form by the sent letter, which then takes the focus.
  const [referralSent, setReferralSent] = useState(false);
  useEffect(() => {
    if (loaded) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  }, [loaded, id, queryClient]);

  if (consult.isPending) return <Loading />;
  if (consult.isError) {
    return (
      <>
        <Heading1>{t('view.unavailable')}</Heading1>
        <ActionError message={consult.error.message} />
        <Paragraph><Link className="utrecht-link" to="/">{t('notFound.home')}</Link></Paragraph>
      </>
    );
  }
  const c = consult.data;
  return (
    <article className="mk-consult" aria-labelledby="consult-title">
      <div className="mk-title-row">
        <Heading1 id="consult-title">{t('view.title', { number: c.number })}</Heading1>
        <ConsultStatusBadge status={c.status} />
      </div>
      <div className="mk-consult__columns">
        <div className="mk-consult__main">
          <ConsultDetails consult={c} />
          <AttachmentList attachments={c.attachments} />
          <AdviceAndOutcome consult={c} />
          <ReferralPanel consult={c} onSent={() => setReferralSent(true)} />
          <ReferralLetter consult={c} takeFocus={referralSent} />
          <Thread consult={c} />
        </div>
        <div className="mk-consult__side">
          <ActionsPanel consult={c} />
          <OutcomeCorrection consult={c} />
          <RecordCopyPanel consult={c} />
          <BookingPanel consult={c} />
          <LeafletButton consult={c} />
        </div>
      </div>
    </article>
  );
}
