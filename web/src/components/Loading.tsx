// What shows while a page or its data loads: a polite live region, so it is heard, not only seen.
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="mk-loading">
      {t('common.loading')}
    </Paragraph>
  );
}
