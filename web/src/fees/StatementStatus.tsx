// A statement's status in words: "Open", or "Goedgekeurd" with who approved it and when.
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/due';
import type { FeeStatementSummary } from './api';

const kVariant: Record<FeeStatementSummary['status'], string> = { open: 'warning', approved: 'success' };

/** Who approved the statement and when, in a sentence; null while it is open. */
export function useApprovalText(statement: FeeStatementSummary): string | null {
  const { t, i18n } = useTranslation();
  if (statement.status !== 'approved' || !statement.approved_at) return null;
  const at = formatDateTime(statement.approved_at, i18n.language);
  return statement.approved_by ? t('fees.approvedByAt', { name: statement.approved_by, at }) : t('fees.approvedAt', { at });
}

export function StatementStatus({ statement }: { statement: FeeStatementSummary }) {
  const { t } = useTranslation();
  const approval = useApprovalText(statement);
  return (
    <>
      <StatusBadge className={`mk-status mk-status--${kVariant[statement.status]}`}>{t(`fees.status.${statement.status}`)}</StatusBadge>
      {approval && <span className="mk-region-table__sub">{approval}</span>}
    </>
  );
}
