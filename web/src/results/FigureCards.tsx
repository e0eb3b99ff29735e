// The total's headline figures as cards, a description list each screen reader reads as name and
// value; when the total itself is too small to report, one sentence says so and no figure shows.
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TripleAimFigures } from './api';
import { FigureValue, SuppressedText } from './FigureValue';
import { headlineFigures } from './figures';

export function FigureCards({ total, minGroupSize }: { total: TripleAimFigures; minGroupSize: number }) {
  const { t, i18n } = useTranslation();
  if (total.suppressed) return <Paragraph><SuppressedText minGroupSize={minGroupSize} /></Paragraph>;
  return (
    <dl className="mk-figure-cards">
      {headlineFigures(t, i18n.language).map((column) => (
        <div key={column.id} className="mk-figure-card" data-figure={column.id}>
          <dt>{column.label}</dt>
          <dd><FigureValue figures={total} column={column} /></dd>
        </div>
      ))}
    </dl>
  );
}
