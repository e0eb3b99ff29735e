// A freshly made single-use link (a password reset or an invitation): the full address in a
// read-only field with a button that copies it, until when it works, and what to do with it (the
// children, in a warning). It takes the focus when it appears, so that a screen reader reads it first.
import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/due';
import { fullResetLink } from './api';

export function OneTimeLinkPanel({ title, label, link, children }: {
  title: string;
  label: string;
  link: { token: string; path: string; expires_at: string };
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const href = fullResetLink(link.path);

  useEffect(() => {
    setCopied(null);
    heading.current?.focus();
  }, [link.token]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setCopied(t('users.link.copied'));
    } catch {
      // No clipboard (permission, an insecure origin): the link is selected for Ctrl+C instead.
      field.current?.select();
      setCopied(t('users.link.copyFailed'));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mk-reset-link">
      <Heading2 id={`${id}-title`} ref={heading} tabIndex={-1}>{title}</Heading2>
      <FormField
        label={<FormLabel htmlFor={`${id}-link`}>{label}</FormLabel>}
        input={
          <Textbox ref={field} id={`${id}-link`} readOnly value={href} spellCheck={false} aria-describedby={`${id}-expires`}
            onFocus={(event) => event.currentTarget.select()} />
        }
      />
      <Paragraph id={`${id}-expires`}>
        {t('users.link.expires')} <time dateTime={link.expires_at}>{formatDateTime(link.expires_at, i18n.language)}</time>
      </Paragraph>
      <div className="mk-actions">
        <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>{t('users.link.copy')}</Button>
      </div>
      <p role="status" className="utrecht-paragraph">{copied}</p>
      <Alert type="warning">{children}</Alert>
    </section>
  );
}
