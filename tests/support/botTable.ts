/**
 * A table of computer delegations played one turn at a time, so tests can interleave many games
 * in one process as a server interleaves its rooms. A turn is one pass of the simulator's loop
 * (shared/src/sim/simulate.ts playGame): every delegation that may act decides from its view, in
 * seat order, and when nobody acts the facilitator moves the phase on. Each table owns its game's
 * view cache and its seats' bots, and drops them with the table.
 */
import { createBot } from '../../shared/src/bots/decide.ts';
import { compilePublicRules } from '../../shared/src/bots/publicRules.ts';
import type { BotLevel } from '../../shared/src/bots/types.ts';
import { eventFrom } from '../../shared/src/engine/eventFrom.ts';
import type { Engine, GameSnapshot } from '../../shared/src/engine/game.ts';
import type { EngineEvent, NegotiationContext } from '../../shared/src/engine/types.ts';
import type { SeatView } from '../../shared/src/engine/view.ts';
import { createViewCache, type ViewCache } from '../../shared/src/engine/viewCache.ts';
import type { PublicScenario } from '../../shared/src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId } from '../../shared/src/scenario/schema.ts';
import { mayAct } from '../../shared/src/sim/simulate.ts';

export interface BotTable {
  readonly views: ViewCache;
  readonly context: NegotiationContext;
  readonly over: boolean;
  /** Play one turn; `seen` gets every view a bot decided from. */
  turn(seen?: (d: DelegationId, view: SeatView) => void): void;
}

const MAX_TURNS = 5000;

export function botTable(engine: Engine, pub: PublicScenario, seed: number, level: BotLevel = 'standard'): BotTable {
  const views = createViewCache(engine.scenario);
  // Each seat's bot keeps its own memory for this game, as on a server.
  const rules = compilePublicRules(pub, engine.rules.space);
  const bots = Object.fromEntries(DELEGATION_IDS.map((d) => [d, createBot(rules, { delegation: d, level, seed })]));
  let snapshot: GameSnapshot = engine.start({ seed, now: 0 });
  let at = 0;
  let turns = 0;
  const send = (event: EngineEvent) => {
    const result = engine.step(snapshot, event);
    if (result.ok) snapshot = result.snapshot;
    return result.ok;
  };
  const isOver = () => snapshot.context.phase === 'concluded' || turns >= MAX_TURNS;
  return {
    views,
    get context() {
      return snapshot.context;
    },
    get over() {
      return isOver();
    },
    turn(seen) {
      if (isOver()) return;
      turns += 1;
      let acted = false;
      for (const d of DELEGATION_IDS) {
        if (isOver()) break;
        if (!mayAct(snapshot.context, d)) continue;
        const view = views.view(snapshot.context, d);
        seen?.(d, view);
        const choice = bots[d]?.decide(view);
        if (!choice) continue;
        at += 1000;
        if (send(eventFrom(choice.action.type, choice.action, d, at))) acted = true;
      }
      if (!acted) {
        at += 1000;
        send({ type: 'facilitator.advance', actor: 'facilitator', at });
      }
    },
  };
}
