/**
 * Where each city's name goes on the map, so that no two names overlap and no name covers another
 * town's marker: a deterministic greedy pass over eight positions around each marker (right and
 * above first, as atlases do), most important towns first. A name with no free position is left
 * out at this zoom, as map services do, and comes back when zooming in spreads the towns apart
 * (every town is also in the map's text table). Pure: sizes in, positions out; the map scene
 * measures its texts, and the tests use estimated sizes for the real towns in both languages.
 *
 * Sizes are in world units at the current zoom (labels keep their size on screen, so they are
 * smaller in world units the further the map is zoomed in).
 */

export interface LabelRequest {
  id: string;
  /** The marker's centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The marker's radius: a label keeps clear of its own marker and everyone else's. */
  radius: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  /** Top-left corner of the label. */
  box: Box;
  /** Which side of the marker: -1, 0 or 1 horizontally and vertically (1, -1 is right and above). */
  side: readonly [number, number];
  /** False when no position was free: the label is not shown at this zoom. */
  shown: boolean;
}

/** Right-above first, then right, right-below, left-above, left, left-below, above, below. */
export const SIDES: readonly (readonly [number, number])[] = [
  [1, -1],
  [1, 0],
  [1, 1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, -1],
  [0, 1],
];

/** The label's box on one side of its marker, `gap` away from it. */
export function boxAt(r: LabelRequest, [sx, sy]: readonly [number, number], gap: number): Box {
  const near = r.radius + gap;
  const x = sx > 0 ? r.x + near : sx < 0 ? r.x - near - r.width : r.x - r.width / 2;
  const y = sy > 0 ? r.y + near : sy < 0 ? r.y - near - r.height : r.y - r.height / 2;
  return { x, y, width: r.width, height: r.height };
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, bounds: { width: number; height: number }): number {
  const over =
    Math.max(0, -box.x) +
    Math.max(0, box.x + box.width - bounds.width) +
    Math.max(0, -box.y) +
    Math.max(0, box.y + box.height - bounds.height);
  return over * box.height;
}

/**
 * Places the labels in the order given (put the capital and the landmarks first). Each takes the
 * first side that overlaps no label shown before it, no marker, none of the `obstacles` (the
 * month's front-movement badges, which are the news and keep their place) and not the edge of the
 * map; when none is free it is not shown (and does not block the labels after it).
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  bounds: { width: number; height: number },
  gap = 3,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const markers: Box[] = [
    ...requests.map((r) => ({
      x: r.x - r.radius,
      y: r.y - r.radius,
      width: 2 * r.radius,
      height: 2 * r.radius,
    })),
    ...obstacles,
  ];
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const shown = placed.filter((p) => p.shown);
    const free = SIDES.map((side) => ({ side, box: boxAt(r, side, gap) })).find(
      ({ box }) =>
        outside(box, bounds) === 0 &&
        shown.every((p) => overlapArea(box, p.box) === 0) &&
        markers.every((m) => overlapArea(box, m) === 0),
    );
    const first = SIDES[0] as readonly [number, number];
    placed.push(
      free
        ? { id: r.id, box: free.box, side: free.side, shown: true }
        : { id: r.id, box: boxAt(r, first, gap), side: first, shown: false },
    );
  }
  return placed;
}
