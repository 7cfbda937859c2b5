/**
 * The class results sheet: the tables of one class side by side once their talks are over — the
 * outcome each reached, the clauses it agreed, each delegation's score against its walk-away
 * (what no deal was worth to it) and how many rounds it took: the results matrix of classroom
 * negotiation exercises. Pure: it reads each table's game and the scenario's public names, and
 * names no student (a results sheet is shown to the whole class).
 */
import type { FinalResult, NegotiationContext } from '../engine/types.ts';
import { DELEGATION_IDS, type DelegationId, type Ending, type Localized } from '../scenario/schema.ts';

/** What the sheet needs of a scenario: its issues' and outcomes' names. */
export interface ResultNames {
  readonly agenda: {
    readonly issues: readonly {
      readonly id: string;
      readonly title: Localized;
      readonly options: readonly { readonly id: string; readonly label: Localized }[];
    }[];
  };
  readonly outcomes: readonly { readonly id: string; readonly title: Localized }[];
}

export interface AgreedClause {
  issue: string;
  option: string;
  issueTitle: Localized;
  optionLabel: Localized;
}

export interface DelegationScore {
  utility: number;
  /** The walk-away: what no deal was worth to the delegation. */
  noDeal: number;
  /** utility − noDeal: above zero, the delegation did better than walking away. */
  margin: number;
}

/** One row of the sheet. A table still negotiating has no outcome or scores yet. */
export interface TableResult {
  number: number;
  code: string;
  finished: boolean;
  ending: Ending | null;
  outcome: { id: string; title: Localized } | null;
  /** Whether the final agreement held at home; null without one. */
  ratified: boolean | null;
  clauses: AgreedClause[];
  scores: Record<DelegationId, DelegationScore> | null;
  /** Rounds played (the round the talks ended in, or have reached). */
  rounds: number;
}

function clausesOf(names: ResultNames, agreement: FinalResult['agreement']): AgreedClause[] {
  if (!agreement) return [];
  return names.agenda.issues.flatMap((issue) => {
    const option = issue.options.find((o) => o.id === agreement[issue.id]);
    return option ? [{ issue: issue.id, option: option.id, issueTitle: issue.title, optionLabel: option.label }] : [];
  });
}

export function tableResult(
  names: ResultNames,
  table: { number: number; code: string },
  ctx: Pick<NegotiationContext, 'result' | 'round' | 'rounds'>,
): TableResult {
  // Talks that run out of time end as the round after the last begins: they took `rounds` rounds.
  const rounds = Math.min(ctx.round, ctx.rounds);
  const result = ctx.result;
  if (!result) {
    const none = { ending: null, outcome: null, ratified: null, clauses: [], scores: null };
    return { ...table, finished: false, ...none, rounds };
  }
  const outcome = names.outcomes.find((o) => o.id === result.outcomeId);
  const scores = {} as Record<DelegationId, DelegationScore>;
  for (const d of DELEGATION_IDS) {
    const { utility, noDeal } = result.scores[d];
    scores[d] = { utility, noDeal, margin: utility - noDeal };
  }
  return {
    ...table,
    finished: true,
    ending: result.ending,
    outcome: { id: result.outcomeId, title: outcome?.title ?? { en: result.outcomeId, uk: result.outcomeId } },
    ratified: result.agreement ? result.ratified : null,
    clauses: clausesOf(names, result.agreement),
    scores,
    rounds,
  };
}
