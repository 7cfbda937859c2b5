/**
 * The engine on the real 2026 scenario: the seed's fragile ceasefire can be negotiated, signed and
 * ratified; the constitutional red line is enforced with a readable reason; random games on the
 * real content never leak a delegation's secrets; docs/rules.md matches the machine.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRulesDoc, RULES_DOC } from '../../server/src/cli/rules-doc.ts';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine, type Engine } from '../../shared/src/engine/game.ts';
import { debriefFigures } from '../../shared/src/engine/scoring.ts';
import type { EngineEvent } from '../../shared/src/engine/types.ts';
import { DELEGATION_IDS, type Scenario } from '../../shared/src/scenario/schema.ts';
import { guidedSequenceArb, materialise } from '../../shared/test/engine/arbitraries.ts';
import { expectNoLeaks } from '../../shared/test/engine/leaks.ts';
import { FRAGILE_CEASEFIRE } from './seedPackages.ts';

/** An engine event before the clock stamps it (Omit distributed over the union). */
type Untimed = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'at'> : never) : never;

let scenario: Scenario;
let engine: Engine;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
  engine = createEngine(scenario);
});

function play(events: Array<Untimed>) {
  let snapshot = engine.start({ seed: 2026, now: 0 });
  let at = 0;
  for (const body of events) {
    at += 1000;
    const result = engine.step(snapshot, { ...body, at } as EngineEvent);
    if (!result.ok) return { snapshot, refused: result.rejection };
    snapshot = result.snapshot;
  }
  return { snapshot, refused: null };
}

const toTabling: Array<Untimed> = [
  ...[1, 2].flatMap(() => DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d }))),
  ...DELEGATION_IDS.map((d) => ({ type: 'statement.make' as const, actor: d, text: 'Opening statement' })),
  ...DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d })),
];

/** A delegation tables and the others pass, so tabling closes (drafts are sealed until then). */
function tabledAlone(actor: (typeof DELEGATION_IDS)[number], pkg: Record<string, string>): Untimed[] {
  return [
    { type: 'proposal.table', actor, package: pkg },
    ...DELEGATION_IDS.filter((d) => d !== actor).map((d) => ({ type: 'seat.ready' as const, actor: d })),
  ];
}

describe('the real scenario in the engine', () => {
  it('the seed’s fragile ceasefire: tabled by the US, accepted and signed by its three signatories, ratified', () => {
    const start = play([...toTabling, ...tabledAlone('us', FRAGILE_CEASEFIRE)]);
    const p = start.snapshot.context.proposals[0];
    expect(p?.signatories).toEqual(['ukraine', 'russia', 'europe']);
    const { snapshot, refused } = play([
      ...toTabling,
      ...tabledAlone('us', FRAGILE_CEASEFIRE),
      ...(['ukraine', 'russia', 'europe'] as const).map((d) => ({
        type: 'proposal.respond' as const,
        actor: d,
        proposalId: 'p1',
        response: 'accept' as const,
      })),
      ...(['ukraine', 'russia', 'europe'] as const).map((d) => ({
        type: 'agreement.sign' as const,
        actor: d,
        proposalId: 'p1',
      })),
    ]);
    expect(refused).toBeNull();
    expect(snapshot.context.phase).toBe('concluded');
    expect(snapshot.context.result).toMatchObject({ ending: 'signed', outcomeId: 'fragile-ceasefire', ratified: true });
  });

  it('Ukraine cannot accept recognition of Crimea, and the refusal names the clause', () => {
    const { refused } = play([
      ...toTabling,
      ...tabledAlone('russia', { 'status-crimea': 'recognised-russian', nato: 'renounced' }),
      { type: 'proposal.respond', actor: 'ukraine', proposalId: 'p1', response: 'accept' },
    ]);
    expect(refused?.code).toBe('red_line');
    expect(refused?.message).toContain('status-crimea.recognised-russian');
  });

  it('with nobody tabling, the deadline ends the talks in a seed scenario', () => {
    const pass = DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d }));
    const rounds = Array.from({ length: scenario.meta.rounds }, () => [...pass, ...pass]).flat();
    const { snapshot } = play([...toTabling.slice(0, -4), ...rounds]);
    expect(snapshot.context.result?.ending).toBe('deadline');
    // Ten idle months let the pipeline run down (world.yaml's drift), so a breakthrough is as possible as
    // the stalemate: the seeds' "risk … if the ammunition pipeline remains inadequate".
    expect(['prolonged-stalemate', 'collapsed-escalation', 'russian-breakthrough']).toContain(
      snapshot.context.result?.outcomeId,
    );
  });

  it('debrief figures exist for the real agenda: a frontier and a Nash point (or none) at the start', () => {
    const figures = debriefFigures(scenario, FRAGILE_CEASEFIRE, engine.start({ seed: 1, now: 0 }).context.world);
    expect(figures.frontier.length).toBeGreaterThan(0);
    expect(figures.distanceToFrontier).toBeGreaterThanOrEqual(0);
  });

  it('random games on the real content never show a seat another delegation’s secrets', () => {
    const input = { seed: 11, now: 0 };
    fc.assert(
      fc.property(guidedSequenceArb(scenario, 120), (items) => {
        let end = engine.start(input);
        for (const event of materialise(engine, input, items)) end = engine.step(end, event).snapshot;
        for (const seat of [...DELEGATION_IDS, 'spectator' as const]) expectNoLeaks(scenario, end.context, seat);
      }),
      { numRuns: 40 },
    );
  });

  it('docs/rules.md is generated from the machine and up to date', async () => {
    expect(await readFile(RULES_DOC, 'utf8')).toBe(await generateRulesDoc());
  });
});
