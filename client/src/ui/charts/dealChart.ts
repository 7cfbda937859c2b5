/**
 * The chart of "the deal against the possible" for two delegations: every signable package found
 * (grey dots), the pair's frontier (the line), each one's walk-away value (dashed lines), the Nash
 * point, the frontier point closest to the deal, and what happened. A no-deal game draws no
 * agreement: its marker is "no deal" at the walk-away point, and a draft or a package that failed
 * at home is drawn as such, hollow.
 */
import type { ReferenceKind } from '@peace-table/shared/engine/dealAnalysis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PairPicture, XY } from '../../model/dealPicture.ts';
import { bottomAxis, chartSvg, leftAxis, s, score100 } from './svg.ts';

export interface DealChartText {
  title: string;
  description: string;
  axisX: string;
  axisY: string;
  walkAwayX: string;
  walkAwayY: string;
  outcome: string;
  paper: string | null;
  nash: string;
  closest: string;
}

const FRAME = { width: 560, height: 420, margin: { top: 16, right: 20, bottom: 52, left: 60 } };

function extent(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.02, (hi - lo) * 0.08);
  return [Math.max(0, lo - pad), Math.min(1, hi + pad)];
}

export function dealChart(picture: PairPicture, kind: ReferenceKind, text: DealChartText, id: string): SVGSVGElement {
  const { width, height, margin } = FRAME;
  const all: XY[] = [...picture.cloud, picture.outcome, picture.walkAway];
  for (const p of [picture.paper, picture.nash, picture.closest]) if (p) all.push(p);
  const x = scaleLinear()
    .domain(extent(all.map((p) => p[0])))
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain(extent(all.map((p) => p[1])))
    .nice()
    .range([height - margin.bottom, margin.top]);
  const svg = chartSvg(FRAME, id, text.title, text.description);
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  svg.append(leftAxis(y, x0, x1, text.axisY, score100), bottomAxis(x, y0, text.axisX, score100));
  const plot = s('g', { 'aria-hidden': 'true' });
  for (const [px, py] of picture.cloud) plot.append(s('circle', { class: 'cloud', cx: x(px), cy: y(py), r: 2.5 }));
  const path = line<XY>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(picture.frontier);
  if (path && picture.frontier.length > 1) plot.append(s('path', { class: 'frontier', d: path }));
  const [wx, wy] = picture.walkAway;
  plot.append(
    s('line', { class: 'walk-away', x1: x(wx), x2: x(wx), y1: y0, y2: y1 }),
    s('line', { class: 'walk-away', x1: x0, x2: x1, y1: y(wy), y2: y(wy) }),
    s('text', { class: 'note', x: x(wx) + 4, y: y1 + 12 }, text.walkAwayX),
    s('text', { class: 'note', x: x1 - 4, y: y(wy) - 5, 'text-anchor': 'end' }, text.walkAwayY),
  );
  // A point in the right half is labelled on its left, so a long label (Ukrainian ones are) stays in the frame.
  const label = (p: XY, words: string, dy: number) =>
    x(p[0]) > (x0 + x1) / 2
      ? s('text', { class: 'label', x: x(p[0]) - 10, y: y(p[1]) + dy, 'text-anchor': 'end' }, words)
      : s('text', { class: 'label', x: x(p[0]) + 9, y: y(p[1]) + dy }, words);
  if (picture.closest) {
    const [cx, cy] = picture.closest;
    plot.append(
      s('circle', { class: 'closest', cx: x(cx), cy: y(cy), r: 8 }),
      label(picture.closest, text.closest, 16),
    );
  }
  if (picture.nash) {
    const [nx, ny] = [x(picture.nash[0]), y(picture.nash[1])];
    plot.append(
      s('path', { class: 'nash', d: `M${nx},${ny - 8}L${nx + 8},${ny}L${nx},${ny + 8}L${nx - 8},${ny}Z` }),
      label(picture.nash, text.nash, -8),
    );
  }
  // A package that did not hold (a draft, or signed and rejected at home) is hollow; what happened is solid.
  if (picture.paper && kind !== 'agreement' && text.paper) {
    const [px, py] = [x(picture.paper[0]), y(picture.paper[1])];
    plot.append(
      s('rect', { class: 'paper', x: px - 6, y: py - 6, width: 12, height: 12 }),
      label(picture.paper, text.paper, 4),
    );
  }
  const [ox, oy] = picture.outcome;
  plot.append(s('circle', { class: 'outcome', cx: x(ox), cy: y(oy), r: 7 }), label(picture.outcome, text.outcome, 4));
  svg.append(plot);
  return svg;
}
