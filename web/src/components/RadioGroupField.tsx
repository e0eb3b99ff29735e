// A labelled group of radio buttons (a fieldset with a legend) with its error message tied to it;
// a required group says so to screen readers (aria-required on the radiogroup).
import {
  Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, RadioButton,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
}

export function RadioGroupField<T extends string>({ legend, options, value, onChange, errorMessage, className, required }: {
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
  errorMessage?: string;
  className?: string;
  required?: boolean;
}) {
  const baseId = useId();
  const errorId = `${baseId}-error`;
  return (
    <Fieldset
      role="radiogroup"
      invalid={!!errorMessage}
      required={required}
      aria-describedby={errorMessage ? errorId : undefined}
      className={className}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {errorMessage && <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage>}
      {options.map((option) => {
        const id = `${baseId}-${option.value}`;
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
