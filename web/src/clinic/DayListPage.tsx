// /spreekuren/:id/daglijst: the day list of a session, for its specialist: per booked patient the
// slot, the consult, the practice, who the patient is as far as the specialist may know, the reason
// (ICPC), the question, the clinical summary and the attachments, a link to the consult (where the
// advice is given), and whether the patient came. Every read is in the access log, so the list is
// read when the page opens and not again behind the specialist's back.
import { DataList, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ConsultStatusBadge } from '../components/ConsultStatusBadge';
import { Fact } from '../components/Fact';
import { Loading } from '../components/Loading';
import { useFormFields } from '../components/useFormFields';
import { attachmentUrl } from '../consults/api';
import { usePageTitle } from '../lib/usePageTitle';
import { LoadFailure } from '../region/LoadFailure';
import { clinicKeys, useDayList, type ClinicSlot, type DayList, type DayListPatient } from './api';
import { AttendanceButtons } from './AttendanceButtons';
import { formatDay, timeSpan } from './clinicTime';

export default function DayListPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const dayList = useDayList(id);
  const data = dayList.data;
  usePageTitle(data ? t('clinic.dayList.titleOf', { day: formatDay(data.session.day, i18n.language) }) : t('clinic.dayList.title'));
  if (dayList.isPending) return <Loading />;
  if (dayList.isError) {
    return <LoadFailure error={dayList.error} notFoundTitle={t('clinic.session.notFound')} backTo="/spreekuren" backLabel={t('clinic.back')} />;
  }
  return <DayListView id={id} dayList={dayList.data} />;
}

function DayListView({ id, dayList }: { id: number; dayList: DayList }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { session, patients } = dayList;
  const recorded = (slot: ClinicSlot) => {
    queryClient.setQueryData<DayList>(clinicKeys.dayList(id), (old) => old && {
      ...old, patients: old.patients.map((p) => (p.slot.id === slot.id ? { ...p, slot } : p)),
    });
    void queryClient.invalidateQueries({ queryKey: clinicKeys.one(id) });
  };
  return (
    <div className="mk-region mk-clinic mk-day-list">
      <Heading1>{t('clinic.dayList.titleOf', { day: formatDay(session.day, i18n.language) })}</Heading1>
      <Paragraph>
        {t('clinic.timeSpan', { start: session.start_time, end: session.end_time })} · {session.location}
      </Paragraph>
      <Paragraph><Link className="utrecht-link" to={`/spreekuren/${id}`}>{t('clinic.dayList.back')}</Link></Paragraph>
      <Paragraph className="mk-hint">{t('clinic.dayList.intro')}</Paragraph>
      {patients.length === 0 && <Paragraph>{t('clinic.dayList.empty')}</Paragraph>}
      {patients.map((patient) => <PatientEntry key={patient.slot.id} patient={patient} onRecorded={recorded} />)}
    </div>
  );
}

function PatientEntry({ patient, onRecorded }: { patient: DayListPatient; onRecorded: (slot: ClinicSlot) => void }) {
  const { t } = useTranslation();
  const fields = useFormFields('consult');
  const headingId = `patient-${patient.slot.id}`;
  const who = patient.patient;
  return (
    <section aria-labelledby={headingId} className="mk-day-patient">
      <Heading2 id={headingId}>
        {timeSpan(patient.slot.starts_at, patient.slot.ends_at)} · {patient.consult_number}
      </Heading2>
      <DataList className="mk-details">
        <Fact label={t('view.practice')}>{patient.practice_name}</Fact>
        <Fact label={t('list.status')}><ConsultStatusBadge status={patient.status} /></Fact>
        <Fact label={t('list.patient')}>
          {t(`sex.${who.sex}`)}, {t('view.born', { year: who.birth_year })}
          {who.name && <> · {who.name}</>}
          {who.birth_date && <> · {who.birth_date}</>}
          {who.bsn && <> · {t('view.bsn', { bsn: who.bsn })}</>}
        </Fact>
        <Fact label={fields.text('icpc')}>{patient.icpc}</Fact>
        <Fact label={fields.text('question')}><span className="mk-prewrap">{patient.question}</span></Fact>
        <Fact label={fields.text('clinical_summary')}><span className="mk-prewrap">{patient.clinical_summary || '—'}</span></Fact>
        <Fact label={t('attachments.title')}>
          {patient.attachments.length === 0 ? t('clinic.dayList.noAttachments') : (
            <ul className="mk-day-attachments">
              {patient.attachments.map((a) => (
                <li key={a.id}>
                  <a className="utrecht-link" href={attachmentUrl(a.id)} target="_blank" rel="noopener">{a.filename}</a>
                  {' · '}
                  <a className="utrecht-link" href={attachmentUrl(a.id, true)}>
                    {t('attachments.download')}<span className="mk-visually-hidden"> {a.filename}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </DataList>
      <Paragraph>
        <Link className="utrecht-link" to={`/consults/${patient.consult_id}`}>
          {t('clinic.dayList.openConsult', { number: patient.consult_number })}
        </Link>
      </Paragraph>
      <Paragraph role="status">
        {t('clinic.slot.attendance')}: <strong>{t(`clinic.attendance.${patient.slot.attendance}`)}</strong>
      </Paragraph>
      <AttendanceButtons slot={patient.slot} consultNumber={patient.consult_number} onRecorded={onRecorded} />
    </section>
  );
}
