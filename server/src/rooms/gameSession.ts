/**
 * One session's game: the engine's current snapshot and its persistence, with no Colyseus in it.
 *
 * `step` asks the engine; only if the event is accepted is it appended to the event log (with a
 * snapshot every SNAPSHOT_EVERY events and at the conclusion) and only after that commit does the
 * in-memory game move on. If the write fails, the event is treated as never accepted, so what
 * clients see can never run ahead of what a restart would restore.
 */
import { createEngine, type Engine, type GameSnapshot, type StepResult } from '@peace-table/shared/engine/game';
import type { EngineEvent, NegotiationContext } from '@peace-table/shared/engine/types';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { RosterData, SessionConfig } from '../sessions/types.ts';
import type { SessionStore } from '../store/sessionStore.ts';

/**
 * One engine per loaded scenario, shared by all its sessions: the machine holds no game state (each
 * session keeps its own snapshot), and building one per room cost memory in every session.
 */
const ENGINES = new WeakMap<Scenario, Engine>();
export function engineFor(scenario: Scenario): Engine {
  let engine = ENGINES.get(scenario);
  if (!engine) {
    engine = createEngine(scenario);
    ENGINES.set(scenario, engine);
  }
  return engine;
}

/** Events between snapshots: restores replay at most this many events after the latest snapshot. */
export const SNAPSHOT_EVERY = 50;

export type SessionStepResult = StepResult | { ok: false; snapshot: GameSnapshot; writeError: Error };

export class GameSession {
  readonly code: string;
  readonly engine: Engine;
  private readonly store: SessionStore;
  private snapshot: GameSnapshot;
  private seq: number;
  private sinceSnapshot: number;

  private constructor(
    code: string,
    engine: Engine,
    store: SessionStore,
    snapshot: GameSnapshot,
    seq: number,
    sinceSnapshot: number,
  ) {
    this.code = code;
    this.engine = engine;
    this.store = store;
    this.snapshot = snapshot;
    this.seq = seq;
    this.sinceSnapshot = sinceSnapshot;
  }

  /** A new game, written to the store (session row and the starting snapshot) before it is returned. */
  static start(
    store: SessionStore,
    scenario: Scenario,
    config: SessionConfig,
    roster: RosterData,
    node: string,
  ): GameSession {
    const engine = engineFor(scenario);
    // A session played on from another one's moment (the debrief's "play on from here") starts there.
    const snapshot = config.start ? engine.restore(config.start) : engine.start(config.input);
    store.createSession(config, roster, node, engine.persist(snapshot));
    return new GameSession(config.code, engine, store, snapshot, 0, 0);
  }

  /** The game as the store has it: the latest snapshot with every later event replayed through the engine. */
  static restore(store: SessionStore, scenario: Scenario, code: string): GameSession {
    const stored = store.loadGame(code);
    if (!stored) throw new Error(`session ${code} has no saved game`);
    const engine = engineFor(scenario);
    let snapshot = engine.restore(stored.snapshot);
    stored.events.forEach((event, i) => {
      const result = engine.step(snapshot, event);
      if (!result.ok) {
        const seq = stored.snapshotSeq + i + 1;
        throw new Error(
          `session ${code}: saved event ${seq} (${event.type}) no longer applies: ${result.rejection.message}`,
        );
      }
      snapshot = result.snapshot;
    });
    return new GameSession(
      code,
      engine,
      store,
      snapshot,
      stored.snapshotSeq + stored.events.length,
      stored.events.length,
    );
  }

  get context(): NegotiationContext {
    return this.snapshot.context;
  }

  /** Accepted events so far (the length of the session's event log). */
  get eventCount(): number {
    return this.seq;
  }

  step(event: EngineEvent): SessionStepResult {
    const result = this.engine.step(this.snapshot, event);
    if (!result.ok) return result;
    const next = result.snapshot;
    const concluded = next.context.phase === 'concluded' && this.snapshot.context.phase !== 'concluded';
    const snapshotDue = concluded || this.sinceSnapshot + 1 >= SNAPSHOT_EVERY;
    try {
      this.store.appendEvent(this.code, this.seq + 1, event, {
        ...(snapshotDue ? { snapshot: this.engine.persist(next) } : {}),
        ...(concluded ? { concluded: next.context.result } : {}),
      });
    } catch (error) {
      return { ok: false, snapshot: this.snapshot, writeError: error as Error };
    }
    this.snapshot = next;
    this.seq += 1;
    this.sinceSnapshot = snapshotDue ? 0 : this.sinceSnapshot + 1;
    return result;
  }
}
