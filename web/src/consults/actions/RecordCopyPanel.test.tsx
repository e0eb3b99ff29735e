// "Kopie voor het dossier" against a fake server behind `fetch`: offered on a closed consult to the
// practice's GP and assistant only; the PDF from the REST API and the Bundle from the FHIR API,
// each saved under the consult's number; a refusal (the REST API's error, or the FHIR API's
// OperationOutcome) is the server's sentence beside its button, announced as an alert.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { saveBlob } from '../../lib/download';
import type { Consult } from '../api';
import { consultFixture } from '../consultFixture';
import { RecordCopyPanel } from './RecordCopyPanel';

// The API client takes `fetch` when it is made, at import: the fake goes in before any import.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', mock);
  return mock;
});
vi.mock('../../lib/download', () => ({ saveBlob: vi.fn() }));

const kClosed = consultFixture({ status: 'closed', allowed_actions: [], closed_at: '2026-11-03T10:00:00Z' });
const kPdfPath = '/api/v1/consults/7/record-copy';
const kBundlePath = '/fhir/R4/Task/7/$record-copy';
const kBundle = { resourceType: 'Bundle', type: 'collection', entry: [] };

function serve(request: Request): Promise<Response> {
  const path = decodeURIComponent(new URL(request.url).pathname);
  if (path === kPdfPath) {
    return Promise.resolve(new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } }));
  }
  if (path === kBundlePath) {
    return Promise.resolve(new Response(JSON.stringify(kBundle), { headers: { 'Content-Type': 'application/fhir+json' } }));
  }
  return Promise.resolve(new Response('{}', { status: 404 }));
}

function renderPanel(consult: Consult = kClosed) {
  render(<RecordCopyPanel consult={consult} />);
}

const heading = () => screen.queryByRole('heading', { name: 'Kopie voor het dossier' });
const pdfButton = () => screen.getByRole('button', { name: 'Downloaden als PDF' });
const bundleButton = () => screen.getByRole('button', { name: 'Downloaden als FHIR-Bundle (JSON)' });

/** What the fake server was asked: method and path of every request. */
const requests = () => fetchMock.mock.calls.map(([request]) => `${request.method} ${decodeURIComponent(new URL(request.url).pathname)}`);

describe('RecordCopyPanel', () => {
  beforeEach(async () => {
    fetchMock.mockReset().mockImplementation(serve);
    vi.mocked(saveBlob).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('is offered to the GP and the assistant of the practice on a closed consult', () => {
    renderPanel();
    expect(heading()).toBeTruthy();
    expect(pdfButton()).toBeTruthy();
    expect(bundleButton()).toBeTruthy();
    cleanup();
    renderPanel({ ...kClosed, viewer_role: 'assistant' });
    expect(heading()).toBeTruthy();
  });

  it('is not offered on a consult not yet closed, nor to the specialist', () => {
    renderPanel(consultFixture({ status: 'sent' }));
    renderPanel(consultFixture({ status: 'answered', allowed_actions: ['close'] }));
    renderPanel({ ...kClosed, viewer_role: 'specialist' });
    renderPanel({ ...kClosed, viewer_role: 'coordinator' });
    expect(heading()).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('downloads the PDF and the FHIR Bundle under the consult number', async () => {
    renderPanel();
    fireEvent.click(pdfButton());
    expect(await screen.findByText('Gedownload als MK-2026-0007.pdf.')).toBeTruthy();
    fireEvent.click(bundleButton());
    expect(await screen.findByText('Gedownload als MK-2026-0007.fhir.json.')).toBeTruthy();

    expect(requests()).toEqual([`GET ${kPdfPath}`, `GET ${kBundlePath}`]);
    const [pdf, bundle] = vi.mocked(saveBlob).mock.calls;
    expect(pdf![1]).toBe('MK-2026-0007.pdf');
    expect(await pdf![0].text()).toBe('%PDF-1.4');
    expect(bundle![1]).toBe('MK-2026-0007.fhir.json');
    expect(JSON.parse(await bundle![0].text())).toEqual(kBundle);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says the REST API's refusal of the PDF beside its button", async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({
      error: { code: 'conflict', message: 'De kopie voor het dossier komt er als het consult is afgesloten.' },
    }), { status: 409, headers: { 'Content-Type': 'application/json' } }));
    renderPanel();
    fireEvent.click(pdfButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('De kopie voor het dossier komt er als het consult is afgesloten.');
    expect(pdfButton().closest('.mk-action')?.contains(alert)).toBe(true);
    expect(saveBlob).not.toHaveBeenCalled();
  });

  it("says the FHIR API's OperationOutcome for the Bundle beside its button", async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', details: { text: 'De kopie voor het dossier is voor de praktijk van de patiënt.' } }],
    }), { status: 403, headers: { 'Content-Type': 'application/fhir+json' } }));
    renderPanel();
    fireEvent.click(bundleButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('De kopie voor het dossier is voor de praktijk van de patiënt.');
    expect(bundleButton().closest('.mk-action')?.contains(alert)).toBe(true);
    await waitFor(() => expect(bundleButton().getAttribute('aria-busy')).not.toBe('true'));
    expect(saveBlob).not.toHaveBeenCalled();
  });
});
