/**
 * The numbers at the moment of choice and the true numbers after it (issue 15 item 4, issue 19
 * item 1): the builder, the answer panel and the debrief give the same score for the same package
 * in the same month; every reason is shown, including one on a clause the draft left out; the map
 * says what really happened.
 */
import { choiceFigures, scoreFor } from '@peace-table/shared/scenario/score';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLines } from '../src/model/answers.ts';
import { seatScenario } from '../src/model/clientScenario.ts';
import { debriefModel } from '../src/model/debrief.ts';
import { mapSubject } from '../src/model/mapSubject.ts';
import { draftFrom, draftHints } from '../src/model/proposal.ts';
import { FRAGILE_CEASEFIRE, play, TO_TABLING, tabledAlone, type Untimed, view, type World, world } from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

const SIGNATORIES = ['ukraine', 'russia', 'europe'] as const;
const ANSWERED: Untimed[] = [
  ...TO_TABLING,
  ...tabledAlone('us', FRAGILE_CEASEFIRE),
  ...SIGNATORIES.map((d) => ({
    type: 'proposal.respond' as const,
    actor: d,
    proposalId: 'p1',
    response: 'accept' as const,
  })),
];
const SIGNED: Untimed[] = [
  ...ANSWERED,
  ...SIGNATORIES.map((d) => ({ type: 'agreement.sign' as const, actor: d, proposalId: 'p1' })),
];

describe('one score everywhere', () => {
  it('the builder, the signing panel and the debrief show the same figure for the same package and month', () => {
    const signing = view(w, play(w, ANSWERED), 'ukraine');
    const seat = seatScenario(w.pub, signing);
    const p = signing.proposals[0];
    if (!p) throw new Error('no draft');
    const builder = draftHints(seat, signing, 'ukraine', draftFrom(p));
    const panel = choiceFigures(seat.rules, 'ukraine', p.package, signing.world);
    const done = view(w, play(w, SIGNED), 'ukraine');
    const debrief = debriefModel(w.pub, done);
    const line = debrief?.scores.find((s) => s.delegation === 'ukraine');
    // Signing concludes the talks in the same month: the same world, so the same figure.
    expect(done.world.month).toBe(signing.world.month);
    expect(builder.month).toBe(panel.month);
    expect(debrief?.month).toBe(panel.month);
    expect(panel.utility).toBe(builder.utility);
    expect(line?.utility).toBe(panel.utility);
    expect(line?.noDeal).toBe(panel.noDeal);
    expect(builder.noDeal).toBe(panel.noDeal);
    expect(panel.difference).toBeCloseTo(panel.utility - panel.noDeal, 12);
  });

  it('lists each home condition of the answering delegation, passed or failed', () => {
    const v = view(w, play(w, ANSWERED), 'ukraine');
    const seat = seatScenario(w.pub, v);
    const noForce = choiceFigures(seat.rules, 'ukraine', { ceasefire: 'line-of-contact' }, v.world);
    const own = w.scenario.delegations.ukraine.ratification.map((r) => r.id);
    expect(noForce.conditions.map((c) => c.id)).toEqual(own);
    expect(noForce.conditions.some((c) => !c.passes)).toBe(true);
    const full = choiceFigures(seat.rules, 'ukraine', FRAGILE_CEASEFIRE, v.world);
    expect(full.conditions.every((c) => c.passes)).toBe(true);
  });
});

describe('every reason is visible', () => {
  it('a reason on a clause the draft left out is shown with its issue and option, marked as left out', () => {
    const nato = w.scenario.agenda.issues.find((i) => i.id === 'nato');
    if (!nato) throw new Error('no NATO issue');
    const pkg = { ceasefire: 'line-of-contact' };
    const events: Untimed[] = [
      ...TO_TABLING,
      ...tabledAlone('us', pkg),
      {
        type: 'proposal.respond',
        actor: 'russia',
        proposalId: 'p1',
        response: 'reject',
        reasons: [
          {
            clause: `nato.${nato.default}`,
            text: 'The NATO aspiration stays',
            uk: 'Прагнення до НАТО залишається',
            severity: 'red-line',
          },
          { text: 'Not now' },
        ],
      },
      { type: 'proposal.respond', actor: 'ukraine', proposalId: 'p1', response: 'reject' },
    ];
    const v = view(w, play(w, events), 'ukraine');
    const p = v.proposals[0];
    if (!p) throw new Error('no draft');
    const russia = answerLines(w.pub, p).find((l) => l.delegation === 'russia');
    expect(russia?.state).toBe('reject');
    expect(russia?.reasons).toEqual([
      {
        clause: {
          issueTitle: nato.title,
          optionLabel: nato.options.find((o) => o.id === nato.default)?.label,
          place: 'left-out',
        },
        // Both languages, as the computer gives them; a reason given in one language reads the same in both.
        text: { en: 'The NATO aspiration stays', uk: 'Прагнення до НАТО залишається' },
        redLine: true,
      },
      { clause: null, text: { en: 'Not now', uk: 'Not now' }, redLine: false },
    ]);
  });
});

describe('the map says what really happened', () => {
  it('the ratified agreement, a deal failed at home, and no deal', () => {
    const ratified = view(w, play(w, SIGNED), 'us');
    expect(mapSubject(ratified)).toEqual({ pkg: FRAGILE_CEASEFIRE, title: 'titleAgreement' });
    const failed = { ...ratified, result: ratified.result ? { ...ratified.result, ratified: false } : null };
    expect(mapSubject(failed)).toEqual({ pkg: null, title: 'titleFailedAtHome' });
    const none = {
      ...ratified,
      result: ratified.result ? { ...ratified.result, agreement: null, ratified: false } : null,
    };
    expect(mapSubject(none)).toEqual({ pkg: null, title: 'titleNoDeal' });
    const during = view(w, play(w, ANSWERED.slice(0, -1)), 'us');
    expect(mapSubject(during)).toEqual({ pkg: FRAGILE_CEASEFIRE, title: 'titleDraft' });
  });

  it('scores a deal rejected at home as no deal, with its paper score beside it (scoreFor, in the final month)', () => {
    // A ceasefire Ukraine signs without the guarantees its home requires.
    const pkg = { ceasefire: 'line-of-contact', nato: 'renounced' };
    const events: Untimed[] = [
      ...TO_TABLING,
      ...tabledAlone('russia', pkg),
      { type: 'proposal.respond', actor: 'ukraine', proposalId: 'p1', response: 'accept' },
      { type: 'agreement.sign', actor: 'ukraine', proposalId: 'p1' },
      { type: 'agreement.sign', actor: 'russia', proposalId: 'p1' },
    ];
    const v = view(w, play(w, events), 'ukraine');
    expect(v.result?.ratified).toBe(false);
    const model = debriefModel(w.pub, v);
    for (const line of model?.scores ?? []) {
      expect(line.utility).toBe(line.noDeal);
      expect(line.verdict).toBe('same');
      expect(line.paper).toBe(scoreFor({ scenario: w.scenario }, line.delegation, pkg, v.world).utility);
    }
    expect(mapSubject(v).title).toBe('titleFailedAtHome');
  });
});
