/**
 * A bot seat's memory (memory.ts) keeps what it derived once and the packages it numbered; the
 * opponent models it builds from a view must not depend on what it read before. Whatever order the
 * views come in, a seat's long-lived memory gives the same models as a fresh one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { createBot } from '../../src/bots/decide.ts';
import { BotMemory } from '../../src/bots/memory.ts';
import { opponentModels } from '../../src/bots/model.ts';
import { compilePublicRules } from '../../src/bots/publicRules.ts';
import { eventFrom } from '../../src/engine/eventFrom.ts';
import { createEngine } from '../../src/engine/game.ts';
import { type SeatView, viewFor } from '../../src/engine/view.ts';
import { publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { mayAct } from '../../src/sim/simulate.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
});

describe('opponent models from a seat’s memory', () => {
  it('are the same in game order, reversed, and from a fresh memory for every view', () => {
    const pub = compilePublicRules(publicScenario(scenario));
    const engine = createEngine(scenario);
    const bots = DELEGATION_IDS.map((delegation) => createBot(pub, { delegation, level: 'standard', seed: 7 }));
    let snapshot = engine.start({ seed: 7, now: 0 });
    const views: SeatView[] = [];
    for (let step = 0, at = 0; step < 400 && snapshot.context.phase !== 'concluded'; step += 1) {
      let acted = false;
      for (const [index, d] of DELEGATION_IDS.entries()) {
        if (!mayAct(snapshot.context, d)) continue;
        const view = viewFor(scenario, snapshot.context, d);
        views.push(view);
        const choice = bots[index]?.decide(view);
        if (!choice) continue;
        at += 1000;
        const result = engine.step(snapshot, eventFrom(choice.action.type, choice.action, d, at));
        if (result.ok) [snapshot, acted] = [result.snapshot, true];
      }
      if (!acted) {
        at += 1000;
        const result = engine.step(snapshot, { type: 'facilitator.advance', actor: 'facilitator', at });
        if (result.ok) snapshot = result.snapshot;
      }
    }
    expect(views.some((v) => v.proposals.length > 3)).toBe(true);
    const memories = new Map(DELEGATION_IDS.map((d) => [d, new BotMemory(pub, d)]));
    const models = (v: SeatView, memory = new BotMemory(pub, v.viewer as DelegationId)) =>
      JSON.stringify(opponentModels(memory, v, 'standard'));
    const fresh = views.map((v) => models(v));
    const inOrder = views.map((v) => models(v, memories.get(v.viewer as DelegationId)));
    expect(inOrder).toEqual(fresh);
    const reversed = [...views].reverse().map((v) => models(v, memories.get(v.viewer as DelegationId)));
    expect(reversed.reverse()).toEqual(fresh);
  });
});
