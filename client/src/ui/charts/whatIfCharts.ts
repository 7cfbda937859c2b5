/**
 * A what-if batch's distributions beside what actually happened: how often each outcome came out
 * (bars, the real outcome marked), and each delegation's score (the middle half of the games as a
 * thick bar, 10th to 90th percentile as a thin line, the median as a tick, the real score as ◆).
 */
import type { ScoreSpread } from '@peace-table/shared/sim/whatif';
import { scaleLinear } from 'd3-scale';
import { bottomAxis, chartSvg, s, score100 } from './svg.ts';

export interface Bar {
  label: string;
  share: number;
  actual: boolean;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function outcomeBars(
  bars: Bar[],
  text: { title: string; description: string; axis: string; actual: string },
  id: string,
) {
  const rowH = 28;
  // Room for the longest outcome name on the left and the longest figure on the right ("100% ·
  // what happened"), in either language: about 8 units a character of the labels' bold type.
  const notes = bars.map((bar) => (bar.actual ? `${pct(bar.share)} · ${text.actual}` : pct(bar.share)));
  const left = Math.min(440, 16 + 8 * Math.max(...bars.map((bar) => bar.label.length)));
  const right = Math.min(260, 12 + 6.5 * Math.max(...notes.map((n) => n.length)));
  const frame = {
    width: left + 320 + right,
    height: bars.length * rowH + 70,
    margin: { top: 10, right, bottom: 52, left },
  };
  const x = scaleLinear()
    .domain([0, 1])
    .range([frame.margin.left, frame.width - frame.margin.right]);
  const svg = chartSvg(frame, id, text.title, text.description);
  const y0 = frame.margin.top + bars.length * rowH;
  svg.append(bottomAxis(x, y0, text.axis, pct));
  const plot = s('g', { 'aria-hidden': 'true' });
  bars.forEach((bar, i) => {
    const top = frame.margin.top + i * rowH + 4;
    plot.append(
      s('text', { class: 'label', x: frame.margin.left - 8, y: top + 15, 'text-anchor': 'end' }, bar.label),
      s('rect', {
        class: bar.actual ? 'bar bar-actual' : 'bar',
        x: x(0),
        y: top,
        width: Math.max(1, x(bar.share) - x(0)),
        height: rowH - 8,
      }),
      s('text', { class: 'note', x: x(bar.share) + 4, y: top + 15 }, notes[i] ?? ''),
    );
  });
  svg.append(plot);
  return svg;
}

export interface ScoreRange {
  label: string;
  colour: string;
  spread: ScoreSpread;
  actual: number | null;
}

export function scoreRanges(
  rows: ScoreRange[],
  text: { title: string; description: string; axis: string },
  id: string,
) {
  const rowH = 34;
  const frame = { width: 640, height: rows.length * rowH + 70, margin: { top: 10, right: 20, bottom: 52, left: 150 } };
  const x = scaleLinear()
    .domain([0, 1])
    .range([frame.margin.left, frame.width - frame.margin.right]);
  const svg = chartSvg(frame, id, text.title, text.description);
  const y0 = frame.margin.top + rows.length * rowH;
  svg.append(bottomAxis(x, y0, text.axis, score100));
  const plot = s('g', { 'aria-hidden': 'true' });
  rows.forEach((row, i) => {
    const mid = frame.margin.top + i * rowH + rowH / 2;
    const [p10, p25, p50, p75, p90] = row.spread.quantiles;
    plot.append(
      s('text', { class: 'label', x: frame.margin.left - 8, y: mid + 4, 'text-anchor': 'end' }, row.label),
      s('line', { class: 'range', x1: x(p10), x2: x(p90), y1: mid, y2: mid, stroke: row.colour }),
      s('rect', {
        class: 'range-box',
        x: x(p25),
        y: mid - 8,
        width: Math.max(2, x(p75) - x(p25)),
        height: 16,
        fill: row.colour,
      }),
      s('line', { class: 'median', x1: x(p50), x2: x(p50), y1: mid - 11, y2: mid + 11 }),
    );
    if (row.actual !== null) {
      const ax = x(row.actual);
      plot.append(
        s('path', { class: 'actual', d: `M${ax},${mid - 9}L${ax + 7},${mid}L${ax},${mid + 9}L${ax - 7},${mid}Z` }),
      );
    }
  });
  svg.append(plot);
  return svg;
}
