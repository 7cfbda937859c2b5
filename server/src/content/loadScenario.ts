/**
 * The one way to get a Scenario from disk. The server, the simulator and `npm run content:check`
 * all call `loadScenario`, so a scenario the check accepts is exactly a scenario the game can run.
 *
 * This module only reads files; parsing, validation and cross-reference checks are the pure
 * `parseScenario` in shared/, which also reads the map feature ids gathered here.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ContentError,
  formatContentError,
  type MapData,
  mapFilePaths,
  type ParseResult,
  parseScenario,
  type SeedTexts,
} from '@peace-table/shared/scenario/parse';
import type { Localized, Scenario } from '@peace-table/shared/scenario/schema';

/** The repository's content/ folder, found from this file so it works whatever the working directory. */
export const CONTENT_ROOT = fileURLToPath(new URL('../../../content/', import.meta.url));

/** A scenario folder that does not load; `message` lists every error line. */
export class ContentLoadError extends Error {
  readonly dir: string;
  readonly errors: ContentError[];

  constructor(dir: string, errors: ContentError[]) {
    super(`Scenario ${dir} has ${errors.length} error(s):\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'ContentLoadError';
    this.dir = dir;
    this.errors = errors;
  }
}

/** Every *.yaml in the scenario folder and its delegations/ folder, keyed by path relative to it. */
export async function readScenarioFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const sub of ['', 'delegations']) {
    let entries: string[];
    try {
      entries = await readdir(path.join(dir, sub));
    } catch {
      continue; // a missing delegations/ folder shows up as four missing files
    }
    for (const entry of entries.sort()) {
      if (!entry.endsWith('.yaml') && !entry.endsWith('.yml')) continue;
      const rel = sub ? `${sub}/${entry}` : entry;
      files[rel] = await readFile(path.join(dir, rel), 'utf8');
    }
  }
  return files;
}

/** Feature `properties.id` of a GeoJSON FeatureCollection, or why the file cannot provide them. */
async function featureIds(file: string): Promise<string[] | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'file not found';
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const features = (json as { type?: unknown; features?: unknown })?.features;
  if ((json as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    return 'not a GeoJSON FeatureCollection';
  }
  const ids = features.map((f) => (f as { properties?: { id?: unknown } })?.properties?.id);
  if (ids.some((id) => typeof id !== 'string')) return 'a feature has no string properties.id';
  return ids as string[];
}

/** Reads the map files map.yaml names (relative to the content root); errors point at map.yaml's field. */
async function readMapData(mapYaml: string | undefined, contentRoot: string) {
  const errors: ContentError[] = [];
  const ids: Partial<MapData> = {};
  for (const [key, rel] of Object.entries(mapFilePaths(mapYaml))) {
    const full = path.resolve(contentRoot, rel);
    const fail = (why: string) =>
      errors.push({ file: 'map.yaml', path: `files.${key}`, message: `"${rel}" (under ${contentRoot}): ${why}` });
    if (key === 'oblasts' || key === 'sectors') {
      const found = await featureIds(full);
      if (typeof found === 'string') fail(found);
      else ids[key === 'oblasts' ? 'oblastIds' : 'sectorIds'] = found;
      continue;
    }
    // The other layers are drawn, not referenced by id: they only need to exist and be JSON.
    try {
      JSON.parse(await readFile(full, 'utf8'));
    } catch (error) {
      fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'not valid JSON');
    }
  }
  const mapData = ids.oblastIds && ids.sectorIds ? (ids as MapData) : undefined;
  return { errors, mapData };
}

/**
 * Reads and checks a scenario folder without throwing. `contentRoot` (for map files) defaults to
 * the folder two levels up, i.e. `<root>/scenarios/<id>/` → `<root>/`. With `seeds`, every quote
 * must also be in the section of the seed it cites (content:check; the game loads without them).
 */
export async function checkScenarioDir(
  dir: string,
  contentRoot = path.resolve(dir, '..', '..'),
  seeds?: SeedTexts,
): Promise<ParseResult> {
  const files = await readScenarioFiles(dir);
  const map = await readMapData(files['map.yaml'], contentRoot);
  const expectedId = path.basename(path.resolve(dir));
  const result = parseScenario(files, { mapData: map.mapData, expectedId, ...(seeds ? { seeds } : {}) });
  if (map.errors.length === 0) return result;
  return { ok: false, errors: [...map.errors, ...(result.ok ? [] : result.errors)] };
}

/** Loads a scenario folder, or throws ContentLoadError listing every problem. */
export async function loadScenario(dir: string, contentRoot?: string): Promise<Scenario> {
  const result = await checkScenarioDir(dir, contentRoot);
  if (!result.ok) throw new ContentLoadError(dir, result.errors);
  return result.scenario;
}

export function scenarioDir(id: string, contentRoot = CONTENT_ROOT): string {
  return path.join(contentRoot, 'scenarios', id);
}

export async function loadScenarioById(id: string, contentRoot = CONTENT_ROOT): Promise<Scenario> {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`"${id}" is not a scenario id`);
  return loadScenario(scenarioDir(id, contentRoot), contentRoot);
}

/** A scenario folder as a lobby or the check lists it: its summary when valid, its errors when not. */
export type ScenarioListing =
  | { id: string; ok: true; title: Localized; summary: Localized; rounds: number }
  | { id: string; ok: false; errors: string[] };

/** Every folder under `<root>/scenarios/`, sorted by id. */
export async function listScenarios(contentRoot = CONTENT_ROOT): Promise<ScenarioListing[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(contentRoot, 'scenarios'), { withFileTypes: true });
  } catch {
    return [];
  }
  const ids = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    ids.map(async (id): Promise<ScenarioListing> => {
      const result = await checkScenarioDir(scenarioDir(id, contentRoot), contentRoot);
      if (!result.ok) return { id, ok: false, errors: result.errors.map(formatContentError) };
      const { title, summary, rounds } = result.scenario.meta;
      return { id, ok: true, title, summary, rounds };
    }),
  );
}
