// What shows while a page or its data loads: a polite live region, so it is heard, not only seen.
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="utrecht-paragraph mk-loading">
      {t('common.loading')}
    </p>
  );
}
