// The specialist's advice may carry the minutes spent on it (a whole number from 1 to 600) and how
// well the question was put (1–5); both are optional and go along only when given, and minutes out
// of range are refused at their field before anything is sent.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { giveAdvice } from '../api';
import { AdviceForm, adviceExtras } from './AdviceForm';
import { useConsultAction, type ConsultActionRunner } from './useConsultAction';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  giveAdvice: vi.fn(),
}));

function WithRunner({ children }: { children: (runner: ConsultActionRunner) => ReactNode }) {
  return <>{children(useConsultAction())}</>;
}

function renderForm() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <WithRunner>{(runner) => <AdviceForm consultId={7} runner={runner} />}</WithRunner>
    </QueryClientProvider>,
  );
}

function writeAdvice() {
  fireEvent.click(screen.getByLabelText('Behandelen in de eerste lijn'));
  fireEvent.change(screen.getByLabelText(/^Uw advies/), { target: { value: 'Start met hydrocortison.' } });
}

describe('adviceExtras', () => {
  it.each([
    [{ minutes: '', question_rating: '' }, {}, false],
    [{ minutes: ' 25 ', question_rating: '4' }, { minutes: 25, question_rating: 4 }, false],
    [{ minutes: '600', question_rating: '' }, { minutes: 600 }, false],
    [{ minutes: '0', question_rating: '' }, {}, true],
    [{ minutes: '601', question_rating: '2' }, { question_rating: 2 }, true],
    [{ minutes: 'een kwartier', question_rating: '' }, {}, true],
  ] as const)('%o → %o', (values, extras, minutesRefused) => {
    expect(adviceExtras(values)).toEqual({ extras, minutesRefused });
  });
});

describe('AdviceForm', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(giveAdvice).mockReset().mockResolvedValue({} as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks the time spent and how well the question was put, neither required', () => {
    renderForm();
    const minutes = screen.getByLabelText('Bestede tijd (minuten)');
    expect(minutes.getAttribute('aria-required')).toBeNull();
    const rating = screen.getByRole('radiogroup', { name: /^Hoe goed was de vraag gesteld\?/ });
    expect(within(rating).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['1', '2', '3', '4', '5']);
    expect(rating.getAttribute('aria-required')).toBeNull();
  });

  it('sends the advice without them when they are not given', async () => {
    renderForm();
    writeAdvice();
    fireEvent.click(screen.getByRole('button', { name: 'Advies versturen' }));
    await waitFor(() => expect(giveAdvice).toHaveBeenCalledWith(7, 'primary_care', 'Start met hydrocortison.', {}));
  });

  it('sends the minutes and the rating when given', async () => {
    renderForm();
    writeAdvice();
    fireEvent.change(screen.getByLabelText('Bestede tijd (minuten)'), { target: { value: '20' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Hoe goed was de vraag gesteld\?/ })).getByLabelText('4'));
    fireEvent.click(screen.getByRole('button', { name: 'Advies versturen' }));
    await waitFor(() => expect(giveAdvice).toHaveBeenCalledWith(7, 'primary_care', 'Start met hydrocortison.', { minutes: 20, question_rating: 4 }));
  });

  it('refuses minutes out of range at their field, sending nothing', async () => {
    renderForm();
    writeAdvice();
    const minutes = screen.getByLabelText('Bestede tijd (minuten)');
    fireEvent.change(minutes, { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Advies versturen' }));
    expect(await screen.findByText('Vul een heel aantal minuten in, van 1 tot en met 600.')).toBeTruthy();
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(giveAdvice).not.toHaveBeenCalled();
  });
});
