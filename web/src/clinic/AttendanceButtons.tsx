// Whether the patient of a slot came: "Gezien" or "Niet gekomen", recorded by the session's
// specialist on or after its day. The recorded one is pressed (aria-pressed); the server's refusal
// (before the day: 409) stands next to the buttons.
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { recordAttendance, type Attendance, type ClinicSlot } from './api';

const kChoices: readonly Exclude<Attendance, 'expected'>[] = ['seen', 'no_show'];

export function AttendanceButtons({ slot, consultNumber, onRecorded }: {
  slot: ClinicSlot;
  /** Named in each button's hidden text, so that a list of buttons says whose it is. */
  consultNumber: string;
  onRecorded: (slot: ClinicSlot) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Attendance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const record = async (attendance: Exclude<Attendance, 'expected'>) => {
    if (busy) return;
    setBusy(attendance);
    setError(null);
    try {
      onRecorded(await recordAttendance(slot.id, attendance));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="mk-action">
      <div className="mk-attendance" role="group" aria-label={t('clinic.dayList.attendanceOf', { number: consultNumber })}>
        {kChoices.map((choice) => (
          <Button key={choice} type="button" appearance="secondary-action-button" aria-pressed={slot.attendance === choice}
            busy={busy === choice} onClick={() => void record(choice)}>
            {t(`clinic.attendance.${choice}`)}
          </Button>
        ))}
      </div>
      <ActionError message={error} />
    </div>
  );
}
