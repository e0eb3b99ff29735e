// The step before a reset link that also removes a user's second factor. That link alone opens the
// account, so the panel says to check who the person is first, as at their first enrolment, and
// makes the coordinator tick that they did before it asks for the link. It takes the focus when it
// appears; an unticked box or the server's refusal of the check goes under the box (which then
// takes the focus), any other refusal next to the button.
import { Button, FormFieldCheckbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import type { ManagedUser } from './api';

/** The request field the server names when it refuses the identity check. */
export const kIdentityCheckedField = 'identity_checked';

export function SecondFactorResetPanel({ user, checked, onCheckedChange, errors, busy, onConfirm, onCancel }: {
  user: ManagedUser;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** The server's refusal of the last attempt, placed on `identity_checked` or the action. */
  errors: PlacedError;
  busy: boolean;
  /** Called only with the box ticked. */
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const [unticked, setUnticked] = useState(false);
  const serverFieldError = errors.fieldErrors[kIdentityCheckedField];
  const fieldError = unticked ? t('users.resetSecondFactor.identityRequired', { name: user.display_name }) : serverFieldError;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (serverFieldError) checkbox.current?.focus();
  }, [serverFieldError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!checked) {
      setUnticked(true);
      checkbox.current?.focus();
      return;
    }
    onConfirm();
  };

  return (
    <form onSubmit={submit} noValidate className="mk-form" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('users.resetSecondFactor.title', { name: user.display_name })}
      </Heading2>
      <Paragraph>{t('users.resetSecondFactor.explain', { name: user.display_name })}</Paragraph>
      <Paragraph>{t('users.resetSecondFactor.identity')}</Paragraph>
      <FormFieldCheckbox
        label={t('users.resetSecondFactor.identityChecked', { name: user.display_name })}
        required
        checked={checked}
        inputRef={checkbox}
        onChange={(event) => {
          setUnticked(false);
          onCheckedChange(event.target.checked);
        }}
        invalid={!!fieldError}
        errorMessage={fieldError}
      />
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="submit" appearance="primary-action-button" busy={busy}>{t('users.makeLink')}</Button>
          <ActionError message={errors.actionError} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('users.resetSecondFactor.cancel')}
        </Button>
      </div>
    </form>
  );
}
