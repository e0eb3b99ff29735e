// A value to hand over (an id, an address) in a read-only text box, selected when focused, with a
// copy button beside it.
import { FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import { useId, useRef } from 'react';
import '../styles/copy.css';
import { CopyButton } from './CopyButton';

export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  return (
    <div className="mk-copy-field">
      <FormField
        label={<FormLabel htmlFor={id}>{label}</FormLabel>}
        input={<Textbox ref={field} id={id} readOnly value={value} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />}
      />
      <CopyButton text={value} target={field} context={label} />
    </div>
  );
}
