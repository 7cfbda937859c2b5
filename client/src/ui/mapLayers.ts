/** Loads the scenario's map layers from the server once per scenario and shares them (scene and text tables). */
import type { MapBinding } from '@peace-table/shared/scenario/schema';
import { type MapLayers, parseLayers } from '../map/mapData.ts';
import type { Api } from '../net/api.ts';

const cache = new Map<string, Promise<MapLayers>>();

export function loadMapLayers(api: Api, scenarioId: string, binding: MapBinding): Promise<MapLayers> {
  let pending = cache.get(scenarioId);
  if (!pending) {
    const keys = Object.keys(binding.files) as (keyof MapBinding['files'])[];
    pending = Promise.all(keys.map((k) => api.mapFile(binding.files[k]))).then((files) =>
      parseLayers(Object.fromEntries(keys.map((k, i) => [k, files[i]])) as Record<keyof MapBinding['files'], unknown>),
    );
    // A failed download may succeed later (server restarting): do not cache the failure.
    pending.catch(() => cache.delete(scenarioId));
    cache.set(scenarioId, pending);
  }
  return pending;
}
