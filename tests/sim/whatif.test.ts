/**
 * "What if" batches (shared/src/sim/whatif.ts) on the real scenario: from the start they are the
 * simulator's games, from a moment they are a direct replay followed by the simulator, and a
 * changed choice lands exactly at its moment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine, type Engine, eventsOf } from '../../shared/src/engine/game.ts';
import { seedState } from '../../shared/src/engine/rng.ts';
import type { EngineEvent, GameInput } from '../../shared/src/engine/types.ts';
import type { PublicScenario } from '../../shared/src/scenario/public.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { type GameRecord, playGame } from '../../shared/src/sim/simulate.ts';
import { momentOf, playFromMoment, summariseWhatIf, WhatIfError } from '../../shared/src/sim/whatif.ts';

let engine: Engine;
let pub: PublicScenario;
/** The game the what-ifs start from: an all-bot game with a session's creation time. */
const input: GameInput = { seed: 7, now: 1_750_000_000_000 };
let events: EngineEvent[];

const essentials = (r: GameRecord) => [r.seed, r.outcomeId, r.agreement, r.ratified, r.rounds, r.scores];

function batch(step: number, from: number, count: number, change?: Parameters<typeof momentOf>[4]) {
  const moment = engine.persist(momentOf(engine, engine.start(input), events, step, change));
  const records: GameRecord[] = [];
  playFromMoment(engine, pub, moment, { from, count, level: 'standard' }, (b) => records.push(...b));
  return records;
}

beforeAll(async () => {
  const scenario = await loadScenarioById('ukraine-2026');
  engine = createEngine(scenario);
  pub = publicScenario(scenario);
  // The original game: the simulator's, restarted with a session's clock so its events carry real times.
  const played = playGame(engine, { seed: input.seed, level: 'standard', from: engine.start(input) }, pub);
  events = eventsOf(played.snapshot.context.transcript);
});

describe('what-if batches', () => {
  it('from the start reproduce the simulator for the same seeds', { timeout: 120_000 }, () => {
    const fromStart = batch(0, 101, 24);
    const simulated = Array.from({ length: 24 }, (_, i) => playGame(engine, { seed: 101 + i, level: 'standard' }, pub));
    expect(fromStart.map(essentials)).toEqual(simulated.map((g) => essentials(g.record)));
    const summary = summariseWhatIf(pub, fromStart);
    expect(summary.games).toBe(24);
    expect(summary.outcomes.reduce((a, o) => a + o.count, 0)).toBe(24);
  });

  it('from a moment reproduce a direct replay to that moment followed by the simulator', { timeout: 120_000 }, () => {
    const step = Math.floor(events.length / 2);
    const fromMoment = batch(step, 501, 12);
    const direct = Array.from({ length: 12 }, (_, i) => {
      const seed = 501 + i;
      const replayed = engine.replay(input, events.slice(0, step));
      const from = engine.restore({
        value: replayed.value,
        context: { ...replayed.context, seed, rng: seedState(seed) },
      });
      return playGame(engine, { seed, level: 'standard', from }, pub).record;
    });
    expect(fromMoment.map(essentials)).toEqual(direct.map(essentials));
    // Every game went on from the moment: the rounds already played are not played again.
    const roundThen = engine.replay(input, events.slice(0, step)).context.round;
    expect(fromMoment.every((r) => r.rounds >= Math.min(roundThen, r.rounds))).toBe(true);
  });

  it('apply a changed answer exactly at its moment', () => {
    const step = events.findIndex(
      (e) => e.type === 'proposal.respond' && (e.response === 'reject' || e.response === 'counter'),
    );
    expect(step).toBeGreaterThan(0);
    const original = events[step] as Extract<EngineEvent, { type: 'proposal.respond' }>;
    const moment = momentOf(engine, engine.start(input), events, step, {
      kind: 'replace',
      event: { type: 'proposal.respond', proposalId: original.proposalId, response: 'accept' } as never,
    });
    const before = engine.replay(input, events.slice(0, step)).context;
    const ctx = moment.context;
    // Everything before the moment as it was; the changed event is the one the moment ends with.
    expect(ctx.transcript.slice(0, before.transcript.length)).toEqual(before.transcript);
    const changed = eventsOf(ctx.transcript).at(-1);
    expect(changed).toMatchObject({ type: 'proposal.respond', response: 'accept', actor: original.actor });
    expect(
      ctx.proposals.find((p) => p.id === original.proposalId)?.responses[original.actor as 'ukraine']?.response,
    ).toBe('accept');
    expect(eventsOf(ctx.transcript)).toHaveLength(step + 1);
  });

  it('remove an event: the moment is the game just before it', () => {
    const step = events.findIndex((e) => e.type === 'lever.use');
    expect(step).toBeGreaterThan(0);
    const moment = momentOf(engine, engine.start(input), events, step, { kind: 'remove' });
    expect(moment.context).toEqual(engine.replay(input, events.slice(0, step)).context);
  });

  it('withhold a drawn event: the round resolves without it and every other draw is the same', () => {
    // Find the step whose round resolution drew an event.
    let drawnAt = -1;
    let drawn = '';
    for (let k = 0, snapshot = engine.start(input); k < events.length; k += 1) {
      const next = engine.step(snapshot, events[k] as EngineEvent);
      if (!next.ok) throw new Error('replay diverged');
      const fired = next.snapshot.context.fired.slice(snapshot.context.fired.length).find((f) => f.by === 'draw');
      if (fired) {
        drawnAt = k;
        drawn = fired.id;
        break;
      }
      snapshot = next.snapshot;
    }
    expect(drawnAt).toBeGreaterThan(0);
    const original = engine.replay(input, events.slice(0, drawnAt + 1)).context;
    const moment = momentOf(engine, engine.start(input), events, drawnAt, { kind: 'withhold', event: drawn }).context;
    expect(moment.fired.some((f) => f.id === drawn && f.round === original.round - 1)).toBe(false);
    expect(moment.rng).toBe(original.rng);
    expect(moment.round).toBe(original.round);
    // A batch from there plays without error.
    const records = batch(drawnAt, 900, 3, { kind: 'withhold', event: drawn });
    expect(records).toHaveLength(3);
  });

  it('refuse a step out of range and a change the rules do not allow, with clear errors', () => {
    expect(() => momentOf(engine, engine.start(input), events, events.length + 1)).toThrow(WhatIfError);
    expect(() => momentOf(engine, engine.start(input), events, -1)).toThrow(/step must be a whole number from 0 to/);
    const step = events.findIndex((e) => e.type === 'proposal.respond');
    expect(() =>
      momentOf(engine, engine.start(input), events, step, {
        kind: 'replace',
        event: { type: 'proposal.respond', proposalId: 'no-such-draft', response: 'accept' } as never,
      }),
    ).toThrow(/not possible at this moment/);
    expect(() => momentOf(engine, engine.start(input), events, events.length, { kind: 'remove' })).toThrow(
      /no event at step/,
    );
  });
});
