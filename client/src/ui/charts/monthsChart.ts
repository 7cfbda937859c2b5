/**
 * "The months": indicator lines over the rounds, with what happened marked above the plot (an
 * event ◆, a lever ▲, a draft ●) where it happened. One chart per kind of indicator (the front's
 * momentum in its own units; the others as a share of their range), each with a legend in HTML.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { IndicatorSeries, Mark } from '../../model/months.ts';
import { bottomAxis, chartSvg, leftAxis, s } from './svg.ts';

/** Colours that stay apart for colour-blind readers (Okabe–Ito) and on paper. */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#999933'];
/** Dash patterns, so lines are told apart in black and white too. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4', '1 4', '4 2 1 2', '10 2'];

export interface MonthsChartText {
  title: string;
  description: string;
  axisX: string;
  axisY: string;
  format: (v: number) => string;
}

const FRAME = { width: 640, height: 300, margin: { top: 30, right: 16, bottom: 52, left: 60 } };
const MARK_ROW: Record<Mark['kind'], number> = { event: 8, lever: 18, draft: 28 };

export function seriesStyle(i: number) {
  return { stroke: SERIES_COLOURS[i % SERIES_COLOURS.length] as string, dash: DASHES[i % DASHES.length] as string };
}

export function monthsChart(
  series: IndicatorSeries[],
  marks: Mark[],
  text: MonthsChartText,
  id: string,
  value: (s: IndicatorSeries, v: number) => number,
): SVGSVGElement {
  const { width, height, margin } = FRAME;
  const rounds = series.flatMap((x) => x.points.map((p) => p[0]));
  const values = series.flatMap((x) => x.points.map((p) => value(x, p[1])));
  const x = scaleLinear()
    .domain([Math.min(1, ...rounds), Math.max(2, ...rounds)])
    .range([margin.left, width - margin.right]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, lo + 1e-6);
  const y = scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([height - margin.bottom, margin.top + 8]);
  const svg = chartSvg(FRAME, id, text.title, text.description);
  const [x0, x1] = x.range() as [number, number];
  const [y0] = y.range() as [number, number];
  svg.append(
    leftAxis(y, x0, x1, text.axisY, text.format),
    bottomAxis(x, y0, text.axisX, (v) => String(v), Math.min(12, Math.max(...rounds))),
  );
  const plot = s('g', { 'aria-hidden': 'true' });
  for (const mark of marks) {
    const mx = x(mark.round);
    const my = MARK_ROW[mark.kind];
    plot.append(s('line', { class: `mark-line mark-${mark.kind}`, x1: mx, x2: mx, y1: my + 4, y2: y0 }));
    const shape =
      mark.kind === 'event'
        ? s('path', {
            class: 'mark mark-event',
            d: `M${mx},${my - 5}L${mx + 5},${my}L${mx},${my + 5}L${mx - 5},${my}Z`,
          })
        : mark.kind === 'lever'
          ? s('path', { class: 'mark mark-lever', d: `M${mx},${my - 5}L${mx + 5},${my + 4}L${mx - 5},${my + 4}Z` })
          : s('circle', { class: 'mark mark-draft', cx: mx, cy: my, r: 4 });
    plot.append(shape);
  }
  series.forEach((serie, i) => {
    const style = seriesStyle(i);
    const d = line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(value(serie, p[1])))(serie.points);
    if (d)
      plot.append(
        s('path', {
          class: 'series',
          d,
          stroke: style.stroke,
          'stroke-dasharray': style.dash || undefined,
          fill: 'none',
        }),
      );
  });
  svg.append(plot);
  return svg;
}
