// Moving a planned session to another day or start time, for the coordinators of either side
// (`may_change`); its slots and bookings move along and the GPs are told. The move is made to the
// version on screen: when someone else changed the session first (409) the form says so and
// offers the newest version.
import { Heading3, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { TextField } from '../components/TextField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useFormFields } from '../components/useFormFields';
import { moveSession, type ClinicSessionDetail } from './api';
import { kSessionForm } from './planSessionValues';

const kFields = ['day', 'starts_at'] as const;

export function MoveSessionForm({ session, onMoved, onReload }: {
  session: ClinicSessionDetail;
  onMoved: (moved: ClinicSessionDetail) => void;
  /** After a 409: fetch the newest version; the form starts again from it. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const fields = useFormFields(kSessionForm);
  const [day, setDay] = useState(session.day);
  const [startsAt, setStartsAt] = useState(session.start_time);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [conflict, setConflict] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConflict(null);
    // Of the session form's required answers, only these two are asked here.
    const all = fields.missing({ day, starts_at: startsAt });
    const missing = Object.fromEntries(kFields.filter((name) => all[name]).map((name) => [name, all[name]!]));
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      onMoved(await moveSession(session.id, { version: session.version, day, starts_at: startsAt }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setConflict(failure.message);
      else setErrors(placeError(failure, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="mk-form mk-action-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="clinic-move">
      <Heading3 id="clinic-move">{t('clinic.move.title')}</Heading3>
      <TextField type="date" label={fields.label('day')} required={fields.required('day')} value={day} onChange={setDay}
        errorMessage={errors.fieldErrors.day} />
      <TextField type="time" label={fields.label('starts_at')} required={fields.required('starts_at')} value={startsAt}
        onChange={setStartsAt} description={t('clinic.move.help')} errorMessage={errors.fieldErrors.starts_at} />
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>{t('clinic.move.submit')}</PrimaryActionButton>
          <ActionError message={errors.actionError ?? conflict} />
          {conflict && (
            <SecondaryActionButton type="button" onClick={onReload}>{t('region.loadNewest')}</SecondaryActionButton>
          )}
        </div>
      </div>
    </form>
  );
}
