/**
 * Who sees what, seat by seat (view.ts): every seat's view of the same moments of one game, so a
 * rule that shows something to one seat too many fails here for that seat.
 */
import { describe, expect, it } from 'vitest';
import { type ViewerSeat, viewFor } from '../../src/engine/view.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { deepFreeze } from '../support/freeze.ts';
import { newGame } from './driver.ts';
import { expectNoLeaks } from './leaks.ts';

const CEASEFIRE_DEAL = { ceasefire: 'line', nato: 'renounced', force: 'european-force' };
const VIEWERS: ViewerSeat[] = [...DELEGATION_IDS, 'spectator', 'facilitator'];
const SEALED_REASON = 'SEALED: our answer to the US draft';

/** The US tables a ceasefire; Ukraine answers it with a reason only Ukraine may read. */
function answeredDraft() {
  const g = newGame();
  g.toTabling();
  g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
  g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'reject', reasons: [{ text: SEALED_REASON }] });
  return g;
}

function seesUkrainesAnswer(g: ReturnType<typeof newGame>, viewer: ViewerSeat): boolean {
  const view = viewFor(g.engine.scenario, deepFreeze(g.ctx), viewer);
  const answer = view.proposals[0]?.responses.ukraine;
  const anywhere = JSON.stringify(view).includes(SEALED_REASON);
  // The answer and its reason travel together: in the draft and in Ukraine's transcript line.
  expect(anywhere).toBe(answer !== undefined);
  expect(view.proposals[0]?.responded).toContain('ukraine');
  return answer !== undefined;
}

describe('sealed answers, seat by seat', () => {
  it('while the draft is on the table: Ukraine and the facilitator read the answer, nobody else', () => {
    const g = answeredDraft();
    const seeing = VIEWERS.filter((v) => seesUkrainesAnswer(g, v));
    expect(seeing).toEqual(['ukraine', 'facilitator']);
    for (const v of VIEWERS) if (v !== 'facilitator') expectNoLeaks(g.engine.scenario, g.ctx, v);
  });

  it('responses closed: every seat reads the answer', () => {
    const g = answeredDraft();
    g.ok('facilitator', 'facilitator.advance');
    expect(g.ctx.proposals[0]?.status).toBe('rejected');
    expect(VIEWERS.filter((v) => seesUkrainesAnswer(g, v))).toEqual(VIEWERS);
  });

  it('a withdrawn draft keeps its answers sealed: withdrawing does not publish them', () => {
    const g = answeredDraft();
    g.ok('us', 'proposal.withdraw', { proposalId: 'p1' });
    expect(g.ctx.proposals[0]?.status).toBe('withdrawn');
    expect(VIEWERS.filter((v) => seesUkrainesAnswer(g, v))).toEqual(['ukraine', 'facilitator']);
    for (const v of VIEWERS) if (v !== 'facilitator') expectNoLeaks(g.engine.scenario, g.ctx, v);
  });

  it('the debrief opens a withdrawn draft’s answers to everyone, as it opens every transcript line', () => {
    const g = answeredDraft();
    g.ok('us', 'proposal.withdraw', { proposalId: 'p1' });
    g.ok('russia', 'delegation.walkout');
    expect(g.phase).toBe('concluded');
    expect(VIEWERS.filter((v) => seesUkrainesAnswer(g, v))).toEqual(VIEWERS);
  });
});

describe('private content, channels and levers, seat by seat', () => {
  it('each delegation reads its own briefing alone; the spectator none; the facilitator all', () => {
    const g = newGame();
    g.toTalks();
    const ctx = deepFreeze(g.ctx);
    for (const v of VIEWERS) {
      const shown = Object.keys(viewFor(g.engine.scenario, ctx, v).private);
      const expected = v === 'facilitator' ? DELEGATION_IDS : v === 'spectator' ? [] : [v];
      expect(shown, v).toEqual(expected);
    }
  });

  it('a bilateral line reaches its two delegations and the facilitator, and stays private after the debrief', () => {
    const g = newGame();
    g.toTalks();
    g.ok('russia', 'chat.post', { channel: 'bilateral:russia+us', text: 'A private word' });
    const readers = () =>
      VIEWERS.filter((v) =>
        JSON.stringify(viewFor(g.engine.scenario, deepFreeze(g.ctx), v)).includes('A private word'),
      );
    expect(readers()).toEqual(['russia', 'us', 'facilitator']);
    g.ok('ukraine', 'delegation.walkout');
    expect(readers()).toEqual(['russia', 'us', 'facilitator']);
  });

  it('only the facilitator receives the transcript’s replay events', () => {
    const g = newGame();
    g.toTalks();
    const ctx = deepFreeze(g.ctx);
    for (const v of VIEWERS) {
      const events = viewFor(g.engine.scenario, ctx, v).transcript.filter((t) => t.event !== null);
      expect(events.length > 0, v).toBe(v === 'facilitator');
    }
  });

  it('builds views of a frozen context without changing it, and nothing is cached between calls', () => {
    const g = answeredDraft();
    const ctx = deepFreeze(g.ctx);
    for (const v of VIEWERS) {
      const first = viewFor(g.engine.scenario, ctx, v);
      const second = viewFor(g.engine.scenario, ctx, v);
      expect(second).toStrictEqual(first);
      // A fresh view each time: nothing of one call is handed to the next.
      expect(second.transcript).not.toBe(first.transcript);
      expect(second.private).not.toBe(first.private);
    }
  });
});
