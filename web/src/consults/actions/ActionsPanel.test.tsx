// The actions panel offers exactly the actions the server names in `allowed_actions`: none that it
// leaves out, whatever the viewer's role and the consult's status, and nothing at all when it names
// none.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import type { Consult, ConsultAction } from '../api';
import { consultFixture } from '../consultFixture';
import { ActionsPanel } from './ActionsPanel';

/** How each action shows on the panel (in Dutch), in the order the server lists them. */
const kControls: Record<ConsultAction, () => HTMLElement | null> = {
  edit: () => screen.queryByRole('link', { name: 'Concept bewerken' }),
  send: () => screen.queryByRole('button', { name: 'Versturen' }),
  cancel: () => screen.queryByRole('button', { name: 'Consult annuleren' }),
  claim: () => screen.queryByRole('button', { name: 'Oppakken' }),
  forward: () => screen.queryByRole('heading', { name: 'Doorsturen' }),
  assign: () => screen.queryByRole('heading', { name: 'Toewijzen aan specialist' }),
  decline: () => screen.queryByRole('heading', { name: 'Afwijzen' }),
  info_request: () => screen.queryByRole('heading', { name: /^(Informatie vragen|Terugsturen voor een tweede ronde)$/ }),
  reply: () => screen.queryByRole('heading', { name: 'Informatie aanvullen' }),
  advice: () => screen.queryByRole('heading', { name: 'Advies geven' }),
  question: () => screen.queryByRole('heading', { name: 'Vervolgvraag stellen' }),
  close: () => screen.queryByRole('heading', { name: 'Afsluiten' }),
};
const kAllActions = Object.keys(kControls) as ConsultAction[];

function renderPanel(consult: Consult) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <ActionsPanel consult={consult} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The actions the rendered panel offers, in the server's order. */
function offered(): ConsultAction[] {
  return kAllActions.filter((action) => kControls[action]() !== null);
}

describe('ActionsPanel', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('offers a pool specialist only the claim when the server allows only that', () => {
    renderPanel(consultFixture({ status: 'sent', viewer_role: 'specialist', allowed_actions: ['claim'] }));
    expect(screen.getByRole('button', { name: 'Oppakken' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Advies geven' })).toBeNull();
    expect(offered()).toEqual(['claim']);
  });

  it.each([
    ['gp', 'draft', ['edit', 'send', 'cancel']],
    ['gp', 'sent', ['cancel']],
    ['gp', 'info_requested', ['reply']],
    ['gp', 'answered', ['question', 'close']],
    ['assistant', 'draft', ['edit']],
    ['specialist', 'sent', ['claim', 'forward', 'decline']],
    ['specialist', 'claimed', ['decline', 'info_request', 'advice']],
    ['specialist', 'answered', ['info_request']],
    ['coordinator', 'sent', ['forward']],
    ['coordinator', 'claimed', ['assign']],
    ['coordinator', 'sent', ['forward', 'assign']],
  ] as const)('offers the %s on %s exactly %j', (viewer_role, status, allowed_actions) => {
    renderPanel(consultFixture({ viewer_role, status, allowed_actions: [...allowed_actions] }));
    expect(offered()).toEqual(allowed_actions);
  });

  it('offers the specialist who advised to send the consult back for a second round, not an info request', () => {
    renderPanel(consultFixture({ status: 'answered', viewer_role: 'specialist', allowed_actions: ['info_request'] }));
    expect(screen.getByRole('heading', { name: 'Terugsturen voor een tweede ronde' })).toBeTruthy();
    expect(screen.getByText(/Uw advies blijft staan/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Terugsturen' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Informatie vragen' })).toBeNull();
  });

  it('offers whatever the server names, without a table of its own', () => {
    renderPanel(consultFixture({ status: 'closed', viewer_role: 'gp', allowed_actions: [...kAllActions] }));
    expect(offered()).toEqual(kAllActions);
  });

  it('shows no panel when the server allows nothing', () => {
    const { container } = renderPanel(consultFixture({ status: 'answered', viewer_role: 'gp', allowed_actions: [] }));
    expect(container.textContent).toBe('');
  });
});
