// A labelled text box with its error message and, optionally, a description tied to it
// (aria-describedby), built from the separate Utrecht packages so the login screen does not pull
// in the whole component library.
import { FormField } from '@utrecht/form-field-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import { Textbox } from '@utrecht/textbox-react';
import { useId, type HTMLAttributes, type ReactNode, type Ref } from 'react';

export function TextField({
  label, value, onChange, errorMessage, announceError, description, type = 'text', autoComplete, inputMode, name, required,
  inputRef,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  /** Says the error at once (role=alert), for a field that keeps the focus while the server refuses it. */
  announceError?: boolean;
  /** A hint below the label, read out with the field. */
  description?: ReactNode;
  type?: 'text' | 'password' | 'date' | 'time';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  name?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ');
  return (
    <FormField
      invalid={!!errorMessage}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <p id={descriptionId} className="mk-hint">{description}</p> : undefined}
      errorMessage={errorMessage ? (
        <FormFieldErrorMessage id={errorId} role={announceError ? 'alert' : undefined}>{errorMessage}</FormFieldErrorMessage>
      ) : undefined}
      input={
        <Textbox
          ref={inputRef}
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={inputMode ? false : undefined} // a field for codes or numbers holds no words
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={!!errorMessage}
          aria-describedby={describedBy || undefined}
          required={required}
        />
      }
    />
  );
}
