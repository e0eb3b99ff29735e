// /his-koppelingen, for coordinators (their practices) and administrators: the keys GP practices'
// HISes sign their launch links with, each with its key_id to copy (the links' iss), practice,
// when registered and whether active; registering one (its key_id and the launch address shown
// afterwards, with what a link holds) and revoking one after a confirmation. Others are told it is
// not theirs, and the server is not asked.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { CopyButton } from '../components/CopyButton';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../lib/due';
import { usePageTitle } from '../lib/usePageTitle';
import { KeepersOnly } from '../region/KeepersOnly';
import '../styles/launch-keys.css';
import { launchKeyKeys, useLaunchKeys, type LaunchKey } from './api';
import { RegisteredKeyPanel } from './RegisteredKeyPanel';
import { RegisterKeyForm } from './RegisterKeyForm';
import { RevokeKeyButton } from './RevokeKeyButton';

export default function LaunchKeysPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('launchKeys.title')}>
      <LaunchKeys />
    </KeepersOnly>
  );
}

function LaunchKeys() {
  const { t } = useTranslation();
  usePageTitle(t('launchKeys.title'));
  const keys = useLaunchKeys();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  // The key just registered: its key_id and the launch address are shown until the next action.
  const [registered, setRegistered] = useState<LaunchKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The row that takes the focus after its key was revoked (its button and dialog are gone).
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const onRegistered = (key: LaunchKey) => {
    setRegistering(false);
    setRegistered(key);
    queryClient.setQueryData<{ items: LaunchKey[] }>(launchKeyKeys.all, (list) => list && { items: [key, ...list.items] });
    void queryClient.invalidateQueries({ queryKey: launchKeyKeys.all });
  };

  const onRevoked = (key: LaunchKey) => {
    if (registered?.id === key.id) setRegistered(null);
    setNotice(t('launchKeys.revoke.done', { name: key.name }));
    setFocusRow(key.id);
  };

  const items = keys.data?.items ?? [];
  return (
    <div className="mk-launch-keys">
      <Heading1>{t('launchKeys.title')}</Heading1>
      <Paragraph>{t('launchKeys.intro')}</Paragraph>
      {registering ? (
        <RegisterKeyForm onRegistered={onRegistered} onCancel={() => setRegistering(false)} />
      ) : (
        <div className="mk-actions">
          <Button type="button" appearance="secondary-action-button"
            onClick={() => {
              setRegistered(null);
              setNotice(null);
              setRegistering(true);
            }}>
            {t('launchKeys.register')}
          </Button>
        </div>
      )}
      {registered && !registering && <RegisteredKeyPanel launchKey={registered} />}
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {keys.isPending && <Loading />}
      <ActionError message={keys.error?.message} />
      {keys.isSuccess && items.length === 0 && <Paragraph>{t('launchKeys.empty')}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-launch-key-table">
            <TableCaption className="mk-visually-hidden">{t('launchKeys.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('launchKeys.column.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('launchKeys.column.practice')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('launchKeys.column.keyId')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('launchKeys.column.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('launchKeys.column.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('launchKeys.column.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((key) => <KeyRow key={key.id} launchKey={key} focus={focusRow === key.id} onRevoked={onRevoked} />)}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function KeyRow({ launchKey, focus, onRevoked }: {
  launchKey: LaunchKey;
  /** Gives the row's name the focus, as the row appears revoked. */
  focus: boolean;
  onRevoked: (key: LaunchKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = useRef<HTMLTableCellElement>(null);
  const keyId = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) name.current?.focus();
  }, [focus]);
  return (
    <TableRow className={launchKey.revoked_at ? 'mk-row--revoked' : undefined}>
      <TableHeaderCell scope="row" ref={name} tabIndex={-1}>{launchKey.name}</TableHeaderCell>
      <TableCell>{launchKey.organisation.name}</TableCell>
      <TableCell>
        <code ref={keyId} className="mk-key-id">{launchKey.key_id}</code>{' '}
        <CopyButton text={launchKey.key_id} target={keyId} context={t('launchKeys.keyIdOf', { name: launchKey.name })} />
      </TableCell>
      <TableCell><time dateTime={launchKey.created_at}>{formatDateTime(launchKey.created_at, i18n.language)}</time></TableCell>
      <TableCell>
        {launchKey.revoked_at ? (
          <>
            {t('launchKeys.status.revoked')}{' '}
            <time dateTime={launchKey.revoked_at}>{formatDateTime(launchKey.revoked_at, i18n.language)}</time>
          </>
        ) : t('launchKeys.status.active')}
      </TableCell>
      <TableCell>{!launchKey.revoked_at && <RevokeKeyButton launchKey={launchKey} onRevoked={onRevoked} />}</TableCell>
    </TableRow>
  );
}
