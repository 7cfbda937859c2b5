/**
 * Numbered rule cases for the floor (floor.ts), continuing rules.test.ts: tabling stays open until
 * every delegation has tabled or passed, drafts are sealed until then, and the round's drafts are
 * answered one after another with the round's chair first. Counter-proposals are tabled in the next
 * round's tabling. The facilitator and the clock still close tabling.
 */
import { describe, expect, it } from 'vitest';
import { answeringOrder, CHAIR_ORDER, chairOf } from '../../src/engine/floor.ts';
import { viewFor } from '../../src/engine/view.ts';
import { newGame } from './driver.ts';

const CEASEFIRE_DEAL = { ceasefire: 'line', nato: 'renounced', force: 'european-force' };
const PRISONERS = { prisoners: 'all-for-all' };

function rejection(result: ReturnType<ReturnType<typeof newGame>['send']>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.rejection;
}

describe('E34 two delegations table in one round and both drafts are answered, the chair first', () => {
  it('Ukraine tables first, the US (chair of round 1) is answered first, then Ukraine; one round', () => {
    const g = newGame();
    g.toTabling();
    expect(chairOf(g.ctx.round, g.ctx.seats)).toBe('us');
    g.ok('ukraine', 'proposal.table', { package: PRISONERS });
    g.ok('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    expect(g.phase).toBe('tabling');
    g.ok('russia', 'seat.ready');
    g.ok('europe', 'seat.ready');
    // Revealed together, in answering order: the chair's draft on the table, Ukraine's waiting.
    expect(g.phase).toBe('responses');
    expect(g.ctx.onTable).toBe('p2');
    expect(g.ctx.floor).toEqual(['p1']);
    g.ok('russia', 'proposal.respond', { proposalId: 'p2', response: 'reject', reasons: [{ text: 'No force' }] });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p2', response: 'accept' });
    g.ok('europe', 'proposal.respond', { proposalId: 'p2', response: 'accept' });
    // Still round 1: the next draft on the floor is answered.
    expect(g.phase).toBe('responses');
    expect(g.ctx.round).toBe(1);
    expect(g.ctx.onTable).toBe('p1');
    g.ok('russia', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(g.phase).toBe('signing');
    g.ok('ukraine', 'agreement.sign', { proposalId: 'p1' });
    g.ok('russia', 'agreement.sign', { proposalId: 'p1' });
    expect(g.ctx.proposals.map((p) => [p.id, p.status])).toEqual([
      ['p1', 'signed'],
      ['p2', 'rejected'],
    ]);
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
    expect(g.ctx.onTable).toBeNull();
  });

  it('the chair rotates through all four delegations, people included', () => {
    expect(CHAIR_ORDER).toEqual(['us', 'europe', 'ukraine', 'russia']);
    const g = newGame();
    const seats = g.ctx.seats;
    expect([1, 2, 3, 4, 5].map((r) => chairOf(r, seats))).toEqual(['us', 'europe', 'ukraine', 'russia', 'us']);
    expect(answeringOrder(3, seats)).toEqual(['ukraine', 'russia', 'us', 'europe']);
  });
});

describe('E35 a draft never closes tabling before every other delegation has tabled or passed', () => {
  it('three delegations act at once; tabling waits for the fourth, and the drafts stay sealed', () => {
    const g = newGame();
    g.toTabling();
    g.ok('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('europe', 'seat.ready');
    g.ok('russia', 'seat.ready');
    expect(g.phase).toBe('tabling');
    // Only the author reads its sealed draft; the others learn that a draft was tabled.
    expect(viewFor(g.engine.scenario, g.ctx, 'us').proposals.map((p) => p.id)).toEqual(['p1']);
    expect(viewFor(g.engine.scenario, g.ctx, 'ukraine').proposals).toEqual([]);
    expect(viewFor(g.engine.scenario, g.ctx, 'facilitator').proposals.map((p) => p.status)).toEqual(['sealed']);
    const seen = viewFor(g.engine.scenario, g.ctx, 'ukraine').transcript.map((t) => t.text.en);
    expect(seen.some((t) => t.includes('p1') && t.includes('sealed'))).toBe(true);
    expect(seen.some((t) => t.includes('ceasefire'))).toBe(false);
    // A person can still table seconds (or minutes) later.
    g.ok('ukraine', 'proposal.table', { package: PRISONERS });
    expect(g.phase).toBe('responses');
    expect([g.ctx.onTable, ...g.ctx.floor]).toEqual(['p1', 'p2']);
    expect(viewFor(g.engine.scenario, g.ctx, 'russia').proposals.map((p) => p.status)).toEqual(['tabled', 'tabled']);
  });

  it('one draft a round: a second is refused; withdrawing the sealed one gives the turn back', () => {
    const g = newGame();
    g.toTabling();
    g.ok('ukraine', 'proposal.table', { package: PRISONERS });
    expect(rejection(g.send('ukraine', 'proposal.table', { package: { sanctions: 'maintained' } }))).toMatchObject({
      code: 'not_allowed',
      reason: 'oneDraftPerRound',
      params: { proposal: 'p1' },
    });
    expect(rejection(g.send('ukraine', 'seat.ready', { ready: false })).reason).toBe('draftSealed');
    g.ok('ukraine', 'proposal.withdraw', { proposalId: 'p1' });
    expect(g.ctx.seats.ukraine.ready).toBe(false);
    g.ok('ukraine', 'proposal.table', { package: { prisoners: 'all-for-all', sanctions: 'maintained' } });
    g.allReady(['ukraine']);
    expect(g.ctx.onTable).toBe('p2');
    expect(g.ctx.proposals[0]?.status).toBe('withdrawn');
  });

  it('a draft waiting its turn can be withdrawn and leaves the floor', () => {
    const g = newGame();
    g.toTabling();
    g.ok('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('ukraine', 'proposal.table', { package: PRISONERS });
    g.allReady(['us', 'ukraine']);
    expect(g.ctx.floor).toEqual(['p2']);
    g.ok('ukraine', 'proposal.withdraw', { proposalId: 'p2' });
    expect(g.ctx.floor).toEqual([]);
    g.ok('russia', 'proposal.respond', { proposalId: 'p1', response: 'reject' });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'reject' });
    g.ok('europe', 'proposal.respond', { proposalId: 'p1', response: 'reject' });
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
  });
});

describe('E36 a counter-proposal reaches the table in the next round’s tabling', () => {
  it('Russia counters the US draft; its counter is its draft of round 2 and is answered', () => {
    const g = newGame();
    g.toTabling();
    g.tableAlone('us', 'proposal.table', { package: CEASEFIRE_DEAL });
    g.ok('russia', 'proposal.respond', {
      proposalId: 'p1',
      response: 'counter',
      counter: { ceasefire: 'line', nato: 'renounced' },
      reasons: [{ text: 'No foreign force' }],
    });
    g.ok('ukraine', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    g.ok('europe', 'proposal.respond', { proposalId: 'p1', response: 'accept' });
    expect(g.phase).toBe('talks');
    g.allReady();
    expect(g.phase).toBe('tabling');
    const counter = g.ctx.proposals[1];
    expect(counter).toMatchObject({
      id: 'p2',
      author: 'russia',
      round: 2,
      status: 'sealed',
      counterTo: 'p1',
      package: { ceasefire: 'line', nato: 'renounced' },
    });
    expect(g.ctx.seats.russia.ready).toBe(true); // tabled for it: its turn is taken
    g.allReady(['russia']);
    expect(g.phase).toBe('responses');
    expect(g.ctx.onTable).toBe('p2');
    const close = g.ctx.transcript.find((t) => t.kind === 'tabling.close' && t.round === 2);
    expect(close?.text.en).toContain('counter-proposal to p1');
  });
});

describe('E37 the facilitator and the clock still close tabling', () => {
  it('facilitator.advance closes tabling: the drafts tabled so far are answered', () => {
    const g = newGame();
    g.toTabling();
    g.ok('ukraine', 'proposal.table', { package: PRISONERS });
    g.ok('facilitator', 'facilitator.advance');
    expect(g.phase).toBe('responses');
    expect(g.ctx.onTable).toBe('p1');
  });

  it('clock.deadline closes tabling when its time is up; with no draft the round resolves', () => {
    const g = newGame({ options: { phaseMs: { tabling: 60_000 } } });
    g.toTabling();
    const deadline = g.ctx.deadlineAt ?? 0;
    expect(rejection(g.send('system', 'clock.deadline', {}, deadline - 1)).reason).toBe('timerRunning');
    g.ok('system', 'clock.deadline', {}, deadline);
    expect(g.phase).toBe('talks');
    expect(g.ctx.round).toBe(2);
  });
});
