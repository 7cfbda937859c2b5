/**
 * An all-bot game played as the simulator plays it (src/sim/simulate.ts playGame), for tests that
 * need to change the bots along the way or see every view a bot decided on.
 */
import { createBot } from '../../src/bots/decide.ts';
import type { PublicRules } from '../../src/bots/publicRules.ts';
import type { Bot, BotLevel } from '../../src/bots/types.ts';
import { eventFrom } from '../../src/engine/eventFrom.ts';
import type { Engine } from '../../src/engine/game.ts';
import { type SeatView, viewFor } from '../../src/engine/view.ts';
import { DELEGATION_IDS, type DelegationId } from '../../src/scenario/schema.ts';
import { mayAct } from '../../src/sim/simulate.ts';

export type SeatBots = Record<DelegationId, Bot>;

export function seatBots(rules: PublicRules, level: BotLevel, seed: number): SeatBots {
  return Object.fromEntries(
    DELEGATION_IDS.map((delegation) => [delegation, createBot(rules, { delegation, level, seed })]),
  ) as SeatBots;
}

/**
 * Plays seed `seed` with the bots of `seatBots`; before each step, `replace(step)` may hand over new
 * bots (a restart). `seen` gets every view a bot decided on, in order. Returns the final snapshot.
 */
export function playBotGame(
  engine: Engine,
  rules: PublicRules,
  options: { seed: number; level: BotLevel; replace?: (step: number) => boolean; seen?: (view: SeatView) => void },
) {
  const { seed, level } = options;
  let snapshot = engine.start({ seed, now: 0 });
  let bots = seatBots(rules, level, seed);
  let at = 0;
  for (let step = 0; step < 5000 && snapshot.context.phase !== 'concluded'; step += 1) {
    if (options.replace?.(step)) bots = seatBots(rules, level, seed);
    let acted = false;
    for (const d of DELEGATION_IDS) {
      if (snapshot.context.phase === ('concluded' as string)) break;
      if (!mayAct(snapshot.context, d)) continue;
      const view = viewFor(engine.scenario, snapshot.context, d);
      options.seen?.(view);
      const choice = bots[d].decide(view);
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
  return snapshot;
}
