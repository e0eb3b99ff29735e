// The questions the agreement with the chosen pool asks besides the consult's own, under the
// template's name, each by its kind: text as a text area, a number with its unit, yes/no as two
// radio buttons, a choice as radio buttons (a list box for many options), a date, and a photo as
// a pointer to the attachments (an attachment answers it). A required question is marked
// "(verplicht om te versturen)": the server asks its answer only for sending. Errors by the
// server's field names, "template_answers.<key>".
import {
  FormField, FormFieldDescription, FormFieldErrorMessage, FormFieldTextarea, FormLabel, Heading2, Paragraph,
  SelectOption, Textbox,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { inputValue } from '../../lib/inputValue';
import type { TemplateVersion } from '../api';
import { templateAnswerField, type TemplateAnswerTexts } from './templateAnswers';

type TemplateField = TemplateVersion['fields'][number];

/** A choice with more options than this is a list box rather than radio buttons. */
const kMaxRadioOptions = 5;

export function TemplateQuestions({ template, answers, onChange, errorOf }: {
  template: TemplateVersion;
  answers: TemplateAnswerTexts;
  onChange: (key: string, text: string) => void;
  /** The sentence for the API field `name`, if any. */
  errorOf: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="form-template" className="mk-template-questions">
      <Heading2 id="form-template">{template.name}</Heading2>
      <Paragraph className="mk-hint">{t('form.template.intro')}</Paragraph>
      {errorOf('template_answers') && <FormFieldErrorMessage role="alert">{errorOf('template_answers')}</FormFieldErrorMessage>}
      {template.fields.map((field) => (
        <TemplateQuestion key={field.key} field={field} value={answers[field.key] ?? ''}
          onChange={(text) => onChange(field.key, text)} errorMessage={errorOf(templateAnswerField(field.key))} />
      ))}
    </section>
  );
}

function TemplateQuestion({ field, value, onChange, errorMessage }: {
  field: TemplateField;
  value: string;
  onChange: (text: string) => void;
  errorMessage: string | undefined;
}) {
  const { t } = useTranslation();
  const label: ReactNode = field.required
    ? <>{field.label} <span className="mk-required">{t('fields.requiredToSend')}</span></>
    : field.label;
  const help = field.help || undefined;
  switch (field.type) {
    case 'text':
      return (
        <FormFieldTextarea label={label} description={help} value={value} rows={3} required={field.required}
          onChange={(e) => onChange(inputValue(e))} invalid={!!errorMessage} errorMessage={errorMessage} />
      );
    case 'number':
      return <NumberQuestion label={label} help={help} unit={field.unit} value={value} onChange={onChange}
        required={field.required} errorMessage={errorMessage} />;
    case 'yes_no':
      return (
        <RadioGroupField<'yes' | 'no'> legend={label} description={help} required={field.required}
          options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
          value={value === 'yes' || value === 'no' ? value : ''} onChange={onChange} errorMessage={errorMessage}
          className="mk-inline-radios" />
      );
    case 'choice':
      if (field.options.length > kMaxRadioOptions) {
        return (
          <SelectField label={label} description={help} required={field.required} value={value} onChange={onChange}
            errorMessage={errorMessage}>
            <SelectOption value="">{t('form.template.choose')}</SelectOption>
            {field.options.map((option) => <SelectOption key={option} value={option}>{option}</SelectOption>)}
          </SelectField>
        );
      }
      return (
        <RadioGroupField<string> legend={label} description={help} required={field.required}
          options={field.options.map((option) => ({ value: option, label: option }))}
          value={value} onChange={onChange} errorMessage={errorMessage} />
      );
    case 'date':
      return <TextField label={label} description={help} type="date" value={value} onChange={onChange}
        required={field.required} errorMessage={errorMessage} />;
    case 'photo':
      return <PhotoQuestion label={label} help={help} errorMessage={errorMessage} />;
  }
}

/** A number in a text box with a decimal keyboard (a comma or a point), its unit after it. */
function NumberQuestion({ label, help, unit, value, onChange, required, errorMessage }: {
  label: ReactNode;
  help: string | undefined;
  unit: string | null;
  value: string;
  onChange: (text: string) => void;
  required: boolean;
  errorMessage: string | undefined;
}) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : '', unit ? `${id}-unit` : '', errorMessage ? `${id}-error` : '']
    .filter(Boolean).join(' ');
  return (
    <FormField
      invalid={!!errorMessage}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={help ? <FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription> : undefined}
      errorMessage={errorMessage ? <FormFieldErrorMessage id={`${id}-error`}>{errorMessage}</FormFieldErrorMessage> : undefined}
      input={
        <span className="mk-number-with-unit">
          <Textbox id={id} inputMode="decimal" spellCheck={false} autoComplete="off" size={8} value={value}
            onChange={(e) => onChange(e.target.value)} invalid={!!errorMessage} required={required}
            aria-describedby={describedBy || undefined} />
          {unit && <span id={`${id}-unit`} className="mk-unit">{unit}</span>}
        </span>
      }
    />
  );
}

/** A photo question has no input of its own: the attachments above answer it. */
function PhotoQuestion({ label, help, errorMessage }: { label: ReactNode; help: string | undefined; errorMessage: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint${errorMessage ? ` ${id}-error` : ''}`}
      className={`utrecht-form-field mk-photo-question${errorMessage ? ' utrecht-form-field--invalid' : ''}`}>
      <div id={`${id}-label`} className="utrecht-form-label mk-photo-question__label">{label}</div>
      <p id={`${id}-hint`} className="mk-hint">
        {help && <>{help} </>}
        {t('form.template.photoHint', { attachments: t('attachments.label') })}
      </p>
      {errorMessage && <FormFieldErrorMessage id={`${id}-error`}>{errorMessage}</FormFieldErrorMessage>}
    </div>
  );
}
