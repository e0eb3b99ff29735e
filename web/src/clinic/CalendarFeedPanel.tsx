// "Agenda" on /meldingen: a secret address at which a calendar program (Outlook, Google Agenda,
// Apple Agenda) subscribes to the caller's sessions and bookings. It holds no patient data. The
// address is shown once, right after it is made, with a button that copies it; making a new one
// ends the old one, and revoking ends it without a new one (after a confirmation, as the
// calendars that use it stop getting updates).
import {
  Alert, Button, FormField, FormLabel, Heading2, Paragraph, Textbox,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { ModalDialog } from '../components/ModalDialog';
import { formatDateTime } from '../lib/due';
import { clinicKeys, renewCalendarFeed, revokeCalendarFeed, useCalendarFeed } from './api';

/** The address a calendar program subscribes to: this site's origin and the path the server gave. */
export function feedUrl(path: string, origin: string = window.location.origin): string {
  return origin + path;
}

export function CalendarFeedPanel() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useCalendarFeed();
  const [busy, setBusy] = useState<'renew' | 'revoke' | null>(null);
  const [error, setError] = useState<{ which: 'renew' | 'revoke'; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Shown only now: the server never gives the path again.
  const [madePath, setMadePath] = useState<string | null>(null);

  const run = async (which: 'renew' | 'revoke') => {
    if (busy) return;
    setBusy(which);
    setError(null);
    setNotice(null);
    try {
      if (which === 'renew') {
        const made = await renewCalendarFeed();
        setMadePath(made.path ?? null);
        queryClient.setQueryData(clinicKeys.calendarFeed, { active: made.active, created_at: made.created_at });
      } else {
        await revokeCalendarFeed();
        setMadePath(null);
        setNotice(t('clinic.feed.revoked'));
        await queryClient.invalidateQueries({ queryKey: clinicKeys.calendarFeed });
      }
    } catch (failure) {
      setError({ which, message: failure instanceof Error ? failure.message : t('errors.unknown') });
    } finally {
      setBusy(null);
    }
  };
  const failed = (which: 'renew' | 'revoke') => (error?.which === which ? error.message : null);
  const state = feed.data;

  return (
    <section aria-labelledby="calendar-feed-title" id="calendar-feed" className="mk-calendar-feed">
      <Heading2 id="calendar-feed-title">{t('clinic.feed.title')}</Heading2>
      <Paragraph>{t('clinic.feed.intro')}</Paragraph>
      {feed.isPending && <Loading />}
      <ActionError message={feed.error?.message} />
      {state && (
        <Paragraph>
          {state.active && state.created_at
            ? t('clinic.feed.active', { when: formatDateTime(state.created_at, i18n.language) })
            : t('clinic.feed.inactive')}
        </Paragraph>
      )}
      {madePath && <FeedAddress url={feedUrl(madePath)} />}
      {state && (
        <div className="mk-actions">
          <div className="mk-action">
            <Button type="button" appearance={state.active ? 'secondary-action-button' : 'primary-action-button'}
              busy={busy === 'renew'} onClick={() => void run('renew')}>
              {state.active ? t('clinic.feed.renew') : t('clinic.feed.make')}
            </Button>
            {state.active && <span className="mk-hint">{t('clinic.feed.renewHelp')}</span>}
            <ActionError message={failed('renew')} />
          </div>
          {state.active && (
            <div className="mk-action">
              <ModalDialog title={t('clinic.feed.revokeTitle')}
                trigger={<AriaButton className="utrecht-button utrecht-button--secondary-action">{t('clinic.feed.revoke')}</AriaButton>}>
                <Paragraph>{t('clinic.feed.revokeConfirm')}</Paragraph>
                <div className="mk-action">
                  <Button type="button" appearance="primary-action-button" hint="danger" busy={busy === 'revoke'}
                    onClick={() => void run('revoke')}>
                    {t('clinic.feed.revoke')}
                  </Button>
                  <ActionError message={failed('revoke')} />
                </div>
              </ModalDialog>
            </div>
          )}
        </div>
      )}
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
    </section>
  );
}

/** The new address in a read-only field with a copy button; it takes the focus when it appears. */
function FeedAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    setCopied(null);
    field.current?.focus();
  }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('clinic.feed.copied'));
    } catch {
      // No clipboard (permission, an insecure origin): the address is selected for Ctrl+C instead.
      field.current?.select();
      setCopied(t('clinic.feed.copyFailed'));
    }
  };
  return (
    <div className="mk-feed-address">
      <FormField
        label={<FormLabel htmlFor="calendar-feed-url">{t('clinic.feed.address')}</FormLabel>}
        input={
          <Textbox ref={field} id="calendar-feed-url" readOnly value={url} spellCheck={false} aria-describedby="calendar-feed-once"
            onFocus={(event) => event.currentTarget.select()} />
        }
      />
      <div className="mk-actions">
        <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>{t('clinic.feed.copy')}</Button>
      </div>
      <p role="status" className="utrecht-paragraph">{copied}</p>
      <Alert type="warning">
        <Paragraph id="calendar-feed-once">{t('clinic.feed.once')}</Paragraph>
        <Paragraph>{t('clinic.feed.subscribe')}</Paragraph>
      </Alert>
    </div>
  );
}
