/**
 * SVG building for the debrief's charts: elements made with createElementNS (never markup
 * strings), axes from d3-scale's ticks, lines from d3-shape. Every chart is named for screen
 * readers by a title and a description, and carries its data as a table beside it (charts/*.ts).
 */
import type { ScaleLinear } from 'd3-scale';

const NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined>;

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (SVGElement | string | null)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** An SVG that scales with its box, named by its title and description (role="img"). */
export function chartSvg(frame: Frame, id: string, title: string, description: string): SVGSVGElement {
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${frame.width} ${frame.height}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: 'chart',
      preserveAspectRatio: 'xMidYMid meet',
    },
    s('title', { id: `${id}-title` }, title),
    s('desc', { id: `${id}-desc` }, description),
  );
  return svg;
}

/** A bottom axis: a line, ticks with labels, and the axis title. */
export function bottomAxis(
  x: ScaleLinear<number, number>,
  y0: number,
  title: string,
  format: (v: number) => string,
  ticks = 5,
): SVGGElement {
  const [left, right] = x.range() as [number, number];
  const g = s('g', { class: 'axis axis-x', 'aria-hidden': 'true' }, s('line', { x1: left, x2: right, y1: y0, y2: y0 }));
  for (const v of x.ticks(ticks)) {
    const px = x(v);
    g.append(
      s('line', { x1: px, x2: px, y1: y0, y2: y0 + 5 }),
      s('text', { x: px, y: y0 + 18, 'text-anchor': 'middle' }, format(v)),
    );
  }
  g.append(s('text', { class: 'axis-title', x: (left + right) / 2, y: y0 + 36, 'text-anchor': 'middle' }, title));
  return g;
}

/** A left axis with light grid lines across the plot. */
export function leftAxis(
  y: ScaleLinear<number, number>,
  x0: number,
  x1: number,
  title: string,
  format: (v: number) => string,
  ticks = 5,
): SVGGElement {
  const [bottom, top] = y.range() as [number, number];
  const g = s('g', { class: 'axis axis-y', 'aria-hidden': 'true' }, s('line', { x1: x0, x2: x0, y1: bottom, y2: top }));
  for (const v of y.ticks(ticks)) {
    const py = y(v);
    g.append(
      s('line', { class: 'grid', x1: x0, x2: x1, y1: py, y2: py }),
      s('text', { x: x0 - 6, y: py + 4, 'text-anchor': 'end' }, format(v)),
    );
  }
  g.append(
    s(
      'text',
      {
        class: 'axis-title',
        x: 0,
        y: 0,
        transform: `translate(${x0 - 40} ${(bottom + top) / 2}) rotate(-90)`,
        'text-anchor': 'middle',
      },
      title,
    ),
  );
  return g;
}

/** Scores are utilities in [0, 1], shown out of 100 as everywhere else in the game. */
export const score100 = (v: number) => String(Math.round(v * 100));
