/**
 * Drawing the map layers: the fixed base (sea, neighbours, oblasts, occupied area, line of
 * contact, cities) once, and the overlay (front sectors and the draft) whenever it changes. All
 * geometry arrives already projected (map/mapData.ts) and patterns already clipped (map/hatch.ts).
 *
 * Filled areas are Polygon shapes rather than Graphics fills: a shape triangulates its outline
 * once, while Graphics re-triangulates every frame, which made panning the 9,000-point oblast
 * layer crawl in software-rendered browsers.
 */
import type * as Phaser from 'phaser';
import { hatchSegments } from '../map/hatch.ts';
import { dashes } from '../map/lines.ts';
import type { ProjectedArea, ProjectedLayers } from '../map/mapData.ts';
import type { MapOverlay } from '../map/overlay.ts';
import type { Point } from '../map/projection.ts';
import { momentumColour, OKABE_ITO, statusPattern, UI } from './palette.ts';

type G = Phaser.GameObjects.Graphics;
type Stroke = { width: number; colour: number; alpha: number };
const v = (points: readonly Point[]) => points.map(([x, y]) => ({ x, y })) as Phaser.Math.Vector2[];

/** One cached polygon per ring, in world coordinates (origin 0: the points are used as they are). */
function fillArea(scene: Phaser.Scene, area: ProjectedArea, colour: number, alpha: number, stroke?: Stroke) {
  return area.rings
    .filter((ring) => ring.length > 2)
    .map((ring) => {
      const shape = scene.add.polygon(0, 0, v(ring), colour, alpha).setOrigin(0, 0);
      if (stroke) shape.setStrokeStyle(stroke.width, stroke.colour, stroke.alpha);
      return shape;
    });
}

function strokeArea(g: G, area: ProjectedArea, width: number, colour: number, alpha = 1) {
  g.lineStyle(width, colour, alpha);
  for (const ring of area.rings) if (ring.length > 1) g.strokePoints(v(ring), true, true);
}

function strokeSegments(g: G, segments: [number, number, number, number][], width: number, colour: number, alpha = 1) {
  g.lineStyle(width, colour, alpha);
  for (const [x1, y1, x2, y2] of segments) g.lineBetween(x1, y1, x2, y2);
}

/** The fixed layers under the overlay, bottom to top. */
export function drawBase(scene: Phaser.Scene, layers: ProjectedLayers): Phaser.GameObjects.GameObject[] {
  const { width, height } = layers;
  const sea = scene.add.rectangle(-width, -height, width * 3, height * 3, UI.sea).setOrigin(0, 0);
  const neighbours = layers.neighbours.flatMap((n) => fillArea(scene, n, UI.neighbour, 1));
  const oblasts = layers.oblasts.flatMap((o) => fillArea(scene, o, UI.land, 1));
  const occupied = layers.occupied.flatMap((o) => fillArea(scene, o, UI.occupied, 0.55));
  // Borders in one Graphics, whose strokes merge sub-pixel segments at each zoom (pathDetailThreshold).
  const lines = scene.add.graphics();
  for (const n of layers.neighbours) strokeArea(lines, n, 1, 0x6b737c);
  for (const o of layers.oblasts) strokeArea(lines, o, 1.2, UI.border, 0.8);
  // Occupied ground also gets a fine line texture, so it reads without its colour.
  const texture = hatchSegments(
    layers.occupied.flatMap((o) => o.rings),
    90,
    5,
  );
  strokeSegments(lines, texture, 0.6, 0x3d3547, 0.5);
  return [sea, ...neighbours, ...oblasts, ...occupied, lines];
}

export function drawFrontLine(g: G, layers: ProjectedLayers) {
  g.lineStyle(6, 0xffffff, 0.9).strokePoints(v(layers.line), false, false);
  g.lineStyle(3, UI.line, 1).strokePoints(v(layers.line), false, false);
}

export function drawCities(g: G, layers: ProjectedLayers) {
  for (const c of layers.cities) {
    if (c.kind === 'npp') {
      // The nuclear plant: a yellow triangle with a black edge, unlike any city dot.
      g.fillStyle(OKABE_ITO.yellow, 1).fillTriangle(c.x, c.y - 9, c.x - 8, c.y + 6, c.x + 8, c.y + 6);
      g.lineStyle(1.5, 0x000000, 1).strokeTriangle(c.x, c.y - 9, c.x - 8, c.y + 6, c.x + 8, c.y + 6);
    } else {
      const r = c.kind === 'capital' ? 6 : 4;
      g.fillStyle(0x000000, 1).fillCircle(c.x, c.y, r + 1.5);
      g.fillStyle(c.kind === 'capital' ? OKABE_ITO.yellow : 0xffffff, 1).fillCircle(c.x, c.y, r);
    }
  }
}

/** Front sectors filled by momentum (orange: Russian advance, blue: Ukrainian), rebuilt when the front moves. */
export function drawSectors(scene: Phaser.Scene, layers: ProjectedLayers, overlay: MapOverlay) {
  return overlay.sectors.flatMap((sector) => {
    const area = layers.sectors.find((s) => s.id === sector.id);
    if (!area) return [];
    const { colour, alpha } = momentumColour(sector.momentum);
    return fillArea(scene, area, colour, alpha, { width: 1, colour, alpha: 0.9 });
  });
}

/** The draft: legal status hatching, DMZ, monitors, forces, and the line of control it sets. */
export function drawOverlay(g: G, layers: ProjectedLayers, overlay: MapOverlay) {
  g.clear();
  for (const region of overlay.regions) {
    const areas = layers.oblasts.filter((o) => region.oblasts.includes(o.id));
    const pattern = statusPattern(region.patternIndex);
    // The status quo is hatched faintly; a status the draft sets explicitly, boldly and outlined.
    const alpha = region.explicit ? 0.95 : 0.35;
    const rings = areas.flatMap((o) => o.rings);
    for (const angle of pattern.angles) {
      strokeSegments(g, hatchSegments(rings, angle, pattern.spacing), 2, pattern.colour, alpha);
    }
    if (region.explicit) for (const o of areas) strokeArea(g, o, 3, pattern.colour, 1);
  }
  if (overlay.dmz) g.lineStyle(26, OKABE_ITO.purple, 0.45).strokePoints(v(layers.line), false, false);
  if (overlay.monitoredLine || overlay.europeanMonitors) {
    const colour = overlay.europeanMonitors ? OKABE_ITO.blue : 0xffffff;
    strokeSegments(g, dashes(layers.line, 10, 8), 4, colour, 1);
  }
  if (overlay.europeanForce) {
    for (const s of layers.sectors) strokeSegments(g, dashes(s.rings[0] ?? [], 8, 6), 3, OKABE_ITO.blue, 1);
  }
  const outline = overlay.controlOutline;
  if (outline) {
    // A different line of control: outline what would change hands, dashed in vermillion.
    const areas = outline === 'occupied' ? layers.occupied : layers.oblasts.filter((o) => outline.includes(o.id));
    for (const a of areas)
      for (const ring of a.rings) strokeSegments(g, dashes(ring, 12, 6), 4, OKABE_ITO.vermillion, 1);
  }
}
