// What the consult is about: patient, reason, question, clinical summary, addressee and the
// answers given before sending, as a description list, and the answers to the pool's question
// template under its name. Fields are named as the form names them (the form field catalogue);
// the deadline only while the specialist's answer is awaited.
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DueText } from '../../components/DueText';
import { useFormFields } from '../../components/useFormFields';
import { formatDateTime } from '../../lib/due';
import { specialtyName, useSpecialties, type Consult } from '../api';
import { TemplateAnswers } from './TemplateAnswers';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export function ConsultDetails({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  const fields = useFormFields('consult');
  const specialties = useSpecialties().data?.items;
  const { patient } = consult;
  const yesNo = (value: boolean | null) => (value === null ? t('common.notAnswered') : t(value ? 'common.yes' : 'common.no'));
  return (
    <>
      <DataList className="mk-details">
        <Row label={t('list.specialty')}>
          {specialtyName(specialties, consult.specialty, i18n.language)} · {t(`mode.${consult.mode}`)}
        </Row>
        {consult.pool && <Row label={t('view.pool')}>{consult.pool.name}</Row>}
        {consult.specialist && <Row label={t('view.specialist')}>{consult.specialist.name}</Row>}
        <Row label={t('view.practice')}>{consult.practice.name}</Row>
        <Row label={t('list.due')}><DueText dueAt={consult.due_at} status={consult.status} /></Row>
        {consult.sent_at && <Row label={t('view.sentAt')}>{formatDateTime(consult.sent_at, i18n.language)}</Row>}
        <Row label={t('list.patient')}>
          {t(`sex.${patient.sex}`)}, {t('view.born', { year: patient.birth_year })}
          {patient.name && <> · {patient.name}</>}
          {patient.birth_date && <> · {patient.birth_date}</>}
          {patient.bsn && <> · {t('view.bsn', { bsn: patient.bsn })}</>}
          {patient.withheld && <> · <em className="mk-withheld">{t('view.identityWithheld')}</em></>}
        </Row>
        <Row label={fields.text('icpc')}>
          {consult.icpc}
          {consult.icpc_description && ` – ${consult.icpc_description}`}
        </Row>
        <Row label={fields.text('question')}><span className="mk-prewrap">{consult.question}</span></Row>
        <Row label={fields.text('clinical_summary')}><span className="mk-prewrap">{consult.clinical_summary || '—'}</span></Row>
        <Row label={fields.text('intended_referral')}>{yesNo(consult.intended_referral)}</Row>
        <Row label={t('view.consent')}>{yesNo(consult.consent)}</Row>
        {consult.decline_reason && <Row label={t('view.declineReason')}>{consult.decline_reason}</Row>}
      </DataList>
      <TemplateAnswers consult={consult} />
    </>
  );
}
