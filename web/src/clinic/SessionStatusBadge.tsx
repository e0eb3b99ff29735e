// A session's status as a badge with its name in words: planned, or cancelled.
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClinicSession } from './api';

const kVariant: Record<ClinicSession['status'], string> = { planned: 'active', cancelled: 'inactive' };

export function SessionStatusBadge({ status }: { status: ClinicSession['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge className={`mk-status mk-status--${kVariant[status]}`}>{t(`clinic.status.${status}`)}</StatusBadge>;
}
