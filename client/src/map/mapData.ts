/**
 * The map layers as the client receives them (GeoJSON from the server, see content/map/README.md),
 * checked for the shape the scenes rely on and projected once into world coordinates.
 */
import type { MapBinding } from '@peace-table/shared/scenario/schema';
import { type BBox, bboxOf, fitProjection, type LonLat, type Point, type Projection } from './projection.ts';

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  properties: Record<string, unknown> | null;
  geometry: Geometry;
}

export interface Area {
  id: string;
  nameEn: string;
  nameUk: string;
  /** Every ring of every polygon (outer rings and holes), for filling with the even-odd rule. */
  polygons: LonLat[][][];
}

export interface City {
  id: string;
  nameEn: string;
  nameUk: string;
  lon: number;
  lat: number;
  oblast: string;
  kind: 'capital' | 'city' | 'npp';
  occupied: boolean;
}

export interface MapLayers {
  oblasts: Area[];
  neighbours: Area[];
  occupied: Area[];
  sectors: Area[];
  line: LonLat[];
  cities: City[];
}

function features(json: unknown, what: string): Feature[] {
  const fc = json as { type?: string; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${what} is not a GeoJSON FeatureCollection`);
  }
  return fc.features as Feature[];
}

function polygonsOf(g: Geometry): LonLat[][][] {
  if (g.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Position[][][];
  return [];
}

function areas(json: unknown, what: string): Area[] {
  return features(json, what).map((f, i) => ({
    id: String(f.properties?.id ?? `${what}-${i}`),
    nameEn: String(f.properties?.name_en ?? ''),
    nameUk: String(f.properties?.name_uk ?? f.properties?.name_en ?? ''),
    polygons: polygonsOf(f.geometry),
  }));
}

export function parseLayers(files: Record<keyof MapBinding['files'], unknown>): MapLayers {
  const line = features(files.lineOfContact, 'lineOfContact').flatMap((f) =>
    f.geometry.type === 'LineString' ? (f.geometry.coordinates as Position[]) : [],
  );
  const rawCities = (files.cities as { cities?: unknown })?.cities;
  if (!Array.isArray(rawCities)) throw new Error('cities is not a cities.json file');
  const cities = rawCities.map((c: Record<string, unknown>) => ({
    id: String(c.id),
    nameEn: String(c.name_en),
    nameUk: String(c.name_uk),
    lon: Number(c.lon),
    lat: Number(c.lat),
    oblast: String(c.oblast),
    kind: (['capital', 'npp'].includes(String(c.kind)) ? c.kind : 'city') as City['kind'],
    occupied: c.in_occupied_schematic === true,
  }));
  return {
    oblasts: areas(files.oblasts, 'oblasts'),
    neighbours: areas(files.neighbours, 'neighbours'),
    occupied: areas(files.occupied, 'occupied'),
    sectors: areas(files.sectors, 'sectors'),
    line,
    cities,
  };
}

/** Projected copies: world coordinates ready for drawing and hatching. */
export interface ProjectedArea {
  id: string;
  rings: Point[][];
}

export interface ProjectedLayers {
  projection: Projection;
  width: number;
  height: number;
  oblasts: ProjectedArea[];
  neighbours: ProjectedArea[];
  occupied: ProjectedArea[];
  sectors: ProjectedArea[];
  line: Point[];
  cities: (City & { x: number; y: number })[];
}

/** Ukraine's box: the frame is fitted to it (neighbours only fill the margins). */
export function ukraineBox(layers: MapLayers): BBox {
  return bboxOf(layers.oblasts.flatMap((a) => a.polygons.flat(2)));
}

export function projectLayers(layers: MapLayers, width: number, height: number, padding = 40): ProjectedLayers {
  const projection = fitProjection(ukraineBox(layers), width, height, padding);
  const project = (areas: Area[]): ProjectedArea[] =>
    areas.map((a) => ({
      id: a.id,
      rings: a.polygons.flatMap((poly) => poly.map((ring) => ring.map(projection.project))).filter((r) => r.length > 2),
    }));
  return {
    projection,
    width,
    height,
    oblasts: project(layers.oblasts),
    neighbours: project(layers.neighbours),
    occupied: project(layers.occupied),
    sectors: project(layers.sectors),
    line: layers.line.map(projection.project),
    cities: layers.cities.map((c) => {
      const [x, y] = projection.project([c.lon, c.lat]);
      return { ...c, x, y };
    }),
  };
}
