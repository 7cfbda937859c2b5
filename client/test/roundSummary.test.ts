/**
 * The round in one glance describes the round that just ended: its drafts, its events and its own
 * resolution line (which the engine logs as the calendar moves on, under the next round's number).
 */
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundSummary } from '../src/model/roundSummary.ts';
import { play, TO_TABLING, type Untimed, view, type World, world } from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

/** Every delegation passes a round's tabling: nothing is tabled, the month ends. */
const passRound: Untimed[] = [
  ...DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d })),
  ...DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d })),
];

describe('the round in one glance', () => {
  it('is about the round that just ended, with that round’s own resolution line and month', () => {
    const events = [...TO_TABLING, ...DELEGATION_IDS.map((d) => ({ type: 'seat.ready' as const, actor: d }))];
    const afterOne = view(w, play(w, events), 'ukraine');
    expect(afterOne.round).toBe(2);
    const first = roundSummary(w.pub, afterOne);
    expect(first?.round).toBe(1);
    expect(first?.world?.en).toMatch(/^Round 1 resolved/);
    expect(first?.month).toBe(0);

    const afterTwo = view(w, play(w, [...events, ...passRound]), 'ukraine');
    expect(afterTwo.round).toBe(3);
    const second = roundSummary(w.pub, afterTwo);
    expect(second?.round).toBe(2);
    expect(second?.world?.en).toMatch(/^Round 2 resolved/);
    expect(second?.month).toBe(1);
  });
});
