// "Verwijzen" against a fake server behind `fetch`: offered only on an answered consult advised
// "refer", to its practice's GP and assistant; the GP gets the server's letter in a text box to
// adjust, answers as closing asks and sends it in one request; the assistant reads the letter and
// is told the GP sends it, without a button. Missing answers are refused at their fields before any
// request; the server's refusals go to the field they name, or beside the button as an alert.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import type { Consult } from '../api';
import { consultFixture } from '../consultFixture';
import { ReferralPanel } from './ReferralPanel';

// The API client takes `fetch` when it is made, at import: the fake goes in before any import.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const kAt = '2026-11-03T10:00:00Z';
const kReferAdvice = { recommendation: 'refer' as const, body: 'Graag patch-testen op de poli.', specialist_id: 6, given_at: kAt, at: kAt, first_at: kAt };
const kAnswered = consultFixture({ status: 'answered', advice: kReferAdvice, allowed_actions: ['question', 'close'] });
const kPath = '/api/v1/consults/7/referral';
const kDraft = 'Verwijzing na meekijkconsult MK-2026-0007\n\nGeachte collega,\n\nAdvies van de specialist:\nGraag patch-testen op de poli.\n';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The fake server: the draft letter, and sending it (a summary of the closed consult). */
function serve(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === kPath && request.method === 'GET') return Promise.resolve(json({ letter: kDraft }));
  if (path === kPath && request.method === 'POST') return Promise.resolve(json({ id: 7, status: 'closed' }));
  return Promise.resolve(json({}, 404));
}

function renderPanel(consult: Consult = kAnswered, onSent = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ReferralPanel consult={consult} onSent={onSent} />
    </QueryClientProvider>,
  );
  return onSent;
}

const heading = () => screen.queryByRole('heading', { name: 'Verwijzen' });
const letterBox = () => screen.getByRole('textbox', { name: /^Verwijsbrief/ }) as HTMLTextAreaElement;
const group = (name: RegExp) => screen.getByRole('radiogroup', { name });
const sendButton = () => screen.getByRole('button', { name: 'Verwijzing versturen' });

/** What the fake server was asked: method and path of every request. */
const requests = () => fetchMock.mock.calls.map(([request]) => `${request.method} ${new URL(request.url).pathname}`);
/** The body of the one POST the fake server got. */
async function sentBody(): Promise<unknown> {
  const post = fetchMock.mock.calls.map(([request]) => request).find((request) => request.method === 'POST');
  return post?.clone().json();
}

function answer(learned: 'Ja' | 'Nee', stars: string) {
  fireEvent.click(within(group(/^Iets geleerd/)).getByLabelText(learned));
  fireEvent.click(within(group(/^Waardering/)).getByLabelText(stars));
}

describe('ReferralPanel', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    fetchMock.mockReset().mockImplementation(serve);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('is offered only on an answered consult advised "refer", and only to the practice', () => {
    const primaryCare = { ...kReferAdvice, recommendation: 'primary_care' as const };
    renderPanel({ ...kAnswered, advice: primaryCare });
    renderPanel({ ...kAnswered, status: 'closed', allowed_actions: [] });
    renderPanel({ ...kAnswered, status: 'claimed', advice: null });
    renderPanel({ ...kAnswered, viewer_role: 'specialist', allowed_actions: [] });
    renderPanel({ ...kAnswered, viewer_role: 'coordinator', allowed_actions: [] });
    expect(heading()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    cleanup();

    renderPanel();
    expect(heading()).toBeTruthy();
    cleanup();
    renderPanel({ ...kAnswered, viewer_role: 'assistant', allowed_actions: [] });
    expect(heading()).toBeTruthy();
  });

  it('gives the GP the letter filled in, to adjust and send in one action', async () => {
    const onSent = renderPanel();
    await waitFor(() => expect(letterBox().value).toBe(kDraft));
    expect(letterBox().getAttribute('aria-required')).toBe('true');
    fireEvent.change(letterBox(), { target: { value: `${kDraft}Aanvulling: graag binnen 4 weken.\n` } });
    answer('Ja', '4 sterren');
    fireEvent.click(sendButton());

    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(requests()).toEqual([`GET ${kPath}`, `POST ${kPath}`]);
    expect(await sentBody()).toEqual({ letter: `${kDraft}Aanvulling: graag binnen 4 weken.\n`, learned: true, rating: 4 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(Object.keys(sessionStorage).filter((key) => key.includes('referral'))).toEqual([]);
  });

  it('keeps what the GP changed through a reload, rather than the draft', async () => {
    renderPanel();
    await waitFor(() => expect(letterBox().value).toBe(kDraft));
    fireEvent.change(letterBox(), { target: { value: 'Geachte collega, eigen woorden.' } });
    cleanup();
    renderPanel();
    await waitFor(() => expect(letterBox().value).toBe('Geachte collega, eigen woorden.'));
  });

  it('shows the assistant the letter and that the GP sends it, with nothing to send', async () => {
    renderPanel({ ...kAnswered, viewer_role: 'assistant', allowed_actions: [] });
    expect(screen.getByText('De huisarts verstuurt de verwijzing. Hieronder leest u de brief zoals hij nu is ingevuld.')).toBeTruthy();
    expect(await screen.findByText(/Verwijzing na meekijkconsult MK-2026-0007/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(requests()).toEqual([`GET ${kPath}`]);
  });

  it("refuses a letter without its answers at each field in the server's words, sending nothing", async () => {
    renderPanel();
    await waitFor(() => expect(letterBox().value).toBe(kDraft));
    fireEvent.change(letterBox(), { target: { value: '   ' } });
    fireEvent.click(sendButton());

    expect(await screen.findByText('‘Verwijsbrief’ is verplicht.')).toBeTruthy();
    expect(within(group(/^Iets geleerd/)).getByText('‘Iets geleerd’ is verplicht.')).toBeTruthy();
    expect(within(group(/^Waardering/)).getByText('‘Waardering’ is verplicht.')).toBeTruthy();
    expect(letterBox().getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(letterBox()));
    expect(requests()).toEqual([`GET ${kPath}`]);
  });

  it("places the server's refusal at the field it names", async () => {
    renderPanel();
    await waitFor(() => expect(letterBox().value).toBe(kDraft));
    fetchMock.mockResolvedValueOnce(json({
      error: { code: 'invalid_argument', message: 'Geef een waardering van 1 tot en met 5.', field: 'rating' },
    }, 422));
    answer('Nee', '2 sterren');
    fireEvent.click(sendButton());
    expect(await within(group(/^Waardering/)).findByText('Geef een waardering van 1 tot en met 5.')).toBeTruthy();
    expect(group(/^Waardering/).getAttribute('aria-invalid')).toBe('true');
  });

  it("says a refusal without a field beside the button, as an alert", async () => {
    renderPanel();
    await waitFor(() => expect(letterBox().value).toBe(kDraft));
    fetchMock.mockResolvedValueOnce(json({
      error: { code: 'forbidden', message: 'Alleen de huisarts verstuurt de verwijzing.' },
    }, 403));
    answer('Ja', '5 sterren');
    fireEvent.click(sendButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Alleen de huisarts verstuurt de verwijzing.');
    expect(sendButton().closest('.mk-action')?.contains(alert)).toBe(true);
  });

  it("says why the letter could not be filled in, as an alert", async () => {
    fetchMock.mockResolvedValueOnce(json({
      error: { code: 'conflict', message: "Een verwijzing volgt op het advies 'verwijzen'." },
    }, 409));
    renderPanel();
    expect((await screen.findByRole('alert')).textContent).toBe("Een verwijzing volgt op het advies 'verwijzen'.");
    expect(screen.queryByRole('button', { name: 'Verwijzing versturen' })).toBeNull();
  });
});
