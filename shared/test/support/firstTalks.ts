/**
 * A game stepped by hand to its first talks (everyone ready twice, every opening statement made),
 * for tests that then send their own events: a message, a structured move, the first tabling.
 */
import { createEngine, type Engine, type GameSnapshot } from '../../src/engine/game.ts';
import type { EngineEvent } from '../../src/engine/types.ts';
import { DELEGATION_IDS, type Scenario } from '../../src/scenario/schema.ts';

export interface SteppedGame {
  engine: Engine;
  readonly snap: GameSnapshot;
  /** One event, timed a tick after the last; a refusal fails the test. */
  send(event: object): void;
}

export function inFirstTalks(scenario: Scenario, seed = 3, engine: Engine = createEngine(scenario)): SteppedGame {
  let snap = engine.start({ seed, now: 0 });
  let at = 0;
  const game: SteppedGame = {
    engine,
    get snap() {
      return snap;
    },
    send(event: object) {
      at += 1;
      const result = engine.step(snap, { ...event, at } as EngineEvent);
      if (!result.ok) throw new Error(result.rejection.message);
      snap = result.snapshot;
    },
  };
  for (const d of DELEGATION_IDS) game.send({ type: 'seat.ready', actor: d });
  for (const d of DELEGATION_IDS) game.send({ type: 'seat.ready', actor: d });
  for (const d of DELEGATION_IDS) game.send({ type: 'statement.make', actor: d, text: `${d} opens` });
  return game;
}

/** The same game at its first tabling: every delegation ready for drafts. */
export function atFirstTabling(scenario: Scenario, seed = 3): SteppedGame {
  const game = inFirstTalks(scenario, seed);
  for (const d of DELEGATION_IDS) game.send({ type: 'seat.ready', actor: d });
  return game;
}
