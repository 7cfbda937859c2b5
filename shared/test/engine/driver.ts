/** A tiny driver for engine tests: send events by name, with a clock that ticks one second each. */
import { createEngine, type GameSnapshot, type StepResult } from '../../src/engine/game.ts';
import type { Actor, EngineEvent, EngineOptions, Phase } from '../../src/engine/types.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { deepFreeze } from '../support/freeze.ts';
import { fixtureScenario } from './fixture.ts';

type Payload<T extends EngineEvent['type']> = Omit<Extract<EngineEvent, { type: T }>, 'type' | 'actor' | 'at'>;

export function newGame(options: { seed?: number; scenario?: Scenario; options?: Partial<EngineOptions> } = {}) {
  const engine = createEngine(options.scenario ?? fixtureScenario);
  let snapshot = engine.start({
    seed: options.seed ?? 1,
    now: 0,
    ...(options.options ? { options: options.options } : {}),
  });
  // Contexts are never changed in place: every step gets a frozen one, so a change would throw.
  deepFreeze(snapshot.context);
  let clock = 0;
  const game = {
    engine,
    get snapshot(): GameSnapshot {
      return snapshot;
    },
    set snapshot(s: GameSnapshot) {
      snapshot = s;
    },
    get ctx() {
      return snapshot.context;
    },
    get phase(): Phase {
      return snapshot.context.phase;
    },
    /** Not narrowed by earlier checks: the phase changes as events are sent. */
    isOver(): boolean {
      return snapshot.context.phase === 'concluded';
    },
    send<T extends EngineEvent['type']>(actor: Actor, type: T, payload?: Payload<T>, at?: number): StepResult {
      clock = at ?? clock + 1000;
      const event = { ...(payload ?? {}), type, actor, at: clock } as unknown as EngineEvent;
      const result = engine.step(snapshot, event);
      if (result.ok) snapshot = result.snapshot;
      deepFreeze(snapshot.context);
      return result;
    },
    /** Send and fail the test with the rejection's message if it is refused. */
    ok<T extends EngineEvent['type']>(actor: Actor, type: T, payload?: Payload<T>, at?: number): StepResult {
      const result = game.send(actor, type, payload, at);
      if (!result.ok) throw new Error(`${actor} ${type} refused: ${result.rejection.message}`);
      return result;
    },
    allReady(except: DelegationId[] = []) {
      for (const d of DELEGATION_IDS)
        if (!except.includes(d) && !snapshot.context.seats[d].walkedOut) game.ok(d, 'seat.ready');
    },
    /** Lobby → briefing → opening statements → round 1 talks. */
    toTalks() {
      game.allReady();
      game.allReady();
      for (const d of DELEGATION_IDS) game.ok(d, 'statement.make', { text: `${d} opens` });
    },
    /**
     * Table a draft and let every other delegation pass: tabling closes and the draft is answered.
     * (Since the floor, a draft is sealed until everyone has tabled or passed; see floor.ts.)
     */
    tableAlone<T extends 'proposal.table' | 'proposal.amend'>(actor: DelegationId, type: T, payload: Payload<T>) {
      const result = game.ok(actor, type, payload);
      game.allReady([actor]);
      return result;
    },
    toTabling() {
      game.toTalks();
      game.allReady();
    },
  };
  return game;
}
