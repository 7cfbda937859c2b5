/**
 * One table of a class as the class console shows it: its phase and clock, who plays each
 * delegation, and what needs the facilitator's attention. Read from the table's stored game and
 * roster, so a running table, a finished one and one restored after a restart read alike.
 */
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import type { ClassAlert, ClassTableStatus } from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import type { SessionRow } from '../store/sessionStore.ts';

/** People holding a place at each delegation (members who left on purpose do not count). */
function peopleAt(row: SessionRow, d: DelegationId): number {
  return row.roster.members.filter((m) => m.delegation === d && m.leftAt === undefined).length;
}

/** What the facilitator should look at, most urgent first. */
export function alertsOf(row: SessionRow, ctx: NegotiationContext): ClassAlert[] {
  if (row.status === 'abandoned') return [{ kind: 'closed' }];
  const alerts: ClassAlert[] = [];
  if (ctx.phase === 'concluded') alerts.push({ kind: 'concluded' });
  else if (ctx.paused) alerts.push({ kind: 'paused' });
  for (const d of DELEGATION_IDS) {
    if (ctx.seats[d].walkedOut) alerts.push({ kind: 'walkedOut', delegation: d });
  }
  const failed = new Set(ctx.agreements.flatMap((a) => a.failures.map((f) => f.slice(0, f.indexOf(':')))));
  for (const d of DELEGATION_IDS) if (failed.has(d)) alerts.push({ kind: 'notRatified', delegation: d });
  if (ctx.phase !== 'concluded') {
    for (const d of DELEGATION_IDS) {
      if (row.roster.seats[d].control === 'human' && peopleAt(row, d) === 0)
        alerts.push({ kind: 'emptySeat', delegation: d });
    }
  }
  return alerts;
}

export function tableStatus(number: number, row: SessionRow, ctx: NegotiationContext): ClassTableStatus {
  const seats = {} as ClassTableStatus['seats'];
  for (const d of DELEGATION_IDS) seats[d] = { control: row.roster.seats[d].control, people: peopleAt(row, d) };
  return {
    number,
    code: row.code,
    status: row.status,
    phase: ctx.phase,
    round: ctx.round,
    rounds: ctx.rounds,
    paused: ctx.paused,
    deadlineAt: ctx.deadlineAt,
    remainingMs: ctx.remainingMs,
    seats,
    alerts: alertsOf(row, ctx),
  };
}
