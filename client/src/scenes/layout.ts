/**
 * Where each scene sits on the canvas and how it is scaled. The canvas always has the size of its
 * box in CSS pixels times the device pixel ratio (Phaser's RESIZE mode plus a zoom of 1/dpr), and
 * each scene draws in its own fixed design space that its camera scales to fit its viewport. So
 * vector shapes and text are rasterised at the screen's real resolution: sharp on a laptop, on a
 * 4K projector and in between, with no CSS up-scaling blur.
 */
export type StageLayout = 'table' | 'map' | 'split';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The table's design space (16:9); the map's is derived from its data. */
export const TABLE_DESIGN = { width: 1280, height: 720 } as const;

/** Viewports of the two scenes on a canvas of width×height; null = the scene is hidden. */
export function viewports(
  layout: StageLayout,
  width: number,
  height: number,
): { table: Rect | null; map: Rect | null } {
  const full = { x: 0, y: 0, width, height };
  if (layout === 'table') return { table: full, map: null };
  if (layout === 'map') return { table: null, map: full };
  // Side by side on a wide screen (projector), stacked on a tall one.
  if (width >= height) {
    const half = Math.floor(width / 2);
    return { table: { x: 0, y: 0, width: half, height }, map: { x: half, y: 0, width: width - half, height } };
  }
  const half = Math.floor(height / 2);
  return { table: { x: 0, y: 0, width, height: half }, map: { x: 0, y: half, width, height: height - half } };
}

/** The zoom that fits a design space into a viewport, keeping its aspect ratio. */
export function fitZoom(viewport: Pick<Rect, 'width' | 'height'>, design: { width: number; height: number }): number {
  return Math.max(0.05, Math.min(viewport.width / design.width, viewport.height / design.height));
}

/** Resolution for Text objects: rasterise at the size they will appear on screen. */
export function textResolution(zoom: number, devicePixelRatio: number): number {
  return Math.min(4, Math.max(1, Math.ceil(zoom * devicePixelRatio * 2) / 2));
}

/**
 * The region of the map to pre-render into one texture, and at what scale: the visible part plus
 * a margin for panning, at the camera's zoom (one texture pixel per screen pixel), capped so the
 * texture stays within a size every school laptop's graphics can hold.
 */
export interface CachePlan {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Texture pixels per world unit. */
  scale: number;
}

export interface ViewLike {
  cx: number;
  cy: number;
  zoom: number;
}

export function cachePlan(
  view: ViewLike,
  viewport: Pick<Rect, 'width' | 'height'>,
  margin = 0.25,
  maxSide = 4096,
): CachePlan {
  const width = (viewport.width / view.zoom) * (1 + 2 * margin);
  const height = (viewport.height / view.zoom) * (1 + 2 * margin);
  const scale = Math.min(view.zoom, maxSide / width, maxSide / height);
  return { x: view.cx - width / 2, y: view.cy - height / 2, width, height, scale };
}

/** Whether a pre-rendered texture still serves this view: it covers it and is neither blurry nor wastefully fine. */
export function cacheServes(plan: CachePlan, view: ViewLike, viewport: Pick<Rect, 'width' | 'height'>): boolean {
  const ratio = view.zoom / plan.scale;
  if (ratio > 1.25 || ratio < 0.5) return false;
  const halfW = viewport.width / view.zoom / 2;
  const halfH = viewport.height / view.zoom / 2;
  return (
    view.cx - halfW >= plan.x &&
    view.cy - halfH >= plan.y &&
    view.cx + halfW <= plan.x + plan.width &&
    view.cy + halfH <= plan.y + plan.height
  );
}
