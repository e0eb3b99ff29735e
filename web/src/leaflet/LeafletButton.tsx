// "Patiëntfolder" on the consult page, for the GP or assistant of the practice once the consult
// went out: the leaflet that explains the meekijkconsult to the patient and carries the survey code.
import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Consult } from '../consults/api';
import '../styles/leaflet.css';
import { offersLeaflet } from './api';

export function LeafletButton({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!offersLeaflet(consult)) return null;
  const to = `/consults/${consult.id}/folder`;
  return (
    <section aria-labelledby="leaflet-heading" className="mk-leaflet-panel">
      <Heading2 id="leaflet-heading">{t('leaflet.panelTitle')}</Heading2>
      <Paragraph className="mk-hint">{t('leaflet.panelHelp')}</Paragraph>
      <div className="mk-actions">
        <ButtonLink appearance="secondary-action-button" href={to} onClick={(e) => { e.preventDefault(); navigate(to); }}>
          {t('leaflet.button')}
        </ButtonLink>
      </div>
    </section>
  );
}
