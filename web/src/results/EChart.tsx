// The one place that draws with Apache ECharts: only the parts the dashboard uses (bar and line
// charts, grid, legend, the SVG renderer) are imported through echarts/core, and the dashboard
// loads this module lazily, so its figures and tables do not wait for it. SVG rather than canvas:
// crisp in screenshots, and it draws in jsdom too. The chart is hidden from assistive technology
// (aria-hidden); the table beside it holds the same numbers.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts';

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** The width drawn when the element has none yet (not laid out, or in a test without layout). */
const kFallbackWidth = 640;

export default function EChart({ option, height, name }: {
  option: ChartOption;
  height: number;
  /** Which chart this is (data-chart), for tests and styles. */
  name: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const div = element.current;
    if (!div) return undefined;
    const size = () => ({ width: div.clientWidth || kFallbackWidth, height });
    const instance = init(div, null, { renderer: 'svg', ...size() });
    chart.current = instance;
    // Follows the width of the page (a window made narrower, a tablet turned).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize(size()));
    observer?.observe(div);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !element.current) return;
    instance.setOption(option, { notMerge: true });
    // The page's own font, so that ECharts measures the text it lays out in the font it is drawn in.
    const fontFamily = getComputedStyle(element.current).fontFamily;
    if (fontFamily) instance.setOption({ textStyle: { fontFamily } });
  }, [option, height]);

  return <div ref={element} className="mk-echart" data-chart={name} aria-hidden="true" style={{ blockSize: `${height}px` }} />;
}
