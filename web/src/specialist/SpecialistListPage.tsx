// The specialist's pool (unclaimed consults of their departments) and inbox (claimed by them),
// both sorted by deadline by the server, overdue ones marked.
import { useTranslation } from 'react-i18next';
import { ConsultListView } from '../consults/ConsultListView';

export default function SpecialistListPage({ box }: { box: 'pool' | 'inbox' }) {
  const { t } = useTranslation();
  return <ConsultListView key={box} box={box} title={t(`${box}.title`)} intro={t(`${box}.intro`)} />;
}
