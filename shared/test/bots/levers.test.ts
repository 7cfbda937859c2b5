/**
 * Whom a computer delegation presses with a lever: the delegations that stood in the way of the
 * draft that came closest lately, not whoever answered the last draft on the table. (A mediator who
 * pressed the last draft's refusers cut Ukraine's supply whenever the chair happened to table a
 * one-sided draft, and made the war itself harsher at Expert and Novice than at Standard.)
 */
import { describe, expect, it } from 'vitest';
import { blockers, closestRefused } from '../../src/bots/levers.ts';
import type { DelegationId, Proposal, ProposalStatus, ResponseKind } from '../../src/engine/types.ts';
import type { SeatView } from '../../src/engine/view.ts';

const ALL: DelegationId[] = ['ukraine', 'russia', 'us', 'europe'];

function draft(
  id: string,
  round: number,
  status: ProposalStatus,
  answers: Partial<Record<DelegationId, ResponseKind>>,
  signatures: DelegationId[] = [],
): Proposal {
  const responses = Object.fromEntries(
    Object.entries(answers).map(([d, response]) => [d, { response, reasons: [], at: 0 }]),
  );
  return {
    id,
    author: 'us',
    round,
    parent: null,
    package: {},
    note: '',
    status,
    signatories: ALL,
    responses,
    signatures,
    at: 0,
  };
}

/** Only the fields the pressure rule reads: the month and the drafts. */
function at(round: number, proposals: Proposal[]): SeatView {
  return { round, proposals } as unknown as SeatView;
}

const everyoneBut = (...refusing: DelegationId[]) =>
  Object.fromEntries(ALL.map((d) => [d, refusing.includes(d) ? 'reject' : 'accept'])) as Record<
    DelegationId,
    ResponseKind
  >;

describe('whom a lever presses', () => {
  it('L1 the holdout of the draft that came closest, not the refusers of the last one answered', () => {
    const view = at(5, [
      draft('p7', 4, 'rejected', everyoneBut('russia')),
      draft('p8', 4, 'rejected', everyoneBut('ukraine', 'europe')),
    ]);
    expect(closestRefused(view)?.id).toBe('p7');
    expect(blockers(view)).toEqual(['russia']);
  });

  it('L2 a draft amended since still counts: a novice chair amends one draft a month', () => {
    const view = at(6, [
      draft('p4', 4, 'superseded', everyoneBut('russia')),
      draft('p5', 5, 'rejected', everyoneBut('ukraine', 'europe')),
    ]);
    expect(blockers(view)).toEqual(['russia']);
  });

  it('L3 of equally close drafts the latest; a counter-proposal is a refusal', () => {
    const view = at(6, [
      draft('p4', 5, 'rejected', everyoneBut('russia')),
      draft('p5', 5, 'rejected', { ...everyoneBut(), ukraine: 'counter' }),
    ]);
    expect(blockers(view)).toEqual(['ukraine']);
  });

  it('L4 a draft everyone accepted but one would not sign presses the one who did not sign', () => {
    const view = at(6, [draft('p5', 5, 'declined', everyoneBut(), ['ukraine', 'us', 'europe'])]);
    expect(blockers(view)).toEqual(['russia']);
  });

  it('L5 only the last two months count, and drafts still open do not', () => {
    expect(blockers(at(7, [draft('p3', 4, 'rejected', everyoneBut('russia'))]))).toEqual([]);
    expect(blockers(at(6, [draft('p3', 4, 'rejected', everyoneBut('russia'))]))).toEqual(['russia']);
    expect(blockers(at(6, [draft('p6', 6, 'tabled', { russia: 'reject' })]))).toEqual([]);
    expect(blockers(at(6, [draft('p6', 5, 'signed', everyoneBut(), ALL)]))).toEqual([]);
  });
});
