// What the two charts draw, as ECharts options built from the report's groups: the trend per month
// (how the closed consults ended, stacked, with the share treated in primary care as a line on a
// second axis in %) and the figures per specialty (share and consults as horizontal bars). A group
// too small to report is left empty (null), never drawn as zero. Pure functions: unit-tested.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { TripleAimFigures } from './api';
import { percentOf } from './format';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

/** The names a chart shows, in the UI language. */
export interface ChartLabels {
  primaryCare: string;
  referred: string;
  referredElsewhere: string;
  primaryCareShare: string;
  consults: string;
}

// Distinguishable in colour and lightness, each at least 4.5:1 on white.
const kPrimaryCareColour = '#00588a';
const kReferredColour = '#b03a00';
const kElsewhereColour = '#5c5c5c';
const kShareColour = '#1a1a1a';

/** Height of a horizontal bar chart: room for the legend and axes, and a band per specialty. */
export function specialtyChartHeight(groups: number): number {
  return Math.max(240, 96 + groups * 44);
}

const count = (figures: TripleAimFigures, value: (f: TripleAimFigures) => number | null) =>
  (figures.suppressed ? null : value(figures));

const percentAxisLabel = { formatter: '{value}%' };

// The axes' labels and names inside the grid's rectangle (what containLabel was before ECharts 6).
const kLabelsInside = { outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

const kCommon = { animation: false, textStyle: { fontSize: 13 } } as const;

/** `axisLabel` names a month under its bar (a short name; the table beside it has the long one). */
export function trendOption(months: readonly TripleAimFigures[], labels: ChartLabels,
  axisLabel: (month: TripleAimFigures) => string = (month) => month.label): ChartOption {
  const outcome = (name: string, color: string, value: (f: TripleAimFigures) => number | null): BarSeriesOption => ({
    name, type: 'bar', stack: 'outcome', color, barMaxWidth: 48, data: months.map((m) => count(m, value)),
  });
  return {
    ...kCommon,
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 48, bottom: 8, ...kLabelsInside },
    xAxis: { type: 'category', data: months.map(axisLabel) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: percentAxisLabel, splitLine: { show: false } },
    ],
    series: [
      outcome(labels.primaryCare, kPrimaryCareColour, (f) => f.primary_care),
      outcome(labels.referred, kReferredColour, (f) => f.referred),
      outcome(labels.referredElsewhere, kElsewhereColour, (f) => f.referred_elsewhere),
      {
        name: labels.primaryCareShare, type: 'line', yAxisIndex: 1, color: kShareColour, symbolSize: 8,
        data: months.map((m) => percentOf(count(m, (f) => f.primary_care_share))),
      },
    ],
  };
}

export function specialtyOption(specialties: readonly TripleAimFigures[], labels: ChartLabels): ChartOption {
  return {
    ...kCommon,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 64, bottom: 8, ...kLabelsInside },
    // The first specialty at the top, as the table beside it lists them.
    yAxis: { type: 'category', inverse: true, data: specialties.map((s) => s.label) },
    xAxis: [
      { type: 'value', position: 'bottom', min: 0, max: 100, axisLabel: percentAxisLabel },
      { type: 'value', position: 'top', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.primaryCareShare, type: 'bar', xAxisIndex: 0, color: kPrimaryCareColour,
        data: specialties.map((s) => percentOf(count(s, (f) => f.primary_care_share))),
      },
      {
        name: labels.consults, type: 'bar', xAxisIndex: 1, color: kElsewhereColour,
        data: specialties.map((s) => count(s, (f) => f.consults)),
      },
    ],
  };
}
