// A page of registered keys: the API clients' (administrators) and the HIS launch keys
// (coordinators). Both work alike: register one (its form in place of the button), see the one just
// registered with what to configure until the next action, revoke one after a confirmation (the
// row's name takes the focus, as its button and dialog are gone, and a status line says it was
// done). The texts come from the page's own part of the catalogue (`prefix`): title, intro,
// register, empty, revoke.done, column.{name,created,status,action}, status.{active,revoked}.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/due';
import { ActionError } from './ActionError';
import { Loading } from './Loading';

export interface RegisteredKey {
  id: number;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export function KeyRegistry<T extends RegisteredKey>({
  prefix, className, tableClassName, list, queryKey, form, registeredPanel, columns, cells, revokeButton,
}: {
  prefix: 'apiClients' | 'launchKeys';
  className: string;
  tableClassName: string;
  list: UseQueryResult<{ items: T[] }>;
  queryKey: QueryKey;
  /** The registration form; it calls `registered` with what the server made, or `cancel`. */
  form: (registered: (item: T) => void, cancel: () => void) => ReactNode;
  /** What the one just registered shows until the next action (its id to copy, what to configure). */
  registeredPanel: (item: T) => ReactNode;
  /** The headers of the columns between the name and the date of registration. */
  columns: string[];
  /** Those columns' cells for one item. */
  cells: (item: T) => ReactNode;
  /** The revoke button of an active item, with its confirmation. */
  revokeButton: (item: T, revoked: (item: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const onRegistered = (item: T) => {
    setRegistering(false);
    setRegistered(item);
    queryClient.setQueryData<{ items: T[] }>(queryKey, (current) => current && { items: [item, ...current.items] });
    void queryClient.invalidateQueries({ queryKey });
  };
  const onRevoked = (item: T) => {
    if (registered?.id === item.id) setRegistered(null);
    setNotice(t(`${prefix}.revoke.done`, { name: item.name }));
    setFocusRow(item.id);
  };

  const items = list.data?.items ?? [];
  return (
    <div className={className}>
      <Heading1>{t(`${prefix}.title`)}</Heading1>
      <Paragraph>{t(`${prefix}.intro`)}</Paragraph>
      {registering ? (
        form(onRegistered, () => setRegistering(false))
      ) : (
        <div className="mk-actions">
          <Button type="button" appearance="secondary-action-button"
            onClick={() => {
              setRegistered(null);
              setNotice(null);
              setRegistering(true);
            }}>
            {t(`${prefix}.register`)}
          </Button>
        </div>
      )}
      {registered && !registering && registeredPanel(registered)}
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {list.isPending && <Loading />}
      <ActionError message={list.error?.message} />
      {list.isSuccess && items.length === 0 && <Paragraph>{t(`${prefix}.empty`)}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className={tableClassName}>
            <TableCaption className="mk-visually-hidden">{t(`${prefix}.title`)}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t(`${prefix}.column.name`)}</TableHeaderCell>
                {columns.map((column) => <TableHeaderCell key={column} scope="col">{column}</TableHeaderCell>)}
                <TableHeaderCell scope="col">{t(`${prefix}.column.created`)}</TableHeaderCell>
                <TableHeaderCell scope="col">{t(`${prefix}.column.status`)}</TableHeaderCell>
                <TableHeaderCell scope="col">{t(`${prefix}.column.action`)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <KeyRow key={item.id} prefix={prefix} item={item} focus={focusRow === item.id}
                  cells={cells(item)} revoke={!item.revoked_at && revokeButton(item, onRevoked)} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function KeyRow({ prefix, item, focus, cells, revoke }: {
  prefix: string;
  item: RegisteredKey;
  /** Gives the row's name the focus, as the row appears revoked. */
  focus: boolean;
  cells: ReactNode;
  revoke: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const name = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (focus) name.current?.focus();
  }, [focus]);
  return (
    <TableRow className={item.revoked_at ? 'mk-row--revoked' : undefined}>
      <TableHeaderCell scope="row" ref={name} tabIndex={-1}>{item.name}</TableHeaderCell>
      {cells}
      <TableCell><time dateTime={item.created_at}>{formatDateTime(item.created_at, i18n.language)}</time></TableCell>
      <TableCell>
        {item.revoked_at ? (
          <>
            {t(`${prefix}.status.revoked`)}{' '}
            <time dateTime={item.revoked_at}>{formatDateTime(item.revoked_at, i18n.language)}</time>
          </>
        ) : t(`${prefix}.status.active`)}
      </TableCell>
      <TableCell>{revoke}</TableCell>
    </TableRow>
  );
}
