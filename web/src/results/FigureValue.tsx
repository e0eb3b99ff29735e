// One figure as the dashboard writes it — its value, a detail in smaller print under it — and
// the two things it says instead: "geen gegevens" for a figure the server has none of (a dash for
// the eye), and "te weinig consulten (< N)" for a group too small to report.
import { useTranslation } from 'react-i18next';
import type { TripleAimFigures } from './api';
import type { FigureColumn } from './figures';

export function FigureValue({ figures, column }: { figures: TripleAimFigures; column: FigureColumn }) {
  const { t } = useTranslation();
  const value = column.value(figures);
  const detail = column.detail?.(figures) ?? null;
  if (value === null) {
    return (
      <span className="mk-figure-none">
        <span aria-hidden="true">–</span>
        <span className="mk-visually-hidden">{t('results.noFigure')}</span>
      </span>
    );
  }
  return (
    <>
      <span className="mk-figure-value">{value}</span>
      {detail && <span className="mk-figure-detail">{detail}</span>}
    </>
  );
}

export function SuppressedText({ minGroupSize }: { minGroupSize: number }) {
  const { t } = useTranslation();
  return <span className="mk-suppressed">{t('results.suppressed', { min: minGroupSize })}</span>;
}
