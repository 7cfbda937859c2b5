/**
 * The debrief: which outcome the talks reached (named after the seed's scenario), each
 * delegation's score against its no-deal value, the agreement's clauses, and the timeline of
 * proposals, responses and events, all from the concluded view the server sends to every seat.
 */
import type { FinalResult, TranscriptEntry } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';
import { type ClauseLine, clauseLines } from './clauses.ts';
import { score } from './format.ts';

export interface ScoreLine {
  delegation: DelegationId;
  name: Localized;
  colour: string;
  utility: number;
  noDeal: number;
  /** utility − noDeal: positive when the ending left the delegation better off than walking away. */
  surplus: number;
  verdict: 'better' | 'worse' | 'same';
  /** A signed deal that failed at home: its score on paper (what happened is scored as no deal). */
  paper: number | null;
}

/** A partial agreement (one that did not end the talks), signed in `month`, ratified at home or not. */
export interface PartialLine {
  proposalId: string;
  month: number;
  ratified: boolean;
  clauses: ClauseLine[];
}

export interface DebriefModel {
  ending: FinalResult['ending'];
  outcome: { id: string; title: Localized; debrief: Localized; seedScenario: number | null };
  ratified: boolean;
  /** The agreement that ended the talks (a ceasefire), if any. */
  agreement: ClauseLine[];
  /** The partial agreements signed along the way, in order. */
  partials: PartialLine[];
  scores: ScoreLine[];
  /** The month (0 = the first) the scores are worked out in, when the result says. */
  month: number | null;
  timeline: TranscriptEntry[];
}

/** Transcript kinds that make the story of the talks (chat and readiness toggles are left out). */
const TIMELINE =
  /^(proposal\.(?!seal)|tabling\.close|agreement\.|responses\.close|delegation\.walkout|facilitator\.inject|round\.resolve|event\.fire|lever\.use|talks\.conclude|statement\.make)/;

export function timeline(transcript: readonly TranscriptEntry[]): TranscriptEntry[] {
  return transcript.filter((e) => TIMELINE.test(e.kind));
}

/**
 * better, worse or the same, read from the figures the table shows (scores out of 100, each
 * rounded): "+1" never reads "as well off" beside another "+1" that reads "better off".
 */
function verdictOf(utility: number, noDeal: number): ScoreLine['verdict'] {
  const shown = score(utility) - score(noDeal);
  return shown > 0 ? 'better' : shown < 0 ? 'worse' : 'same';
}

export function debriefModel(pub: PublicScenario, view: SeatView): DebriefModel | null {
  const result = view.result;
  if (!result) return null;
  const outcome = pub.outcomes.find((o) => o.id === result.outcomeId);
  const agreement = result.agreement ? clauseLines(pub, result.agreement) : [];
  const partials = view.agreements
    .filter((a) => !a.concluding)
    .map((a) => ({
      proposalId: a.proposalId,
      month: a.month,
      ratified: a.ratified,
      clauses: clauseLines(pub, a.package),
    }));
  return {
    ending: result.ending,
    outcome: {
      id: result.outcomeId,
      title: outcome?.title ?? { en: result.outcomeId, uk: result.outcomeId },
      debrief: outcome?.debrief ?? { en: '', uk: '' },
      seedScenario: outcome?.seedScenario ?? null,
    },
    ratified: result.ratified,
    agreement,
    partials,
    scores: DELEGATION_IDS.map((d) => {
      const { utility, noDeal } = result.scores[d];
      const surplus = utility - noDeal;
      return {
        delegation: d,
        name: pub.delegations[d].name,
        colour: pub.delegations[d].colour,
        utility,
        noDeal,
        surplus,
        verdict: verdictOf(utility, noDeal),
        paper: result.paper?.[d]?.utility ?? null,
      };
    }),
    month: result.month ?? null,
    timeline: timeline(view.transcript),
  };
}
