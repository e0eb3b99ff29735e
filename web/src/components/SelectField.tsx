// A labelled native select (Utrecht styling) with its error message tied to it.
import { FormField, FormFieldErrorMessage, FormLabel, Select } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

export function SelectField({ label, value, onChange, errorMessage, children, description, required }: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  description?: ReactNode;
  children: ReactNode;
  required?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ');
  return (
    <FormField
      invalid={!!errorMessage}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <span id={descriptionId}>{description}</span> : undefined}
      errorMessage={errorMessage ? <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage> : undefined}
      input={
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} invalid={!!errorMessage} required={required} aria-describedby={describedBy || undefined}>
          {children}
        </Select>
      }
    />
  );
}
