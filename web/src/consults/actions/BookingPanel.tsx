// "Meekijkspreekuur" beside a consult: where and when its patient comes to a physical session (or
// where on the waiting list), and for the practice's GP or assistant, while the consult can be
// booked, choosing a slot (or another one) and cancelling the booking (after a confirmation, as a
// freed slot goes to the first on the waiting list). Whether it can be booked follows the server's
// rule (clinic/booking.ts); the server still refuses what it does not allow, and that is shown.
import {
  Button as UtrechtButton, DataList, Heading2, Paragraph,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { Fact } from '../../components/Fact';
import { ModalDialog } from '../../components/ModalDialog';
import { clinicKeys, unbookConsult, type Booking } from '../../clinic/api';
import { booksFor, isBookable } from '../../clinic/booking';
import { formatDay, timeSpan } from '../../clinic/clinicTime';
import { consultKeys, type Consult } from '../api';
import { SlotPicker } from './SlotPicker';

export function BookingFacts({ booking }: { booking: Booking }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList className="mk-details">
      <Fact label={t('clinic.column.day')}>{formatDay(booking.day, i18n.language)}</Fact>
      <Fact label={t('clinic.column.time')}>
        {booking.slot_id !== null
          ? timeSpan(booking.starts_at, booking.ends_at)
          : t('booking.onWaitingList', { position: booking.waiting_position, span: timeSpan(booking.starts_at, booking.ends_at) })}
      </Fact>
      <Fact label={t('clinic.column.location')}>{booking.location}</Fact>
      <Fact label={t('clinic.column.specialist')}>{booking.specialist_name}</Fact>
      {booking.attendance !== 'expected' && <Fact label={t('clinic.slot.attendance')}>{t(`clinic.attendance.${booking.attendance}`)}</Fact>}
    </DataList>
  );
}

export function BookingPanel({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [choosing, setChoosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<'heading' | 'choose' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const { booking } = consult;
  const acts = booksFor(consult) && isBookable(consult);

  useEffect(() => {
    if (focus === 'heading') heading.current?.focus();
    if (focus === 'choose') chooseButton.current?.focus();
    if (focus) setFocus(null);
  }, [focus]);

  if (!booking && !acts) return null;

  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: consultKeys.all }),
    queryClient.invalidateQueries({ queryKey: clinicKeys.sessions }),
    queryClient.removeQueries({ queryKey: clinicKeys.bookingOptions(consult.id) }),
  ]);

  const booked = (made: Booking) => {
    setChoosing(false);
    setNotice(made.slot_id !== null
      ? t('booking.booked', { day: formatDay(made.day, i18n.language), span: timeSpan(made.starts_at, made.ends_at) })
      : t('booking.waiting', { day: formatDay(made.day, i18n.language), position: made.waiting_position }));
    setFocus('heading');
    void refresh();
  };

  const unbook = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await unbookConsult(consult.id);
      setNotice(t('booking.cancelled'));
      setFocus('heading');
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="booking-heading" className="mk-booking-panel">
      <Heading2 id="booking-heading" ref={heading} tabIndex={-1}>{t('booking.title')}</Heading2>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {booking ? <BookingFacts booking={booking} /> : <Paragraph>{t('booking.notBooked')}</Paragraph>}
      {acts && !choosing && (
        <div className="mk-actions">
          <div className="mk-action">
            <UtrechtButton ref={chooseButton} type="button" appearance={booking ? 'secondary-action-button' : 'primary-action-button'}
              onClick={() => { setNotice(null); setChoosing(true); }}>
              {booking ? t('booking.chooseOther') : t('booking.choosePrompt')}
            </UtrechtButton>
          </div>
          {booking && (
            <div className="mk-action">
              <ModalDialog title={t('booking.cancelTitle')}
                trigger={<Button className="utrecht-button utrecht-button--secondary-action">{t('booking.cancel')}</Button>}>
                <Paragraph>{t('booking.cancelConfirm')}</Paragraph>
                <div className="mk-action">
                  <UtrechtButton type="button" appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void unbook()}>
                    {t('booking.cancel')}
                  </UtrechtButton>
                  <ActionError message={error} />
                </div>
              </ModalDialog>
            </div>
          )}
        </div>
      )}
      {acts && choosing && (
        <SlotPicker consultId={consult.id} onBooked={booked} onClose={() => { setChoosing(false); setFocus('choose'); }} />
      )}
    </section>
  );
}
