// The demo region as GET /api/v1/organisations, /pools, /templates and /agreements return it to
// the coordinator of Zorggroep Rijnmond Zuid, trimmed, for the unit tests of the region screens
// and the consult form. Not part of the app; only tests import it.
import type { TemplateVersion } from '../consults/api';
import type { Agreement, AgreementDetail, Organisation, Pool, QuestionTemplate, QuestionTemplateDetail } from './api';

const kRegion = 'Rotterdam e.o.';

export const kOrganisations: Organisation[] = [
  { id: 1, name: 'Zorggroep Rijnmond Zuid', kind: 'care_group', agb: '03010001', parent_id: null, region: kRegion, in_scope: true },
  { id: 2, name: 'Huisartsenorganisatie Nieuwe Waterweg', kind: 'care_group', agb: '03010002', parent_id: null, region: kRegion, in_scope: false },
  { id: 3, name: 'Huisartsenpraktijk Kralingen', kind: 'gp_practice', agb: '01012345', parent_id: 1, region: kRegion, in_scope: true },
  { id: 5, name: 'Huisartsenpraktijk Schiedam-Noord', kind: 'gp_practice', agb: '01023456', parent_id: 2, region: kRegion, in_scope: false },
  { id: 7, name: 'Maasstad Ziekenhuis', kind: 'hospital', agb: '06010101', parent_id: null, region: kRegion, in_scope: false },
  { id: 8, name: 'Ikazia Ziekenhuis', kind: 'hospital', agb: '06010202', parent_id: null, region: kRegion, in_scope: false },
  { id: 11, name: 'Zilveren Kruis', kind: 'insurer', agb: null, parent_id: null, region: kRegion, in_scope: false },
];

export const kPools: Pool[] = [
  {
    id: 1, name: 'Dermatologie Maasstad', organisation: { id: 7, name: 'Maasstad Ziekenhuis' }, specialty: 'dermatologie',
    members: [{ id: 6, name: 'Dr. Eva Smit, dermatoloog' }, { id: 7, name: 'Dr. Joost Mulder, dermatoloog' }], may_change: false,
  },
  {
    id: 7, name: 'Gynaecologie Ikazia', organisation: { id: 8, name: 'Ikazia Ziekenhuis' }, specialty: 'gynaecologie',
    members: [{ id: 13, name: 'Dr. Tim Koster, gynaecoloog' }], may_change: false,
  },
];

/** The template version a consult's answers are written to. */
export const kCycleTemplate: TemplateVersion = {
  id: 4, version: 2, name: 'Cyclusklachten', specialty: 'gynaecologie',
  fields: [
    { key: 'cyclusduur', label: 'Cyclusduur', help: 'Van de eerste dag tot de volgende.', type: 'number', required: true, unit: 'dagen', options: [] },
    { key: 'pijn', label: 'Pijn bij de menstruatie?', help: '', type: 'yes_no', required: false, unit: null, options: [] },
    { key: 'beloop', label: 'Hoe is het beloop?', help: '', type: 'text', required: false, unit: null, options: [] },
    { key: 'soort', label: 'Welk bloedverlies?', help: '', type: 'choice', required: false, unit: null, options: ['Te veel', 'Te weinig', 'Tussendoor'] },
    { key: 'sinds', label: 'Sinds wanneer?', help: '', type: 'date', required: false, unit: null, options: [] },
    { key: 'echo', label: 'Echo-verslag', help: 'Als pdf.', type: 'photo', required: true, unit: null, options: [] },
  ],
};

export const kTemplates: QuestionTemplate[] = [
  {
    id: 1, version: 1, name: 'Huidafwijking', specialty: 'dermatologie',
    fields: [{ key: 'jeuk', label: 'Jeukt het?', help: '', type: 'yes_no', required: false, unit: null, options: [] }],
    organisation: { id: 1, name: 'Zorggroep Rijnmond Zuid' }, changed_at: '2026-11-01T09:00:00Z',
    changed_by: { id: 16, name: 'Marieke de Groot' }, may_change: true,
  },
  {
    ...kCycleTemplate, fields: kCycleTemplate.fields.slice(0, 2),
    organisation: { id: 1, name: 'Zorggroep Rijnmond Zuid' }, changed_at: '2026-12-02T10:00:00Z',
    changed_by: { id: 16, name: 'Marieke de Groot' }, may_change: true,
  },
];

/** Version 2 of the cycle template, with version 1 before it (another name, no help text, no pain question). */
export const kTemplateDetail: QuestionTemplateDetail = {
  ...kTemplates[1]!,
  versions: [
    {
      ...kTemplates[1]!, version: 1, name: 'Cyclus', changed_at: '2026-12-01T08:00:00Z',
      fields: [{ ...kCycleTemplate.fields[0]!, help: '' }],
    },
    kTemplates[1]!,
  ],
};

export const kAgreement: Agreement = {
  id: 14, version: 2, gp_organisations: [{ id: 1, name: 'Zorggroep Rijnmond Zuid' }],
  pool: { id: 7, name: 'Gynaecologie Ikazia', organisation: 'Ikazia Ziekenhuis' }, specialty: 'gynaecologie',
  modes: ['digital'], response_days: 4, escalate_after_hours: null, template: { id: 4, name: 'Cyclusklachten', version: 2 },
  named_specialist_allowed: true, requires_identification: false, good_friday_off: true, liberation_day_off: false,
  office_hours_from: '08:00', office_hours_until: '17:00', gp_fee_cents: 2500, specialist_fee_cents: 4550, valid_from: '2026-01-01', valid_to: null,
  physical_gp_fee_cents: null, physical_specialist_fee_cents: null, slot_minutes: 20,
  specialist_fee_basis: 'consult', pay_specialist_when_referred: true, insurer: null,
  changed_at: '2026-12-02T10:00:00Z', changed_by: { id: 16, name: 'Marieke de Groot' }, in_force: true, may_change: true,
};

/** Version 2 of the agreement: the response time went from 3 to 4 working days. */
export const kAgreementDetail: AgreementDetail = {
  ...kAgreement,
  versions: [
    { ...kAgreement, version: 1, response_days: 3, changed_at: '2026-12-01T08:00:00Z', changed_by: { id: 17, name: 'Hans Verbeek' } },
    kAgreement,
  ],
};
