// A labelled text box with its error message tied to it (aria-describedby), built from the
// separate Utrecht packages so the login screen does not pull in the whole component library.
import { FormField } from '@utrecht/form-field-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import { Textbox } from '@utrecht/textbox-react';
import { useId, type ReactNode } from 'react';

export function TextField({ label, value, onChange, errorMessage, type = 'text', autoComplete, name, required }: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  name?: string;
  required?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <FormField
      invalid={!!errorMessage}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      errorMessage={errorMessage ? <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage> : undefined}
      input={
        <Textbox
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={!!errorMessage}
          aria-describedby={errorMessage ? errorId : undefined}
          required={required}
        />
      }
    />
  );
}
