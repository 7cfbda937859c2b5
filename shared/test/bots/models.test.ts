/**
 * A bot seat's memory (memory.ts) keeps what it derived once and the packages it numbered; the
 * opponent models it builds from a view must not depend on what it read before. Whatever order the
 * views come in, a seat's long-lived memory gives the same models as a fresh one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { BotMemory } from '../../src/bots/memory.ts';
import { opponentModels } from '../../src/bots/model.ts';
import { compilePublicRules } from '../../src/bots/publicRules.ts';
import { createEngine } from '../../src/engine/game.ts';
import type { SeatView } from '../../src/engine/view.ts';
import { publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { playBotGame } from '../support/botGame.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
});

describe('opponent models from a seat’s memory', () => {
  it('are the same in game order, reversed, and from a fresh memory for every view', () => {
    const pub = compilePublicRules(publicScenario(scenario));
    const views: SeatView[] = [];
    playBotGame(createEngine(scenario), pub, { seed: 7, level: 'standard', seen: (view) => views.push(view) });
    expect(views.some((v) => v.proposals.length > 3)).toBe(true);
    const memories = new Map(DELEGATION_IDS.map((d) => [d, new BotMemory(pub, d)]));
    const models = (v: SeatView, memory = new BotMemory(pub, v.viewer as DelegationId)) =>
      JSON.stringify(opponentModels(memory, v));
    const fresh = views.map((v) => models(v));
    const inOrder = views.map((v) => models(v, memories.get(v.viewer as DelegationId)));
    expect(inOrder).toEqual(fresh);
    const reversed = [...views].reverse().map((v) => models(v, memories.get(v.viewer as DelegationId)));
    expect(reversed.reverse()).toEqual(fresh);
  });
});
