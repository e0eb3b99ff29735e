// Figures per group as a table, the same numbers a chart beside it draws: what a screen reader
// reads instead of the chart. One row per group (its name a row header), optionally the total
// last; a group too small to report says so across its row and shows no numbers.
import {
  Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TripleAimFigures } from './api';
import { FigureValue, SuppressedText } from './FigureValue';
import type { FigureColumn } from './figures';

export function FiguresTable({ caption, groupHeader, groups, columns, minGroupSize, total, wide = false }: {
  caption: string;
  /** The heading of the first column: "Maand", "Specialisme", "Organisatie". */
  groupHeader: string;
  groups: readonly TripleAimFigures[];
  columns: readonly FigureColumn[];
  minGroupSize: number;
  /** The total, as a last row, when the table shows it. */
  total?: TripleAimFigures;
  /**
   * Wider than the page: it scrolls sideways in a region the keyboard can reach (and scroll with
   * the arrow keys), named after the table.
   */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const row = (figures: TripleAimFigures, label: string) => (
    <TableRow key={figures.key ?? ''} className={figures.suppressed ? 'mk-row--suppressed' : undefined}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      {figures.suppressed ? (
        <TableCell colSpan={columns.length}><SuppressedText minGroupSize={minGroupSize} /></TableCell>
      ) : columns.map((column) => (
        <TableCell key={column.id} className="mk-figure-cell"><FigureValue figures={figures} column={column} /></TableCell>
      ))}
    </TableRow>
  );
  return (
    <div className="mk-table-scroll" {...(wide ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      <Table className="mk-figures-table">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{groupHeader}</TableHeaderCell>
            {columns.map((column) => <TableHeaderCell key={column.id} scope="col">{column.label}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>{groups.map((group) => row(group, group.label))}</TableBody>
        {total && <TableFooter>{row(total, t('results.total'))}</TableFooter>}
      </Table>
    </div>
  );
}
