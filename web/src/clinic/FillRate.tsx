// How full a session is: "3 van 4" in words, with the waiting list when there is one, and a bar
// beside it for the eye. The bar is hidden from screen readers; the words say the same.
import { useTranslation } from 'react-i18next';
import type { ClinicSession } from './api';

export function FillRate({ session }: { session: ClinicSession }) {
  const { t } = useTranslation();
  const percent = Math.round(Math.min(1, Math.max(0, session.fill_rate)) * 100);
  return (
    <span className="mk-fill">
      <span className="mk-fill__bar" aria-hidden="true">
        <span className="mk-fill__done" style={{ inlineSize: `${percent}%` }} />
      </span>
      <span className="mk-fill__text">
        {t('clinic.fill', { booked: session.booked, count: session.slot_count })}
        {session.waiting > 0 && <>, {t('clinic.waitingCount', { count: session.waiting })}</>}
      </span>
    </span>
  );
}
