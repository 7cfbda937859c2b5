/**
 * A concluded session's history for the debrief: its first snapshot and event log from the store,
 * the game at every step (the engine's replay, as a server restart does it), the world at the start
 * of every round, and "the deal against the possible" (shared/src/engine/dealAnalysis.ts).
 *
 * `SessionHistories` keeps the last few histories a debrief asked for (a class scrubbing one
 * replay asks many times); it belongs to the server that creates it, and a history never changes
 * once the talks have concluded, so nothing needs invalidating.
 */
import { type DealAnalysis, dealAnalysis } from '@peace-table/shared/engine/dealAnalysis';
import type { Engine, GameSnapshot } from '@peace-table/shared/engine/game';
import type { EngineEvent, NegotiationContext } from '@peace-table/shared/engine/types';
import type { WorldState } from '@peace-table/shared/scenario/evaluate';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import { engineFor } from '../rooms/gameSession.ts';
import type { ScenarioSource } from '../sessions/scenarios.ts';
import type { SessionRow, SessionStore } from '../store/sessionStore.ts';

/** The world as a round began (and, last, as the talks ended). */
export interface MonthPoint {
  step: number;
  round: number;
  month: number;
  world: WorldState;
}

export class SessionHistory {
  readonly row: SessionRow;
  readonly scenario: Scenario;
  readonly engine: Engine;
  readonly events: readonly EngineEvent[];
  readonly snapshots: readonly GameSnapshot[];
  private analysed: DealAnalysis | null = null;

  constructor(row: SessionRow, scenario: Scenario, engine: Engine, events: readonly EngineEvent[]) {
    this.row = row;
    this.scenario = scenario;
    this.engine = engine;
    this.events = events;
    const start = row.config.start ? engine.restore(row.config.start) : engine.start(row.config.input);
    const snapshots = [start];
    let snapshot = start;
    for (const event of events) {
      const result = engine.step(snapshot, event);
      if (!result.ok) throw new Error(`session ${row.code}: event ${event.type} no longer applies`);
      snapshot = result.snapshot;
      snapshots.push(snapshot);
    }
    this.snapshots = snapshots;
  }

  /** Steps run from 0 (the first snapshot) to the number of events (the end). */
  get steps(): number {
    return this.events.length;
  }

  get start(): GameSnapshot {
    return this.snapshots[0] as GameSnapshot;
  }

  get final(): NegotiationContext {
    return (this.snapshots[this.steps] as GameSnapshot).context;
  }

  at(step: number): GameSnapshot {
    return this.snapshots[step] as GameSnapshot;
  }

  /** The world at the start of every round and at the end: the months chart's lines. */
  months(): MonthPoint[] {
    const points: MonthPoint[] = [];
    let round = -1;
    this.snapshots.forEach((snapshot, step) => {
      const ctx = snapshot.context;
      if (ctx.round !== round && ctx.round > 0) {
        round = ctx.round;
        points.push({ step, round: ctx.round, month: ctx.world.month, world: ctx.world });
      }
    });
    const end = this.final;
    if (points.at(-1)?.world !== end.world)
      points.push({ step: this.steps, round: end.round, month: end.world.month, world: end.world });
    return points;
  }

  analysis(): DealAnalysis {
    this.analysed ??= dealAnalysis(this.engine.rules, this.final);
    return this.analysed;
  }
}

export class SessionHistories {
  private readonly kept = new Map<string, SessionHistory>();
  private readonly store: SessionStore;
  private readonly scenarios: ScenarioSource;
  private readonly max: number;

  constructor(store: SessionStore, scenarios: ScenarioSource, max = 8) {
    this.store = store;
    this.scenarios = scenarios;
    this.max = max;
  }

  /** The concluded session's history; undefined when there is no such session, null while it runs. */
  async get(row: SessionRow): Promise<SessionHistory | null> {
    if (row.status !== 'concluded' && row.result === null) return null;
    const kept = this.kept.get(row.code);
    if (kept) {
      // Most recently used last, so the oldest goes first.
      this.kept.delete(row.code);
      this.kept.set(row.code, kept);
      return kept;
    }
    const scenario = await this.scenarios.load(row.scenarioId);
    const history = new SessionHistory(row, scenario, engineFor(scenario), this.store.events(row.code));
    this.kept.set(row.code, history);
    for (const code of this.kept.keys()) {
      if (this.kept.size <= this.max) break;
      this.kept.delete(code);
    }
    return history;
  }
}
