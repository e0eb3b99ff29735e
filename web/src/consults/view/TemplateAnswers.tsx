// The answers to the question template the consult was written to, under the template's name:
// each question by its label, yes/no as Ja/Nee, a number with its unit, a date in words, and for a
// photo question a pointer to the attachments.
import { DataList, DataListItem, DataListKey, DataListValue, Heading2 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/calendarDate';
import type { Consult, TemplateVersion } from '../api';

type Field = TemplateVersion['fields'][number];

function answerText(field: Field, value: unknown, attachments: number, t: (key: string) => string, language: string): string {
  if (field.type === 'photo') return attachments > 0 ? t('view.template.seeAttachments') : t('common.notAnswered');
  if (value === undefined || value === null || value === '') return t('common.notAnswered');
  switch (field.type) {
    case 'yes_no':
      return t(value === true ? 'common.yes' : 'common.no');
    case 'number': {
      const shown = typeof value === 'number' ? new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL').format(value) : String(value);
      return field.unit ? `${shown} ${field.unit}` : shown;
    }
    case 'date':
      return formatDate(String(value), language);
    default:
      return String(value);
  }
}

export function TemplateAnswers({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  const template = consult.template;
  if (!template) return null;
  const answers = (consult.template_answers ?? {}) as Record<string, unknown>;
  return (
    <section aria-labelledby="template-answers" className="mk-template-answers">
      <Heading2 id="template-answers">{template.name}</Heading2>
      <DataList className="mk-details">
        {template.fields.map((field) => (
          <DataListItem key={field.key}>
            <DataListKey>{field.label}</DataListKey>
            <DataListValue>
              <span className={field.type === 'text' ? 'mk-prewrap' : undefined}>
                {answerText(field, answers[field.key], consult.attachments.length, t, i18n.language)}
              </span>
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}
