// A public key's PEM: several lines in a typewriter face, no spelling check, what is accepted said
// below the label (`description`), the server's refusal (a private key, no key at all) under it.
import { FormField, FormFieldErrorMessage, FormLabel, Textarea } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import '../styles/copy.css';

export function PemField({ label, description, required, value, onChange, errorMessage }: {
  label: ReactNode;
  description: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}) {
  const id = useId();
  const describedBy = [`${id}-description`, errorMessage ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <FormField
      invalid={!!errorMessage}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={<p id={`${id}-description`} className="mk-hint">{description}</p>}
      errorMessage={errorMessage ? <FormFieldErrorMessage id={`${id}-error`}>{errorMessage}</FormFieldErrorMessage> : undefined}
      input={
        <Textarea id={id} name="public_key" className="mk-pem" rows={8} spellCheck={false} autoComplete="off" value={value}
          placeholder="-----BEGIN PUBLIC KEY-----" onChange={(event) => onChange(event.target.value)} invalid={!!errorMessage}
          required={required} aria-describedby={describedBy} />
      }
    />
  );
}
