/**
 * Hatching: parallel line segments clipped to a set of polygons (even-odd rule, so holes stay
 * empty). The map marks a region's legal status in the draft with a pattern as well as a colour,
 * so the distinction survives colour blindness and black-and-white printing. Computed once per
 * draft change in world coordinates; Phaser then just strokes the segments.
 */
import type { Point } from './projection.ts';

export type Ring = readonly Point[];
export type Segment = [number, number, number, number];

function rotate([x, y]: Point, cos: number, sin: number): [number, number] {
  return [x * cos - y * sin, x * sin + y * cos];
}

/**
 * Segments of lines at `angleDeg` (0 = horizontal), `spacing` apart, inside the rings.
 * Lines sit at half-spacing offsets from a grid anchored at the origin, so neighbouring regions'
 * hatching lines up across shared borders.
 */
export function hatchSegments(rings: readonly Ring[], angleDeg: number, spacing: number): Segment[] {
  if (spacing <= 0 || rings.length === 0) return [];
  const a = (angleDeg * Math.PI) / 180;
  // Rotate the polygons by -angle so the hatch lines are horizontal, scan, rotate the result back.
  const [c, s] = [Math.cos(-a), Math.sin(-a)];
  const rotated = rings.map((ring) => ring.map((p) => rotate(p, c, s)));
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rotated)
    for (const [, y] of ring) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  const out: Segment[] = [];
  const first = (Math.floor(minY / spacing - 0.5) + 0.5) * spacing;
  const [bc, bs] = [Math.cos(a), Math.sin(a)];
  for (let y = first; y <= maxY; y += spacing) {
    if (y < minY) continue;
    const xs: number[] = [];
    for (const ring of rotated) {
      for (let i = 0; i < ring.length; i += 1) {
        const p = ring[i] as [number, number];
        const q = ring[(i + 1) % ring.length] as [number, number];
        // Half-open rule: an edge counts when y lies in [min, max) of its ends, so vertices are not counted twice.
        if (p[1] <= y !== q[1] <= y) xs.push(p[0] + ((y - p[1]) / (q[1] - p[1])) * (q[0] - p[0]));
      }
    }
    xs.sort((m, n) => m - n);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const [x1, y1] = rotate([xs[i] as number, y], bc, bs);
      const [x2, y2] = rotate([xs[i + 1] as number, y], bc, bs);
      out.push([x1, y1, x2, y2]);
    }
  }
  return out;
}

/** Total length of segments (used by tests to check coverage). */
export function totalLength(segments: readonly Segment[]): number {
  return segments.reduce((sum, [x1, y1, x2, y2]) => sum + Math.hypot(x2 - x1, y2 - y1), 0);
}
