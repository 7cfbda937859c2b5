/**
 * opponentModels hands a model out again while the history it read is the same (model.ts). Whatever
 * order the seats' views come in, and so whichever models are made afresh and which are reused,
 * every view must get the same models.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { decide } from '../../src/bots/decide.ts';
import { opponentModels } from '../../src/bots/model.ts';
import { createEngine } from '../../src/engine/game.ts';
import type { EngineEvent } from '../../src/engine/types.ts';
import { type SeatView, viewFor } from '../../src/engine/view.ts';
import { publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { mayAct } from '../../src/sim/simulate.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
});

describe('opponent models reused between seats', () => {
  it('every view gets the same models in game order, reversed, and with each seat alone', () => {
    const pub = publicScenario(scenario);
    const engine = createEngine(scenario);
    let snapshot = engine.start({ seed: 7, now: 0 });
    const views: SeatView[] = [];
    for (let step = 0, at = 0; step < 400 && snapshot.context.phase !== 'concluded'; step += 1) {
      let acted = false;
      for (const d of DELEGATION_IDS) {
        if (!mayAct(snapshot.context, d)) continue;
        const view = viewFor(scenario, snapshot.context, d);
        views.push(view);
        const choice = decide(pub, view, { delegation: d, level: 'standard', seed: 7 });
        if (!choice) continue;
        at += 1000;
        const result = engine.step(snapshot, { ...choice.action, actor: d, at } as EngineEvent);
        if (result.ok) [snapshot, acted] = [result.snapshot, true];
      }
      if (!acted) {
        at += 1000;
        const result = engine.step(snapshot, { type: 'facilitator.advance', actor: 'facilitator', at });
        if (result.ok) snapshot = result.snapshot;
      }
    }
    expect(views.some((v) => v.proposals.length > 3)).toBe(true);
    const models = (v: SeatView) => JSON.stringify(opponentModels(pub, v, v.viewer as DelegationId, 'standard'));
    const inOrder = views.map(models);
    expect([...views].reverse().map(models).reverse()).toEqual(inOrder);
    for (const d of DELEGATION_IDS) {
      views.forEach((v, i) => {
        if (v.viewer === d) expect(models(v)).toBe(inOrder[i]);
      });
    }
  });
});
