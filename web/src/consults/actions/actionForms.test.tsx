// The action forms mark their required answers from the catalogue, in words and for screen
// readers, and refuse an incomplete submit in the browser with the server's own sentence at each
// field, sending nothing; a refusal from the server is still placed at its field, or next to the
// button when no field fits. Assigning offers exactly the specialists the server names.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { assignConsult, closeConsult, postMessage } from '../api';
import { consultFixture } from '../consultFixture';
import { AssignForm } from './AssignForm';
import { CloseForm } from './CloseForm';
import { MessageForm } from './MessageForm';
import { useConsultAction, type ConsultActionRunner } from './useConsultAction';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  assignConsult: vi.fn(),
  closeConsult: vi.fn(),
  postMessage: vi.fn(),
}));

function WithRunner({ children }: { children: (runner: ConsultActionRunner) => ReactNode }) {
  return <>{children(useConsultAction())}</>;
}

function renderForm(form: (runner: ConsultActionRunner) => ReactNode) {
  const queryClient = new QueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <WithRunner>{form}</WithRunner>
    </QueryClientProvider>,
  );
}

const group = (name: RegExp) => screen.getByRole('radiogroup', { name });

describe('CloseForm', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(closeConsult).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('marks every answer required, in words and with aria-required', () => {
    renderForm((runner) => <CloseForm consultId={7} runner={runner} />);
    for (const label of [/^Hoe is het afgelopen\?/, /^Heeft u er iets van geleerd\?/, /^Uw waardering/]) {
      const fieldset = group(label);
      expect(fieldset.getAttribute('aria-required')).toBe('true');
      expect(within(fieldset).getByText('(verplicht)')).toBeTruthy();
    }
  });

  it('refuses an empty close at each field in the server\'s words, sending nothing', async () => {
    renderForm((runner) => <CloseForm consultId={7} runner={runner} />);
    fireEvent.click(screen.getByRole('button', { name: 'Consult afsluiten' }));
    expect(await screen.findByText('‘Heeft u er iets van geleerd?’ is verplicht.')).toBeTruthy();
    expect(within(group(/^Hoe is het afgelopen\?/)).getByText('‘Hoe is het afgelopen?’ is verplicht.')).toBeTruthy();
    expect(within(group(/^Uw waardering/)).getByText('‘Uw waardering’ is verplicht.')).toBeTruthy();
    expect(group(/^Heeft u er iets van geleerd\?/).getAttribute('aria-invalid')).toBe('true');
    expect(closeConsult).not.toHaveBeenCalled();
  });

  it('names only what is still missing, in the chosen language', async () => {
    await i18n.changeLanguage('en');
    renderForm((runner) => <CloseForm consultId={7} runner={runner} />);
    fireEvent.click(within(group(/^What was the outcome\?/)).getByLabelText('Referred after all'));
    fireEvent.click(within(group(/^Your rating/)).getByLabelText('4 stars'));
    fireEvent.click(screen.getByRole('button', { name: 'Close consult' }));
    expect(await screen.findByText('‘Did you learn something from it?’ is required.')).toBeTruthy();
    expect(screen.queryByText('‘What was the outcome?’ is required.')).toBeNull();
    expect(closeConsult).not.toHaveBeenCalled();
  });

  it('sends a complete close, and places a refusal from the server at its field', async () => {
    vi.mocked(closeConsult).mockRejectedValue(new ApiError(422, 'invalid_argument', 'Geef een waardering van 1 tot en met 5.', 'rating'));
    renderForm((runner) => <CloseForm consultId={7} runner={runner} />);
    fireEvent.click(within(group(/^Hoe is het afgelopen\?/)).getByLabelText('Toch verwezen'));
    fireEvent.click(within(group(/^Heeft u er iets van geleerd\?/)).getByLabelText('Ja'));
    fireEvent.click(within(group(/^Uw waardering/)).getByLabelText('4 sterren'));
    fireEvent.click(screen.getByRole('button', { name: 'Consult afsluiten' }));
    expect(await within(group(/^Uw waardering/)).findByText('Geef een waardering van 1 tot en met 5.')).toBeTruthy();
    expect(closeConsult).toHaveBeenCalledWith(7, 'referred', true, 4);
  });
});

describe('MessageForm', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(postMessage).mockReset();
    await i18n.changeLanguage('en');
  });
  afterEach(cleanup);

  it('labels the text by the kind of message and refuses it blank', async () => {
    renderForm((runner) => <MessageForm consultId={7} action="reply" kind="reply" runner={runner} />);
    const text = screen.getByLabelText(/^Your reply to the information request/);
    expect(text.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('(required)')).toBeTruthy();
    fireEvent.change(text, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('‘Your reply to the information request’ is required.')).toBeTruthy();
    expect(postMessage).not.toHaveBeenCalled();
  });
});

describe('AssignForm', () => {
  const kConsult = consultFixture({
    status: 'sent', viewer_role: 'coordinator', allowed_actions: ['forward', 'assign'],
    assign_specialists: [{ id: 6, name: 'Dr. Eva Smit, dermatoloog' }, { id: 7, name: 'Dr. Joost Mulder, dermatoloog' }],
  });

  beforeEach(async () => {
    sessionStorage.clear();
    vi.mocked(assignConsult).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  const specialist = () => screen.getByLabelText(/^Specialist/) as HTMLSelectElement;

  it('offers the specialists the server names, and no others', () => {
    renderForm((runner) => <AssignForm consult={kConsult} runner={runner} />);
    expect(screen.getByRole('heading', { name: 'Toewijzen aan specialist' })).toBeTruthy();
    expect(Array.from(specialist().options).map((o) => o.textContent)).toEqual([
      'Kies een specialist', 'Dr. Eva Smit, dermatoloog', 'Dr. Joost Mulder, dermatoloog',
    ]);
  });

  it('says so when there is nobody to assign it to, and offers no button', () => {
    renderForm((runner) => <AssignForm consult={{ ...kConsult, assign_specialists: [] }} runner={runner} />);
    expect(screen.getByText('Er is nu geen specialist van de pool aan wie u dit consult kunt toewijzen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Toewijzen' })).toBeNull();
  });

  it("refuses an assignment without a specialist in the server's words, sending nothing", async () => {
    renderForm((runner) => <AssignForm consult={kConsult} runner={runner} />);
    fireEvent.click(screen.getByRole('button', { name: 'Toewijzen' }));
    expect(await screen.findByText('‘Specialist’ is verplicht.')).toBeTruthy();
    expect(assignConsult).not.toHaveBeenCalled();
  });

  it('sends the chosen specialist', async () => {
    vi.mocked(assignConsult).mockResolvedValue({} as never);
    renderForm((runner) => <AssignForm consult={kConsult} runner={runner} />);
    fireEvent.change(specialist(), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toewijzen' }));
    await waitFor(() => expect(assignConsult).toHaveBeenCalledWith(7, 7));
  });

  it("puts the server's refusal next to the button", async () => {
    vi.mocked(assignConsult).mockRejectedValue(new ApiError(409, 'conflict', 'Dit consult is al beantwoord.'));
    renderForm((runner) => <AssignForm consult={kConsult} runner={runner} />);
    fireEvent.change(specialist(), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toewijzen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Dit consult is al beantwoord.');
  });
});
