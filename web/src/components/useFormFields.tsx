// One form's fields as the catalogue (lib/formFields.ts) has them, in the UI language: the label,
// the label with its visible "(verplicht)" where an answer is required, and what a submit still
// lacks, in the server's words. Every form labels its inputs through this, so the screen and the
// server's refusals name a field alike.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, fieldRequirement, missingAnswerMessages, type FieldValues, type Stage } from '../lib/formFields';

export function useFormFields(form: string) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  /** The label as the catalogue words it, for a view or a button. */
  const text = (name: string) => fieldLabel(form, name, language);

  /** Whether the field is marked required: always, or before sending (for the input's aria-required). */
  const required = (name: string) => fieldRequirement(form, name) !== 'optional';

  /** The label for a label or legend: the catalogue's text and, when required, the marker in words. */
  const label = (name: string): ReactNode => {
    const requirement = fieldRequirement(form, name);
    if (requirement === 'optional') return text(name);
    return (
      <>
        {text(name)}{' '}
        <span className="mk-required">{requirement === 'always' ? t('fields.required') : t('fields.requiredToSend')}</span>
      </>
    );
  };

  /** The sentence for each answer a submit at `stage` still lacks, by field name; empty when none. */
  const missing = (values: FieldValues, stage: Stage = 'draft') => missingAnswerMessages(form, values, stage, language);

  return { text, required, label, missing };
}

