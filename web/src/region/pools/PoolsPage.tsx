// /pools: the region's pools — name, organisation, specialty and members — which coordinators
// make agreements with; a pool of the caller's own organisation (may_change) can be renamed and
// given other members, and its week roster set (who is on duty), each in a panel above the table
// that gives the focus back to the row's button when it closes.
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
import { RosterPanel } from '../../rosters/RosterPanel';
import { KeepersOnly } from '../KeepersOnly';
import { PoolEditor } from './PoolEditor';

/** Which of a row's buttons opened a panel, to give it the focus back. */
type RowButton = 'edit' | 'roster';

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
  const [rostering, setRostering] = useState<Pool | null>(null);
  const [returnTo, setReturnTo] = useState<{ id: number; button: RowButton } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = pools.data?.items ?? [];
  const close = (pool: Pool, message: string | null) => {
    setEditing(null);
    setNotice(message);
    setReturnTo({ id: pool.id, button: 'edit' });
  };
  const open = (pool: Pool, button: RowButton) => {
    setNotice(null);
    setReturnTo(null);
    setEditing(button === 'edit' ? pool : null);
    setRostering(button === 'roster' ? pool : null);
  };
  const panelOpen = !!editing || !!rostering;
  return (
    <div className="mk-region">
      <Heading1>{t('region.pools.title')}</Heading1>
      <Paragraph>{t('region.pools.intro')}</Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {editing && (
        <PoolEditor key={editing.id} pool={editing} onCancel={() => close(editing, null)}
          onSaved={(saved) => close(editing, t('region.pools.saved', { name: saved.name }))} />
      )}
      {rostering && (
        <RosterPanel key={rostering.id} poolId={rostering.id} poolName={rostering.name} takeFocus
          onClose={() => {
            setRostering(null);
            setReturnTo({ id: rostering.id, button: 'roster' });
          }} />
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
                <PoolRow key={pool.id} pool={pool} focus={returnTo?.id === pool.id && !panelOpen ? returnTo.button : null}
                  onEdit={() => open(pool, 'edit')} onRoster={() => open(pool, 'roster')} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function PoolRow({ pool, focus, onEdit, onRoster }: {
  pool: Pool;
  /** The button that takes the focus (back), as the row appears; none when null. */
  focus: RowButton | null;
  onEdit: () => void;
  onRoster: () => void;
}) {
  const { t } = useTranslation();
  const editButton = useRef<HTMLButtonElement>(null);
  const rosterButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus === 'edit') editButton.current?.focus();
    if (focus === 'roster') rosterButton.current?.focus();
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
          <div className="mk-row-actions">
            <Button ref={editButton} type="button" appearance="secondary-action-button" onClick={onEdit}>
              {t('region.pools.edit')}<span className="mk-visually-hidden"> {t('region.pools.editFor', { name: pool.name })}</span>
            </Button>
            <Button ref={rosterButton} type="button" appearance="secondary-action-button" onClick={onRoster}>
              {t('region.pools.roster')}<span className="mk-visually-hidden"> {t('region.pools.editFor', { name: pool.name })}</span>
            </Button>
          </div>
        ) : (
          <span className="mk-hint">{t('region.pools.notYours')}</span>
        )}
      </TableCell>
    </TableRow>
  );
}
