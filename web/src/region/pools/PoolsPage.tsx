// /pools: the region's pools — name, organisation, specialty and members — which coordinators
// make agreements with; a pool of the caller's own organisation (may_change) can be renamed and
// given other members, in an editor above the table that gives the focus back to the row's
// button when it closes.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../../lib/usePageTitle';
import { usePools, type Pool } from '../api';
import { KeepersOnly } from '../KeepersOnly';
import { PoolEditor } from './PoolEditor';

export default function PoolsPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.pools.title')}>
      <PoolList />
    </KeepersOnly>
  );
}

function PoolList() {
  const { t } = useTranslation();
  usePageTitle(t('region.pools.title'));
  const pools = usePools();
  const [editing, setEditing] = useState<Pool | null>(null);
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = pools.data?.items ?? [];
  const close = (pool: Pool, message: string | null) => {
    setEditing(null);
    setNotice(message);
    setReturnTo(pool.id);
  };
  return (
    <div className="mk-region">
      <Heading1>{t('region.pools.title')}</Heading1>
      <Paragraph>{t('region.pools.intro')}</Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {editing && (
        <PoolEditor key={editing.id} pool={editing} onCancel={() => close(editing, null)}
          onSaved={(saved) => close(editing, t('region.pools.saved', { name: saved.name }))} />
      )}
      {pools.isPending && <Loading />}
      <ActionError message={pools.error?.message} />
      {pools.isSuccess && items.length === 0 && <Paragraph>{t('region.pools.empty')}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-region-table">
            <TableCaption className="mk-visually-hidden">{t('region.pools.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('region.pools.column.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.pools.column.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.pools.column.specialty')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.pools.column.members')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.pools.column.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((pool) => (
                <PoolRow key={pool.id} pool={pool} focus={returnTo === pool.id && !editing}
                  onEdit={() => { setNotice(null); setReturnTo(null); setEditing(pool); }} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function PoolRow({ pool, focus, onEdit }: { pool: Pool; focus: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <TableRow>
      <TableHeaderCell scope="row">{pool.name}</TableHeaderCell>
      <TableCell>{pool.organisation.name}</TableCell>
      <TableCell>{pool.specialty}</TableCell>
      <TableCell>
        {pool.members.length === 0 ? t('region.pools.noMembers') : (
          <UnorderedList>
            {pool.members.map((m) => <UnorderedListItem key={m.id}>{m.name}</UnorderedListItem>)}
          </UnorderedList>
        )}
      </TableCell>
      <TableCell>
        {pool.may_change ? (
          <Button ref={button} type="button" appearance="secondary-action-button" onClick={onEdit}>
            {t('region.pools.edit')}<span className="mk-visually-hidden"> {t('region.pools.editFor', { name: pool.name })}</span>
          </Button>
        ) : (
          <span className="mk-hint">{t('region.pools.notYours')}</span>
        )}
      </TableCell>
    </TableRow>
  );
}
