// Accesses per day in the rows loaded so far, as bars (plain SVG): a busy day or an odd one out
// is seen at a glance. The figure's text alternative names every day's count.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogRow } from './api';
import { dayOf, formatShortDay, nextDay } from './period';

/** More days than this and the chart shows the newest ones only. */
export const kMaxChartDays = 31;

const kSlot = 40;
const kBarWidth = 28;
const kBarsHeight = 120;
const kTopRoom = 18; // the count above the highest bar
const kLabelRoom = 20;

export interface DayCount {
  day: string;
  count: number;
}

/**
 * How many rows fall on each Amsterdam day, oldest first, every day from the first to the last
 * (zero included), at most the newest `maxDays`.
 */
export function countPerDay(items: readonly AccessLogRow[], maxDays = kMaxChartDays): DayCount[] {
  if (items.length === 0) return [];
  const counts = new Map<string, number>();
  for (const row of items) {
    const day = dayOf(row.at);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort();
  const out: DayCount[] = [];
  for (let day = days[0]!; day <= days[days.length - 1]!; day = nextDay(day)) {
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out.slice(-maxDays);
}

export function AccessChart({ items }: { items: readonly AccessLogRow[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const summaryId = useId();
  const days = countPerDay(items);
  // One bar compares nothing; the count above the table says it already.
  if (days.length < 2) return null;
  const highest = Math.max(...days.map((d) => d.count));
  const width = days.length * kSlot;
  const height = kTopRoom + kBarsHeight + kLabelRoom;
  const label = (d: DayCount) => t('accessLog.chart.day', { day: formatShortDay(d.day, i18n.language), count: d.count });
  const summary = days.map(label).join(', ');
  return (
    <figure className="mk-chart">
      <figcaption id={captionId}>
        {days.length === kMaxChartDays ? t('accessLog.chart.captionNewest', { days: kMaxChartDays }) : t('accessLog.chart.caption')}
      </figcaption>
      <svg role="img" aria-labelledby={`${captionId} ${summaryId}`} viewBox={`0 0 ${width} ${height}`}
        width={width} height={height} className="mk-chart__svg">
        <title id={summaryId}>{summary}</title>
        {days.map((d, i) => {
          const barHeight = highest === 0 ? 0 : Math.round((d.count / highest) * kBarsHeight);
          const x = i * kSlot + (kSlot - kBarWidth) / 2;
          const center = i * kSlot + kSlot / 2;
          return (
            <g key={d.day}>
              <rect className="mk-chart__bar" x={x} y={kTopRoom + kBarsHeight - barHeight} width={kBarWidth} height={barHeight} />
              {d.count > 0 && (
                <text x={center} y={kTopRoom + kBarsHeight - barHeight - 4} textAnchor="middle" className="mk-chart__count">
                  {d.count}
                </text>
              )}
              <text x={center} y={height - 4} textAnchor="middle" className="mk-chart__day">
                {formatShortDay(d.day, i18n.language)}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={kTopRoom + kBarsHeight} y2={kTopRoom + kBarsHeight} className="mk-chart__axis" />
      </svg>
    </figure>
  );
}
