/**
 * What one offer decision works from, read once per decision: the bot's own numbers per clause
 * (its OwnModel), what it believes each other delegation thinks of each clause (arrays by clause
 * index), and how a candidate package scores on both: its own utility and its predicted
 * acceptance by the signatories it needs. offers.ts searches over these tables.
 */
import type { SeatView } from '../engine/view.ts';
import type { WorldState } from '../scenario/evaluate.ts';
import { type AgendaIssue, DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import { type Choice, type ChoiceKey, type ClauseSpace, OPEN, packageOf } from '../scenario/space.ts';
import { type OwnModel, ownNoDeal } from './model.ts';
import type { ClauseBeliefs } from './publicRules.ts';

/** A belief this low means the delegation named the clause when refusing: treat it as a red line. */
export const REFUSED = -2.5;

/**
 * The tables of one decision. Built from the bot's own view and memory only, never changed once
 * built, and dropped after the decision.
 */
export interface OfferTables {
  readonly space: ClauseSpace;
  readonly own: OwnModel;
  readonly world: WorldState;
  /** Its no-deal value now: what an issue left open is worth to it. */
  readonly noDeal: number;
  /** What a month of waiting takes off a settled clause's worth: (1 − discount)^month. */
  readonly discount: number;
  /** Each delegation's beliefs, by DELEGATION_IDS index. */
  readonly beliefs: readonly ClauseBeliefs[];
  /** The other delegations still at the table, as bits by DELEGATION_IDS index. */
  readonly present: number;
  /** Per clause: refused outright by another delegation at the table; by a judge; by anyone (itself included). */
  readonly refusedByOthers: Uint8Array;
  readonly refusedByJudges: Uint8Array;
  readonly refusedByAnyone: Uint8Array;
}

/** `models`: the beliefs about each delegation, by DELEGATION_IDS index (opponentModels in decide.ts). */
export function offerTables(
  space: ClauseSpace,
  own: OwnModel,
  models: readonly ClauseBeliefs[],
  view: SeatView,
): OfferTables {
  let present = 0;
  for (let d = 0; d < DELEGATION_IDS.length; d += 1) {
    const id = DELEGATION_IDS[d] as DelegationId;
    if (id !== own.self && !view.seats[id].walkedOut) present |= 1 << d;
  }
  const n = space.clauseCount;
  const refusedByOthers = new Uint8Array(n);
  const refusedByJudges = new Uint8Array(n);
  const refusedByAnyone = new Uint8Array(n);
  for (let d = 0; d < models.length; d += 1) {
    const beliefs = models[d] as ClauseBeliefs;
    const atTable = (present >> d) & 1;
    space.issues.forEach((issue, i) => {
      const judge = ((present & (space.issueSigners[i] as number)) >> d) & 1;
      const base = space.clauseBase[i] as number;
      for (let k = base; k < base + issue.options.length; k += 1) {
        if ((beliefs[k] as number) > REFUSED) continue;
        refusedByAnyone[k] = 1;
        if (atTable) refusedByOthers[k] = 1;
        if (judge) refusedByJudges[k] = 1;
      }
    });
  }
  return {
    space,
    own,
    world: view.world,
    noDeal: ownNoDeal(own, view.world),
    discount: (1 - own.prefs.discountPerMonth) ** view.world.month,
    beliefs: models,
    present,
    refusedByOthers,
    refusedByJudges,
    refusedByAnyone,
  };
}

/** How much the others at the table are believed to like each clause (tanh of the beliefs). */
export interface Liking {
  /** By DELEGATION_IDS index; only the others at the table are ever judged by it (the rest are empty). */
  byDelegation: readonly (readonly number[])[];
  /** Per clause: Σ over the other delegations at the table. */
  theirs: readonly number[];
  /** Per clause: the least-satisfied judge's liking (judges: delegations at the table that sign the issue). */
  leastJudge: readonly number[];
}

/**
 * The liking tables of a decision that trades off or mediates (a bot that only checks a draft
 * against its own best package never needs them).
 */
export function likingOf(tables: OfferTables): Liking {
  const byDelegation: number[][] = [];
  const judged: number[] = [];
  for (let d = 0; d < tables.beliefs.length; d += 1) {
    const atTable = (tables.present >> d) & 1;
    byDelegation.push(atTable ? (tables.beliefs[d] as ClauseBeliefs).map((b) => (b === 0 ? 0 : Math.tanh(b))) : []);
    if (atTable) judged.push(d);
  }
  // Clause by clause, and within a clause delegation by delegation in DELEGATION_IDS order, so
  // each sum adds up in the same order every time.
  const { space } = tables;
  const theirs: number[] = [];
  const leastJudge: number[] = [];
  for (let i = 0; i < space.issues.length; i += 1) {
    const judges = tables.present & (space.issueSigners[i] as number);
    const base = space.clauseBase[i] as number;
    for (let k = base; k < base + (space.issues[i] as AgendaIssue).options.length; k += 1) {
      let sum = 0;
      let least = Number.POSITIVE_INFINITY;
      for (const d of judged) {
        const like = (byDelegation[d] as number[])[k] as number;
        sum = sum + like;
        if ((judges >> d) & 1) least = Math.min(least, like);
      }
      theirs.push(sum);
      leastJudge.push(least);
    }
  }
  return { byDelegation, theirs, leastJudge };
}

/** A repaired package: as a choice (for the search), its key and how many issues it settles. */
export interface Repaired {
  choice: Choice;
  key: ChoiceKey;
  settled: number;
}

/** A scored candidate. Its package is built only for the one the bot puts forward (candidatePackage). */
export interface Candidate {
  choice: Choice;
  utility: number;
  /** min over the other required signatories of their predicted acceptance. */
  acceptance: number;
}

/** The package a candidate stands for, its clauses in agenda order. */
export function candidatePackage(tables: OfferTables, candidate: Candidate): Package {
  return packageOf(tables.space, candidate.choice);
}

/**
 * A candidate's own utility and predicted acceptance: the least, over the other delegations at the
 * table whose signatures it needs, of their predicted willingness (the mean belief over the
 * package's clauses, squashed: 0.5 + 0.5·mean tanh, or 0 if it refused one outright).
 */
export function scoreCandidate(tables: OfferTables, liking: Liking, candidate: Repaired): Candidate {
  const { choice } = candidate;
  const { space } = tables;
  let needed = 0;
  const clauses: number[] = [];
  for (let i = 0; i < choice.length; i += 1) {
    const j = choice[i] as number;
    if (j === OPEN) continue;
    const k = (space.clauseBase[i] as number) + j;
    clauses.push(k);
    needed |= space.signerMasks[k] as number;
  }
  let acceptance = 1;
  for (let d = 0; d < DELEGATION_IDS.length; d += 1) {
    if (needed & tables.present & (1 << d)) acceptance = Math.min(acceptance, acceptanceBy(tables, liking, clauses, d));
  }
  return { choice, utility: choiceUtility(tables, choice), acceptance };
}

/**
 * Own utility of a choice from the own tables, clauses added in agenda order: exactly utilityFrom
 * (utility.ts) on packageOf(choice), whose clauses come in agenda order too (offers.test.ts holds
 * the two equal).
 */
export function choiceUtility(tables: OfferTables, choice: Choice): number {
  const { space, own } = tables;
  let settledWeight = 0;
  let settledValue = 0;
  for (let i = 0; i < choice.length; i += 1) {
    const j = choice[i] as number;
    if (j === OPEN) continue;
    settledWeight += own.issueWeight[i] as number;
    settledValue += own.value[(space.clauseBase[i] as number) + j] as number;
  }
  const value = settledValue * tables.discount + Math.max(0, 1 - settledWeight) * tables.noDeal;
  return Math.min(1, Math.max(0, value));
}

function acceptanceBy(tables: OfferTables, liking: Liking, clauses: readonly number[], d: number): number {
  if (clauses.length === 0) return 0;
  const beliefs = tables.beliefs[d] as ClauseBeliefs;
  const likes = liking.byDelegation[d] as readonly number[];
  let sum = 0;
  for (const k of clauses) {
    if ((beliefs[k] as number) <= REFUSED) return 0;
    sum += likes[k] as number;
  }
  return 0.5 + 0.5 * (sum / clauses.length);
}
