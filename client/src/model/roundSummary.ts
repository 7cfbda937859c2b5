/**
 * The round in one glance: what was tabled and what became of it, who accepted or rejected and
 * why, the levers pulled and the events that happened (in full), and how the world's indicators
 * moved, for the last round that was resolved. Pure: from the public scenario and the seat's view
 * (so a delegation sees the levers it may see, and the answers once they are open).
 */
import type { TranscriptEntry } from '@peace-table/shared/engine/types';
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';
import { type AnswerLine, answerLines } from './answers.ts';

export interface RoundSummary {
  round: number;
  month: number;
  drafts: { draft: ProposalView; answers: AnswerLine[] }[];
  levers: Localized[];
  events: { title: Localized; text: Localized }[];
  /** The resolution's line: the month moving on and the indicators that moved. */
  world: Localized | null;
}

/** The last resolved round (the one before the current), or null before any round has ended. */
export function roundSummary(pub: PublicScenario, view: SeatView): RoundSummary | null {
  // Talks that ran to the deadline end in the round after the last one.
  const round = view.phase === 'concluded' ? Math.min(view.round, view.rounds) : view.round - 1;
  if (round < 1) return null;
  const entries = view.transcript.filter((e: TranscriptEntry) => e.round === round);
  // A round's resolution is logged as the calendar moves on, so it carries the next round's number.
  const resolved = view.transcript.find((e) => e.kind === 'round.resolve' && e.round === round + 1) ?? null;
  if (!resolved && view.phase !== 'concluded') return null;
  const drafts = view.proposals
    .filter((p) => p.round === round && p.status !== 'sealed')
    .map((draft) => ({ draft, answers: answerLines(pub, draft).filter((a) => a.state !== 'author') }));
  const events = view.fired.flatMap((f) => {
    if (f.round !== round) return [];
    const ev = pub.events.find((e) => e.id === f.id);
    return ev ? [{ title: ev.title, text: ev.announcement }] : [];
  });
  return {
    round,
    month: entries[0]?.month ?? (resolved ? resolved.month - 1 : view.world.month),
    drafts,
    levers: entries.filter((e) => e.kind === 'lever.use').map((e) => e.text),
    events,
    world: resolved?.text ?? null,
  };
}
