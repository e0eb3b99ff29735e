// The copy for the record in the browser: a consult the specialist answered (through the API) is
// closed by huisarts.devries on its page, which then offers "Kopie voor het dossier" — not before.
// The PDF is saved as "<number>.pdf" and holds the question and the advice; the FHIR Bundle,
// fetched from /fhir/R4 with the browser's session, is saved as "<number>.fhir.json" and is a
// collection Bundle with the advice in it. The page with the panel is checked with axe-core.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAction, sendDermatologyConsult } from './support/api';
import { checkScreen, logIn, visible } from './support/app';
import { pdfText } from './support/pdf';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kQuestion = 'Handeczeem rechts: eerst behandelen of plakproeven?';
const kAdvice = 'Eerst twee weken triamcinolon 0,1% crème; bij onvoldoende effect plakproeven.';
// A piece of the advice in plain ASCII, as a text extractor gives it back whatever the PDF's font.
const kAdvicePiece = 'triamcinolon 0,1%';

/** Presses `button` and returns what the browser saved, with its bytes. */
async function download(page: Page, button: Locator): Promise<{ file: Download; path: string; bytes: Buffer }> {
  const saved = page.waitForEvent('download');
  await button.click();
  const file = await saved;
  const path = (await file.path())!;
  return { file, path, bytes: await readFile(path) };
}

describe('copy for the record', () => {
  it('offers the GP the PDF and the FHIR Bundle once the consult is closed', async () => {
    const consult = await sendDermatologyConsult(suite.server, kQuestion);
    await apiAction(suite.server, 'specialist.smit', consult.id, 'claim');
    await apiAction(suite.server, 'specialist.smit', consult.id, 'advice', { recommendation: 'primary_care', body: kAdvice });

    const page = await suite.newPage();
    await logIn(page, suite.server, 'huisarts.devries', 'nl', `/consults/${consult.id}`);
    await visible(page.getByRole('heading', { level: 1, name: `Consult ${consult.number}` }));
    await visible(page.locator('.mk-status', { hasText: 'Beantwoord' }));
    const panel = page.getByRole('region', { name: 'Kopie voor het dossier' });
    expect(await panel.count()).toBe(0);

    await page.getByRole('radiogroup', { name: 'Hoe is het afgelopen?' }).getByLabel('Behandeld in de eerste lijn').check();
    await page.getByRole('radiogroup', { name: 'Heeft u er iets van geleerd?' }).getByLabel('Ja').check();
    await page.getByRole('radiogroup', { name: 'Uw waardering' }).getByLabel('4 sterren').check();
    await page.getByRole('button', { name: 'Consult afsluiten' }).click();
    await visible(page.locator('.mk-status', { hasText: 'Afgesloten' }));
    await visible(panel);
    await checkScreen(page, 'closed consult with the copy for the record');

    const pdf = await download(page, panel.getByRole('button', { name: 'Downloaden als PDF' }));
    expect(pdf.file.suggestedFilename()).toBe(`${consult.number}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf.path)).replace(/\s+/g, ' ');
    expect(text).toContain(consult.number);
    expect(text).toContain(kAdvicePiece);
    await visible(panel.getByText(`Gedownload als ${consult.number}.pdf.`));

    const bundle = await download(page, panel.getByRole('button', { name: 'Downloaden als FHIR-Bundle (JSON)' }));
    expect(bundle.file.suggestedFilename()).toBe(`${consult.number}.fhir.json`);
    const json = JSON.parse(bundle.bytes.toString('utf8')) as { resourceType: string; type: string; entry?: unknown[] };
    expect(json.resourceType).toBe('Bundle');
    expect(json.type).toBe('collection');
    expect(json.entry?.length ?? 0).toBeGreaterThan(0);
    expect(JSON.stringify(json)).toContain(kAdvice);
    await visible(panel.getByText(`Gedownload als ${consult.number}.fhir.json.`));
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});
