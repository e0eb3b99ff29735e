// The consult form marks what a draft needs and what sending needs besides, from the catalogue,
// and checks both in the browser: "Opslaan als concept" only the `always` answers, "Versturen"
// consent and the referral question too. Nothing is sent while an answer is missing.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { createConsult } from '../api';
import { ConsultForm } from './ConsultForm';

vi.mock('../../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../session/session')>()),
  useMe: () => ({ user: { id: 1, roles: ['gp'] }, isError: false }),
}));

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useSpecialties: () => ({
    data: { items: [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology', modes: ['digital'] }] },
    isError: false,
  }),
  createConsult: vi.fn(),
}));

function renderNewForm() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/consults/new']}>
        <ConsultForm draft={null} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

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
    vi.mocked(createConsult).mockReset();
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
});
