/**
 * "What if" from any moment of a finished game: the game as it stood after its first `step` events
 * (the engine's own replay of the event log), optionally with one choice changed at that moment,
 * then many all-bot games played on from there.
 *
 * A change is generic over the engine's events, not tied to today's phases:
 * - `replace`: the event at `step` becomes another one (accept instead of reject, sign instead of
 *   decline, another lever); the new event keeps the original's actor and time unless it names its own;
 * - `insert`: one more event happens at that moment, before the game goes on;
 * - `remove`: the event at `step` never happens (a facilitator's inject not made, a lever not pulled);
 * - `withhold`: the event at `step` happens, but a scenario event its round's resolution drew does
 *   not fire. The draw itself is still made, so every other event draws the same number; the engine
 *   honours this through its options (EngineOptions.withheld), which a real session never sets.
 *
 * Every game of a batch starts from the same moment with its own seed: the seeded RNG of the game
 * (the scenario events' draws) and the bots' seed are both set from it, so game i of a batch from
 * the very start is the simulator's game with the same seed. The computer delegations start afresh
 * from that moment's views in every seat, as they would after a server restart.
 */
import type { BotLevel } from '../bots/types.ts';
import type { Engine, GameSnapshot, PersistedGame } from '../engine/game.ts';
import { seedState } from '../engine/rng.ts';
import type { EngineEvent, NegotiationContext } from '../engine/types.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { DELEGATION_IDS, type DelegationId } from '../scenario/schema.ts';
import { type GameRecord, playGame } from './simulate.ts';

/** An engine event as a change names it: its actor and time default to the replaced event's. */
export type ChangedEvent = Omit<EngineEvent, 'actor' | 'at'> & Partial<Pick<EngineEvent, 'actor' | 'at'>>;

export type WhatIfChange =
  | { kind: 'replace'; event: ChangedEvent }
  | { kind: 'insert'; event: ChangedEvent }
  | { kind: 'remove' }
  | { kind: 'withhold'; event: string };

/** Why a moment or a change cannot be replayed, in words for the person who asked. */
export class WhatIfError extends Error {
  readonly reason: 'stepOutOfRange' | 'changeNotAllowed';

  constructor(reason: 'stepOutOfRange' | 'changeNotAllowed', message: string) {
    super(message);
    this.reason = reason;
    this.name = 'WhatIfError';
  }
}

/**
 * The game after its first `step` events from `start` (the game's first snapshot): what a server
 * restart would rebuild at that moment.
 */
export function replayTo(
  engine: Engine,
  start: GameSnapshot,
  events: readonly EngineEvent[],
  step: number,
): GameSnapshot {
  if (!Number.isInteger(step) || step < 0 || step > events.length)
    throw new WhatIfError('stepOutOfRange', `step must be a whole number from 0 to ${events.length}, got ${step}`);
  let snapshot = start;
  for (const event of events.slice(0, step)) {
    const result = engine.step(snapshot, event);
    if (!result.ok) throw new Error(`replay diverged at ${event.type}: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

function stepOrRefuse(engine: Engine, snapshot: GameSnapshot, event: EngineEvent): GameSnapshot {
  const result = engine.step(snapshot, event);
  if (!result.ok)
    throw new WhatIfError(
      'changeNotAllowed',
      `${event.type} is not possible at this moment: ${result.rejection.message}`,
    );
  return result.snapshot;
}

/**
 * The moment a what-if starts from: the replay to `step`, with the change (if any) applied exactly
 * there. A change that needs an event at `step` (replace, remove, withhold) refuses the final step.
 */
export function momentOf(
  engine: Engine,
  start: GameSnapshot,
  events: readonly EngineEvent[],
  step: number,
  change?: WhatIfChange,
): GameSnapshot {
  const before = replayTo(engine, start, events, step);
  if (!change) return before;
  const original = events[step];
  if (change.kind === 'insert') {
    const actor = change.event.actor ?? original?.actor;
    if (!actor) throw new WhatIfError('changeNotAllowed', 'an inserted event must name its actor');
    return stepOrRefuse(engine, before, {
      ...change.event,
      actor,
      at: change.event.at ?? before.context.now,
    } as EngineEvent);
  }
  if (!original) throw new WhatIfError('changeNotAllowed', `there is no event at step ${step} to change`);
  switch (change.kind) {
    case 'remove':
      return before;
    case 'replace':
      return stepOrRefuse(engine, before, {
        ...change.event,
        actor: change.event.actor ?? original.actor,
        at: change.event.at ?? original.at,
      } as EngineEvent);
    case 'withhold': {
      const ctx = before.context;
      const drawn = stepOrRefuse(engine, before, original).context.fired.slice(ctx.fired.length);
      if (!drawn.some((f) => f.id === change.event && f.by === 'draw'))
        throw new WhatIfError('changeNotAllowed', `${change.event} was not drawn at step ${step}: nothing to withhold`);
      const withheld = [...(ctx.options.withheld ?? []), { event: change.event, round: ctx.round }];
      const options = { ...ctx.options, withheld };
      return stepOrRefuse(engine, engine.withContext(before, { ...ctx, options }), original);
    }
  }
}

/** The same moment for another game: the scenario's draws and the bots both seeded with `seed`. */
export function reseeded(engine: Engine, moment: GameSnapshot, seed: number): GameSnapshot {
  return engine.withContext(moment, { ...moment.context, seed, rng: seedState(seed) });
}

/** The record of what actually happened, in the batch's terms (outcome and each delegation's score). */
export interface ActualOutcome {
  outcomeId: string;
  agreement: boolean;
  scores: Record<DelegationId, { utility: number; noDeal: number }>;
}

export function actualOutcome(ctx: NegotiationContext): ActualOutcome | null {
  if (!ctx.result) return null;
  return {
    outcomeId: ctx.result.outcomeId,
    agreement: ctx.agreements.some((a) => a.concluding),
    scores: ctx.result.scores,
  };
}

export interface WhatIfRange {
  /** First seed and how many games. */
  from: number;
  count: number;
  level: BotLevel;
}

/**
 * Play `count` games from the moment (seeds `from`, `from + 1`, …), handing the records over in seed
 * order a batch at a time (a worker posts each batch, for the progress bar).
 */
export function playFromMoment(
  engine: Engine,
  pub: PublicScenario,
  moment: PersistedGame,
  range: WhatIfRange,
  onBatch: (records: GameRecord[]) => void,
  batchSize = 25,
): void {
  const start = engine.restore(moment);
  let batch: GameRecord[] = [];
  for (let i = 0; i < range.count; i += 1) {
    const seed = range.from + i;
    const from = reseeded(engine, start, seed);
    batch.push(playGame(engine, { seed, level: range.level, from }, pub).record);
    if (batch.length === batchSize || i === range.count - 1) {
      onBatch(batch);
      batch = [];
    }
  }
}

/** How a delegation's scores spread over a batch: quantiles and a histogram on [0, 1]. */
export interface ScoreSpread {
  mean: number;
  /** 10th, 25th, 50th, 75th and 90th percentiles. */
  quantiles: [number, number, number, number, number];
  /** Games per tenth of the score scale (0–0.1, …, 0.9–1). */
  histogram: number[];
  /** Share of games the delegation ended better off than with no deal. */
  betterOff: number;
}

export interface WhatIfSummary {
  games: number;
  outcomes: Array<{ id: string; count: number; share: number }>;
  agreementRate: number;
  scores: Record<DelegationId, ScoreSpread>;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function summariseWhatIf(pub: PublicScenario, records: readonly GameRecord[]): WhatIfSummary {
  const n = records.length || 1;
  const scores = Object.fromEntries(
    DELEGATION_IDS.map((d) => {
      const values = records.map((r) => r.scores[d]?.utility ?? 0).sort((a, b) => a - b);
      const histogram = Array.from({ length: 10 }, () => 0);
      for (const v of values) {
        const bin = Math.min(9, Math.max(0, Math.floor(v * 10)));
        histogram[bin] = (histogram[bin] ?? 0) + 1;
      }
      const better = records.filter((r) => (r.scores[d]?.utility ?? 0) > (r.scores[d]?.noDeal ?? 0) + 0.005).length;
      const spread: ScoreSpread = {
        mean: values.reduce((a, b) => a + b, 0) / n,
        quantiles: [0.1, 0.25, 0.5, 0.75, 0.9].map((q) => quantile(values, q)) as ScoreSpread['quantiles'],
        histogram,
        betterOff: better / n,
      };
      return [d, spread];
    }),
  ) as Record<DelegationId, ScoreSpread>;
  return {
    games: records.length,
    outcomes: pub.outcomes.map((o) => {
      const count = records.filter((r) => r.outcomeId === o.id).length;
      return { id: o.id, count, share: count / n };
    }),
    agreementRate: records.filter((r) => r.agreement).length / n,
    scores,
  };
}
