// The consult form marks what a draft needs and what sending needs besides, from the catalogue,
// and checks both in the browser: "Opslaan als concept" only the `always` answers, "Versturen"
// consent and the referral question too. Nothing is sent while an answer is missing. With a pool
// whose agreement asks a template, its questions are asked too and their answers go along (on
// create and on autosave), a required one checked before sending; with several pools the GP
// chooses one, which decides the modes and the questions.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { saveForm } from '../../lib/formMemory';
import { kCycleTemplate } from '../../region/regionFixture';
import { createConsult, updateDraft, useSpecialties, type Consult, type Specialty, type SpecialtyPool } from '../api';
import { consultFixture } from '../consultFixture';
import { ConsultForm } from './ConsultForm';
import { kEmptyConsultForm } from './consultFormValues';
import { kNewConsultFormKey } from './formKeys';
import { kAutosaveDelayMs } from './useAutosave';

vi.mock('../../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../session/session')>()),
  useMe: () => ({ user: { id: 1, roles: ['gp'] }, isError: false }),
}));

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useSpecialties: vi.fn(),
  createConsult: vi.fn(),
  updateDraft: vi.fn(),
}));

const kPool: Pick<SpecialtyPool, 'named_specialist_allowed' | 'template' | 'modes' | 'response_days'> = {
  named_specialist_allowed: true, template: null, modes: ['digital'], response_days: 3,
};
const kDermatology: Specialty = {
  code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology', vektis_code: '0310', modes: ['digital', 'physical'], referral_cost_cents: 15000,
  pools: [
    { ...kPool, id: 8, name: 'Dermatologie Huidkliniek Rijnmond', organisation: 'Huidkliniek Rijnmond (ZBC)', modes: ['digital', 'physical'], response_days: 2 },
    { ...kPool, id: 1, name: 'Dermatologie Maasstad', organisation: 'Maasstad Ziekenhuis', template: { ...kCycleTemplate, name: 'Huid Maasstad' } },
  ],
};
const kGynaecology: Specialty = {
  code: 'gynaecologie', name: 'Gynaecologie', name_en: 'Gynaecology', vektis_code: '0307', modes: ['digital'], referral_cost_cents: 15000,
  pools: [{ ...kPool, id: 7, name: 'Gynaecologie Ikazia', organisation: 'Ikazia Ziekenhuis', template: kCycleTemplate }],
};
const kSingle: Specialty = { ...kDermatology, modes: ['digital'], pools: [{ ...kDermatology.pools[1]!, template: null }] };

function offering(...items: Specialty[]) {
  vi.mocked(useSpecialties).mockReturnValue({ data: { items }, isSuccess: true, isError: false } as never);
}

function renderForm(draft: Consult | null = null) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[draft ? `/consults/${draft.id}/edit` : '/consults/new']}>
        <ConsultForm draft={draft} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const renderNewForm = () => renderForm();

/**
 * Everything a consult needs to be sent, but the template's answers, as if typed before (the form
 * keeps its typing in sessionStorage), so that the ICPC combobox need not search the server.
 */
function typedBefore(specialty: string) {
  saveForm(sessionStorage, kNewConsultFormKey, {
    ...kEmptyConsultForm, specialty, birthYear: '1991', sex: 'female', icpc: { code: 'X07', description: 'Onregelmatige menstruatie' },
    question: 'Onregelmatige cyclus?', intendedReferral: 'no', consent: true,
  });
}

/** A saved ICPC code comes with the draft; the combobox is not typed into here. */
const kDraft = consultFixture({
  id: 31, number: 'MK-2026-0031', status: 'draft', specialty: 'gynaecologie', icpc: 'X07', icpc_description: 'Onregelmatige menstruatie',
  pool: { id: 7, name: 'Gynaecologie Ikazia' }, template: kCycleTemplate,
  template_answers: { cyclusduur: 28, pijn: true, beloop: 'Wisselend' }, allowed_actions: ['edit', 'send', 'cancel'],
});

const kDraftNeeds = [
  '‘Specialisme’ is verplicht.', '‘Geboortejaar’ is verplicht.', '‘Geslacht’ is verplicht.',
  '‘Reden (ICPC-code)’ is verplicht.', '‘Vraag aan de specialist’ is verplicht.',
];
const kSendingNeeds = [
  '‘Had u de patiënt zonder dit consult verwezen?’ is verplicht.',
  '‘De patiënt geeft toestemming om deze gegevens te delen’ is verplicht.',
];

describe('ConsultForm', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    offering(kSingle);
    vi.mocked(createConsult).mockReset();
    vi.mocked(updateDraft).mockReset().mockResolvedValue({} as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('marks what a draft needs and what sending needs, and leaves the rest unmarked', () => {
    renderNewForm();
    expect(screen.getByLabelText('Vraag aan de specialist (verplicht)').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Geboortejaar (verplicht)').getAttribute('aria-required')).toBe('true');
    expect(screen.getByRole('radiogroup', { name: 'Geslacht (verplicht)' }).getAttribute('aria-required')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Reden (ICPC-code) (verplicht)' }).getAttribute('aria-required')).toBe('true');
    const consent = screen.getByLabelText('De patiënt geeft toestemming om deze gegevens te delen (verplicht om te versturen)');
    expect(consent.getAttribute('aria-required')).toBe('true');
    const referral = screen.getByRole('radiogroup', { name: 'Had u de patiënt zonder dit consult verwezen? (verplicht om te versturen)' });
    expect(referral.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Klinische samenvatting').getAttribute('aria-required')).toBeNull();
  });

  it('checks only the answers a draft needs when saving', async () => {
    renderNewForm();
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }));
    for (const sentence of kDraftNeeds) expect(await screen.findByText(sentence)).toBeTruthy();
    for (const sentence of kSendingNeeds) expect(screen.queryByText(sentence)).toBeNull();
    expect(createConsult).not.toHaveBeenCalled();
  });

  it('checks consent and the referral question as well when sending', async () => {
    renderNewForm();
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    for (const sentence of [...kDraftNeeds, ...kSendingNeeds]) expect(await screen.findByText(sentence)).toBeTruthy();
    expect(createConsult).not.toHaveBeenCalled();
  });

  it("asks the pool template's questions under its name, and sends their answers", async () => {
    offering(kGynaecology);
    vi.mocked(createConsult).mockResolvedValue({ id: 40 } as never);
    typedBefore('gynaecologie');
    renderForm();
    const questions = screen.getByRole('region', { name: 'Cyclusklachten' });
    expect(screen.queryByRole('radiogroup', { name: /^Wie antwoordt/ })).toBeNull();
    fireEvent.change(within(questions).getByLabelText(/^Cyclusduur/), { target: { value: '28,5' } });
    fireEvent.click(within(within(questions).getByRole('radiogroup', { name: 'Pijn bij de menstruatie?' })).getByLabelText('Ja'));
    // The required photo question is answered by an attachment; without one, sending waits for it.
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(await screen.findByText('„Echo-verslag”: voeg een bijlage toe voor het versturen.')).toBeTruthy();
    expect(createConsult).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }));
    await waitFor(() => expect(createConsult).toHaveBeenCalledTimes(1));
    expect(vi.mocked(createConsult).mock.calls[0]![0]).toMatchObject({
      specialty: 'gynaecologie', template_answers: { cyclusduur: 28.5, pijn: true }, send: false,
    });
    expect(vi.mocked(createConsult).mock.calls[0]![0].pool_id).toBeUndefined();
  });

  it('refuses sending without a required answer, at the question, before any request', async () => {
    offering(kGynaecology);
    typedBefore('gynaecologie');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    const message = await screen.findByText('„Cyclusduur” is verplicht.');
    expect(screen.getByLabelText(/^Cyclusduur/).getAttribute('aria-describedby')).toContain(message.id);
    expect(createConsult).not.toHaveBeenCalled();
  });

  it("puts the server's refusal of an answer under its question", async () => {
    offering({ ...kGynaecology, pools: [{ ...kGynaecology.pools[0]!, template: { ...kCycleTemplate, fields: kCycleTemplate.fields.slice(0, 2) } }] });
    vi.mocked(createConsult).mockRejectedValue(
      new ApiError(422, 'invalid_argument', '„Cyclusduur”: vul een getal in.', 'template_answers.cyclusduur'),
    );
    typedBefore('gynaecologie');
    renderForm();
    fireEvent.change(screen.getByLabelText(/^Cyclusduur/), { target: { value: 'achtentwintig' } });
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));

    const message = await screen.findByText('„Cyclusduur”: vul een getal in.');
    expect(screen.getByLabelText(/^Cyclusduur/).getAttribute('aria-describedby')).toContain(message.id);
    expect(vi.mocked(createConsult).mock.calls[0]![0]).toMatchObject({ template_answers: { cyclusduur: 'achtentwintig' }, send: true });
  });

  it('lets the GP choose among several pools, which decides the modes and the questions, and sends the choice', async () => {
    offering(kDermatology);
    vi.mocked(createConsult).mockResolvedValue({ id: 41 } as never);
    typedBefore('dermatologie');
    renderForm();
    const pools = screen.getByRole('radiogroup', { name: 'Wie antwoordt' });
    const [huidkliniek, maasstad] = within(pools).getAllByRole('radio') as HTMLInputElement[];
    expect(huidkliniek!.checked).toBe(true);
    expect(within(pools).getByLabelText(
      'Dermatologie Huidkliniek Rijnmond – Huidkliniek Rijnmond (ZBC) · antwoord binnen 2 werkdagen · Digitaal, Fysiek (meekijkspreekuur)',
    )).toBe(huidkliniek);
    expect(within(screen.getByRole('radiogroup', { name: /^Vorm/ })).getAllByRole('radio')).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'Huid Maasstad' })).toBeNull();

    fireEvent.click(maasstad!);
    expect(within(screen.getByRole('radiogroup', { name: /^Vorm/ })).getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'Huid Maasstad' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Cyclusduur/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als concept' }));
    await waitFor(() => expect(createConsult).toHaveBeenCalledTimes(1));
    expect(vi.mocked(createConsult).mock.calls[0]![0]).toMatchObject({ pool_id: 1, mode: 'digital', template_answers: { cyclusduur: 3 } });
  });

  it("loads a draft's answers and autosaves them with its pool", async () => {
    offering(kGynaecology);
    renderForm(kDraft);
    expect((screen.getByLabelText(/^Cyclusduur/) as HTMLInputElement).value).toBe('28');
    expect((within(screen.getByRole('radiogroup', { name: 'Pijn bij de menstruatie?' })).getByLabelText('Ja') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Hoe is het beloop?') as HTMLTextAreaElement).value).toBe('Wisselend');

    fireEvent.change(screen.getByLabelText(/^Cyclusduur/), { target: { value: '30' } });
    await waitFor(() => expect(updateDraft).toHaveBeenCalledTimes(1), { timeout: kAutosaveDelayMs + 2_000 });
    const [id, body] = vi.mocked(updateDraft).mock.calls[0]!;
    expect(id).toBe(31);
    expect(body).toMatchObject({ pool_id: 7, template_answers: { cyclusduur: 30, pijn: true, beloop: 'Wisselend' } });
  });
});
