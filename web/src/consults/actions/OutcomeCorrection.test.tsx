// On a closed consult its GP may correct the outcome afterwards: a new outcome (another than the
// one recorded) and a reason, both required (as the catalogue's form "outcome_correction" says)
// and checked before anything is sent, in the server's words; the server's
// refusal stands at the field it names or by the button. Nobody else is offered it, nor on a
// consult still open.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { correctOutcome, type Consult } from '../api';
import { consultFixture } from '../consultFixture';
import { OutcomeCorrection } from './OutcomeCorrection';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  correctOutcome: vi.fn(),
}));

const kClosed = consultFixture({
  status: 'closed', allowed_actions: [], closed_at: '2026-11-03T10:00:00Z',
  outcome: { outcome: 'primary_care', learned: true, rating: 4, closed_at: '2026-11-03T10:00:00Z', corrected_at: null, correction_reason: null },
});

function renderPanel(consult: Consult = kClosed) {
  render(<QueryClientProvider client={new QueryClient()}><OutcomeCorrection consult={consult} /></QueryClientProvider>);
}

function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Uitkomst corrigeren' }));
}

const newOutcome = () => screen.getByRole('radiogroup', { name: /^De juiste uitkomst/ });

describe('OutcomeCorrection', () => {
  beforeEach(async () => {
    vi.mocked(correctOutcome).mockReset().mockResolvedValue({} as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('is offered to the GP on a closed consult only', () => {
    renderPanel(consultFixture({ status: 'answered', allowed_actions: ['close'] }));
    renderPanel({ ...kClosed, viewer_role: 'assistant' });
    renderPanel({ ...kClosed, viewer_role: 'specialist' });
    expect(screen.queryByRole('button', { name: 'Uitkomst corrigeren' })).toBeNull();
  });

  it('offers the other outcomes than the one recorded, and a required reason', () => {
    renderPanel();
    open();
    expect(screen.getByText('Vastgelegde uitkomst: Behandeld in de eerste lijn.')).toBeTruthy();
    expect(within(newOutcome()).getAllByRole('radio').map((r) => r.closest('.utrecht-form-field')?.textContent))
      .toEqual(['Toch verwezen', 'Elders naartoe verwezen']);
    expect(newOutcome().getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText(/^Reden van de correctie/).getAttribute('aria-required')).toBe('true');
  });

  it('refuses a correction without an outcome or a reason at each, sending nothing', () => {
    renderPanel();
    open();
    fireEvent.change(screen.getByLabelText(/^Reden van de correctie/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correctie opslaan' }));
    expect(within(newOutcome()).getByText('‘De juiste uitkomst’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Reden van de correctie’ is verplicht.')).toBeTruthy();
    expect(correctOutcome).not.toHaveBeenCalled();
  });

  it('sends the new outcome with the reason, then says so', async () => {
    renderPanel();
    open();
    fireEvent.click(within(newOutcome()).getByLabelText('Toch verwezen'));
    fireEvent.change(screen.getByLabelText(/^Reden van de correctie/), { target: { value: ' Klachten namen toe; toch verwezen. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correctie opslaan' }));
    expect(await screen.findByText('De uitkomst is gecorrigeerd.')).toBeTruthy();
    expect(correctOutcome).toHaveBeenCalledWith(7, 'referred', 'Klachten namen toe; toch verwezen.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Uitkomst corrigeren' })));
  });

  it("puts the server's refusal at the field it names", async () => {
    vi.mocked(correctOutcome).mockRejectedValue(new ApiError(422, 'invalid_argument', 'De reden is te lang.', 'reason'));
    renderPanel();
    open();
    fireEvent.click(within(newOutcome()).getByLabelText('Elders naartoe verwezen'));
    fireEvent.change(screen.getByLabelText(/^Reden van de correctie/), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correctie opslaan' }));
    await waitFor(() => expect(screen.getByLabelText(/^Reden van de correctie/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('De reden is te lang.')).toBeTruthy();
  });
});
