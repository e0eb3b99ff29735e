// A labelled group of radio buttons (a fieldset with a legend) with its error message and,
// optionally, a description tied to it; a required group says so to screen readers (aria-required
// on the radiogroup).
import {
  Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
}

export function RadioGroupField<T extends string>({ legend, options, value, onChange, errorMessage, className, required, description }: {
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
  errorMessage?: string;
  className?: string;
  required?: boolean;
  /** A hint below the legend, read out with the group. */
  description?: ReactNode;
}) {
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const descriptionId = `${baseId}-description`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ');
  return (
    <Fieldset
      role="radiogroup"
      invalid={!!errorMessage}
      required={required}
      aria-describedby={describedBy || undefined}
      className={className}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {errorMessage && <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage>}
      {options.map((option, index) => {
        // By position: a value may hold spaces ("Te veel"), which an id may not.
        const id = `${baseId}-${index}`;
        return (
          <FormField
            key={option.value}
            type="radio"
            label={<FormLabel htmlFor={id} type="radio" checked={value === option.value}>{option.label}</FormLabel>}
            input={
              <RadioButton
                id={id}
                name={baseId}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                invalid={!!errorMessage}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
