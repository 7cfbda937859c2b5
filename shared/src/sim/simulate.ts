/**
 * The headless simulator: complete all-bot games through the same engine, the same views and the
 * same decision function the server uses, and the statistics a facilitator asks for. Pure apart
 * from the optional clock used to time bot decisions (injected by the caller).
 */
import { createBot } from '../bots/decide.ts';
import { compilePublicRules } from '../bots/publicRules.ts';
import type { BotAction, BotLevel, CreateTablePlayer, TablePlayer } from '../bots/types.ts';
import { eventFrom } from '../engine/eventFrom.ts';
import type { Engine, GameSnapshot } from '../engine/game.ts';
import { findProposal } from '../engine/rules.ts';
import { debriefFigures } from '../engine/scoring.ts';
import type { EngineEvent, NegotiationContext, TranscriptEntry } from '../engine/types.ts';
import { createViewCache } from '../engine/viewCache.ts';
import { checkPackage } from '../scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Measure } from '../scenario/schema.ts';
import { type MeasureFigures, measureFigures, watchMeasures } from './measures.ts';

export interface GameRecord {
  seed: number;
  outcomeId: string;
  ending: string;
  rounds: number;
  agreement: boolean;
  ratified: boolean;
  scores: Record<DelegationId, { utility: number; noDeal: number }>;
  distanceToFrontier: number | null;
  distanceToNash: number | null;
  /** Bot actions the engine refused: should be zero; counted so a regression shows. */
  refused: number;
  /**
   * Acceptances and signatures of a package that breaks the acting delegation's own red lines,
   * checked against the full content at the moment of acting: must be zero.
   */
  redLinesCrossed: number;
  /** Times the host had to force a phase because no bot acted. */
  forced: number;
  /** Every agreement signed by all its signatories, in order: when, what kind, how many clauses. */
  agreements: Array<{ round: number; concluding: boolean; ratified: boolean; clauses: number }>;
  /** The scenario events that fired, in order. */
  events: string[];
  /** The scenario's measures (outcomes.yaml) that held after some step of the game. */
  measures: string[];
}

/** A seat played by something other than the standard bot (a scripted player, for the skilled-player figures). */
export interface SeatPlayer {
  delegation: DelegationId;
  /** Makes the seat's player from the same public rules a bot gets; it decides from its seat's view only. */
  create: CreateTablePlayer;
}

export interface PlayOptions {
  seed: number;
  level: BotLevel;
  /** Compute the debrief's frontier distances for agreements (a frontier search: tens of ms per agreement). */
  distances?: boolean;
  /** Called with each bot decision's duration, for benchmarks. */
  timeDecision?: (delegation: DelegationId, ms: number) => void;
  now?: () => number;
  /** Collect the bots' reasons (for --trace). */
  reasons?: Array<{ seq: number; delegation: DelegationId; reason: Localized }>;
  /**
   * Play on from this moment instead of the start (a what-if: sim/whatif.ts). Its bots start afresh
   * from the moment's views, as after a server restart.
   */
  from?: GameSnapshot;
  /** One seat played by another player instead of the level's bot. */
  player?: SeatPlayer;
}

const MAX_STEPS = 5000;

/** Play one complete all-bot game. */
export function playGame(engine: Engine, options: PlayOptions, pub: PublicScenario = publicScenario(engine.scenario)) {
  let snapshot: GameSnapshot = options.from ?? engine.start({ seed: options.seed, now: 0 });
  // One bot per seat, for this game only; the agenda they read is the one the engine numbered.
  const rules = compilePublicRules(pub, engine.rules.space);
  const bots: TablePlayer[] = DELEGATION_IDS.map((delegation) =>
    (options.player?.delegation === delegation ? options.player.create : createBot)(rules, {
      delegation,
      level: options.level,
      seed: options.seed,
    }),
  );
  let at = snapshot.context.now;
  let refused = 0;
  let forced = 0;
  let redLinesCrossed = 0;
  // This game's views, each built from the last one its seat was shown; dropped with the game.
  const views = createViewCache(engine.scenario);
  const measures = watchMeasures(engine);
  measures.see(snapshot.context.world);
  const send = (event: EngineEvent) => {
    const result = engine.step(snapshot, event);
    if (result.ok) {
      snapshot = result.snapshot;
      measures.see(snapshot.context.world);
    }
    return result.ok;
  };
  for (let step = 0; step < MAX_STEPS && !isOver(snapshot); step += 1) {
    let acted = false;
    for (let seat = 0; seat < DELEGATION_IDS.length; seat += 1) {
      const d = DELEGATION_IDS[seat] as DelegationId;
      if (isOver(snapshot)) break;
      if (!mayAct(snapshot.context, d)) continue;
      const view = views.view(snapshot.context, d);
      const started = options.now?.() ?? 0;
      const choice = bots[seat]?.decide(view);
      if (options.timeDecision && options.now) options.timeDecision(d, options.now() - started);
      if (!choice) continue;
      if (crossesRedLine(engine, snapshot.context, d, choice.action)) redLinesCrossed += 1;
      at += 1000;
      if (send(eventFrom(choice.action.type, choice.action, d, at))) {
        acted = true;
        options.reasons?.push({ seq: snapshot.context.nextSeq - 1, delegation: d, reason: choice.reason });
      } else refused += 1;
    }
    if (!acted) {
      at += 1000;
      forced += 1;
      send({ type: 'facilitator.advance', actor: 'facilitator', at });
    }
  }
  const ctx = snapshot.context;
  const result = ctx.result;
  const concluding = [...ctx.agreements].reverse().find((a) => a.concluding);
  let distanceToFrontier: number | null = null;
  let distanceToNash: number | null = null;
  if (options.distances && result?.agreement) {
    const figures = debriefFigures(engine.scenario, result.agreement, ctx.world);
    distanceToFrontier = figures.distanceToFrontier;
    distanceToNash = figures.distanceToNash;
  }
  const record: GameRecord = {
    seed: options.seed,
    outcomeId: result?.outcomeId ?? 'unfinished',
    ending: result?.ending ?? 'unfinished',
    rounds: Math.min(ctx.round, ctx.rounds),
    agreement: concluding !== undefined,
    ratified: concluding?.ratified ?? false,
    scores: result?.scores ?? ({} as GameRecord['scores']),
    distanceToFrontier,
    distanceToNash,
    refused,
    forced,
    redLinesCrossed,
    agreements: ctx.agreements.map((a) => ({
      round: a.round,
      concluding: a.concluding,
      ratified: a.ratified,
      clauses: Object.keys(a.package).length,
    })),
    events: ctx.fired.map((f) => f.id),
    measures: measures.held(),
  };
  return { record, snapshot };
}

/**
 * Play `count` games from seed `from`, with the debrief's frontier distances for agreements (tens
 * of ms each; agreements are a minority of games), handing the records over in seed order a batch
 * at a time: for a progress line, or to post them from a worker thread.
 */
export function playSeeds(
  engine: Engine,
  pub: PublicScenario,
  range: { from: number; count: number; level: BotLevel; player?: SeatPlayer },
  onBatch: (records: GameRecord[]) => void,
  batchSize = 25,
): void {
  let batch: GameRecord[] = [];
  for (let i = 0; i < range.count; i += 1) {
    const options: PlayOptions = { seed: range.from + i, level: range.level, distances: true };
    if (range.player) options.player = range.player;
    batch.push(playGame(engine, options, pub).record);
    if (batch.length === batchSize || i === range.count - 1) {
      onBatch(batch);
      batch = [];
    }
  }
}

export interface Summary {
  games: number;
  outcomes: Array<{ id: string; title: string; seedScenario: number | null; count: number; share: number }>;
  agreementRate: number;
  ratifiedRate: number;
  meanScores: Record<DelegationId, { utility: number; noDeal: number }>;
  meanDistanceToFrontier: number | null;
  meanDistanceToNash: number | null;
  meanRounds: number;
  refused: number;
  redLinesCrossed: number;
  forced: number;
  /** Games that end with a ratified ceasefire (a concluding agreement), whatever its outcome. */
  ceasefireShare: number;
  /** Games with at least one ratified partial agreement (one that did not end the talks). */
  partialShare: number;
  /** Signed agreements (ratified or not, partial or concluding) by the round they were signed in. */
  agreementRounds: Record<string, number>;
  /** Of those, the share signed in the last round. */
  lastRoundShare: number | null;
  /** Signed agreements by the number of clauses they settle. */
  clauseCounts: Record<string, number>;
  /** Games in which each scenario event fired (at least once). */
  eventShares: Record<string, number>;
  /** The scenario's measures: how often each held, and in the games of each outcome. */
  measures: MeasureFigures[];
}

/** How one seat fared over a run (the skilled-player figures). */
export interface SeatFigures {
  delegation: DelegationId;
  /** Games with a ratified agreement of any kind (a ceasefire or a partial deal). */
  ratifiedShare: number;
  /** Games with a ratified ceasefire (a concluding agreement). */
  ratifiedCeasefireShare: number;
  /** Games with a ratified agreement whose final score for this seat beats its walk-away value. */
  betterThanWalkAwayShare: number;
  /** Of those, with a ratified ceasefire. */
  betterCeasefireShare: number;
  /** The seat's mean final score and mean walk-away (no-deal) value. */
  meanUtility: number;
  meanWalkAway: number;
  /** Ratified agreements by the round they were signed in. */
  agreementRounds: Record<string, number>;
}

export function seatFigures(records: readonly GameRecord[], delegation: DelegationId): SeatFigures {
  const n = records.length || 1;
  const ratified = (r: GameRecord) => r.agreements.some((a) => a.ratified);
  const ceasefire = (r: GameRecord) => r.agreements.some((a) => a.ratified && a.concluding);
  const gains = (r: GameRecord) => {
    const s = r.scores[delegation];
    return s !== undefined && s.utility > s.noDeal + 1e-9;
  };
  return {
    delegation,
    ratifiedShare: records.filter(ratified).length / n,
    ratifiedCeasefireShare: records.filter(ceasefire).length / n,
    betterThanWalkAwayShare: records.filter((r) => ratified(r) && gains(r)).length / n,
    betterCeasefireShare: records.filter((r) => ceasefire(r) && gains(r)).length / n,
    meanUtility: mean(records.map((r) => r.scores[delegation]?.utility ?? 0)) ?? 0,
    meanWalkAway: mean(records.map((r) => r.scores[delegation]?.noDeal ?? 0)) ?? 0,
    agreementRounds: histogram(records.flatMap((r) => r.agreements.filter((a) => a.ratified).map((a) => a.round))),
  };
}

/** How many of each key, keys in numeric order. */
function histogram(values: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of [...values].sort((a, b) => a - b)) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarise(
  pub: PublicScenario,
  records: readonly GameRecord[],
  measures: readonly Measure[] = [],
): Summary {
  const n = records.length || 1;
  const outcomes = pub.outcomes.map((o) => {
    const count = records.filter((r) => r.outcomeId === o.id).length;
    return { id: o.id, title: o.title.en, seedScenario: o.seedScenario ?? null, count, share: count / n };
  });
  const meanScores = Object.fromEntries(
    DELEGATION_IDS.map((d) => [
      d,
      {
        utility: mean(records.map((r) => r.scores[d]?.utility ?? 0)) ?? 0,
        noDeal: mean(records.map((r) => r.scores[d]?.noDeal ?? 0)) ?? 0,
      },
    ]),
  ) as Summary['meanScores'];
  return {
    games: records.length,
    outcomes,
    agreementRate: records.filter((r) => r.agreement).length / n,
    ratifiedRate: records.filter((r) => r.ratified).length / n,
    meanScores,
    meanDistanceToFrontier: mean(records.flatMap((r) => (r.distanceToFrontier === null ? [] : [r.distanceToFrontier]))),
    meanDistanceToNash: mean(records.flatMap((r) => (r.distanceToNash === null ? [] : [r.distanceToNash]))),
    meanRounds: mean(records.map((r) => r.rounds)) ?? 0,
    refused: records.reduce((a, r) => a + r.refused, 0),
    redLinesCrossed: records.reduce((a, r) => a + r.redLinesCrossed, 0),
    forced: records.reduce((a, r) => a + r.forced, 0),
    ...agreementFigures(pub, records),
    measures: measureFigures(measures, records),
  };
}

/** When agreements come, what they hold, and which events the games saw. */
function agreementFigures(pub: PublicScenario, records: readonly GameRecord[]) {
  const n = records.length || 1;
  const signed = records.flatMap((r) => r.agreements);
  const lastRound = pub.meta.rounds;
  const eventShares: Record<string, number> = {};
  for (const e of pub.events) eventShares[e.id] = records.filter((r) => r.events.includes(e.id)).length / n;
  return {
    ceasefireShare: records.filter((r) => r.agreements.some((a) => a.concluding && a.ratified)).length / n,
    partialShare: records.filter((r) => r.agreements.some((a) => !a.concluding && a.ratified)).length / n,
    agreementRounds: histogram(signed.map((a) => a.round)),
    lastRoundShare: signed.length === 0 ? null : signed.filter((a) => a.round >= lastRound).length / signed.length,
    clauseCounts: histogram(signed.map((a) => a.clauses)),
    eventShares,
  };
}

/** A game's transcript as plain lines, for --trace. */
export function traceLines(entries: readonly TranscriptEntry[], lang: 'en' | 'uk' = 'en'): string[] {
  return entries.map((e) => `[r${e.round} m${e.month} ${e.phase}] ${e.actor}: ${e.text[lang]}`);
}

/** Does this action accept or sign a draft that breaks the actor's red lines (full content, world now)? */
function crossesRedLine(engine: Engine, ctx: NegotiationContext, d: DelegationId, action: BotAction): boolean {
  const consents =
    (action.type === 'proposal.respond' && action.response === 'accept') || action.type === 'agreement.sign';
  if (!consents) return false;
  const proposal = ctx.proposals.find((p) => p.id === action.proposalId);
  return proposal !== undefined && checkPackage(engine.rules, d, proposal.package, ctx.world).length > 0;
}

/** Read afresh each time: the phase changes as events are sent (no narrowing across steps). */
function isOver(snapshot: GameSnapshot): boolean {
  return snapshot.context.phase === 'concluded';
}

/**
 * Can this delegation have anything to do now? A host-side shortcut (from public state only) that
 * spares building a view for a bot that would return null; it mirrors decide.ts's phases, and a
 * mistake would show as a forced phase in the statistics.
 */
export function mayAct(ctx: NegotiationContext, d: DelegationId): boolean {
  const seat = ctx.seats[d];
  if (seat.walkedOut || ctx.paused) return false;
  switch (ctx.phase) {
    case 'lobby':
    case 'briefing':
    case 'talks':
    case 'tabling':
      return !seat.ready;
    case 'opening':
      return seat.statement === null;
    case 'responses': {
      const p = onTable(ctx);
      return !!p && p.status === 'tabled' && p.author !== d && !p.responses[d] && p.signatories.includes(d);
    }
    case 'signing': {
      const p = onTable(ctx);
      return !!p && p.status === 'accepted' && p.signatories.includes(d) && !p.signatures.includes(d);
    }
    default:
      return false;
  }
}

/** The draft on the table, looked up only in the phases that need it (this runs for every seat at every step). */
function onTable(ctx: NegotiationContext) {
  return ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
}
