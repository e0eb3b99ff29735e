// "E-mail" on /meldingen: the language of the mails, the hour of the daily summary (sent on working
// days) and, per kind of notification, whether it comes by mail at once, in the daily summary or
// not at all. Saving sends what differs from the saved choices (PATCH); "Terug naar de standaard"
// puts every kind back to its default. The server's refusal stands at the field it names.
import { Fieldset, FieldsetLegend, Heading2, Paragraph, PrimaryActionButton, SecondaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { RadioGroupField } from '../components/RadioGroupField';
import { SelectField } from '../components/SelectField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useFormFields } from '../components/useFormFields';
import {
  changeNotificationSettings, notificationKeys, useNotificationSettings, type Delivery, type MailLanguage, type NotificationKind,
  type NotificationSettings, type NotificationSettingsChange,
} from './api';
import { kindTitleKey } from './kinds';

const kFields = ['language', 'digest_hour', 'kinds'] as const;
const kDeliveries: readonly Delivery[] = ['immediate', 'digest', 'off'];
const kHours = Array.from({ length: 24 }, (_, hour) => hour);

type Choices = ReadonlyMap<NotificationKind, Delivery>;

function choicesOf(settings: NotificationSettings): Choices {
  return new Map(settings.kinds.map((k) => [k.kind, k.delivery]));
}

/** "08:00": the hour as a clock shows it. */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The change to send: language and hour as chosen, and only the kinds whose delivery differs from `saved`. */
export function settingsChange(saved: NotificationSettings, language: MailLanguage, hour: number, choices: Choices): NotificationSettingsChange {
  const kinds = saved.kinds
    .filter((k) => choices.get(k.kind) !== undefined && choices.get(k.kind) !== k.delivery)
    .map((k) => ({ kind: k.kind, delivery: choices.get(k.kind)! }));
  return { language, digest_hour: hour, ...(kinds.length > 0 ? { kinds } : {}) };
}

export function MailSettingsForm() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <section aria-labelledby="mail-settings-title" id="mail-settings" className="mk-mail-settings">
      <Heading2 id="mail-settings-title">{t('notifications.mail.title')}</Heading2>
      <Paragraph>{t('notifications.mail.intro')}</Paragraph>
      {settings.isPending && <Loading />}
      <ActionError message={settings.error?.message} />
      {settings.data && <SettingsForm saved={settings.data} />}
    </section>
  );
}

function SettingsForm({ saved }: { saved: NotificationSettings }) {
  const { t } = useTranslation();
  const fields = useFormFields('notification_settings');
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<MailLanguage>(saved.language);
  const [hour, setHour] = useState(saved.digest_hour);
  const [choices, setChoices] = useState<Choices>(() => choicesOf(saved));
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [resetError, setResetError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);

  const send = async (which: 'save' | 'reset', change: NotificationSettingsChange) => {
    if (busy) return null;
    setBusy(which);
    setErrors(kNoErrors);
    setResetError(null);
    setNotice(null);
    try {
      const result = await changeNotificationSettings(change);
      queryClient.setQueryData(notificationKeys.settings, result);
      return result;
    } catch (failure) {
      if (which === 'save') setErrors(placeError(failure, kFields, t('errors.unknown')));
      else setResetError(failure instanceof Error ? failure.message : t('errors.unknown'));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await send('save', settingsChange(saved, language, hour, choices));
    if (!result) return;
    setChoices(choicesOf(result));
    setNotice(t('notifications.mail.saved'));
  };

  const reset = async () => {
    const result = await send('reset', { reset_kinds: true });
    if (!result) return;
    setChoices(choicesOf(result));
    setNotice(t('notifications.mail.resetDone'));
  };

  return (
    <form ref={formRef} className="mk-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="mail-settings-title">
      <SelectField label={fields.label('language')} value={language}
        onChange={(value) => setLanguage(value === 'en' ? 'en' : 'nl')} errorMessage={errors.fieldErrors.language}>
        <SelectOption value="nl" lang="nl">Nederlands</SelectOption>
        <SelectOption value="en" lang="en">English</SelectOption>
      </SelectField>
      <SelectField label={fields.label('digest_hour')} description={t('notifications.mail.digestHourHelp')}
        value={String(hour)} onChange={(value) => setHour(Number(value))} errorMessage={errors.fieldErrors.digest_hour}>
        {kHours.map((h) => <SelectOption key={h} value={String(h)}>{hourText(h)}</SelectOption>)}
      </SelectField>
      <Fieldset className="mk-mail-kinds">
        <FieldsetLegend>{fields.label('kinds')}</FieldsetLegend>
        {/* Refused as a whole (a kind that is not a choice); said at once, above the kinds. */}
        <ActionError message={errors.fieldErrors.kinds} />
        {saved.kinds.map(({ kind }) => (
          <RadioGroupField<Delivery> key={kind} className="mk-inline-radios" legend={t(kindTitleKey(kind))}
            options={kDeliveries.map((d) => ({ value: d, label: t(`notifications.delivery.${d}`) }))}
            value={choices.get(kind) ?? ''}
            onChange={(delivery) => setChoices(new Map(choices).set(kind, delivery))} />
        ))}
      </Fieldset>
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy === 'save'}>{t('notifications.mail.save')}</PrimaryActionButton>
          <ActionError message={errors.actionError} />
        </div>
        <div className="mk-action">
          <SecondaryActionButton type="button" busy={busy === 'reset'} onClick={() => void reset()}>
            {fields.text('reset_kinds')}
          </SecondaryActionButton>
          <ActionError message={resetError} />
        </div>
      </div>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
    </form>
  );
}
