// A consult's status as a badge with its name in words.
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ConsultStatus } from '../consults/api';

// A colour per group of states (app.css, each AA on its background); it supports the word, never
// replaces it.
const kVariant: Record<ConsultStatus, string> = {
  draft: 'neutral',
  sent: 'active',
  claimed: 'active',
  info_requested: 'warning',
  answered: 'success',
  closed: 'inactive',
  declined: 'danger',
  cancelled: 'inactive',
};

export function ConsultStatusBadge({ status }: { status: ConsultStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge className={`mk-status mk-status--${kVariant[status]}`}>
      {t(`status.${status}`)}
    </StatusBadge>
  );
}
