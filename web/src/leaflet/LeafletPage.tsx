// /consults/:id/folder: the leaflet the GP hands the patient — what a meekijkconsult is (the GP
// asks a specialist to look along, so the patient can stay with their own GP), that it is free for
// the patient and leaves the eigen risico untouched, and the survey's address and code. Printed in
// Dutch or English, whichever the patient reads ("Taal van de folder", the UI language at first);
// "Afdrukken" prints only the leaflet: the print styles hide the app's header and these controls.
import { Button, Heading1, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { SelectField } from '../components/SelectField';
import { specialtyName, useSpecialties } from '../consults/api';
import { kLanguages, type Language } from '../i18n/i18n';
import { usePageTitle } from '../lib/usePageTitle';
import '../styles/leaflet.css';
import { surveyAddress, useLeaflet, type Leaflet } from './api';

export default function LeafletPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const leaflet = useLeaflet(id);
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'nl');
  usePageTitle(t('leaflet.pageTitle'));
  const back = <Paragraph><Link className="utrecht-link" to={`/consults/${id}`}>{t('leaflet.back')}</Link></Paragraph>;
  if (leaflet.isPending) return <Loading />;
  if (leaflet.isError) {
    return (
      <>
        <Heading1>{t('leaflet.pageTitle')}</Heading1>
        <ActionError message={leaflet.error.message} />
        {back}
      </>
    );
  }
  return (
    <div className="mk-leaflet-page">
      <div className="mk-leaflet-tools">
        <Heading1>{t('leaflet.pageTitle')}</Heading1>
        {back}
        <Paragraph>{t('leaflet.printHelp')}</Paragraph>
        <div className="mk-filters">
          <SelectField label={t('leaflet.language')} value={language} onChange={(value) => setLanguage(value as Language)}>
            {kLanguages.map((l) => <SelectOption key={l} value={l} lang={l}>{t(`leaflet.languages.${l}`)}</SelectOption>)}
          </SelectField>
          <div className="mk-action">
            <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>{t('leaflet.print')}</Button>
          </div>
        </div>
      </div>
      <LeafletText leaflet={leaflet.data} language={language} />
    </div>
  );
}

/** The leaflet itself, in `language` whatever the UI's. */
export function LeafletText({ leaflet, language }: { leaflet: Leaflet; language: Language }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const specialties = useSpecialties().data?.items;
  const specialty = specialtyName(specialties, leaflet.specialty, language).toLocaleLowerCase(language);
  const address = surveyAddress(leaflet);
  return (
    <article className="mk-leaflet" lang={language} aria-labelledby="leaflet-title">
      <h2 id="leaflet-title" className="utrecht-heading-2">{t('leaflet.title')}</h2>
      <h3 className="utrecht-heading-3">{t('leaflet.whatTitle')}</h3>
      <p className="utrecht-paragraph">{t('leaflet.what', { specialty })}</p>
      <p className="utrecht-paragraph">{t('leaflet.stay')}</p>
      <h3 className="utrecht-heading-3">{t('leaflet.costTitle')}</h3>
      <p className="utrecht-paragraph mk-leaflet__free">{t('leaflet.free')}</p>
      <h3 className="utrecht-heading-3">{t('leaflet.surveyTitle')}</h3>
      <p className="utrecht-paragraph">{t('leaflet.survey')}</p>
      <p className="utrecht-paragraph mk-leaflet__address">{address}</p>
      <p className="utrecht-paragraph">{t('leaflet.codeIntro')}</p>
      <p className="utrecht-paragraph mk-leaflet__code">{leaflet.code}</p>
      <p className="utrecht-paragraph mk-hint">{t('leaflet.anonymous')}</p>
    </article>
  );
}
