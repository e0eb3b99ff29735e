// The template editor: questions added, moved and removed (the focus following), the fields a
// kind of answer needs (a unit for a number, options for a choice), the key following the text
// until typed, what is missing said per question before any request, the server's refusal under
// the question's part it names, and a change made to the version it started from.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { kMeKey, type User } from '../../session/session';
import { changeTemplate, createTemplate, useOrganisations, usePools } from '../api';
import { kOrganisations, kPools, kTemplates } from '../regionFixture';
import { TemplateEditor } from './TemplateEditor';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useOrganisations: vi.fn(),
  usePools: vi.fn(),
  createTemplate: vi.fn(),
  changeTemplate: vi.fn(),
}));

const kCoordinator: User = {
  id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const ok = <T,>(items: T[]) => ({ data: { items }, isSuccess: true, isPending: false, error: null }) as never;

function renderEditor(template = null as (typeof kTemplates)[number] | null, user: User = kCoordinator) {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user);
  const onSaved = vi.fn();
  render(<QueryClientProvider client={client}><TemplateEditor template={template} onSaved={onSaved} /></QueryClientProvider>);
  return onSaved;
}

const question = (number: number) => screen.getByRole('group', { name: `Vraag ${number}` });
const inQuestion = (number: number, label: RegExp) => within(question(number)).getByLabelText(label) as HTMLInputElement;

function fillQuestion(number: number, text: string, type: string) {
  fireEvent.change(inQuestion(number, /^Vraag/), { target: { value: text } });
  fireEvent.change(inQuestion(number, /^Soort antwoord/), { target: { value: type } });
}

describe('TemplateEditor', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(usePools).mockReturnValue(ok(kPools));
    vi.mocked(useOrganisations).mockReturnValue(ok(kOrganisations));
    vi.mocked(createTemplate).mockReset().mockResolvedValue({ ...kTemplates[1]!, id: 9, version: 1 });
    vi.mocked(changeTemplate).mockReset().mockResolvedValue({ ...kTemplates[0]!, version: 2 });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it("offers the specialties of the region's pools, and no organisation to one who coordinates one", () => {
    renderEditor();
    const specialty = screen.getByLabelText(/^Specialisme/) as HTMLSelectElement;
    expect(Array.from(specialty.options).map((o) => o.value)).toEqual(['', 'dermatologie', 'gynaecologie']);
    expect(screen.queryByLabelText('Organisatie')).toBeNull();
  });

  it('asks an administrator for whose template it is', () => {
    renderEditor(null, { ...kCoordinator, roles: ['admin'] });
    expect(screen.getByLabelText('Organisatie')).toBeTruthy();
  });

  it('lets the key follow the text until it is typed', () => {
    renderEditor();
    fireEvent.change(inQuestion(1, /^Vraag/), { target: { value: 'Hoe lang al? (weken)' } });
    expect(inQuestion(1, /^Sleutel/).value).toBe('hoe_lang_al_weken');
    fireEvent.change(inQuestion(1, /^Sleutel/), { target: { value: 'duur' } });
    fireEvent.change(inQuestion(1, /^Vraag/), { target: { value: 'Hoe lang al?' } });
    expect(inQuestion(1, /^Sleutel/).value).toBe('duur');
  });

  it('asks a unit only for a number and options only for a choice', () => {
    renderEditor();
    expect(within(question(1)).queryByLabelText('Eenheid')).toBeNull();
    fireEvent.change(inQuestion(1, /^Soort antwoord/), { target: { value: 'number' } });
    expect(within(question(1)).getByLabelText('Eenheid')).toBeTruthy();
    fireEvent.change(inQuestion(1, /^Soort antwoord/), { target: { value: 'choice' } });
    expect(within(question(1)).queryByLabelText('Eenheid')).toBeNull();
    expect(within(question(1)).getByLabelText('Keuzes')).toBeTruthy();
  });

  it('adds, moves and removes questions, the focus going along', () => {
    renderEditor();
    fillQuestion(1, 'Cyclusduur', 'number');
    fireEvent.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    expect(document.activeElement).toBe(inQuestion(2, /^Vraag/));
    fillQuestion(2, 'Pijn?', 'yes_no');

    fireEvent.click(within(question(2)).getByRole('button', { name: 'Omhoog (vraag 2)' }));
    expect(inQuestion(1, /^Vraag/).value).toBe('Pijn?');
    expect(inQuestion(2, /^Vraag/).value).toBe('Cyclusduur');
    // At the top now, "up" cannot be pressed again: the focus is on "down" of the moved question.
    expect(document.activeElement).toBe(within(question(1)).getByRole('button', { name: 'Omlaag (vraag 1)' }));

    fireEvent.click(within(question(1)).getByRole('button', { name: 'Verwijderen (vraag 1)' }));
    expect(screen.queryByRole('group', { name: 'Vraag 2' })).toBeNull();
    expect(inQuestion(1, /^Vraag/).value).toBe('Cyclusduur');
    expect(document.activeElement).toBe(inQuestion(1, /^Vraag/));
    expect((within(question(1)).getByRole('button', { name: 'Verwijderen (vraag 1)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says what each question lacks before any request', () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText(/^Specialisme/), { target: { value: 'gynaecologie' } });
    fireEvent.change(screen.getByLabelText(/^Naam van de vragenlijst/), { target: { value: 'Cyclusklachten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    fillQuestion(1, 'Cyclusduur', 'number');
    fireEvent.click(screen.getByRole('button', { name: 'Vragenlijst opslaan' }));
    expect(within(question(2)).getByText('‘Vraag’ is verplicht.')).toBeTruthy();
    expect(within(question(2)).getByText('‘Sleutel’ is verplicht.')).toBeTruthy();
    expect(document.activeElement).toBe(inQuestion(2, /^Vraag/));
    expect(createTemplate).not.toHaveBeenCalled();
  });

  it('makes a template with its questions as the API takes them', async () => {
    const onSaved = renderEditor();
    fireEvent.change(screen.getByLabelText(/^Specialisme/), { target: { value: 'gynaecologie' } });
    fireEvent.change(screen.getByLabelText(/^Naam van de vragenlijst/), { target: { value: 'Cyclusklachten' } });
    fillQuestion(1, 'Cyclusduur', 'number');
    fireEvent.change(inQuestion(1, /^Eenheid/), { target: { value: 'dagen' } });
    fireEvent.click(inQuestion(1, /^Verplicht om te versturen/));
    fireEvent.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    fillQuestion(2, 'Welk bloedverlies?', 'choice');
    fireEvent.change(inQuestion(2, /^Keuzes/), { target: { value: 'Te veel\nTe weinig\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vragenlijst opslaan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(vi.mocked(createTemplate).mock.calls[0]![0]).toEqual({
      specialty: 'gynaecologie', name: 'Cyclusklachten',
      fields: [
        { key: 'cyclusduur', label: 'Cyclusduur', help: '', type: 'number', required: true, unit: 'dagen', options: [] },
        { key: 'welk_bloedverlies', label: 'Welk bloedverlies?', help: '', type: 'choice', required: false, unit: null, options: ['Te veel', 'Te weinig'] },
      ],
    });
  });

  it("puts the server's refusal under the part of the question it names", async () => {
    vi.mocked(createTemplate).mockRejectedValue(new ApiError(422, 'invalid_argument',
      'Vraag 2: de sleutel bestaat uit kleine letters, cijfers en _.', 'fields.1.key'));
    renderEditor();
    fireEvent.change(screen.getByLabelText(/^Specialisme/), { target: { value: 'gynaecologie' } });
    fireEvent.change(screen.getByLabelText(/^Naam van de vragenlijst/), { target: { value: 'X' } });
    fillQuestion(1, 'A', 'text');
    fireEvent.click(screen.getByRole('button', { name: 'Vraag toevoegen' }));
    fillQuestion(2, 'B', 'text');
    fireEvent.click(screen.getByRole('button', { name: 'Vragenlijst opslaan' }));

    const message = await within(question(2)).findByText('Vraag 2: de sleutel bestaat uit kleine letters, cijfers en _.');
    expect(inQuestion(2, /^Sleutel/).getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(inQuestion(2, /^Sleutel/));
  });

  it('changes a template from its version, keeping the specialty', async () => {
    const onSaved = renderEditor(kTemplates[0]!);
    expect(screen.queryByLabelText(/^Specialisme/)).toBeNull();
    expect(screen.getByText('dermatologie')).toBeTruthy();
    fireEvent.change(inQuestion(1, /^Toelichting/), { target: { value: 'Ook ’s nachts?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [id, body] = vi.mocked(changeTemplate).mock.calls[0]!;
    expect(id).toBe(1);
    expect(body).toEqual({
      version: 1, name: 'Huidafwijking',
      fields: [{ key: 'jeuk', label: 'Jeukt het?', help: 'Ook ’s nachts?', type: 'yes_no', required: false, unit: null, options: [] }],
    });
  });
});
