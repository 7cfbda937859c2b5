/**
 * Map projection and camera math, pure and unit-tested.
 *
 * The map data is lon/lat (content/map/README.md recommends a planar projection). For a country
 * the size of Ukraine an equirectangular projection scaled by cos(mid-latitude) keeps shapes
 * close to what students know from atlases, needs no library, and makes inverting for pointer
 * coordinates exact.
 */
export type LonLat = readonly [number, number];
export type Point = readonly [number, number];
/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

export interface Projection {
  /** Screen units per degree of latitude. */
  scale: number;
  project(p: LonLat): [number, number];
  invert(p: Point): [number, number];
}

/** A projection that fits the box inside width×height (minus padding on every side), centred. */
export function fitProjection(bbox: BBox, width: number, height: number, padding = 0): Projection {
  const [w, s, e, n] = bbox;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = (e - w) * k;
  const spanY = n - s;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const ox = (width - spanX * scale) / 2;
  const oy = (height - spanY * scale) / 2;
  return {
    scale,
    project: ([lon, lat]) => [ox + (lon - w) * k * scale, oy + (n - lat) * scale],
    invert: ([x, y]) => [w + (x - ox) / (k * scale), n - (y - oy) / scale],
  };
}

/** Bounding box of a list of lon/lat points. */
export function bboxOf(points: Iterable<LonLat>): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/** What the camera shows: the world point at the centre of the screen and the zoom factor. */
export interface CameraView {
  cx: number;
  cy: number;
  zoom: number;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

export const MAP_ZOOM: ZoomLimits = { min: 1, max: 8 };

/** World coordinates of a screen point (screen origin top-left, size w×h). */
export function screenToWorld(view: CameraView, [sx, sy]: Point, [w, h]: Point): [number, number] {
  return [view.cx + (sx - w / 2) / view.zoom, view.cy + (sy - h / 2) / view.zoom];
}

/** Screen coordinates of a world point (the inverse of screenToWorld). */
export function worldToScreen(view: CameraView, [wx, wy]: Point, [w, h]: Point): [number, number] {
  return [(wx - view.cx) * view.zoom + w / 2, (wy - view.cy) * view.zoom + h / 2];
}

/** Zoom by `factor` keeping the world point under `at` (a screen point) where it is. */
export function zoomAt(view: CameraView, factor: number, at: Point, screen: Point, limits = MAP_ZOOM): CameraView {
  const zoom = Math.min(limits.max, Math.max(limits.min, view.zoom * factor));
  const [wx, wy] = screenToWorld(view, at, screen);
  const [sx, sy] = at;
  const [w, h] = screen;
  return { zoom, cx: wx - (sx - w / 2) / zoom, cy: wy - (sy - h / 2) / zoom };
}

/** Move the view by a drag of (dx, dy) screen pixels: the map follows the pointer. */
export function panBy(view: CameraView, dx: number, dy: number): CameraView {
  return { ...view, cx: view.cx - dx / view.zoom, cy: view.cy - dy / view.zoom };
}

/** Keep the view's centre over the world (width×height), so the map cannot be lost off-screen. */
export function clampView(view: CameraView, world: Point, limits = MAP_ZOOM): CameraView {
  const zoom = Math.min(limits.max, Math.max(limits.min, view.zoom));
  const [w, h] = world;
  return { zoom, cx: Math.min(w, Math.max(0, view.cx)), cy: Math.min(h, Math.max(0, view.cy)) };
}
