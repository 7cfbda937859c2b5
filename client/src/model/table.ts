/**
 * What the table scene draws (and its screen-reader copy reads): the four delegations with the
 * people in each and what they are doing, the draft on the table as clause cards with every
 * delegation's answer per clause, the calendar, the world gauges and the latest announcements.
 * Pure: built from the public scenario, the seat's view and the session roster.
 */
import type { Phase, ProposalResponse } from '@peace-table/shared/engine/types';
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import type { SessionStateSnapshot } from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';
import { type ClauseLine, clauseLines } from './clauses.ts';
import { fraction } from './format.ts';

export type SeatActivity =
  | 'walked-out'
  | 'drafting'
  | 'responding'
  | 'signing'
  | 'speaking'
  | 'ready'
  | 'waiting'
  | 'idle';

export interface TableSeat {
  id: DelegationId;
  name: Localized;
  colour: string;
  people: string[];
  control: 'human' | 'bot';
  /** A human seat nobody has taken (or everyone left, was moved away or removed): nobody to be doing anything. */
  empty: boolean;
  connected: boolean;
  activity: SeatActivity;
  statement: string | null;
}

/** Which delegations act now: the ones the current phase is waiting for. */
export function activityOf(view: SeatView, d: DelegationId, draft: ProposalView | null): SeatActivity {
  const seat = view.seats[d];
  if (seat.walkedOut) return 'walked-out';
  const phase: Phase = view.phase;
  if (phase === 'tabling') return seat.ready ? 'waiting' : 'drafting';
  if (phase === 'responses' && draft) {
    if (draft.author === d || !draft.signatories.includes(d)) return 'waiting';
    return draft.responded.includes(d) ? 'ready' : 'responding';
  }
  if (phase === 'signing' && draft) {
    if (!draft.signatories.includes(d)) return 'waiting';
    return draft.signatures.includes(d) ? 'ready' : 'signing';
  }
  if (phase === 'opening') return seat.statement === null ? 'speaking' : 'ready';
  if (phase === 'lobby' || phase === 'briefing' || phase === 'talks') return seat.ready ? 'ready' : 'idle';
  return 'idle';
}

export type ClauseAnswer =
  | { state: 'author' }
  | { state: 'pending' }
  | { state: 'sealed' } // answered, but answers stay hidden until responses close
  | { state: 'answered'; response: ProposalResponse['response']; reason: Localized | null };

export interface ClauseCard {
  ref: string;
  issueTitle: Localized;
  optionLabel: Localized;
  summary: Localized;
  signatories: DelegationId[];
  answers: Partial<Record<DelegationId, ClauseAnswer>>;
}

export function clauseCards(pub: PublicScenario, draft: ProposalView): ClauseCard[] {
  const cards: ClauseCard[] = [];
  for (const issue of pub.agenda.issues) {
    const optionId = draft.package[issue.id];
    if (optionId === undefined) continue;
    const option = issue.options.find((o) => o.id === optionId);
    if (!option) continue;
    const ref = `${issue.id}.${optionId}`;
    const answers: ClauseCard['answers'] = {};
    for (const d of draft.signatories) {
      if (d === draft.author) answers[d] = { state: 'author' };
      else if (!draft.responded.includes(d)) answers[d] = { state: 'pending' };
      else {
        const r = draft.responses[d];
        // A reason in both languages when its author gave both (the computer delegations do).
        const reason = r?.reasons.find((x) => x.clause === ref);
        answers[d] = r
          ? {
              state: 'answered',
              response: r.response,
              reason: reason ? { en: reason.text, uk: reason.uk ?? reason.text } : null,
            }
          : { state: 'sealed' };
      }
    }
    cards.push({
      ref,
      issueTitle: issue.title,
      optionLabel: option.label,
      summary: option.summary,
      signatories: option.signatories,
      answers,
    });
  }
  return cards;
}

export interface Gauge {
  id: string;
  label: Localized;
  value: number;
  min: number;
  max: number;
  /** Position in the range, 0..1. */
  level: number;
}

/** Id of the combined front gauge (the mean of every sector's momentum). */
export const FRONT_GAUGE = 'front-momentum';

/** The headline gauges: the mean front momentum and every variable that is not a sector's. */
export function gauges(pub: PublicScenario, view: Pick<SeatView, 'world'>, frontLabel: Localized): Gauge[] {
  const vars = pub.world.variables;
  const sectors = vars.filter((v) => v.sector !== undefined);
  const out: Gauge[] = [];
  if (sectors.length > 0) {
    const value = sectors.reduce((sum, v) => sum + (view.world.values[v.id] ?? v.initial), 0) / sectors.length;
    const min = Math.min(...sectors.map((v) => v.min));
    const max = Math.max(...sectors.map((v) => v.max));
    out.push({ id: FRONT_GAUGE, label: frontLabel, value, min, max, level: fraction(value, min, max) });
  }
  for (const v of vars.filter((x) => x.sector === undefined)) {
    const value = view.world.values[v.id] ?? v.initial;
    out.push({ id: v.id, label: v.label, value, min: v.min, max: v.max, level: fraction(value, v.min, v.max) });
  }
  return out;
}

export interface Announcement {
  key: string;
  title: Localized;
  text: Localized;
  round: number;
}

/** Scenario events that fired, newest first. */
export function announcements(pub: PublicScenario, view: Pick<SeatView, 'fired'>, limit = 3): Announcement[] {
  return view.fired
    .map((f, i) => {
      const event = pub.events.find((e) => e.id === f.id);
      return event ? { key: `${f.id}:${i}`, title: event.title, text: event.announcement, round: f.round } : null;
    })
    .filter((a): a is Announcement => a !== null)
    .reverse()
    .slice(0, limit);
}

/** A ratified agreement that binds: what the table has already settled, and when. */
export interface AgreementInForce {
  proposalId: string;
  month: number;
  concluding: boolean;
  /** Each clause as "issue: option", in agenda order. */
  clauses: ClauseLine[];
}

/** The ratified agreements, oldest first (a partial deal signed in March stays on the table's record). */
export function agreementsInForce(pub: PublicScenario, view: Pick<SeatView, 'agreements'>): AgreementInForce[] {
  return view.agreements
    .filter((a) => a.ratified)
    .map((a) => ({
      proposalId: a.proposalId,
      month: a.month,
      concluding: a.concluding,
      clauses: clauseLines(pub, a.package),
    }));
}

export interface TableModel {
  seats: TableSeat[];
  draft: ProposalView | null;
  cards: ClauseCard[];
  gauges: Gauge[];
  announcements: Announcement[];
  inForce: AgreementInForce[];
}

export function tableModel(
  pub: PublicScenario,
  view: SeatView,
  room: SessionStateSnapshot | null,
  frontLabel: Localized,
): TableModel {
  const draft = view.proposals.find((p) => p.id === view.onTable) ?? null;
  const participants = Object.values(room?.participants ?? {});
  const seats = DELEGATION_IDS.map((id): TableSeat => {
    const members = participants.filter((p) => p.role === 'delegate' && p.delegation === id);
    const roomSeat = room?.seats[id];
    return {
      id,
      name: pub.delegations[id].name,
      colour: pub.delegations[id].colour,
      people: members.map((p) => p.name),
      control: roomSeat?.control ?? 'human',
      empty: roomSeat?.control !== 'bot' && members.length === 0,
      connected: roomSeat?.control === 'bot' || members.some((p) => p.connected),
      activity: activityOf(view, id, draft),
      statement: view.seats[id].statement,
    };
  });
  return {
    seats,
    draft,
    cards: draft ? clauseCards(pub, draft) : [],
    gauges: gauges(pub, view, frontLabel),
    announcements: announcements(pub, view),
    inForce: agreementsInForce(pub, view),
  };
}
