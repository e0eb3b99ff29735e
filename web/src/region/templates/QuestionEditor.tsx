// One question of a template in the editor: its text, key, help text, kind of answer, whether it
// must be answered before sending, the unit of a number and the options of a choice, with buttons
// to move it up or down and to remove it. Labels come from the form field catalogue
// ("template_field"); errors are the editor's, under "fields.<index>.<part>".
import {
  Button, Fieldset, FieldsetLegend, FormFieldCheckbox, FormFieldTextarea, SelectOption,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFormFields } from '../../components/useFormFields';
import { inputValue } from '../../lib/inputValue';
import { kFieldTypes, type FieldType } from '../api';
import { keyFor, kTemplateFieldForm, type QuestionDraft } from './templateFormValues';

export type QuestionMove = 'up' | 'down' | 'remove';

export function QuestionEditor({ question, index, count, errorOf, onChange, onMove }: {
  question: QuestionDraft;
  index: number;
  count: number;
  /** The sentence for part `part` of this question ("key", "label", …), if any. */
  errorOf: (part: string) => string | undefined;
  onChange: (question: QuestionDraft) => void;
  onMove: (move: QuestionMove) => void;
}) {
  const { t } = useTranslation();
  const fields = useFormFields(kTemplateFieldForm);
  const number = index + 1;
  const update = (patch: Partial<QuestionDraft>) => onChange({ ...question, ...patch });
  const setLabel = (label: string) => update(question.keyTyped ? { label } : { label, key: keyFor(label) });
  const which = <span className="mk-visually-hidden"> {t('region.template.whichQuestion', { number })}</span>;
  return (
    <li className="mk-question" data-question={question.uid}>
      <Fieldset>
        <FieldsetLegend className="mk-question__legend">{t('region.template.question', { number })}</FieldsetLegend>
        <TextField label={fields.label('label')} required={fields.required('label')} value={question.label}
          onChange={setLabel} errorMessage={errorOf('label')} name={`question-${question.uid}-label`} />
        <TextField label={fields.label('key')} required={fields.required('key')} value={question.key}
          onChange={(key) => update({ key, keyTyped: true })} errorMessage={errorOf('key')}
          description={t('region.template.keyHelp')} inputMode="text" autoComplete="off" />
        <FormFieldTextarea label={fields.label('help')} value={question.help} rows={2}
          onChange={(e) => update({ help: inputValue(e) })} description={t('region.template.helpHelp')}
          invalid={!!errorOf('help')} errorMessage={errorOf('help')} />
        <SelectField label={fields.label('type')} required={fields.required('type')} value={question.type}
          onChange={(type) => update({ type: type as FieldType })} errorMessage={errorOf('type')}
          description={question.type === 'photo' ? t('region.template.photoHelp') : undefined}>
          {kFieldTypes.map((type) => <SelectOption key={type} value={type}>{t(`region.fieldType.${type}`)}</SelectOption>)}
        </SelectField>
        {question.type === 'number' && (
          <TextField label={fields.label('unit')} value={question.unit} onChange={(unit) => update({ unit })}
            description={t('region.template.unitHelp')} errorMessage={errorOf('unit')} />
        )}
        {question.type === 'choice' && (
          <FormFieldTextarea label={fields.label('options')} value={question.options} rows={4}
            onChange={(e) => update({ options: inputValue(e) })} description={t('region.template.optionsHelp')}
            invalid={!!errorOf('options')} errorMessage={errorOf('options')} />
        )}
        <FormFieldCheckbox label={t('region.template.required')} description={t('region.template.requiredHelp')}
          checked={question.required} onChange={(e) => update({ required: e.target.checked })}
          invalid={!!errorOf('required')} errorMessage={errorOf('required')} />
        <div className="mk-question__buttons">
          <Button type="button" appearance="subtle-button" data-move="up" disabled={index === 0} onClick={() => onMove('up')}>
            {t('region.template.moveUp')}{which}
          </Button>
          <Button type="button" appearance="subtle-button" data-move="down" disabled={index === count - 1} onClick={() => onMove('down')}>
            {t('region.template.moveDown')}{which}
          </Button>
          <Button type="button" appearance="subtle-button" data-move="remove" disabled={count === 1} onClick={() => onMove('remove')}>
            {t('region.template.remove')}{which}
          </Button>
        </div>
      </Fieldset>
    </li>
  );
}
