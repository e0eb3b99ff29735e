// A titled, filterable consult list with "load more": the body of the outbox, pool and inbox.
import { Heading1, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ConsultTable } from '../components/ConsultTable';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import type { Box } from './api';
import { ListFilterBar, useListFilters } from './ListFilterBar';
import { useConsultList } from './useConsultList';

export function ConsultListView({ box, title, intro, actions }: {
  box: Box;
  title: string;
  intro?: string;
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  const [filters, setFilters] = useListFilters();
  const list = useConsultList(box, filters);
  return (
    <>
      <div className="mk-title-row">
        <Heading1>{title}</Heading1>
        {actions}
      </div>
      {intro && <Paragraph>{intro}</Paragraph>}
      <ListFilterBar filters={filters} onChange={setFilters} showStatus={box === 'outbox'} />
      {list.isPending && <Loading />}
      <ActionError message={list.error?.message} />
      {list.isSuccess && list.items.length === 0 && <Paragraph role="status">{t('list.empty')}</Paragraph>}
      {list.items.length > 0 && <ConsultTable items={list.items} caption={title} />}
      {list.hasNextPage && (
        <SecondaryActionButton type="button" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </SecondaryActionButton>
      )}
    </>
  );
}
