/**
 * Packages of the real scenario (content/scenarios/ukraine-2026) that its seed analyses describe,
 * for tests that play it: in the engine (real-scenario.test.ts) and over the wire (server/test).
 */
import type { Package } from '../../shared/src/scenario/schema.ts';

const STATUS = ['crimea', 'donetsk', 'luhansk', 'zaporizhzhia', 'kherson'];

/** The seed's fragile ceasefire: tabled by the US, signed by Ukraine, Russia and Europe, ratified. */
export const FRAGILE_CEASEFIRE: Package = {
  ceasefire: 'armistice-dmz',
  monitoring: 'european-force',
  ...Object.fromEntries(STATUS.map((r) => [`status-${r}`, 'deferred'])),
  guarantees: 'european-force',
  nato: 'deferred',
  accountability: 'commission',
  prisoners: 'all-for-all',
  children: 'return-verified',
};

export const FRAGILE_CEASEFIRE_SIGNATORIES = ['ukraine', 'russia', 'europe'] as const;
