// A labelled file chooser for one file, with its error message and, optionally, a description tied
// to it (aria-describedby); it hands over the chosen file, or null when the choice is cleared.
import { FormField } from '@utrecht/form-field-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import { useId, type ReactNode } from 'react';

export function FileField({ label, accept, onChange, errorMessage, description }: {
  label: ReactNode;
  /** The types offered, as the accept attribute takes them: ".csv,text/csv". */
  accept: string;
  onChange: (file: File | null) => void;
  errorMessage?: string;
  description?: ReactNode;
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
      errorMessage={errorMessage ? <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage> : undefined}
      input={
        <input
          id={id}
          type="file"
          accept={accept}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      }
    />
  );
}
