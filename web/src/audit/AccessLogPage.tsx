// /access-log: the privacy officer's view of the access log (NEN 7513): who saw or changed which
// consults of their organisation, when, from where, and whether it was allowed. Filters, the
// rows page by page, a chart per day, and the CSV export. Other roles are told it is not theirs,
// and nothing is asked of the server for them (it would refuse anyway).
import { Heading1, Heading2, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError } from '../api/errors';
import { Loading } from '../components/Loading';
import { ActionError } from '../components/ActionError';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe, type User } from '../session/session';
import { AccessChart } from './AccessChart';
import { AccessLogExport } from './AccessLogExport';
import { AccessLogFilterForm, kFilterFields, useAccessLogFilters, type Organisation } from './AccessLogFilterForm';
import { AccessLogTable } from './AccessLogTable';
import { accessLogKeys, useAccessLog, type AccessLogFilters } from './api';

function officerOrganisations(user: User | null | undefined): Organisation[] {
  return (user?.memberships ?? [])
    .filter((m) => m.role === 'privacy_officer')
    .map((m) => ({ id: m.organisation_id, name: m.organisation_name }));
}

export default function AccessLogPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('accessLog.title'));
  if (!user) return <Loading />;
  if (!hasRole(user, 'privacy_officer')) {
    return (
      <>
        <Heading1>{t('accessLog.title')}</Heading1>
        <Paragraph>{t('accessLog.notForYou')}</Paragraph>
      </>
    );
  }
  return <AccessLogSearch organisations={officerOrganisations(user)} />;
}

function AccessLogSearch({ organisations }: { organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useAccessLogFilters();
  const applied: AccessLogFilters = { ...filters, organisationId: filters.organisationId ?? organisations[0]?.id };
  const list = useAccessLog(applied);
  // A refused search is placed at the filter it names; a failed "load more" next to its button.
  const searchError = list.isError && !list.isFetchNextPageError ? list.error : null;
  const errors = searchError ? placeError(searchError, kFilterFields, t('errors.unknown')) : kNoErrors;
  const searching = list.isFetching && !list.isFetchingNextPage;

  const search = (next: AccessLogFilters) => {
    // The same filters again: the newest rows again, from the first page.
    if (hashKey(accessLogKeys.search(next)) === hashKey(accessLogKeys.search(applied))) void queryClient.resetQueries({ queryKey: accessLogKeys.search(applied), exact: true });
    else setFilters(next);
  };

  return (
    <div className="mk-access-log">
      <Heading1>{t('accessLog.title')}</Heading1>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <AccessLogFilterForm filters={applied} organisations={organisations}
        errors={errors} busy={searching} onSearch={search} />
      <section aria-labelledby="log-rows-title">
        <Heading2 id="log-rows-title">{t('accessLog.rows')}</Heading2>
        {list.isPending && <Loading />}
        {list.isSuccess && list.items.length === 0 && <Paragraph role="status">{t('accessLog.empty')}</Paragraph>}
        {list.items.length > 0 && (
          <>
            <div className="mk-log-toolbar">
              <p role="status" className="utrecht-paragraph">{t('accessLog.count', { count: list.items.length })}</p>
              <AccessLogExport filters={applied} />
            </div>
            <AccessChart items={list.items} />
            <AccessLogTable items={list.items} caption={t('accessLog.caption')} />
          </>
        )}
        {list.hasNextPage && (
          <div className="mk-action">
            <SecondaryActionButton type="button" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('accessLog.more')}
            </SecondaryActionButton>
            {list.isFetchNextPageError && <ActionError message={list.error?.message} />}
          </div>
        )}
      </section>
    </div>
  );
}
