// /afwezigheid: recording one's absence (a coordinator or administrator also that of the people
// they manage), the absences not yet over (removable after a confirmation, when the server says the
// caller may), and the week rosters of the pools the caller answers for, which show who is away.
// Rosters are set by the pool's coordinators on /pools; members read them here.
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { rosterKeys } from '../rosters/api';
import { RosterPanel } from '../rosters/RosterPanel';
import { hasRole, useMe, type User } from '../session/session';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';
import { kAbsencesKey } from './api';

export default function AbsencesPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('absences.title'));
  if (!user) return <Loading />;
  return <Absences user={user} />;
}

function Absences({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const coordinates = hasRole(user, 'coordinator') || hasRole(user, 'admin');
  // An absence changes who is away in the rosters shown below.
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: kAbsencesKey }),
    queryClient.invalidateQueries({ queryKey: rosterKeys.all }),
  ]);
  return (
    <div className="mk-absences">
      <Heading1>{t('absences.title')}</Heading1>
      <Paragraph>{t('absences.intro')}</Paragraph>
      <AbsenceForm user={user} choosesPerson={coordinates}
        onAdded={() => {
          setNotice(t('absences.added'));
          void refresh();
        }} />
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      <section aria-labelledby="absence-list">
        <Heading2 id="absence-list" ref={listHeading} tabIndex={-1}>{t('absences.listTitle')}</Heading2>
        <AbsenceList
          onRemoved={() => {
            setNotice(t('absences.removed'));
            void refresh();
            // The pressed button has gone with its row: the focus goes to the list's heading.
            listHeading.current?.focus();
          }} />
      </section>
      {user.pools.length > 0 && (
        <section aria-labelledby="my-rosters">
          <Heading2 id="my-rosters">{t('absences.rosters')}</Heading2>
          <Paragraph>{t('absences.rostersIntro')}</Paragraph>
          {user.pools.map((pool) => <RosterPanel key={pool.id} poolId={pool.id} poolName={pool.name} headingLevel={3} />)}
        </section>
      )}
      {coordinates && (
        <Paragraph>
          {t('absences.rostersOnPools')}{' '}
          <Link className="utrecht-link" to="/pools">{t('absences.toPools')}</Link>
        </Paragraph>
      )}
    </div>
  );
}
