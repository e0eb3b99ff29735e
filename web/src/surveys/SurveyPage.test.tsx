// The patient survey, without logging in: /enquete asks for the code on the leaflet and leads to
// /enquete/<code>; there the three questions are fieldsets with their questions as legends (as the
// form field catalogue words them), all three answered before anything is sent (in the server's
// words), and the answers go in the language the patient chose on the page; then thanks. An unknown code (404), a survey answered already (on opening, or 409 when
// sending) and too many attempts (429) are each said plainly in place of the form.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { answerSurvey, useSurvey } from './api';
import SurveyPage from './SurveyPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useSurvey: vi.fn(),
  answerSurvey: vi.fn(),
}));

const kCode = 'K7M2-Q9TX';
const kOpen = { answered: false, specialty: 'Dermatologie', specialty_en: 'Dermatology' };

function serve(data: typeof kOpen) {
  vi.mocked(useSurvey).mockReturnValue({ data, isPending: false, isError: false, error: null } as never);
}

function refuse(status: number, message: string) {
  vi.mocked(useSurvey).mockReturnValue({
    data: undefined, isPending: false, isError: true, error: new ApiError(status, `http_${status}`, message),
  } as never);
}

function renderPage(address = `/enquete/${kCode}`) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>
          <Route path="/enquete" element={<SurveyPage />} />
          <Route path="/enquete/:code" element={<SurveyPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const question = (name: RegExp) => screen.getByRole('radiogroup', { name });

function answerAll() {
  fireEvent.click(within(question(/^Hoe tevreden bent u/)).getByLabelText('4 – Tevreden'));
  fireEvent.click(within(question(/^Legde uw huisarts het advies/)).getByLabelText('5 – Heel goed'));
  fireEvent.click(within(question(/^Waar wordt u liever behandeld/)).getByLabelText('Bij mijn eigen huisarts'));
}

describe('SurveyPage', () => {
  beforeEach(async () => {
    serve(kOpen);
    vi.mocked(answerSurvey).mockReset().mockResolvedValue({ answered: true });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks for the code on the leaflet, and leads to its survey', () => {
    renderPage('/enquete');
    expect(screen.getByRole('heading', { level: 1, name: 'Enquête meekijkconsult' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Naar de enquête' }));
    expect(screen.getByRole('alert').textContent).toBe('Vul de code van de folder in.');
    fireEvent.change(screen.getByLabelText('Code op de folder'), { target: { value: ' k7m2-q9tx ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Naar de enquête' }));
    expect(useSurvey).toHaveBeenCalledWith('k7m2-q9tx');
    expect(screen.getByRole('radiogroup', { name: /^Hoe tevreden bent u/ })).toBeTruthy();
  });

  it('asks the three questions as groups with their questions as legends, naming the specialty', () => {
    renderPage();
    expect(useSurvey).toHaveBeenCalledWith(kCode);
    expect(screen.getByText(/een specialist \(dermatologie\) laten meekijken/)).toBeTruthy();
    const overall = question(/^Hoe tevreden bent u over de zorg\? \(verplicht\)/);
    expect(overall.tagName).toBe('FIELDSET');
    expect(overall.getAttribute('aria-required')).toBe('true');
    expect(within(overall).getAllByRole('radio')).toHaveLength(5);
    expect(within(question(/^Legde uw huisarts het advies goed uit\?/)).getAllByRole('radio')).toHaveLength(5);
    const preference = question(/^Waar wordt u liever behandeld\?/);
    expect(within(preference).getAllByRole('radio').map((r) => r.closest('.utrecht-form-field')?.textContent))
      .toEqual(['Bij mijn eigen huisarts', 'In het ziekenhuis', 'Geen voorkeur']);
  });

  it('sends nothing until every question is answered, and says so at each', () => {
    renderPage();
    fireEvent.click(within(question(/^Hoe tevreden bent u/)).getByLabelText('2 – Ontevreden'));
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    expect(within(question(/^Legde uw huisarts/)).getByText('‘Legde uw huisarts het advies goed uit?’ is verplicht.')).toBeTruthy();
    expect(within(question(/^Waar wordt u liever/)).getByText('‘Waar wordt u liever behandeld?’ is verplicht.')).toBeTruthy();
    expect(within(question(/^Hoe tevreden/)).queryByText(/is verplicht/)).toBeNull();
    expect(answerSurvey).not.toHaveBeenCalled();
  });

  it('sends the answers in Dutch, then thanks the patient', async () => {
    renderPage();
    answerAll();
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    const thanks = await screen.findByRole('alert');
    expect(thanks.textContent).toContain('Dank u wel!');
    expect(document.activeElement).toBe(thanks);
    expect(answerSurvey).toHaveBeenCalledWith(kCode, { language: 'nl', overall: 4, explained: 5, preference: 'own_gp' });
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('lets the patient switch the page to English, and sends the answers as given in English', async () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Taal'), { target: { value: 'en' } });
    expect(await screen.findByText(/a specialist \(dermatology\) look along/)).toBeTruthy();
    fireEvent.click(within(question(/^How satisfied are you with the care\? \(required\)/)).getByLabelText('3 – Neither satisfied nor dissatisfied'));
    fireEvent.click(within(question(/^Did your GP explain/)).getByLabelText('1 – Not at all'));
    fireEvent.click(within(question(/^Where would you rather be treated/)).getByLabelText('No preference'));
    fireEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(await screen.findByText('Thank you!')).toBeTruthy();
    expect(answerSurvey).toHaveBeenCalledWith(kCode, { language: 'en', overall: 3, explained: 1, preference: 'no_preference' });
  });

  it('says "al ingevuld" for a survey answered already, instead of the form', () => {
    serve({ ...kOpen, answered: true });
    renderPage();
    expect(screen.getByText('Deze enquête is al ingevuld')).toBeTruthy();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('says "al ingevuld" when someone answered it in the meantime (409)', async () => {
    vi.mocked(answerSurvey).mockRejectedValue(new ApiError(409, 'conflict', 'Al beantwoord.'));
    renderPage();
    answerAll();
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Deze enquête is al ingevuld');
  });

  it('says "code onbekend" for an unknown code (404), and offers to type another', () => {
    refuse(404, 'Niet gevonden.');
    renderPage('/enquete/AAAA-BBBB');
    expect(screen.getByText('Code onbekend')).toBeTruthy();
    expect(screen.getByText(/Controleer de code op de folder/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Een andere code invullen' }).getAttribute('href')).toBe('/enquete');
  });

  it('says "te veel pogingen, probeer het later" after too many attempts (429)', () => {
    refuse(429, 'Te veel mislukte pogingen.');
    renderPage();
    expect(screen.getByText('Te veel pogingen')).toBeTruthy();
    expect(screen.getByText('Er zijn te veel codes geprobeerd. Probeer het later opnieuw.')).toBeTruthy();
  });

  it('says so when too many attempts stop the answer (429), in place of the form', async () => {
    vi.mocked(answerSurvey).mockRejectedValue(new ApiError(429, 'too_many_requests', 'Te veel.'));
    renderPage();
    answerAll();
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Te veel pogingen');
  });

  it("puts another refusal at the question it names, in the server's words", async () => {
    vi.mocked(answerSurvey).mockRejectedValue(new ApiError(422, 'invalid_argument', 'Kies 1 tot en met 5.', 'overall'));
    renderPage();
    answerAll();
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    await waitFor(() => expect(within(question(/^Hoe tevreden/)).getByText('Kies 1 tot en met 5.')).toBeTruthy());
  });
});
