/** Polyline helpers for the map: dashing (Phaser has no dashed strokes) and label anchors. */
import type { Point } from './projection.ts';

export type Segment = [number, number, number, number];

/** Splits a polyline into dash segments of `dash` length separated by `gap`. */
export function dashes(points: readonly Point[], dash: number, gap: number): Segment[] {
  const out: Segment[] = [];
  if (dash <= 0 || points.length < 2) return out;
  let drawing = true;
  let left = dash;
  for (let i = 0; i + 1 < points.length; i += 1) {
    let [x, y] = points[i] as Point;
    const [x2, y2] = points[i + 1] as Point;
    let length = Math.hypot(x2 - x, y2 - y);
    const ux = length > 0 ? (x2 - x) / length : 0;
    const uy = length > 0 ? (y2 - y) / length : 0;
    while (length > 0) {
      const step = Math.min(left, length);
      const nx = x + ux * step;
      const ny = y + uy * step;
      if (drawing) out.push([x, y, nx, ny]);
      [x, y] = [nx, ny];
      length -= step;
      left -= step;
      if (left <= 1e-9) {
        drawing = !drawing;
        left = drawing ? dash : gap;
      }
    }
  }
  return out;
}

/** Area-weighted centroid of the largest ring (where a region's or sector's label goes). */
export function labelPoint(rings: readonly (readonly Point[])[]): [number, number] {
  let best: readonly Point[] | null = null;
  let bestArea = 0;
  for (const ring of rings) {
    const area = Math.abs(signedArea(ring));
    if (area > bestArea) [best, bestArea] = [ring, area];
  }
  if (!best || bestArea === 0) {
    const first = rings[0]?.[0];
    return first ? [first[0], first[1]] : [0, 0];
  }
  const a = signedArea(best);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < best.length; i += 1) {
    const [x1, y1] = best[i] as Point;
    const [x2, y2] = best[(i + 1) % best.length] as Point;
    const cross = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

export function signedArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i] as Point;
    const [x2, y2] = ring[(i + 1) % ring.length] as Point;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}
