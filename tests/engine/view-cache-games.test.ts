/**
 * The view cache against viewFor over whole seeded all-bot games of two scenarios, the real one
 * and the mini fixture (tests/content/fixtures/mini): every seat, after every event, contexts and
 * views frozen. The games are the simulator's own; each is replayed event by event from its
 * transcript, through one fresh view cache per game as a room holds one.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine, eventsOf } from '../../shared/src/engine/game.ts';
import type { NegotiationContext } from '../../shared/src/engine/types.ts';
import { type ViewerSeat, viewFor } from '../../shared/src/engine/view.ts';
import { createViewCache } from '../../shared/src/engine/viewCache.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { DELEGATION_IDS, type Scenario } from '../../shared/src/scenario/schema.ts';
import { playGame } from '../../shared/src/sim/simulate.ts';
import { loadMiniScenario } from '../../shared/test/scenario/miniScenario.ts';
import { deepFreeze } from '../../shared/test/support/freeze.ts';

const VIEWERS: ViewerSeat[] = [...DELEGATION_IDS, 'spectator', 'facilitator'];
const GAMES = 25;

/** Every context of the simulator's game for `seed`, frozen: the start and one after each event. */
function contextsOf(scenario: Scenario, seed: number): NegotiationContext[] {
  const engine = createEngine(scenario);
  const { snapshot: end } = playGame(engine, { seed, level: 'standard' }, publicScenario(scenario));
  const frozen = new WeakSet<object>();
  let snapshot = engine.start({ seed, now: 0 });
  const out = [deepFreeze(snapshot.context, frozen)];
  for (const event of eventsOf(end.context.transcript)) {
    const result = engine.step(snapshot, event);
    if (!result.ok) throw new Error(`replay of seed ${seed} refused ${event.type}`);
    snapshot = result.snapshot;
    out.push(deepFreeze(snapshot.context, frozen));
  }
  return out;
}

describe.each([
  ['the real scenario', () => loadScenarioById('ukraine-2026')],
  ['the mini fixture', async () => loadMiniScenario()],
])('the view cache over seeded all-bot games of %s', (_name, load) => {
  it(`equals viewFor for every seat after every event of ${GAMES} games`, async () => {
    const scenario = await load();
    let steps = 0;
    let debriefs = 0;
    for (let seed = 1; seed <= GAMES; seed += 1) {
      const views = createViewCache(scenario);
      const frozen = new WeakSet<object>();
      for (const ctx of contextsOf(scenario, seed)) {
        for (const viewer of VIEWERS) {
          const view = deepFreeze(views.view(ctx, viewer), frozen);
          deepStrictEqual(view, viewFor(scenario, ctx, viewer));
        }
        steps += 1;
        if (ctx.phase === 'concluded') debriefs += 1;
      }
    }
    // Whole games: tens to hundreds of events each, and the debrief reached.
    expect(steps).toBeGreaterThan(GAMES * 20);
    expect(debriefs).toBeGreaterThan(0);
  });
});
