// The access log's rows as a table, newest first: when (Amsterdam time, with seconds), who (and on
// whose behalf), in which role, what, which consult, from which address, whether it was allowed,
// and the server's detail. Actions and outcomes are said in words; the stored code stays visible
// beside a translated action, since that is what an export or a complaint will name.
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { AccessLogRow } from './api';
import { formatLogTime } from './period';

function useLogTexts() {
  const { t, i18n } = useTranslation();
  const known = (key: string) => i18n.exists(key);
  return {
    role: (role: string) => (known(`role.${role}`) ? t(`role.${role}`) : role),
    // consult.read → accessLog.action.consult_read: a flat key, as a code may be a prefix of another.
    action: (action: string) => {
      const key = `accessLog.action.${action.replace(/\./g, '_')}`;
      return known(key) ? t(key) : null;
    },
    outcome: (outcome: string) => (outcome === 'success' ? t('accessLog.outcome.success') : t('accessLog.outcome.refused', { code: outcome })),
  };
}

function NoValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="mk-visually-hidden">{t('accessLog.none')}</span>
    </>
  );
}

export function AccessLogTable({ items, caption }: { items: readonly AccessLogRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const texts = useLogTexts();
  return (
    <div className="mk-table-scroll">
      <Table className="mk-log-table">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('accessLog.column.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.user')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.consult')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.address')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.outcome')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('accessLog.column.detail')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((row) => {
            const action = texts.action(row.action);
            return (
              <TableRow key={row.id} className={row.outcome === 'success' ? undefined : 'mk-row--refused'}>
                <TableCell><time dateTime={row.at}>{formatLogTime(row.at, i18n.language)}</time></TableCell>
                <TableCell>
                  {row.username}
                  {row.user_id !== null && <span className="mk-log-muted"> {t('accessLog.userNumber', { id: row.user_id })}</span>}
                  {row.on_behalf_of !== null && (
                    <span className="mk-log-note">{t('accessLog.onBehalfOf', { id: row.on_behalf_of })}</span>
                  )}
                </TableCell>
                <TableCell>{texts.role(row.role)}</TableCell>
                <TableCell>
                  {action ?? <code>{row.action}</code>}
                  {action && <code className="mk-log-note">{row.action}</code>}
                </TableCell>
                <TableCell>{row.patient_ref || <NoValue />}</TableCell>
                <TableCell>{row.client_address}</TableCell>
                <TableCell>{texts.outcome(row.outcome)}</TableCell>
                <TableCell className="mk-log-detail">{row.detail}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
