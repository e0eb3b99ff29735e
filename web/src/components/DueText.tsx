// A response deadline: relative time with the exact time as a title; when passed, an icon and the
// word "overdue" as well as the colour, so it is not told by colour alone. The consult's status is
// required: a deadline means something only while the specialist's answer is awaited, and every
// view (list or consult) must apply that rule alike.
import { useTranslation } from 'react-i18next';
import type { ConsultStatus } from '../consults/api';
import { deadlineApplies, describeDue } from '../lib/due';
import { useNow } from '../lib/useNow';

export function DueText({ dueAt, status }: { dueAt: string | null | undefined; status: ConsultStatus }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (status !== 'draft' && !deadlineApplies(status)) {
    return <span className="mk-due mk-due--none">{t('due.done')}</span>;
  }
  const due = describeDue(dueAt, now, i18n.language);
  if (!due || !dueAt) return <span className="mk-due mk-due--none">{t('due.none')}</span>;
  return (
    <span className={due.overdue ? 'mk-due mk-due--overdue' : 'mk-due'}>
      {due.overdue && (
        <>
          <span aria-hidden="true" className="mk-due__icon">⚠</span> <strong>{t('due.overdue')}</strong>{' '}
        </>
      )}
      <time dateTime={dueAt} title={due.absolute}>
        {due.relative}
      </time>
    </span>
  );
}
