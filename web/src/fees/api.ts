// Fee statements on the server ("declaraties"): per organisation and month, the fee lines of the
// consults closed in it and the corrections that arose in it, approved once the month is over;
// and the approved lines per insurer as CSV or Vektis EI. Types from the OpenAPI contract. The
// keys start with 'fee-statements', so an approval refreshes the list and the statement at once.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type FeeStatementSummary = components['schemas']['FeeStatementSummary'];
export type FeeStatement = components['schemas']['FeeStatement'];
export type FeeLine = components['schemas']['FeeLine'];
export type FeeOrganisation = components['schemas']['FeeOrganisation'];
/** A statement's files besides its JSON. */
export type StatementFormat = 'csv' | 'pdf';
/** An insurer export's layouts: CSV, or the fixed-width layout after Vektis's EI standard. */
export type InsurerFormat = 'csv' | 'ei';

export const feeKeys = {
  all: ['fee-statements'] as const,
  month: (month: string) => ['fee-statements', 'month', month] as const,
  one: (organisation: number, month: string) => ['fee-statements', 'one', organisation, month] as const,
};

/** The statements of `month` (YYYY-MM) of the organisations within the caller's reach. Coordinators and administrators. */
export function useFeeStatements(month: string) {
  return useQuery({
    queryKey: feeKeys.month(month),
    queryFn: () => call(api.GET('/api/v1/fee-statements', { params: { query: { month } } })),
  });
}

/** One statement with its lines; 404 for an organisation outside the caller's reach. */
export function useFeeStatement(organisation: number, month: string) {
  return useQuery({
    queryKey: feeKeys.one(organisation, month),
    // Without a format the server answers JSON, the contract's first kind of answer.
    queryFn: async () => (await call(api.GET('/api/v1/fee-statements/{organisation}/{month}', {
      params: { path: { organisation, month } },
    }))) as FeeStatement,
    enabled: Number.isInteger(organisation) && organisation > 0,
    retry: false,
  });
}

/** Approves a past month's open statement; afterwards it never changes (409 when it is approved already). */
export function approveFeeStatement(organisation: number, month: string) {
  return call(api.POST('/api/v1/fee-statements/{organisation}/{month}/approve', { params: { path: { organisation, month } } }));
}

/** The statement as a file: its lines as CSV, or the printable PDF. */
export function fetchStatementFile(organisation: number, month: string, format: StatementFormat): Promise<Blob> {
  return call(api.GET('/api/v1/fee-statements/{organisation}/{month}', {
    params: { path: { organisation, month }, query: { format } },
    parseAs: 'blob',
  })) as Promise<Blob>;
}

/** The approved lines of `month` that `insurer` pays, as CSV or Vektis EI; no patient data. */
export function fetchInsurerExport(insurer: number, month: string, format: InsurerFormat): Promise<Blob> {
  return call(api.GET('/api/v1/insurer-exports/{insurer}', {
    params: { path: { insurer }, query: { month, format } },
    parseAs: 'blob',
  })) as Promise<Blob>;
}

/** The file names the downloads are saved under: the organisation's AGB code (or id), the month. */
export function statementFileName(organisation: FeeOrganisation, month: string, format: StatementFormat): string {
  return `declaratie-${organisation.agb ?? organisation.id}-${month}.${format}`;
}

export function insurerFileName(insurer: number, month: string, format: InsurerFormat): string {
  return format === 'ei' ? `verzekeraar-${insurer}-${month}-ei.txt` : `verzekeraar-${insurer}-${month}.csv`;
}
