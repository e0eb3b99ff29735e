// The absences not yet over, soonest first as the server sends them: who, from and to which day,
// why; one the caller may change (`may_change`) is removed after a confirmation, which hides the
// table meanwhile and gives the focus back to the row's button when cancelled.
import {
  Button, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { formatDate } from '../lib/calendarDate';
import { removeAbsence, useAbsences, type Absence } from './api';

export function AbsenceList({ onRemoved }: { onRemoved: () => void }) {
  const { t } = useTranslation();
  const absences = useAbsences();
  const [confirming, setConfirming] = useState<Absence | null>(null);
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = absences.data?.items ?? [];

  const remove = async (absence: Absence) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await removeAbsence(absence.id);
      setConfirming(null);
      onRemoved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  if (absences.isPending) return <Loading />;
  if (absences.error) return <ActionError message={absences.error.message} />;
  if (confirming) {
    return (
      <ConfirmRemoval absence={confirming} busy={busy} error={error} onConfirm={() => void remove(confirming)}
        onCancel={() => {
          setConfirming(null);
          setError(null);
          setReturnTo(confirming.id);
        }} />
    );
  }
  if (items.length === 0) return <Paragraph>{t('absences.empty')}</Paragraph>;
  return (
    <div className="mk-table-scroll">
      <Table className="mk-absence-table">
        <TableCaption className="mk-visually-hidden">{t('absences.listTitle')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('absences.column.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('absences.column.firstDay')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('absences.column.lastDay')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('absences.column.reason')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('absences.column.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((absence) => (
            <AbsenceRow key={absence.id} absence={absence} focus={returnTo === absence.id}
              onRemove={() => {
                setReturnTo(null);
                setConfirming(absence);
              }} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function AbsenceRow({ absence, focus, onRemove }: { absence: Absence; focus: boolean; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  const first = formatDate(absence.first_day, i18n.language);
  return (
    <TableRow>
      <TableHeaderCell scope="row">{absence.user.name}</TableHeaderCell>
      <TableCell>{first}</TableCell>
      <TableCell>{formatDate(absence.last_day, i18n.language)}</TableCell>
      <TableCell>{t(`absences.reason.${absence.reason}`)}</TableCell>
      <TableCell>
        {absence.may_change && (
          <Button ref={button} type="button" appearance="secondary-action-button" onClick={onRemove}>
            {t('absences.remove')}
            <span className="mk-visually-hidden"> {t('absences.removeFor', { name: absence.user.name, first })}</span>
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

function ConfirmRemoval({ absence, busy, error, onConfirm, onCancel }: {
  absence: Absence;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const period = {
    name: absence.user.name,
    first: formatDate(absence.first_day, i18n.language),
    last: formatDate(absence.last_day, i18n.language),
  };
  return (
    <section aria-labelledby="absence-remove" className="mk-form">
      <Heading3 id="absence-remove" ref={heading} tabIndex={-1}>{t('absences.confirm.title')}</Heading3>
      <Paragraph>{t('absences.confirm.explain', period)}</Paragraph>
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="button" appearance="primary-action-button" hint="danger" busy={busy} onClick={() => busy || onConfirm()}>
            {t('absences.confirm.remove')}
          </Button>
          <ActionError message={error} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('absences.confirm.cancel')}</Button>
      </div>
    </section>
  );
}
