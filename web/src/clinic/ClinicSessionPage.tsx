// /spreekuren/:id: one session — when, where, who, how full — with its time slots and their
// consults, its waiting list, for its specialist the way to the day list, and for the coordinators
// of either side (`may_change`) moving it and cancelling it (after a confirmation). A session the
// caller may not see is "not found", as the server answers it.
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { LoadFailure } from '../region/LoadFailure';
import { clinicKeys, useClinicSession, type ClinicSessionDetail } from './api';
import { CancelSessionButton } from './CancelSessionButton';
import { formatDay } from './clinicTime';
import { MoveSessionForm } from './MoveSessionForm';
import { SessionFacts } from './SessionFacts';
import { SlotTable } from './SlotTable';
import { WaitingList } from './WaitingList';

export default function ClinicSessionPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const session = useClinicSession(id);
  const data = session.data;
  usePageTitle(data ? t('clinic.session.titleOf', { day: formatDay(data.day, i18n.language) }) : t('clinic.session.title'));
  if (session.isPending) return <Loading />;
  if (session.isError) {
    return <LoadFailure error={session.error} notFoundTitle={t('clinic.session.notFound')} backTo="/spreekuren" backLabel={t('clinic.back')} />;
  }
  return <SessionView session={session.data} reload={() => void session.refetch()} />;
}

function SessionView({ session, reload }: { session: ClinicSessionDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const day = formatDay(session.day, i18n.language);

  const changed = (fresh: ClinicSessionDetail, message: string) => {
    queryClient.setQueryData(clinicKeys.one(fresh.id), fresh);
    void queryClient.invalidateQueries({ queryKey: clinicKeys.sessions });
    setNotice(message);
    // The form or dialog that was used may have gone: the focus goes to the page's heading.
    heading.current?.focus();
  };

  return (
    <div className="mk-region mk-clinic">
      <Heading1 ref={heading} tabIndex={-1}>{t('clinic.session.titleOf', { day })}</Heading1>
      <Paragraph><Link className="utrecht-link" to="/spreekuren">{t('clinic.back')}</Link></Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      <SessionFacts session={session} />
      {session.holds && session.status === 'planned' && (
        <Paragraph>
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`/spreekuren/${session.id}/daglijst`}>
            {t('clinic.dayList.open')}
          </Link>
        </Paragraph>
      )}
      <section aria-labelledby="clinic-slots">
        <Heading2 id="clinic-slots">{t('clinic.slot.title')}</Heading2>
        <SlotTable slots={session.slots} caption={t('clinic.slot.caption', { day })} />
      </section>
      <WaitingList entries={session.waiting_list} />
      {session.may_change && session.status === 'planned' && (
        <section aria-labelledby="clinic-change">
          <Heading2 id="clinic-change">{t('clinic.change.title')}</Heading2>
          <Paragraph>{t('clinic.change.intro')}</Paragraph>
          <MoveSessionForm key={session.version} session={session} onReload={reload}
            onMoved={(moved) => changed(moved, t('clinic.move.done', {
              day: formatDay(moved.day, i18n.language), start: moved.start_time, end: moved.end_time,
            }))} />
          <div className="mk-actions">
            <CancelSessionButton session={session} onCancelled={(cancelled) => changed(cancelled, t('clinic.cancel.done'))} />
          </div>
        </section>
      )}
    </div>
  );
}
