/**
 * Real data for the client's unit tests: the ukraine-2026 scenario from content/, its public part
 * (what the server sends), and seat views produced by the real engine at chosen points of a game.
 * Tests read content/ from disk; the client bundle itself never imports it.
 */
import { readFile } from 'node:fs/promises';
import { createEngine, type Engine, type GameSnapshot } from '@peace-table/shared/engine/game';
import type { EngineEvent } from '@peace-table/shared/engine/types';
import { type SeatView, type ViewerSeat, viewFor } from '@peace-table/shared/engine/view';
import { type PublicScenario, publicScenario } from '@peace-table/shared/scenario/public';
import { DELEGATION_IDS, type DelegationId, type Package, type Scenario } from '@peace-table/shared/scenario/schema';
import { CONTENT_ROOT, loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { CATALOGS } from '../src/i18n/allCatalogs.ts';
import { createTranslator } from '../src/i18n/i18n.ts';

export type Untimed = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'at'> : never) : never;

export interface World {
  scenario: Scenario;
  pub: PublicScenario;
  engine: Engine;
}

let cached: Promise<World> | null = null;

export function world(): Promise<World> {
  cached ??= loadScenarioById('ukraine-2026').then((scenario) => ({
    scenario,
    pub: publicScenario(scenario),
    engine: createEngine(scenario),
  }));
  return cached;
}

/**
 * The same scenario with its Pokrovsk breakthrough made to end the talks, as an author may write an
 * event (`ends` in events.yaml): ukraine-2026's breakthroughs are crises the talks go on through,
 * so the client's handling of an ending event is tested on this variant.
 */
export async function endingWorld(): Promise<World> {
  const { scenario: real } = await world();
  const scenario = structuredClone(real);
  const breakthrough = scenario.events.find((e) => e.id === 'breakthrough-pokrovsk');
  if (!breakthrough) throw new Error('no breakthrough-pokrovsk event');
  breakthrough.ends = 'breakthrough';
  return { scenario, pub: publicScenario(scenario), engine: createEngine(scenario) };
}

/** Plays events from the start (1 s apart); throws on a refusal so a broken fixture is obvious. */
export function play(w: World, events: readonly Untimed[]): GameSnapshot {
  let snapshot = w.engine.start({ seed: 2026, now: 0 });
  let at = 0;
  for (const body of events) {
    at += 1000;
    const result = w.engine.step(snapshot, { ...body, at } as EngineEvent);
    if (!result.ok) throw new Error(`fixture event ${body.type} refused: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

export function view(w: World, snapshot: GameSnapshot, seat: ViewerSeat): SeatView {
  // Through JSON, as over the wire.
  return JSON.parse(JSON.stringify(viewFor(w.scenario, snapshot.context, seat))) as SeatView;
}

export const TO_TABLING: Untimed[] = [
  ...[1, 2].flatMap(() => DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d }))),
  ...DELEGATION_IDS.map((d) => ({ type: 'statement.make' as const, actor: d, text: `Statement of ${d}` })),
  ...DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d })),
];

/**
 * A delegation tables a draft and the others pass: tabling closes and the draft is on the table
 * (drafts are sealed until everyone has tabled or passed; shared/src/engine/floor.ts).
 */
export function tabledAlone(actor: DelegationId, pkg: Package): Untimed[] {
  return [
    { type: 'proposal.table', actor, package: pkg },
    ...DELEGATION_IDS.filter((d) => d !== actor).map((d) => ({ type: 'seat.ready' as const, actor: d })),
  ];
}

/** The seed's fragile ceasefire (tests/engine/real-scenario.test.ts): signable by its three signatories. */
export const FRAGILE_CEASEFIRE: Package = {
  ceasefire: 'armistice-dmz',
  monitoring: 'european-force',
  ...Object.fromEntries(
    ['crimea', 'donetsk', 'luhansk', 'zaporizhzhia', 'kherson'].map((r) => [`status-${r}`, 'deferred']),
  ),
  guarantees: 'european-force',
  nato: 'deferred',
  accountability: 'commission',
  prisoners: 'all-for-all',
  children: 'return-verified',
};

export const en = createTranslator('en', CATALOGS);
export const uk = createTranslator('uk', CATALOGS);

export async function mapFiles(): Promise<Record<string, unknown>> {
  const names = {
    oblasts: 'ukraine-oblasts.geojson',
    lineOfContact: 'line-of-contact-2026.geojson',
    occupied: 'occupied-2026.geojson',
    sectors: 'sectors-2026.geojson',
    neighbours: 'neighbours.geojson',
    cities: 'cities.json',
  };
  const entries = await Promise.all(
    Object.entries(names).map(
      async ([k, f]) => [k, JSON.parse(await readFile(`${CONTENT_ROOT}map/${f}`, 'utf8'))] as const,
    ),
  );
  return Object.fromEntries(entries);
}
