/**
 * Property tests: random sequences of valid and invalid events from random actors never break the
 * engine's invariants, replay exactly, survive persist/restore, and never leak private data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, eventsOf, type GameSnapshot } from '../../src/engine/game.ts';
import { scorePackage } from '../../src/engine/scoring.ts';
import { type EngineEvent, PHASES } from '../../src/engine/types.ts';
import { checkPackage } from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { deepFreeze } from '../support/freeze.ts';
import { eventSequenceArb, guidedSequenceArb, materialise } from './arbitraries.ts';
import { fixtureScenario } from './fixture.ts';
import { expectNoLeaks } from './leaks.ts';

const engine = createEngine(fixtureScenario);
const input = { seed: 7, now: 0 };
const RUNS = 150;

/** Raw random sequences and guided ones (which reach deep phases), as plain event lists. */
const sequences = fc.oneof(
  eventSequenceArb(fixtureScenario),
  guidedSequenceArb(fixtureScenario).map((items) => materialise(engine, input, items)),
);

function phaseOfValue(value: GameSnapshot['value']): string {
  return typeof value === 'string' ? value : (Object.values(value)[0] as string);
}

function run(
  events: readonly EngineEvent[],
  check?: (before: GameSnapshot, after: GameSnapshot, accepted: boolean) => void,
) {
  let snapshot = engine.start(input);
  for (const event of events) {
    // Frozen: an in-place change to a context anywhere in the engine would throw here.
    deepFreeze(snapshot.context);
    const result = engine.step(snapshot, event);
    check?.(snapshot, result.snapshot, result.ok);
    snapshot = result.snapshot;
  }
  return snapshot;
}

describe('engine invariants under random event sequences', () => {
  it('one phase at a time, refused events change nothing, world and utilities stay in range', () => {
    fc.assert(
      fc.property(sequences, (events) => {
        run(events, (before, after, accepted) => {
          if (!accepted) expect(after).toBe(before);
          const phase = after.context.phase;
          expect(PHASES).toContain(phase);
          const value = phaseOfValue(after.value);
          // Transient states never rest: the machine always settles in a phase that matches the context.
          expect(value === phase || (value === 'talks' && phase === 'talks')).toBe(true);
          for (const v of fixtureScenario.world.variables) {
            const x = after.context.world.values[v.id] ?? Number.NaN;
            expect(x).toBeGreaterThanOrEqual(v.min);
            expect(x).toBeLessThanOrEqual(v.max);
          }
          for (const p of after.context.proposals) {
            for (const row of Object.values(scorePackage(engine.rules, p.package, after.context.world))) {
              expect(row.utility).toBeGreaterThanOrEqual(0);
              expect(row.utility).toBeLessThanOrEqual(1);
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('no signed agreement breaks a signatory’s red line', () => {
    fc.assert(
      fc.property(sequences, (events) => {
        const end = run(events);
        for (const a of end.context.agreements) {
          for (const d of a.signatories) expect(checkPackage(engine.rules, d, a.package)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the transcript replays to the same state', () => {
    fc.assert(
      fc.property(sequences, (events) => {
        const end = run(events);
        const replayed = engine.replay(input, eventsOf(end.context.transcript));
        expect(replayed.context).toEqual(end.context);
        expect(replayed.value).toEqual(end.value);
      }),
      { numRuns: RUNS },
    );
  });

  it('persist at a random point, restore from JSON, continue: identical end state', () => {
    fc.assert(
      fc.property(sequences, fc.nat(), (events, cut) => {
        const at = cut % (events.length + 1);
        const whole = run(events);
        let snapshot = run(events.slice(0, at));
        snapshot = engine.restore(JSON.parse(JSON.stringify(engine.persist(snapshot))));
        for (const event of events.slice(at)) snapshot = engine.step(snapshot, event).snapshot;
        expect(snapshot.context).toEqual(whole.context);
        expect(snapshot.value).toEqual(whole.value);
      }),
      { numRuns: RUNS },
    );
  });

  it('restores a game persisted when the round phases were nested under a `round` state', () => {
    fc.assert(
      fc.property(sequences, (events) => {
        const whole = run(events);
        const persisted = engine.persist(whole);
        const phase = whole.context.phase;
        const nested = ['talks', 'tabling', 'responses', 'signing'].includes(phase) ? { round: phase } : phase;
        const restored = engine.restore({ ...persisted, value: nested });
        expect(restored.value).toEqual(whole.value);
        expect(restored.context).toEqual(whole.context);
      }),
      { numRuns: 40 },
    );
  });

  it('viewFor never shows a seat another delegation’s private data', () => {
    fc.assert(
      fc.property(sequences, (events) => {
        const end = run(events);
        for (const seat of [...DELEGATION_IDS, 'spectator' as const]) expectNoLeaks(fixtureScenario, end.context, seat);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the random sequences are not vacuous', () => {
  it('reach every phase, signed agreements and every ending across a sample', () => {
    const phases = new Set<string>();
    const endings = new Set<string>();
    let agreements = 0;
    for (const events of fc.sample(sequences, { numRuns: 300, seed: 42 })) {
      const end = run(events, (_b, after) => {
        phases.add(after.context.phase);
      });
      agreements += end.context.agreements.length;
      if (end.context.result) endings.add(end.context.result.ending);
    }
    expect([...phases].sort()).toEqual([...PHASES].sort());
    expect(agreements).toBeGreaterThan(0);
    expect([...endings].sort()).toEqual(expect.arrayContaining(['breakthrough', 'walkout']));
  });
});
