/**
 * Where sessions get their scenarios: content/ through the shared loader by default, or a fixed
 * list (tests, the benchmark). Loaded scenarios are cached per process: content does not change
 * while a server runs, and every room of a scenario shares one parsed copy.
 */
import type { Scenario } from '@peace-table/shared/scenario/schema';
import { CONTENT_ROOT, listScenarios, loadScenarioById, type ScenarioListing } from '../content/loadScenario.ts';

export interface ScenarioSource {
  list(): Promise<ScenarioListing[]>;
  /** Rejects with a readable message for an unknown or invalid scenario. */
  load(id: string): Promise<Scenario>;
}

/** Listings are re-read at most this often, so an author's fix shows up without a restart. */
const LISTING_TTL_MS = 30_000;

export function contentScenarios(contentRoot = CONTENT_ROOT): ScenarioSource {
  const loaded = new Map<string, Promise<Scenario>>();
  let listing: { at: number; value: Promise<ScenarioListing[]> } | undefined;
  return {
    list() {
      if (!listing || Date.now() - listing.at > LISTING_TTL_MS) {
        listing = { at: Date.now(), value: listScenarios(contentRoot) };
      }
      return listing.value;
    },
    load(id) {
      let hit = loaded.get(id);
      if (!hit) {
        hit = loadScenarioById(id, contentRoot);
        // A failed load is not cached: the author may fix the files.
        hit.catch(() => loaded.delete(id));
        loaded.set(id, hit);
      }
      return hit;
    },
  };
}

export function fixedScenarios(scenarios: readonly Scenario[]): ScenarioSource {
  const byId = new Map(scenarios.map((s) => [s.meta.id, s]));
  return {
    async list() {
      return scenarios.map((s) => ({
        id: s.meta.id,
        ok: true as const,
        title: s.meta.title,
        summary: s.meta.summary,
        rounds: s.meta.rounds,
      }));
    },
    async load(id) {
      const found = byId.get(id);
      if (!found) throw new Error(`there is no scenario "${id}"`);
      return found;
    },
  };
}
