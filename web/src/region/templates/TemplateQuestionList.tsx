// A template's questions as the GP will meet them, for reading: text, kind of answer, whether
// required before sending, unit or options, help text and key.
import { OrderedList, OrderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TemplateField } from '../api';

export function TemplateQuestionList({ fields }: { fields: readonly TemplateField[] }) {
  const { t } = useTranslation();
  return (
    <OrderedList className="mk-question-list">
      {fields.map((field) => (
        <OrderedListItem key={field.key}>
          <strong>{field.label}</strong>{' '}
          <span className="mk-hint">
            ({[
              t(`region.fieldType.${field.type}`),
              field.unit ? t('region.template.inUnit', { unit: field.unit }) : '',
              field.required ? t('region.template.requiredShort') : '',
            ].filter(Boolean).join(', ')})
          </span>
          {field.options.length > 0 && <div>{t('region.template.optionsList', { options: field.options.join(' · ') })}</div>}
          {field.help && <div className="mk-hint">{field.help}</div>}
          <div className="mk-hint">{t('region.template.keyShown', { key: field.key })}</div>
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}
