// /uitgaande-email, for coordinators and administrators: the mails meekijk sends (notifications,
// summaries, invitations) by status — at first those that could not be delivered — with the
// recipient, what it is about, how often it was tried, the last error and when it is tried next or
// was delivered; one not yet delivered can be tried again at once. The status filter lives in the
// address (`?status=`). Others are told it is not theirs, and the server is not asked.
import {
  Button, Heading1, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { SelectField } from '../components/SelectField';
import { formatDateTime } from '../lib/due';
import { kindTitleKey } from '../notifications/kinds';
import { KeepersOnly } from '../region/KeepersOnly';
import { usePageTitle } from '../lib/usePageTitle';
import { kMailStatuses, mailOutboxKeys, retryMail, statusFromParam, useMailOutbox, type MailStatus, type OutboxMail } from './api';

export default function MailOutboxPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('mailOutbox.title')}>
      <MailOutbox />
    </KeepersOnly>
  );
}

function MailOutbox() {
  const { t } = useTranslation();
  usePageTitle(t('mailOutbox.title'));
  const [params, setParams] = useSearchParams();
  const status = statusFromParam(params.get('status'));
  const mails = useMailOutbox(status);
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const retry = async (mail: OutboxMail) => {
    if (busy !== null) return;
    setBusy(mail.id);
    setFailure(null);
    setNotice(null);
    try {
      const result = await retryMail(mail.id);
      setNotice(t(result.status === 'delivered' ? 'mailOutbox.delivered' : 'mailOutbox.retried', { recipient: mail.recipient }));
      await queryClient.invalidateQueries({ queryKey: mailOutboxKeys.all });
    } catch (error) {
      setFailure({ id: mail.id, message: error instanceof Error ? error.message : t('errors.unknown') });
    } finally {
      setBusy(null);
    }
  };

  const items = mails.data?.items ?? [];
  return (
    <div className="mk-mail-outbox">
      <Heading1>{t('mailOutbox.title')}</Heading1>
      <Paragraph>{t('mailOutbox.intro')}</Paragraph>
      <div className="mk-filters">
        <SelectField label={t('mailOutbox.status')} value={status}
          onChange={(value) => {
            setNotice(null);
            setFailure(null);
            setParams(value === 'dead' ? {} : { status: value }, { replace: true });
          }}>
          {kMailStatuses.map((s) => <SelectOption key={s} value={s}>{t(`mailOutbox.statusName.${s}`)}</SelectOption>)}
        </SelectField>
      </div>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {mails.isPending && <Loading />}
      <ActionError message={mails.error?.message} />
      {mails.isSuccess && items.length === 0 && <Paragraph>{t(`mailOutbox.empty.${status}`)}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-mail-table">
            <TableCaption className="mk-visually-hidden">{t(`mailOutbox.statusName.${status}`)}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('mailOutbox.column.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mailOutbox.column.recipient')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mailOutbox.column.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mailOutbox.column.consult')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mailOutbox.column.attempts')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mailOutbox.column.lastError')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t(status === 'delivered' ? 'mailOutbox.column.deliveredAt' : 'mailOutbox.column.nextAttempt')}</TableHeaderCell>
                {status !== 'delivered' && <TableHeaderCell scope="col">{t('mailOutbox.column.action')}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((mail) => (
                <MailRow key={mail.id} mail={mail} status={status} busy={busy === mail.id}
                  error={failure?.id === mail.id ? failure.message : null} onRetry={() => void retry(mail)} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function MailRow({ mail, status, busy, error, onRetry }: {
  mail: OutboxMail;
  status: MailStatus;
  busy: boolean;
  error: string | null;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => <time dateTime={iso} className="mk-nowrap">{formatDateTime(iso, i18n.language)}</time>;
  return (
    <TableRow>
      <TableCell>{when(mail.created_at)}</TableCell>
      <TableCell>{mail.recipient}</TableCell>
      <TableCell>{t(kindTitleKey(mail.kind))}</TableCell>
      <TableCell className="mk-nowrap">{mail.consult_number || t('mailOutbox.noConsult')}</TableCell>
      <TableCell>{mail.attempts}</TableCell>
      <TableCell>{mail.last_error || t('mailOutbox.noError')}</TableCell>
      <TableCell>
        {status === 'delivered'
          ? (mail.delivered_at ? when(mail.delivered_at) : '')
          : status === 'dead' ? t('mailOutbox.noNextAttempt') : when(mail.next_attempt_at)}
      </TableCell>
      {status !== 'delivered' && (
        <TableCell>
          <div className="mk-action">
            <Button type="button" appearance="secondary-action-button" busy={busy} onClick={onRetry}>
              {t('mailOutbox.retry')}
              <span className="mk-visually-hidden"> {t('mailOutbox.retryFor', { recipient: mail.recipient, kind: t(kindTitleKey(mail.kind)) })}</span>
            </Button>
            <ActionError message={error} />
          </div>
        </TableCell>
      )}
    </TableRow>
  );
}
