// Each kind of template question gets its own control, labelled by the question, with its help
// text, a number's unit tied to the box, "(verplicht om te versturen)" on a required one, and
// its error; a photo question points to the attachments.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { kCycleTemplate } from '../../region/regionFixture';
import { TemplateQuestions } from './TemplateQuestions';

function renderQuestions(answers: Record<string, string> = {}, errors: Record<string, string> = {}) {
  const onChange = vi.fn();
  render(<TemplateQuestions template={kCycleTemplate} answers={answers} onChange={onChange} errorOf={(name) => errors[name]} />);
  return onChange;
}

const described = (element: HTMLElement) => (element.getAttribute('aria-describedby') ?? '').split(' ')
  .map((id) => document.getElementById(id)?.textContent).join(' | ');

describe('TemplateQuestions', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it("stands under the template's name", () => {
    renderQuestions();
    expect(screen.getByRole('region', { name: 'Cyclusklachten' })).toBeTruthy();
  });

  it('asks a number in a box with a decimal keyboard, the unit and help read with it, marked required', () => {
    const onChange = renderQuestions({ cyclusduur: '28' });
    const box = screen.getByLabelText('Cyclusduur (verplicht om te versturen)') as HTMLInputElement;
    expect(box.value).toBe('28');
    expect(box.getAttribute('inputmode')).toBe('decimal');
    expect(box.getAttribute('aria-required')).toBe('true');
    expect(described(box)).toBe('Van de eerste dag tot de volgende. | dagen');
    fireEvent.change(box, { target: { value: '28,5' } });
    expect(onChange).toHaveBeenCalledWith('cyclusduur', '28,5');
  });

  it('asks yes or no with two radio buttons', () => {
    const onChange = renderQuestions({ pijn: 'no' });
    const group = screen.getByRole('radiogroup', { name: 'Pijn bij de menstruatie?' });
    expect((within(group).getByLabelText('Nee') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByLabelText('Ja'));
    expect(onChange).toHaveBeenCalledWith('pijn', 'yes');
  });

  it('asks text in a text area, a choice of a few with radio buttons, and a date in a date box', () => {
    const onChange = renderQuestions();
    expect(screen.getByLabelText('Hoe is het beloop?').tagName).toBe('TEXTAREA');
    const choice = screen.getByRole('radiogroup', { name: 'Welk bloedverlies?' });
    expect(within(choice).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['Te veel', 'Te weinig', 'Tussendoor']);
    fireEvent.click(within(choice).getByLabelText('Tussendoor'));
    expect(onChange).toHaveBeenCalledWith('soort', 'Tussendoor');
    expect(screen.getByLabelText('Sinds wanneer?').getAttribute('type')).toBe('date');
  });

  it('asks a choice of many from a list box', () => {
    const options = ['a', 'b', 'c', 'd', 'e', 'f'];
    render(<TemplateQuestions onChange={() => {}} answers={{}} errorOf={() => undefined}
      template={{ ...kCycleTemplate, fields: [{ ...kCycleTemplate.fields[3]!, options }] }} />);
    const select = screen.getByLabelText('Welk bloedverlies?') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', ...options]);
  });

  it('points a photo question to the attachments, with its error', () => {
    renderQuestions({}, { 'template_answers.echo': '„Echo-verslag”: voeg een bijlage toe voor het versturen.' });
    const photo = screen.getByRole('group', { name: 'Echo-verslag (verplicht om te versturen)' });
    expect(described(photo)).toBe(
      'Als pdf. Voeg de foto of het document toe bij ‘Foto\'s en documenten (JPEG, PNG of PDF)’ hierboven. | „Echo-verslag”: voeg een bijlage toe voor het versturen.',
    );
  });

  it('puts an error under its question', () => {
    renderQuestions({ cyclusduur: 'acht' }, { 'template_answers.cyclusduur': '„Cyclusduur”: vul een getal in.' });
    const box = screen.getByLabelText(/^Cyclusduur/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(described(box)).toContain('„Cyclusduur”: vul een getal in.');
  });
});
