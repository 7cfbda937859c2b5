/**
 * A game's view cache (viewCache.ts) shows exactly what viewFor shows, for every seat, after every
 * event of random games that reach deep phases and the debrief, with seats that skip steps (a room
 * skips seats nobody is connected to) and with the host handing it contexts it did not expect.
 * Contexts and views are frozen, so an in-place change anywhere fails the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type GameSnapshot } from '../../src/engine/game.ts';
import type { EngineEvent, NegotiationContext } from '../../src/engine/types.ts';
import { type ViewerSeat, viewFor } from '../../src/engine/view.ts';
import { createViewCache } from '../../src/engine/viewCache.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { deepFreeze } from '../support/freeze.ts';
import { eventSequenceArb, guidedSequenceArb, materialise } from './arbitraries.ts';
import { fixtureScenario } from './fixture.ts';

const engine = createEngine(fixtureScenario);
const input = { seed: 7, now: 0 };
const VIEWERS: ViewerSeat[] = [...DELEGATION_IDS, 'spectator', 'facilitator'];

const sequences = fc.oneof(
  eventSequenceArb(fixtureScenario),
  guidedSequenceArb(fixtureScenario).map((items) => materialise(engine, input, items)),
);

/** Every context of a game, frozen: the start and the one after each event. */
function contexts(events: readonly EngineEvent[], start = input): NegotiationContext[] {
  const frozen = new WeakSet<object>();
  let snapshot: GameSnapshot = engine.start(start);
  const out = [deepFreeze(snapshot.context, frozen)];
  for (const event of events) {
    snapshot = engine.step(snapshot, event).snapshot;
    out.push(deepFreeze(snapshot.context, frozen));
  }
  return out;
}

describe('a game’s view cache', () => {
  it('equals viewFor for every seat after every event, seats skipping steps at random', () => {
    let debriefs = 0;
    fc.assert(
      fc.property(sequences, fc.array(fc.nat(63), { minLength: 1, maxLength: 16 }), (events, skips) => {
        const views = createViewCache(fixtureScenario);
        const frozen = new WeakSet<object>();
        contexts(events).forEach((ctx, step) => {
          // Bit i of the mask: seat i has nobody connected at this step and is not viewed.
          const skip = skips[step % skips.length] as number;
          VIEWERS.forEach((viewer, i) => {
            if (skip & (1 << i)) return;
            const view = deepFreeze(views.view(ctx, viewer), frozen);
            expect(view).toStrictEqual(viewFor(fixtureScenario, ctx, viewer));
          });
          if (step === events.length && ctx.phase === 'concluded') debriefs += 1;
        });
      }),
      { numRuns: 150 },
    );
    // Not vacuous: some games reached the debrief, where every view opens.
    expect(debriefs).toBeGreaterThan(0);
  });

  it('stays exact when handed another game, an older moment or a cut transcript', () => {
    fc.assert(
      fc.property(sequences, sequences, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (a, b, picks) => {
        const first = contexts(a);
        const second = contexts(b, { ...input, seed: 8 });
        const views = createViewCache(fixtureScenario);
        const frozen = new WeakSet<object>();
        for (let i = 0; i < Math.max(first.length, second.length); i += 1) {
          const pick = picks[i % picks.length] as number;
          const game = pick % 3 === 0 ? second : first;
          // Now and then a moment the cache has already gone past.
          const back = pick % 4 === 0 ? pick % 5 : 0;
          let ctx = game[Math.max(0, Math.min(i, game.length - 1) - back)] as NegotiationContext;
          if (pick % 5 === 0) ctx = deepFreeze({ ...ctx, transcript: ctx.transcript.slice(pick % 7) }, frozen);
          const viewer = VIEWERS[pick % VIEWERS.length] as ViewerSeat;
          const view = deepFreeze(views.view(ctx, viewer), frozen);
          expect(view).toStrictEqual(viewFor(fixtureScenario, ctx, viewer));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('hands the same lists on while the game leaves them alone', () => {
    const g = contexts(
      materialise(engine, input, fc.sample(guidedSequenceArb(fixtureScenario), { numRuns: 1, seed: 3 })[0] ?? []),
    );
    const views = createViewCache(fixtureScenario);
    let reused = 0;
    for (let i = 1; i < g.length; i += 1) {
      const [before, after] = [g[i - 1] as NegotiationContext, g[i] as NegotiationContext];
      // The debrief starts its views afresh.
      if (before.phase !== after.phase && after.phase === 'concluded') continue;
      const [was, now] = [views.view(before, 'ukraine'), views.view(after, 'ukraine')];
      if (before.proposals === after.proposals) {
        expect(now.proposals).toBe(was.proposals);
        reused += 1;
      }
      if (before.chat === after.chat) expect(now.chat).toBe(was.chat);
      expect(now.private).toBe(was.private);
    }
    expect(reused).toBeGreaterThan(0);
  });
});
