// One pool's week roster: a week picker (previous and next week, the week in words) and the pool's
// members, each on duty or not and marked "afwezig" when an absence falls in that week. Those who
// keep the pool (the server's `may_change`) tick "Dienst" and save; everyone else reads it. Without
// a roster for the week, new consults go to every member, and the panel says so. Used on /pools
// (the coordinator's, opened from a pool's row) and on /afwezigheid (the member's own pools).
import {
  Button, FormFieldCheckbox, Heading2, Heading3, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { formatWeek, shiftWeek, weekNumber } from '../lib/isoWeek';
import { rosterKeys, setRoster, useRoster, type Roster } from './api';

export function RosterPanel({ poolId, poolName, headingLevel = 2, takeFocus = false, onClose }: {
  poolId: number;
  poolName: string;
  headingLevel?: 2 | 3;
  /** Focus the heading when the panel opens (when a button opened it). */
  takeFocus?: boolean;
  /** Shows a "Sluiten" button that calls this. */
  onClose?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  // null: this week, as the server counts it; then the week chosen with the buttons.
  const [week, setWeek] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const roster = useRoster(poolId, week);
  const shownWeek = week ?? roster.data?.week ?? null;
  const go = (delta: number) => {
    if (!shownWeek) return;
    setNotice(null);
    setWeek(shiftWeek(shownWeek, delta));
  };
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  return (
    <section aria-labelledby={`${id}-title`} className="mk-roster">
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1}>{t('roster.title', { name: poolName })}</Heading>
      <div className="mk-week-nav">
        <Button type="button" appearance="secondary-action-button" disabled={!shownWeek} onClick={() => go(-1)}>
          {t('roster.previous')}
        </Button>
        <p className="utrecht-paragraph mk-week-nav__week" aria-live="polite">
          {shownWeek ? formatWeek(shownWeek, i18n.language) : ''}
        </p>
        <Button type="button" appearance="secondary-action-button" disabled={!shownWeek} onClick={() => go(1)}>
          {t('roster.next')}
        </Button>
      </div>
      {roster.isPending && <Loading />}
      <ActionError message={roster.error?.message} />
      {roster.data && (
        <RosterWeek key={roster.data.week} roster={roster.data} queryWeek={week}
          onSaved={(saved) => setNotice(t('roster.saved', { week: weekNumber(saved.week) }))} />
      )}
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {onClose && (
        <div className="mk-actions">
          <Button type="button" appearance="secondary-action-button" onClick={onClose}>{t('common.close')}</Button>
        </div>
      )}
    </section>
  );
}

function RosterWeek({ roster, queryWeek, onSaved }: {
  roster: Roster;
  /** The week as the roster's query names it (null for the current week), to update that query on saving. */
  queryWeek: string | null;
  onSaved: (saved: Roster) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [onDuty, setOnDuty] = useState<number[]>(() => roster.members.filter((m) => m.on_duty).map((m) => m.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = roster.may_change;

  const toggle = (memberId: number, checked: boolean) => {
    setOnDuty(roster.members.map((m) => m.id).filter((mid) => (mid === memberId ? checked : onDuty.includes(mid))));
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await setRoster(roster.pool_id, roster.week, onDuty);
      queryClient.setQueryData(rosterKeys.one(roster.pool_id, queryWeek), saved);
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const weekText = formatWeek(roster.week, i18n.language);
  const table = roster.members.length === 0 ? <Paragraph>{t('roster.noMembers')}</Paragraph> : (
    <div className="mk-table-scroll">
      <Table className="mk-roster-table">
        <TableCaption className="mk-visually-hidden">{t('roster.caption', { name: roster.pool_name, week: weekText })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('roster.member')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('roster.duty')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {roster.members.map((member) => (
            <TableRow key={member.id}>
              <TableHeaderCell scope="row">
                {member.name}
                {member.absent && <>{' '}<span className="mk-mark">{t('roster.absent')}</span></>}
              </TableHeaderCell>
              <TableCell>
                {editable ? (
                  <FormFieldCheckbox
                    label={<>{t('roster.duty')}<span className="mk-visually-hidden"> {member.name}</span></>}
                    checked={onDuty.includes(member.id)}
                    onChange={(e) => toggle(member.id, e.target.checked)} />
                ) : member.on_duty ? t('roster.onDuty') : t('roster.offDuty')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );

  const explanation = <Paragraph className="mk-hint">{roster.has_roster ? t('roster.explain') : t('roster.none')}</Paragraph>;
  if (!editable) return <>{explanation}{table}</>;
  return (
    <form className="mk-form" noValidate onSubmit={(e) => void save(e)} aria-label={t('roster.caption', { name: roster.pool_name, week: weekText })}>
      {explanation}
      {table}
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>{t('roster.save')}</PrimaryActionButton>
          <ActionError message={error} />
        </div>
      </div>
    </form>
  );
}
