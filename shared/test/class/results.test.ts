/** The class results sheet's row for one table (class/results.ts), from a table's game. */
import { describe, expect, it } from 'vitest';
import { tableResult } from '../../src/class/results.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { newGame } from '../engine/driver.ts';

const TABLE = { number: 2, code: 'K7QX2M' };

describe('a table on the results sheet', () => {
  it('still negotiating: no outcome or scores yet, the round it has reached', () => {
    const g = newGame();
    g.toTalks();
    const row = tableResult(g.engine.scenario, TABLE, g.ctx);
    expect(row).toMatchObject({ ...TABLE, finished: false, outcome: null, scores: null, ratified: null, rounds: 1 });
    expect(row.clauses).toEqual([]);
  });

  it('concluded: the outcome and ending, each delegation’s score against its walk-away, the rounds taken', () => {
    const g = newGame();
    g.toTalks();
    g.ok('facilitator', 'facilitator.inject', { event: 'breakthrough' });
    const result = g.ctx.result;
    if (!result) throw new Error('the talks did not conclude');
    const row = tableResult(g.engine.scenario, TABLE, g.ctx);
    const title = g.engine.scenario.outcomes.find((o) => o.id === result.outcomeId)?.title;
    expect(row).toMatchObject({ finished: true, ending: result.ending, outcome: { id: result.outcomeId, title } });
    expect(row.rounds).toBe(1);
    for (const d of DELEGATION_IDS) {
      const { utility, noDeal } = result.scores[d];
      expect(row.scores?.[d]).toEqual({ utility, noDeal, margin: utility - noDeal });
    }
    // The forced terms are the clauses agreed, named as the agenda names them.
    expect(row.clauses.map((c) => `${c.issue}.${c.option}`)).toEqual(
      g.engine.scenario.agenda.issues
        .filter((i) => result.agreement?.[i.id] !== undefined)
        .map((i) => `${i.id}.${result.agreement?.[i.id]}`),
    );
    for (const c of row.clauses) expect(c.issueTitle.en.length).toBeGreaterThan(0);
  });

  it('talks that ran out of time took every round, not one more', () => {
    const row = tableResult({ agenda: { issues: [] }, outcomes: [] }, TABLE, { round: 11, rounds: 10, result: null });
    expect(row.rounds).toBe(10);
  });
});
