// A labelled group of checkboxes (a fieldset with a legend) for choosing several of a list, with
// its error message tied to the group. A group that needs a choice says so in its legend's words
// ("(verplicht)"); ARIA has no required state for a group of checkboxes.
import {
  Fieldset, FieldsetLegend, FormFieldCheckbox, FormFieldDescription, FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

export interface CheckboxOption<T extends string | number> {
  value: T;
  label: ReactNode;
}

export function CheckboxGroupField<T extends string | number>({ legend, options, value, onChange, errorMessage, description, className }: {
  legend: ReactNode;
  options: readonly CheckboxOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  errorMessage?: string;
  description?: ReactNode;
  className?: string;
}) {
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const descriptionId = `${baseId}-description`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ');
  const toggle = (option: T, checked: boolean) => {
    // In the order of the options, whatever the order of the clicks.
    const next = options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v)));
    onChange(next);
  };
  return (
    <Fieldset invalid={!!errorMessage} aria-describedby={describedBy || undefined} className={className}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {errorMessage && <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage>}
      {options.map((option) => (
        <FormFieldCheckbox
          key={option.value}
          label={option.label}
          checked={value.includes(option.value)}
          onChange={(event) => toggle(option.value, event.target.checked)}
          inputInvalid={!!errorMessage}
        />
      ))}
    </Fieldset>
  );
}
