// Fee statements as GET /api/v1/fee-statements and /fee-statements/{organisation}/{month} return
// them to the coordinator of Zorggroep Rijnmond Zuid for November 2026, for the unit tests of the
// statement screens: Kralingen's still open (a fee of each side and a correction), Zuidplein's
// approved. Not part of the app; only tests import it.
import type { FeeLine, FeeStatement, FeeStatementSummary } from './api';

export const kMonth = '2026-11';

export const kOpenSummary: FeeStatementSummary = {
  organisation: { id: 3, name: 'Huisartsenpraktijk Kralingen', kind: 'gp_practice', agb: '01012345' },
  month: kMonth, status: 'open', line_count: 3, total_cents: 5000, approved_at: null, approved_by: null, may_approve: true,
};

export const kApprovedSummary: FeeStatementSummary = {
  organisation: { id: 4, name: 'Gezondheidscentrum Zuidplein', kind: 'gp_practice', agb: '01012346' },
  month: kMonth, status: 'approved', line_count: 12, total_cents: 30000, approved_at: '2026-12-02T09:30:00Z',
  approved_by: 'Marieke de Groot', may_approve: false,
};

const kInsurer = { id: 11, name: 'Zilveren Kruis' };

export const kLines: FeeLine[] = [
  {
    id: 1, consult_number: 'MK-2026-00042', side: 'gp', kind: 'fee', amount_cents: 2500, reason: null, mode: 'digital',
    specialty: 'dermatologie', closed_on: '2026-11-03', minutes: null, practice_agb: '01012345', specialist_agb: null, insurer: kInsurer,
  },
  {
    id: 2, consult_number: 'MK-2026-00042', side: 'specialist', kind: 'fee', amount_cents: 4500, reason: null, mode: 'digital',
    specialty: 'dermatologie', closed_on: '2026-11-03', minutes: 15, practice_agb: '01012345', specialist_agb: '06010101', insurer: kInsurer,
  },
  {
    id: 3, consult_number: 'MK-2026-00017', side: 'specialist', kind: 'correction', amount_cents: -2000,
    reason: 'Patiënt toch verwezen', mode: 'physical', specialty: 'cardiologie', closed_on: '2026-10-28', minutes: null,
    practice_agb: '01012345', specialist_agb: '06010101', insurer: null,
  },
];

export const kOpenStatement: FeeStatement = { ...kOpenSummary, lines: kLines };
