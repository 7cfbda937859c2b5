import { checkPackage, packageUtility } from '@peace-table/shared/scenario/evaluate';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingModel } from '../src/model/briefing.ts';
import { seatScenario } from '../src/model/clientScenario.ts';
import { leverRows } from '../src/model/levers.ts';
import {
  choose,
  draftFrom,
  draftHints,
  draftPackage,
  EMPTY_DRAFT,
  EMPTY_RESPONSE,
  issueRows,
  respondIntent,
  tableIntent,
} from '../src/model/proposal.ts';
import { FRAGILE_CEASEFIRE, play, TO_TABLING, view, type World, world } from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

const draftOf = (choices: Record<string, string>) => ({ ...EMPTY_DRAFT, choices });

describe('the proposal builder', () => {
  it('adds, changes and clears choices without touching the others', () => {
    let d = choose(EMPTY_DRAFT, 'ceasefire', 'line-of-contact');
    d = choose(d, 'prisoners', 'all-for-all');
    d = choose(d, 'ceasefire', null);
    expect(draftPackage(d)).toEqual({ prisoners: 'all-for-all' });
    expect(EMPTY_DRAFT.choices).toEqual({});
  });

  it('scores the draft for its author exactly as the engine does, against no deal', () => {
    const snapshot = play(w, TO_TABLING);
    const v = view(w, snapshot, 'us');
    const hints = draftHints(seatScenario(w.pub, v), v, 'us', draftOf(FRAGILE_CEASEFIRE));
    expect(hints.utility).toBeCloseTo(packageUtility(w.scenario, 'us', FRAGILE_CEASEFIRE, snapshot.context.world), 12);
    expect(hints.signatories).toEqual(['ukraine', 'russia', 'europe']);
    expect(hints.breaches).toEqual([]);
    expect(hints.refusal).toBeNull();
    expect(hints.settled).toBe(Object.keys(FRAGILE_CEASEFIRE).length);
  });

  it('warns about the author’s own red lines, naming them and the clauses, and blocks tabling', () => {
    const snapshot = play(w, TO_TABLING);
    const v = view(w, snapshot, 'ukraine');
    const pkg = { 'status-crimea': 'recognised-russian' };
    const hints = draftHints(seatScenario(w.pub, v), v, 'ukraine', draftOf(pkg));
    const expected = checkPackage(w.engine.rules, 'ukraine', pkg, snapshot.context.world);
    expect(expected.length).toBeGreaterThan(0);
    expect(hints.breaches.map((b) => b.redLine)).toEqual(expected.map((b) => b.redLine.id));
    expect(hints.breaches.flatMap((b) => b.clauses)).toContain('status-crimea.recognised-russian');
    expect(hints.refusal?.message).toMatch(/cannot sign/);
  });

  it('reports malformed packages and says why tabling is not allowed in this phase', () => {
    const v = view(w, play(w, TO_TABLING.slice(0, 8)), 'us');
    const seat = seatScenario(w.pub, v);
    expect(
      draftHints(seat, v, 'us', draftOf({ guarantees: 'nato-membership', nato: 'renounced' })).problems[0],
    ).toMatch(/cannot stand with/);
    expect(draftHints(seat, v, 'us', draftOf({ prisoners: 'all-for-all' })).refusal).toEqual({
      code: 'wrong_phase',
      message: 'proposal.table is not allowed during opening',
      reason: 'wrongPhase',
      params: { type: 'proposal.table', phase: 'opening' },
    });
    expect(draftHints(seat, v, 'us', EMPTY_DRAFT)).toMatchObject({ settled: 0, refusal: null });
  });

  it('lists every issue with the seat’s own weights and option scores (and none for another seat)', () => {
    const v = view(w, play(w, TO_TABLING), 'russia');
    const rows = issueRows(seatScenario(w.pub, v), 'russia', draftOf({ nato: 'renounced' }));
    expect(rows).toHaveLength(w.scenario.agenda.issues.length);
    const nato = rows.find((r) => r.issue.id === 'nato');
    expect(nato?.chosen).toBe('renounced');
    expect(nato?.options.find((o) => o.id === 'renounced')?.utility).toBe(
      w.scenario.delegations.russia.preferences.utilities.nato?.renounced,
    );
    expect(rows.reduce((sum, r) => sum + (r.weight ?? 0), 0)).toBeCloseTo(1, 9);
    const blind = issueRows(seatScenario(w.pub, v), 'ukraine', EMPTY_DRAFT);
    expect(blind.every((r) => r.weight === null && r.options.every((o) => o.utility === null))).toBe(true);
  });

  it('tables a new draft or an amendment, with the note only when there is one', () => {
    expect(tableIntent(draftOf({ prisoners: 'all-for-all' }))).toEqual({
      type: 'proposal.table',
      payload: { package: { prisoners: 'all-for-all' } },
    });
    const amend = { ...draftFrom({ id: 'p3', package: { prisoners: 'all-for-all' } }), note: '  ok  ' };
    expect(tableIntent(amend)).toEqual({
      type: 'proposal.amend',
      payload: { proposalId: 'p3', package: { prisoners: 'all-for-all' }, note: 'ok' },
    });
  });

  it('responds clause by clause, dropping empty reasons, with the counter package only for a counter', () => {
    const r = respondIntent('p1', {
      ...EMPTY_RESPONSE,
      response: 'reject',
      clauseReasons: { 'nato.deferred': ' No formal ban ', 'prisoners.all-for-all': '  ' },
      general: 'Not yet',
      counter: { nato: 'renounced' },
    });
    expect(r).toEqual({
      type: 'proposal.respond',
      payload: {
        proposalId: 'p1',
        response: 'reject',
        reasons: [{ clause: 'nato.deferred', text: 'No formal ban' }, { text: 'Not yet' }],
      },
    });
    expect(
      respondIntent('p1', { ...EMPTY_RESPONSE, response: 'counter', counter: { nato: 'renounced' } }).payload,
    ).toEqual({
      proposalId: 'p1',
      response: 'counter',
      counter: { nato: 'renounced' },
    });
  });
});

describe('briefing and levers', () => {
  it('builds the utility sheet from the seat’s own numbers, heaviest issue first', () => {
    const v = view(w, play(w, TO_TABLING), 'ukraine');
    const model = briefingModel(seatScenario(w.pub, v), v, 'ukraine');
    expect(model?.redLines.map((r) => r.id)).toEqual(w.scenario.delegations.ukraine.redLines.map((r) => r.id));
    const weights = model?.utilities.map((u) => u.weight) ?? [];
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    for (const row of model?.utilities ?? []) expect(row.options.filter((o) => o.best).length).toBeGreaterThan(0);
    expect(model?.sections.map((s) => s.id)).toEqual([
      'objectives',
      'priorities',
      'fallbacks',
      'mayReveal',
      'domesticPressure',
    ]);
    expect(briefingModel(seatScenario(w.pub, v), v, 'russia')).toBeNull();
  });

  it('lists a delegation’s levers with effects, sector choice and the engine’s reason when blocked', () => {
    const lobby = view(w, play(w, []), 'russia');
    const rows = leverRows(seatScenario(w.pub, lobby), lobby, 'russia');
    expect(rows.map((r) => r.lever.id)).toEqual(w.scenario.levers.filter((l) => l.owner === 'russia').map((l) => l.id));
    const offensive = rows.find((r) => r.lever.id === 'ru-offensive');
    expect(offensive?.sectors.length).toBe(w.scenario.map.sectors.length);
    expect(offensive?.effects.some((e) => e.perSector)).toBe(true);
    expect(offensive?.blocked?.message).toBe('lever.use is not allowed during lobby');
    const talks = view(w, play(w, TO_TABLING.slice(0, 8).concat(TO_TABLING.slice(8, 12))), 'russia');
    const inTalks = leverRows(seatScenario(w.pub, talks), talks, 'russia');
    expect(inTalks.some((r) => r.blocked === null)).toBe(true);
    // A lever whose requirement does not hold says so in the engine's words.
    for (const row of inTalks.filter((r) => r.lever.requires && r.blocked !== null))
      expect(row.blocked?.message).toMatch(/cannot be used in the current situation/);
  });
});
