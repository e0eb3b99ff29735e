// The agreement form offers the coordinator's own GP organisations and the templates of the chosen
// pool's specialty, sends fees in cents and office hours as HH:MM (08:00–17:00 unless changed),
// says what is missing before any request, puts the
// server's refusal under the field it names, and makes a change to the version it started from,
// saying so when someone else came first. With the physical mode it asks the slot length and the
// physical session's fees (blank: as digital). It asks how the specialist is paid: per consult or
// per minute, also when the patient is referred after all (on unless unticked), and by which of
// the region's insurers (none unless chosen).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { changeAgreement, createAgreement, useOrganisations, usePools, useTemplates } from '../api';
import { kAgreement, kOrganisations, kPools, kTemplates } from '../regionFixture';
import { AgreementForm } from './AgreementForm';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useOrganisations: vi.fn(),
  usePools: vi.fn(),
  useTemplates: vi.fn(),
  createAgreement: vi.fn(),
  changeAgreement: vi.fn(),
}));

const ok = <T,>(items: T[]) => ({ data: { items }, isSuccess: true, isPending: false, error: null }) as never;

function renderForm(agreement = null as typeof kAgreement | null, extra: { onReload?: () => void } = {}) {
  const onSaved = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AgreementForm agreement={agreement} onSaved={onSaved} onCancel={agreement ? () => {} : undefined} {...extra} />
    </QueryClientProvider>,
  );
  return onSaved;
}

const group = (name: RegExp) => screen.getByRole('group', { name });

describe('AgreementForm', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(useOrganisations).mockReturnValue(ok(kOrganisations));
    vi.mocked(usePools).mockReturnValue(ok(kPools));
    vi.mocked(useTemplates).mockReturnValue(ok(kTemplates));
    vi.mocked(createAgreement).mockReset().mockResolvedValue({ ...kAgreement, id: 20, version: 1 });
    vi.mocked(changeAgreement).mockReset().mockResolvedValue({ ...kAgreement, version: 3 });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it("offers the caller's own practices and care groups, not another care group's or a hospital", () => {
    renderForm();
    const names = within(group(/^Huisartsenorganisaties/)).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(names).toEqual(['Zorggroep Rijnmond Zuid (zorggroep)', 'Huisartsenpraktijk Kralingen (huisartsenpraktijk)']);
  });

  it("offers only the templates of the chosen pool's specialty", () => {
    renderForm();
    const template = screen.getByLabelText('Vragenlijst') as HTMLSelectElement;
    expect(Array.from(template.options).map((o) => o.textContent)).toEqual(['Geen vragenlijst']);
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    expect(Array.from(template.options).map((o) => o.textContent)).toEqual([
      'Geen vragenlijst', 'Cyclusklachten (versie 2, Zorggroep Rijnmond Zuid)',
    ]);
    fireEvent.change(template, { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '1' } });
    expect(template.value).toBe('');
  });

  it('says what is missing at each field and sends nothing', () => {
    renderForm();
    fireEvent.click(screen.getByLabelText('Digitaal'));
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));
    expect(screen.getByText('‘Huisartsenorganisaties’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Pool’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Vormen’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Antwoordtermijn (werkdagen)’ is verplicht.')).toBeTruthy();
    expect(document.activeElement).toBe(within(group(/^Huisartsenorganisaties/)).getAllByRole('checkbox')[0]);
    expect(createAgreement).not.toHaveBeenCalled();
  });

  it('makes an agreement with the fees in cents', async () => {
    const onSaved = renderForm();
    fireEvent.click(screen.getByLabelText('Zorggroep Rijnmond Zuid (zorggroep)'));
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Vragenlijst'), { target: { value: '4' } });
    fireEvent.click(screen.getByLabelText('Bevrijdingsdag vrij'));
    fireEvent.change(screen.getByLabelText('Vergoeding huisarts (euro)'), { target: { value: '25,00' } });
    fireEvent.change(screen.getByLabelText('Vergoeding specialist (euro)'), { target: { value: '45,5' } });
    fireEvent.change(screen.getByLabelText(/^Geldig vanaf/), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(vi.mocked(createAgreement).mock.calls[0]![0]).toEqual({
      gp_organisations: [1], pool: 7, modes: ['digital'], response_days: 4, escalate_after_hours: null, template: 4,
      named_specialist_allowed: true, requires_identification: false, good_friday_off: false, liberation_day_off: true,
      office_hours_from: '08:00', office_hours_until: '17:00', gp_fee_cents: 2500, specialist_fee_cents: 4550,
      specialist_fee_basis: 'consult', pay_specialist_when_referred: true, insurer: null, valid_from: '2026-01-01', valid_to: null,
    });
  });

  it('asks how the specialist is paid and by which insurer, and sends it', async () => {
    const onSaved = renderForm();
    const insurer = screen.getByLabelText('Zorgverzekeraar') as HTMLSelectElement;
    expect(Array.from(insurer.options).map((o) => o.textContent)).toEqual(['Geen verzekeraar', 'Zilveren Kruis']);
    const basis = screen.getByRole('radiogroup', { name: 'Vergoeding specialist per' });
    expect((within(basis).getByLabelText('Per consult') as HTMLInputElement).checked).toBe(true);
    const referred = screen.getByLabelText('Specialist ook betalen als de patiënt toch wordt verwezen') as HTMLInputElement;
    expect(referred.checked).toBe(true);

    fireEvent.click(screen.getByLabelText('Zorggroep Rijnmond Zuid (zorggroep)'));
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '4' } });
    fireEvent.click(within(basis).getByLabelText('Per minuut'));
    expect(screen.getByText('Het bedrag per geregistreerde minuut van de specialist, in euro, zoals 2,50.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Vergoeding specialist (euro)'), { target: { value: '2,50' } });
    fireEvent.click(referred);
    fireEvent.change(insurer, { target: { value: '11' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(vi.mocked(createAgreement).mock.calls[0]![0]).toMatchObject({
      specialist_fee_cents: 250, specialist_fee_basis: 'minute', pay_specialist_when_referred: false, insurer: 11,
    });
  });

  it('asks the slot length and physical fees only with the physical mode, and sends them', async () => {
    const onSaved = renderForm();
    expect(screen.queryByRole('heading', { name: 'Meekijkspreekuur' })).toBeNull();
    expect(screen.queryByLabelText(/^Tijdslot meekijkspreekuur/)).toBeNull();
    fireEvent.click(screen.getByLabelText('Zorggroep Rijnmond Zuid (zorggroep)'));
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '4' } });
    fireEvent.click(screen.getByLabelText('Fysiek (meekijkspreekuur)'));
    expect(screen.getByRole('heading', { name: 'Meekijkspreekuur' })).toBeTruthy();
    const minutes = screen.getByLabelText('Tijdslot meekijkspreekuur (minuten)') as HTMLInputElement;
    expect(minutes.value).toBe('20');
    fireEvent.change(minutes, { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('Vergoeding specialist, fysiek (euro)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(vi.mocked(createAgreement).mock.calls[0]![0]).toMatchObject({
      modes: ['digital', 'physical'], slot_minutes: 15, physical_gp_fee_cents: null, physical_specialist_fee_cents: 9000,
    });
  });

  it('refuses a slot length it cannot read, at its field', () => {
    renderForm();
    fireEvent.click(screen.getByLabelText('Fysiek (meekijkspreekuur)'));
    fireEvent.change(screen.getByLabelText('Tijdslot meekijkspreekuur (minuten)'), { target: { value: 'twintig' } });
    fireEvent.change(screen.getByLabelText('Vergoeding huisarts, fysiek (euro)'), { target: { value: '25 euro' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));
    expect(screen.getByText('„Tijdslot meekijkspreekuur (minuten)”: vul een heel getal in.')).toBeTruthy();
    expect(screen.getAllByText('Vul een bedrag in euro in, zoals 25,00.')).toHaveLength(1);
    expect(createAgreement).not.toHaveBeenCalled();
  });

  it("puts the server's refusal under the field it names", async () => {
    vi.mocked(createAgreement).mockRejectedValue(
      new ApiError(422, 'invalid_argument', 'De einddatum is een datum (JJJJ-MM-DD) op of na de begindatum.', 'valid_to'),
    );
    renderForm();
    fireEvent.click(screen.getByLabelText('Zorggroep Rijnmond Zuid (zorggroep)'));
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '4' } });
    const end = screen.getByLabelText('Geldig tot en met');
    fireEvent.change(end, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));

    const message = await screen.findByText('De einddatum is een datum (JJJJ-MM-DD) op of na de begindatum.');
    expect(end.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(end);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends the office hours as chosen, and puts a refusal of their length under the end', async () => {
    vi.mocked(createAgreement).mockRejectedValue(
      new ApiError(422, 'invalid_argument', 'De kantooruren duren minstens een uur.', 'office_hours_until'),
    );
    renderForm();
    fireEvent.click(screen.getByLabelText('Zorggroep Rijnmond Zuid (zorggroep)'));
    fireEvent.change(screen.getByLabelText(/^Pool/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '4' } });
    const from = screen.getByLabelText('Kantooruren vanaf') as HTMLInputElement;
    const until = screen.getByLabelText('Kantooruren tot') as HTMLInputElement;
    expect([from.type, from.value, until.value]).toEqual(['time', '08:00', '17:00']);
    fireEvent.change(from, { target: { value: '09:00' } });
    fireEvent.change(until, { target: { value: '09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak maken' }));

    const message = await screen.findByText('De kantooruren duren minstens een uur.');
    expect(vi.mocked(createAgreement).mock.calls[0]![0]).toMatchObject({ office_hours_from: '09:00', office_hours_until: '09:30' });
    expect(until.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(until);
  });

  it('changes an agreement to the version it started from, keeping its pool', async () => {
    const onSaved = renderForm(kAgreement);
    expect(screen.queryByLabelText(/^Pool/)).toBeNull();
    expect(screen.getByText(/Gynaecologie Ikazia – Ikazia Ziekenhuis \(gynaecologie\)/)).toBeTruthy();
    expect((screen.getByLabelText('Vergoeding specialist (euro)') as HTMLInputElement).value).toBe('45,50');
    fireEvent.change(screen.getByLabelText(/^Antwoordtermijn/), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [id, body] = vi.mocked(changeAgreement).mock.calls[0]!;
    expect(id).toBe(14);
    expect(body).toMatchObject({ version: 2, response_days: 5, template: 4, gp_fee_cents: 2500 });
    expect('pool' in body).toBe(false);
  });

  it('says so when someone else changed it first, and offers the newest version', async () => {
    vi.mocked(changeAgreement).mockRejectedValue(new ApiError(409, 'conflict', 'Iemand anders heeft deze afspraak net gewijzigd.'));
    const onReload = vi.fn();
    renderForm(kAgreement, { onReload });
    fireEvent.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Iemand anders heeft deze afspraak net gewijzigd.');
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwste versie laden' }));
    expect(onReload).toHaveBeenCalled();
  });
});
