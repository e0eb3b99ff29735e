// Choosing where the patient comes: the next sessions the consult can be booked into (the server
// names them), each a group of its free slots, or of its waiting list when it is full; one choice
// over all of them (native radio buttons sharing one name). When someone else took the slot first
// (409) the server's sentence stands by the button, the choice is undone and the sessions are
// asked again, so the slot taken is no longer offered.
import {
  Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading3, Paragraph,
  PrimaryActionButton, RadioButton, SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, placeError } from '../../api/errors';
import { ActionError } from '../../components/ActionError';
import { Loading } from '../../components/Loading';
import { bookConsult, useBookingOptions, type Booking, type ClinicSessionDetail } from '../../clinic/api';
import { bookingRequest, freeSlots, slotChoice, waitingChoice } from '../../clinic/booking';
import { formatDay, timeSpan } from '../../clinic/clinicTime';

const kFields = ['slot_id', 'waiting_session_id'] as const;

export function SlotPicker({ consultId, onBooked, onClose }: {
  consultId: number;
  onBooked: (booking: Booking) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const options = useBookingOptions(consultId, true);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const sessions = (options.data?.items ?? []).filter((s) => s.status === 'planned');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setActionError(null);
    const request = bookingRequest(choice);
    if (!request) {
      setChoiceError(t('booking.chooseFirst'));
      return;
    }
    setBusy(true);
    setChoiceError(null);
    try {
      onBooked(await bookConsult(consultId, request));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setActionError(failure.message);
        setChoice('');
        void options.refetch();
      } else {
        const placed = placeError(failure, kFields, t('errors.unknown'));
        setChoiceError(Object.values(placed.fieldErrors)[0] ?? null);
        setActionError(placed.actionError);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mk-action-form mk-slot-picker" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <Heading3 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('booking.pickTitle')}</Heading3>
      {options.isPending && <Loading />}
      <ActionError message={options.error?.message} />
      {options.isSuccess && sessions.length === 0 && <Paragraph>{t('booking.noSessions')}</Paragraph>}
      {sessions.length > 0 && (
        <Fieldset invalid={!!choiceError} aria-describedby={choiceError ? `${id}-error` : undefined}>
          <FieldsetLegend>{t('booking.choose')}</FieldsetLegend>
          {choiceError && <FormFieldErrorMessage id={`${id}-error`}>{choiceError}</FormFieldErrorMessage>}
          {sessions.map((session) => (
            <SessionChoices key={session.id} session={session} name={id} value={choice} onChange={setChoice} invalid={!!choiceError} />
          ))}
        </Fieldset>
      )}
      <div className="mk-actions">
        <div className="mk-action">
          {sessions.length > 0 && <PrimaryActionButton type="submit" busy={busy}>{t('booking.submit')}</PrimaryActionButton>}
          <ActionError message={actionError} />
        </div>
        <SecondaryActionButton type="button" onClick={onClose}>{t('booking.close')}</SecondaryActionButton>
      </div>
    </form>
  );
}

/** One session's choices: its free slots, or its waiting list when none is free. */
function SessionChoices({ session, name, value, onChange, invalid }: {
  session: ClinicSessionDetail;
  name: string;
  value: string;
  onChange: (choice: string) => void;
  invalid: boolean;
}) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const free = freeSlots(session);
  const choices = free.length > 0
    ? free.map((slot) => ({ value: slotChoice(slot), label: timeSpan(slot.starts_at, slot.ends_at) }))
    : [{ value: waitingChoice(session), label: t('booking.waitingOption', { count: session.waiting }) }];
  return (
    <Fieldset aria-describedby={`${baseId}-about`} className="mk-session-choices">
      <FieldsetLegend>
        {t('booking.sessionLegend', {
          day: formatDay(session.day, i18n.language), start: session.start_time, end: session.end_time,
        })}
      </FieldsetLegend>
      <FormFieldDescription id={`${baseId}-about`}>
        {session.location} · {session.specialist.name} · {t('clinic.fill', { booked: session.booked, count: session.slot_count })}
        {free.length === 0 && <> · {t('booking.full')}</>}
      </FormFieldDescription>
      {choices.map((choice, index) => {
        const inputId = `${baseId}-${index}`;
        return (
          <FormField
            key={choice.value}
            type="radio"
            label={<FormLabel htmlFor={inputId} type="radio" checked={value === choice.value}>{choice.label}</FormLabel>}
            input={
              <RadioButton id={inputId} name={name} value={choice.value} checked={value === choice.value}
                onChange={() => onChange(choice.value)} invalid={invalid} />
            }
          />
        );
      })}
    </Fieldset>
  );
}
