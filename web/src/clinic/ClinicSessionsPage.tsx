// /spreekuren: the physical sessions ("meekijkspreekuren") of a period that the caller sees — the
// coordinators of either side, the specialists of the pool, the GPs and assistants of the
// practices — with day, time, place, specialist, practices, status and how full each is; this week
// and the eight after it unless another period is chosen. Coordinators plan new ones here.
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { Loading } from '../components/Loading';
import { formatDate } from '../lib/calendarDate';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe } from '../session/session';
import { useClinicSessions } from './api';
import { PeriodForm, usePeriod } from './PeriodForm';
import { PlanSessionForm } from './PlanSessionForm';
import { SessionTable } from './SessionTable';

export default function ClinicSessionsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('clinic.title'));
  const [period, setPeriod] = usePeriod();
  const sessions = useClinicSessions(period.from, period.to);
  const items = sessions.data?.items ?? [];
  const failure = sessions.error;
  const serverError = failure ? { field: failure instanceof ApiError ? failure.field : undefined, message: failure.message } : null;
  const books = hasRole(user, 'gp') || hasRole(user, 'assistant');
  const periodText = t('clinic.period.text', { from: formatDate(period.from, i18n.language), to: formatDate(period.to, i18n.language) });
  return (
    <div className="mk-region mk-clinic">
      <Heading1>{t('clinic.title')}</Heading1>
      <Paragraph>{t('clinic.intro')}</Paragraph>
      {books && <Paragraph>{t('clinic.bookFromConsult')}</Paragraph>}
      <PeriodForm period={period} onChange={setPeriod} serverError={serverError} />
      <section aria-labelledby="clinic-list">
        <Heading2 id="clinic-list">{periodText}</Heading2>
        {sessions.isPending && <Loading />}
        {sessions.isSuccess && items.length === 0 && <Paragraph>{t('clinic.empty')}</Paragraph>}
        {items.length > 0 && <SessionTable items={items} caption={periodText} />}
      </section>
      {hasRole(user, 'coordinator') && <PlanSessionForm />}
    </div>
  );
}
