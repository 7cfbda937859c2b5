/**
 * The floor as a seat sees it (shared/src/engine/floor.ts has the rule): its own sealed draft
 * during tabling, who has still to table or pass, the round's chair, and where the draft on the
 * table stands among the round's drafts.
 */
import { answeringOrder, chairOf } from '@peace-table/shared/engine/floor';
import { stillToAct } from '@peace-table/shared/engine/phaseGuards';
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';

export interface FloorModel {
  /** The seat's own draft tabled this round, still sealed (tabling is open). */
  sealed: ProposalView | null;
  /** Delegations still to table or pass while tabling is open. */
  waiting: DelegationId[];
  chair: DelegationId | null;
  /** While drafts are answered: the draft on the table's place among the round's drafts (1-based). */
  position: number;
  count: number;
  /** Drafts still waiting their turn, in answering order. */
  next: ProposalView[];
}

export function floorModel(view: SeatView, me: DelegationId | null): FloorModel {
  const seats = view.seats as Parameters<typeof chairOf>[1];
  const sealed = view.proposals.find((p) => p.status === 'sealed' && p.author === me) ?? null;
  const waiting = view.phase === 'tabling' ? DELEGATION_IDS.filter((d) => stillToAct(view.seats[d])) : [];
  const next = view.floor.flatMap((id) => view.proposals.filter((p) => p.id === id));
  // The round's drafts answered already or on the table now, in the order they were answered.
  const order = answeringOrder(view.round, seats);
  const answered = view.proposals
    .filter(
      (p) => p.round === view.round && p.status !== 'sealed' && p.status !== 'withdrawn' && !view.floor.includes(p.id),
    )
    .sort((a, b) => order.indexOf(a.author) - order.indexOf(b.author));
  const onTable = view.onTable !== null && answered.some((p) => p.id === view.onTable);
  return {
    sealed,
    waiting,
    chair: chairOf(view.round, seats),
    position: onTable ? answered.findIndex((p) => p.id === view.onTable) + 1 : 0,
    count: answered.length + next.length,
    next,
  };
}
