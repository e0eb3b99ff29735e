// The confirmation before deactivating someone: their logins end at once and they cannot log in
// again until reactivated, while their name stays in the history of the consults they worked on.
// It takes the focus when it appears; a refusal stands next to the button.
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import type { ManagedUser } from './api';

export function DeactivatePanel({ user, busy, error, onConfirm, onCancel }: {
  user: ManagedUser;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = user.display_name;
  return (
    <section aria-labelledby={`${id}-title`} className="mk-form">
      <Heading2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('users.deactivate.title', { name })}</Heading2>
      <Paragraph>{t('users.deactivate.explain', { name })}</Paragraph>
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="button" appearance="primary-action-button" busy={busy} onClick={() => busy || onConfirm()}>
            {t('users.deactivate.confirm')}
          </Button>
          <ActionError message={error} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('users.deactivate.cancel')}</Button>
      </div>
    </section>
  );
}
