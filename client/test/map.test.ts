import { beforeAll, describe, expect, it } from 'vitest';
import { hatchSegments, totalLength } from '../src/map/hatch.ts';
import { boxAt, overlapArea, placeLabels } from '../src/map/labels.ts';
import { dashes, labelPoint, signedArea } from '../src/map/lines.ts';
import { type MapLayers, parseLayers, projectLayers, ukraineBox } from '../src/map/mapData.ts';
import { mapTables } from '../src/map/mapTable.ts';
import { mapOverlay } from '../src/map/overlay.ts';
import { clampView, fitProjection, panBy, screenToWorld, zoomAt } from '../src/map/projection.ts';
import { en, FRAGILE_CEASEFIRE, mapFiles, type World, world } from './fixtures.ts';

const square = (x: number, y: number, s: number): [number, number][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe('projection', () => {
  const bbox = [22, 44, 40, 52.4] as const;
  const p = fitProjection(bbox, 1500, 1000, 30);

  it('fits the box inside the frame with its padding and inverts exactly', () => {
    const corners = [p.project([22, 52.4]), p.project([40, 44])];
    for (const [x, y] of corners) {
      expect(x).toBeGreaterThanOrEqual(29.999);
      expect(x).toBeLessThanOrEqual(1470.001);
      expect(y).toBeGreaterThanOrEqual(29.999);
      expect(y).toBeLessThanOrEqual(970.001);
    }
    const [lon, lat] = p.invert(p.project([30.5238, 50.4547]));
    expect(lon).toBeCloseTo(30.5238, 9);
    expect(lat).toBeCloseTo(50.4547, 9);
  });

  it('keeps north up and shrinks longitude by the cosine of the middle latitude', () => {
    const [x0, y0] = p.project([30, 48]);
    const [x1] = p.project([31, 48]);
    const [, y1] = p.project([30, 49]);
    expect(y1).toBeLessThan(y0);
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(Math.cos((48.2 * Math.PI) / 180), 6);
  });

  it('zooms around the pointer: the world point under it stays put', () => {
    const view = { cx: 750, cy: 500, zoom: 1 };
    const at: [number, number] = [200, 150];
    const screen: [number, number] = [800, 600];
    const before = screenToWorld(view, at, screen);
    const after = zoomAt(view, 2, at, screen, { min: 1, max: 8 });
    expect(after.zoom).toBe(2);
    const moved = screenToWorld(after, at, screen);
    expect(moved[0]).toBeCloseTo(before[0], 9);
    expect(moved[1]).toBeCloseTo(before[1], 9);
  });

  it('clamps zoom and keeps the centre over the map; dragging moves the map with the pointer', () => {
    expect(zoomAt({ cx: 0, cy: 0, zoom: 7 }, 4, [0, 0], [100, 100], { min: 1, max: 8 }).zoom).toBe(8);
    expect(clampView({ cx: -50, cy: 2000, zoom: 0.2 }, [1500, 1000], { min: 1, max: 8 })).toEqual({
      cx: 0,
      cy: 1000,
      zoom: 1,
    });
    expect(panBy({ cx: 100, cy: 100, zoom: 2 }, 40, -20)).toEqual({ cx: 80, cy: 110, zoom: 2 });
  });
});

describe('hatching and lines', () => {
  it('hatches a square with lines half a spacing in from its edges', () => {
    const segments = hatchSegments([square(0, 0, 10)], 0, 2);
    expect(segments.map((s) => s[1])).toEqual([1, 3, 5, 7, 9]);
    expect(totalLength(segments)).toBeCloseTo(50, 9);
  });

  it('leaves holes empty (even-odd rule)', () => {
    const withHole = hatchSegments([square(0, 0, 10), square(3, 3, 4)], 0, 2);
    expect(totalLength(withHole)).toBeCloseTo(50 - 2 * 4, 9);
  });

  it('covers a shape about evenly at any angle (length × spacing ≈ area)', () => {
    for (const angle of [30, 45, 90, -45]) {
      expect(totalLength(hatchSegments([square(0, 0, 100)], angle, 5)) * 5).toBeCloseTo(10_000, -2);
    }
  });

  it('dashes a polyline into dash-gap runs across corners', () => {
    const parts = dashes(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      3,
      2,
    );
    expect(totalLength(parts)).toBeCloseTo(12, 9);
    expect(parts[0]).toEqual([0, 0, 3, 0]);
  });

  it('puts labels at the centroid of the largest ring', () => {
    expect(labelPoint([square(0, 0, 1), square(10, 10, 4)])).toEqual([12, 12]);
    expect(Math.abs(signedArea(square(0, 0, 2)))).toBe(4);
  });
});

describe('the real map and a draft on it', () => {
  let w: World;
  let layers: MapLayers;
  beforeAll(async () => {
    w = await world();
    layers = parseLayers((await mapFiles()) as never);
  });

  it('reads every layer of content/map', async () => {
    expect(layers.oblasts).toHaveLength(27);
    expect(layers.sectors.map((s) => s.id)).toContain('kostiantynivka-pokrovsk');
    expect(layers.line.length).toBe(100);
    expect(layers.cities.find((c) => c.id === 'znpp')).toMatchObject({ kind: 'npp', occupied: true });
    const [west, south, east, north] = ukraineBox(layers);
    expect([west, south, east, north].map((n) => Math.round(n))).toEqual([22, 44, 40, 52]);
    const files = await mapFiles();
    expect(() => parseLayers({ ...files, oblasts: { type: 'Feature' } } as never)).toThrow(/FeatureCollection/);
  });

  it('projects everything inside the frame', () => {
    const projected = projectLayers(layers, 1500, 1000, 30);
    for (const c of projected.cities) {
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(1500);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(1000);
    }
  });

  it('shows the status quo without a draft and the draft’s statuses and zones with one', () => {
    const now = mapOverlay(w.pub, null, w.engine.start({ seed: 1, now: 0 }).context.world);
    expect(now.hasDraft).toBe(false);
    expect(now.regions.map((r) => [r.regionId, r.optionId, r.explicit])).toContainEqual(['crimea', 'deferred', false]);
    expect(now.dmz || now.europeanForce || now.controlOutline !== null).toBe(false);

    const world0 = w.engine.start({ seed: 1, now: 0 }).context.world;
    const draft = mapOverlay(
      w.pub,
      { ...FRAGILE_CEASEFIRE, 'status-crimea': 'recognised-russian', 'control-line': 'ukraine-withdraws' },
      world0,
    );
    const crimea = draft.regions.find((r) => r.regionId === 'crimea');
    expect(crimea).toMatchObject({
      optionId: 'recognised-russian',
      explicit: true,
      patternIndex: 0,
      oblasts: ['crimea', 'sevastopol'],
    });
    expect(draft).toMatchObject({ dmz: true, europeanMonitors: true, europeanForce: true });
    expect(draft.controlOutline).toEqual(['donetsk', 'luhansk', 'zaporizhzhia', 'kherson']);
    expect(draft.legend.map((l) => l.optionId)).toEqual(['recognised-russian', 'deferred']);
  });

  it('reports each sector’s momentum change since the previous world', () => {
    const before = w.engine.start({ seed: 1, now: 0 }).context.world;
    const after = {
      ...before,
      values: { ...before.values, 'momentum.dnipro-kherson': (before.values['momentum.dnipro-kherson'] ?? 0) + 2 },
    };
    const sector = mapOverlay(w.pub, null, after, before).sectors.find((s) => s.id === 'dnipro-kherson');
    expect(sector?.change).toBe(2);
  });

  it('reads the same map as text tables', () => {
    const world0 = w.engine.start({ seed: 1, now: 0 }).context.world;
    const tables = mapTables(mapOverlay(w.pub, { 'status-crimea': 'recognised-russian' }, world0), layers.cities, en);
    const regions = tables[0];
    expect(regions?.caption).toBe('Legal status of the regions in the draft');
    expect(regions?.rows).toContainEqual(['Crimea', 'Recognised as Russian']);
    expect(regions?.rows).toContainEqual(['Kherson oblast', 'Status deferred (status quo: the draft is silent)']);
    const cities = tables[3]?.rows ?? [];
    expect(cities).toContainEqual([
      'Zaporizhzhia Nuclear Power Plant (nuclear power plant)',
      'Russian-occupied (schematic)',
    ]);
    expect(cities).toContainEqual(['Kyiv', 'Ukrainian-held']);
  });
});

describe('town names on the map', () => {
  let projected: ReturnType<typeof projectLayers>;
  beforeAll(async () => {
    projected = projectLayers(parseLayers((await mapFiles()) as never), 1500, 1000, 30);
  });

  /**
   * The map scene's requests, with text sizes estimated generously from the number of characters
   * (0.62 em a character, the outline included), at a given font size in world units.
   */
  const requests = (locale: 'en' | 'uk', font: number) => {
    const rank = (kind: string) => (kind === 'capital' ? 0 : kind === 'npp' ? 1 : 2);
    return [...projected.cities]
      .sort((a, b) => rank(a.kind) - rank(b.kind))
      .map((c) => {
        const name = c.kind === 'npp' ? (locale === 'en' ? 'ZNPP' : 'ЗАЕС') : locale === 'en' ? c.nameEn : c.nameUk;
        return {
          id: c.id,
          x: c.x,
          y: c.y,
          width: name.length * font * 0.62 + 6,
          height: font * 1.25 + 6,
          radius: c.kind === 'capital' ? 7.5 : c.kind === 'npp' ? 9 : 5.5,
        };
      });
  };

  it('places every name without overlap at the fitted zoom of a large screen, in both languages', () => {
    for (const locale of ['en', 'uk'] as const) {
      const placed = placeLabels(requests(locale, 20), { width: 1500, height: 1000 });
      expect(placed.filter((p) => !p.shown).map((p) => p.id)).toEqual([]);
      // Sloviansk and Kramatorsk, 13 km apart, and the plant beside Enerhodar were the overlaps seen in class.
      for (const [a, b] of [
        ['sloviansk', 'kramatorsk'],
        ['znpp', 'zaporizhzhia'],
        ['znpp', 'enerhodar'],
      ]) {
        const boxA = placed.find((p) => p.id === a)?.box;
        const boxB = placed.find((p) => p.id === b)?.box;
        expect(boxA && boxB && overlapArea(boxA, boxB)).toBe(0);
      }
    }
  });

  it('never shows two overlapping names or a name over a marker, from a small laptop to zoomed in', () => {
    for (const locale of ['en', 'uk'] as const) {
      for (const font of [12, 20, 26, 33, 40]) {
        const asked = requests(locale, font);
        const placed = placeLabels(asked, { width: 1500, height: 1000 });
        const shown = placed.filter((p) => p.shown);
        // The capital always has room.
        expect(shown.map((p) => p.id)).toContain('kyiv');
        for (const [i, a] of shown.entries()) {
          for (const b of shown.slice(i + 1)) expect(overlapArea(a.box, b.box), `${a.id} / ${b.id}`).toBe(0);
          for (const m of asked) {
            const marker = { x: m.x - m.radius, y: m.y - m.radius, width: 2 * m.radius, height: 2 * m.radius };
            expect(overlapArea(a.box, marker), `${a.id} over ${m.id}`).toBe(0);
          }
          expect(a.box.x).toBeGreaterThanOrEqual(0);
          expect(a.box.x + a.box.width).toBeLessThanOrEqual(1500);
        }
      }
    }
  });

  it('keeps names off the month’s movement badges: a name moves to another side, or waits for a closer zoom', () => {
    const town = { id: 'a', x: 100, y: 100, width: 40, height: 20, radius: 5 };
    const badge = boxAt(town, [1, -1], 2);
    const [moved] = placeLabels([town], { width: 500, height: 500 }, 2, [badge]);
    expect(moved?.shown).toBe(true);
    expect(moved?.side).toEqual([1, 1]);
    expect(moved && overlapArea(moved.box, badge)).toBe(0);
    const everywhere = { x: 0, y: 0, width: 500, height: 500 };
    expect(placeLabels([town], { width: 500, height: 500 }, 2, [everywhere])[0]?.shown).toBe(false);
  });

  it('tries the right side above the marker first, and the same input gives the same places', () => {
    const town = { id: 'a', x: 100, y: 100, width: 40, height: 20, radius: 5 };
    expect(boxAt(town, [1, -1], 2)).toEqual({ x: 107, y: 73, width: 40, height: 20 });
    const crowded = [town, { ...town, id: 'b', x: 110 }];
    const first = placeLabels(crowded, { width: 500, height: 500 });
    expect(placeLabels(crowded, { width: 500, height: 500 })).toEqual(first);
    expect(first.map((p) => p.side)).toEqual([
      [1, -1],
      [1, 1],
    ]);
  });
});
