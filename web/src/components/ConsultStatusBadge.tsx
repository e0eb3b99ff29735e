// A consult's status as a badge with its name in words.
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ConsultStatus } from '../consults/api';

// Utrecht's status badge variants, chosen per state so that colour supports (never replaces) the word.
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
    <StatusBadge status={kVariant[status]} className="mk-status">
      {t(`status.${status}`)}
    </StatusBadge>
  );
}
