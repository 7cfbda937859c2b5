/**
 * "The months": the world's indicators round by round (from the server's replay of the event log)
 * and what happened when (events, levers, drafts, from the concluded view), plus the timeline's
 * filters. Pure, for the chart, its data table and the folded timeline.
 */
import type { DebriefAnswer } from '@peace-table/shared/debriefApi';
import type { ProposalStatus, TranscriptEntry } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import type { DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';

export interface IndicatorSeries {
  id: string;
  label: Localized;
  /** Front momentum of a sector (drawn in the front chart), or another indicator. */
  front: boolean;
  min: number;
  max: number;
  /** The value as each round began, then as the talks ended: [round, value]. */
  points: Array<[number, number]>;
}

export type MarkKind = 'event' | 'lever' | 'draft';

export interface Mark {
  round: number;
  kind: MarkKind;
  actor: DelegationId | 'facilitator' | 'system';
  text: Localized;
  /** A draft's fate (the chart words it in the reader's language). */
  status?: ProposalStatus;
}

/** The x of the end point: after the last round played. */
function roundOf(point: DebriefAnswer['months'][number], i: number, all: DebriefAnswer['months']): number {
  return i === all.length - 1 && i > 0 && point.round === all[i - 1]?.round ? point.round + 1 : point.round;
}

export function indicatorSeries(pub: PublicScenario, months: DebriefAnswer['months']): IndicatorSeries[] {
  return pub.world.variables.map((v) => ({
    id: v.id,
    label: v.label,
    front: v.sector !== undefined,
    min: v.min,
    max: v.max,
    points: months.map((m, i, all) => [roundOf(m, i, all), m.world.values[v.id] ?? v.initial] as [number, number]),
  }));
}

export function marks(pub: PublicScenario, view: SeatView): Mark[] {
  const out: Mark[] = [];
  for (const fired of view.fired) {
    const ev = pub.events.find((e) => e.id === fired.id);
    out.push({
      round: fired.round,
      kind: 'event',
      actor: fired.by === 'facilitator' ? 'facilitator' : 'system',
      text: ev?.title ?? { en: fired.id, uk: fired.id },
    });
  }
  for (const entry of view.transcript) {
    if (entry.kind === 'lever.use' && entry.actor !== 'system' && entry.actor !== 'facilitator')
      out.push({ round: entry.round, kind: 'lever', actor: entry.actor, text: entry.text });
  }
  for (const p of view.proposals)
    out.push({ round: p.round, kind: 'draft', actor: p.author, text: { en: p.id, uk: p.id }, status: p.status });
  return out.sort((a, b) => a.round - b.round);
}

/** The timeline's kinds, for its filter. */
export const TIMELINE_KINDS = ['drafts', 'signatures', 'levers', 'events', 'rounds', 'statements'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function timelineKind(entry: TranscriptEntry): TimelineKind {
  const k = entry.kind;
  if (k.startsWith('proposal.') || k === 'responses.close') return 'drafts';
  if (k.startsWith('agreement.')) return 'signatures';
  if (k === 'lever.use') return 'levers';
  if (k === 'event.fire' || k === 'facilitator.inject') return 'events';
  if (k === 'statement.make' || k === 'delegation.walkout') return 'statements';
  return 'rounds';
}

export function filterTimeline(
  entries: readonly TranscriptEntry[],
  filter: { delegation: DelegationId | 'all'; kind: TimelineKind | 'all' },
): TranscriptEntry[] {
  return entries.filter(
    (e) =>
      (filter.delegation === 'all' || e.actor === filter.delegation) &&
      (filter.kind === 'all' || timelineKind(e) === filter.kind),
  );
}
