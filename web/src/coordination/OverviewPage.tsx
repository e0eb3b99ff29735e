// /overzicht, for coordinators: the open consults (sent, claimed, information requested) in the
// pools of the organisations they coordinate, soonest due first as the server orders them, under
// the name of their pool. The status says which are still unclaimed and the deadline which are
// overdue; a row opens the consult, where a coordinator may forward it. A care group has no pools,
// so its coordinator finds the list empty and is told whose pools it shows.
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ConsultTable } from '../components/ConsultTable';
import { Loading } from '../components/Loading';
import type { ConsultSummary } from '../consults/api';
import { useConsultList } from '../consults/useConsultList';
import { usePageTitle } from '../lib/usePageTitle';
import { usePools } from '../region/api';

const kNoFilters = {};

/** The consults by pool, pools in the order of their first (soonest due) consult. */
export function groupByPool(items: readonly ConsultSummary[]): Array<{ poolId: number | null; items: ConsultSummary[] }> {
  const groups = new Map<number | null, ConsultSummary[]>();
  for (const item of items) {
    const key = item.pool_id ?? null;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([poolId, grouped]) => ({ poolId, items: grouped }));
}

export default function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('overview.title'));
  const list = useConsultList('coordination', kNoFilters);
  const pools = usePools().data?.items ?? [];
  const poolName = (id: number | null) => pools.find((p) => p.id === id)?.name ?? t('overview.unknownPool');
  return (
    <>
      <Heading1>{t('overview.title')}</Heading1>
      <Paragraph>{t('overview.intro')}</Paragraph>
      {list.isPending && <Loading />}
      <ActionError message={list.error?.message} />
      {list.isSuccess && list.items.length === 0 && <Paragraph>{t('overview.empty')}</Paragraph>}
      {groupByPool(list.items).map((group) => (
        <section key={group.poolId ?? 'none'} aria-labelledby={`pool-${group.poolId ?? 'none'}`}>
          <Heading2 id={`pool-${group.poolId ?? 'none'}`}>{poolName(group.poolId)}</Heading2>
          <ConsultTable items={group.items} caption={poolName(group.poolId)} />
        </section>
      ))}
    </>
  );
}
