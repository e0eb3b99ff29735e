// /overzicht, for coordinators: the open consults (sent, claimed, information requested) in the
// pools of the organisations they coordinate, as the server orders them (first those needing
// attention, unclaimed or overdue, then by due time), in a section per pool whose heading counts
// its unclaimed and overdue consults, and each such row marked in words. The counts are of the
// consults loaded so far; "load more" fetches the next page. A row opens the consult, where a
// coordinator may forward or assign it. A care group has no pools, so its coordinator finds the
// list empty and is told whose pools it shows.
import { Heading1, Heading2, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ConsultTable } from '../components/ConsultTable';
import { Loading } from '../components/Loading';
import type { ConsultSummary } from '../consults/api';
import { useConsultList } from '../consults/useConsultList';
import { useNow } from '../lib/useNow';
import { usePageTitle } from '../lib/usePageTitle';
import { usePools } from '../region/api';
import { groupByPool, isOverdue, isUnclaimed } from './poolGroups';

const kNoFilters = {};

export default function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('overview.title'));
  const now = useNow();
  const list = useConsultList('coordination', kNoFilters);
  const pools = usePools().data?.items ?? [];
  const poolName = (id: number | null) => pools.find((p) => p.id === id)?.name ?? t('overview.unknownPool');
  const marks = (consult: ConsultSummary) => [
    ...(isUnclaimed(consult) ? [t('overview.unclaimed')] : []),
    ...(isOverdue(consult, now) ? [t('overview.overdue')] : []),
  ];
  return (
    <>
      <Heading1>{t('overview.title')}</Heading1>
      <Paragraph>{t('overview.intro')}</Paragraph>
      {list.isPending && <Loading />}
      <ActionError message={list.error?.message} />
      {list.isSuccess && list.items.length === 0 && <Paragraph>{t('overview.empty')}</Paragraph>}
      {groupByPool(list.items, now).map((group) => {
        const headingId = `pool-${group.poolId ?? 'none'}`;
        return (
          <section key={group.poolId ?? 'none'} aria-labelledby={headingId}>
            <Heading2 id={headingId}>
              {poolName(group.poolId)}{' '}
              <span className="mk-hint">({t('overview.counts', { unclaimed: group.unclaimed, overdue: group.overdue })})</span>
            </Heading2>
            <ConsultTable items={group.items} caption={poolName(group.poolId)} marks={marks} />
          </section>
        );
      })}
      {list.hasNextPage && (
        <SecondaryActionButton type="button" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </SecondaryActionButton>
      )}
    </>
  );
}
