/**
 * Colours, patterns and flags for the canvas. The map palette is Okabe & Ito's colour-blind-safe
 * set, and every distinction it draws also has a second cue (a hatch angle, a dash, a symbol or a
 * word), so nothing is told by colour alone.
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** Okabe–Ito. */
export const OKABE_ITO = {
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
  black: 0x000000,
} as const;

export const UI = {
  background: 0x101826,
  panel: 0x1b2638,
  panelEdge: 0x4a5a75,
  text: '#f2efe6',
  muted: '#b8c3d4',
  table: 0x5b4325,
  tableEdge: 0x3d2b14,
  sea: 0x1d3b57,
  land: 0xe9e4d8,
  neighbour: 0x9aa3ad,
  border: 0x5d5d5d,
  occupied: 0x7a6f86,
  line: 0x000000,
} as const;

/**
 * Hatch patterns for the legal-status options of a region, by the option's position in its issue
 * (recognised / deferred / restored in ukraine-2026): angle(s) and colour differ together.
 */
export const STATUS_PATTERNS = [
  { angles: [45], colour: OKABE_ITO.vermillion, spacing: 7 },
  { angles: [0], colour: OKABE_ITO.yellow, spacing: 9 },
  { angles: [45, -45], colour: OKABE_ITO.skyBlue, spacing: 9 },
  { angles: [90], colour: OKABE_ITO.green, spacing: 8 },
] as const;

export function statusPattern(index: number) {
  return STATUS_PATTERNS[index % STATUS_PATTERNS.length] ?? STATUS_PATTERNS[0];
}

/** Diverging colour for a sector's momentum: blue = Ukraine gaining, orange = Russia gaining. */
export function momentumColour(momentum: number): { colour: number; alpha: number } {
  const alpha = Math.min(0.75, 0.15 + Math.abs(momentum) / 12);
  if (momentum > 0.5) return { colour: OKABE_ITO.orange, alpha };
  if (momentum < -0.5) return { colour: OKABE_ITO.blue, alpha };
  return { colour: 0xbbbbbb, alpha: 0.25 };
}

export function hexColour(css: string): number {
  return Number.parseInt(css.replace('#', ''), 16);
}

/** Flags drawn with rectangles and stars (no image files to load): horizontal stripes, an optional canton, optional stars. */
export interface FlagSpec {
  stripes: number[];
  canton?: { colour: number; widthShare: number; heightShare: number; stars: 'grid' };
  ring?: { colour: number; stars: number };
}

export const FLAGS: Record<DelegationId, FlagSpec> = {
  ukraine: { stripes: [0x0057b7, 0xffd700] },
  russia: { stripes: [0xffffff, 0x0039a6, 0xd52b1e] },
  us: {
    stripes: Array.from({ length: 13 }, (_, i) => (i % 2 === 0 ? 0xb22234 : 0xffffff)),
    canton: { colour: 0x3c3b6e, widthShare: 0.4, heightShare: 7 / 13, stars: 'grid' },
  },
  europe: { stripes: [0x003399], ring: { colour: 0xffcc00, stars: 12 } },
};

/** The corners of a five-pointed star centred on (cx, cy). */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * 0.4): { x: number; y: number }[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
  });
}
