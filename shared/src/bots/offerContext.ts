/**
 * What one offer decision works from: the bot's own numbers per clause (built once per bot), what
 * it believes each other delegation thinks of each clause (arrays by clause index, once per
 * decision), and how a candidate package scores on both — its own utility and its predicted
 * acceptance by the signatories it needs. offers.ts searches over these tables.
 */
import type { SeatView } from '../engine/view.ts';
import { memoWith } from '../memo.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { type AgendaIssue, DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  type ClauseSpace,
  type CompiledRedLine,
  compiledRedLines,
  OPEN,
  packageOf,
  spaceOf,
} from '../scenario/space.ts';
import { likesFor } from './liking.ts';
import { type ClauseBeliefs, type OwnModel, ownNoDeal } from './model.ts';

/** A belief this low means the delegation named the clause when refusing: treat it as a red line. */
export const REFUSED = -2.5;

/** One option of one issue in the bot's own numbers (no beliefs): once per bot and agenda. */
export interface OwnRow {
  id: string;
  /** Own unweighted utility (the mediator's tie-breaker). */
  utility: number;
  /** Own weighted utility of the clause: weight × utility. */
  mine: number;
  /** Who must sign a package that settles the issue this way, as bits by DELEGATION_IDS index. */
  signerMask: number;
}

export interface IssueTable {
  issue: AgendaIssue;
  weight: number;
  /** Indexed like issue.options. */
  rows: OwnRow[];
  /** Index of the issue's first clause (see space.ts). */
  base: number;
  /** Who signs the issue (any option), as bits by DELEGATION_IDS index. */
  signerMask: number;
  defaultIndex: number;
  /** Own unweighted utility of the default (the mediator compares against leaving the issue open). */
  defaultUtility: number;
}

const TABLES = new WeakMap<OwnModel, { context: ClauseSpace; value: IssueTable[] }>();
function issueTables(space: ClauseSpace, own: OwnModel): IssueTable[] {
  return memoWith(TABLES, own, space, () =>
    space.issues.map((issue, i): IssueTable => {
      const weight = own.weights[issue.id] ?? 0;
      const base = space.clauseBase[i] as number;
      const rows = issue.options.map((option, j): OwnRow => {
        const utility = own.prefs.utilities[issue.id]?.[option.id] ?? 0;
        return { id: option.id, utility, mine: weight * utility, signerMask: space.signerMasks[base + j] as number };
      });
      return {
        issue,
        weight,
        rows,
        base,
        signerMask: rows.reduce((m, r) => m | r.signerMask, 0),
        defaultIndex: space.defaults[i] as number,
        defaultUtility: own.prefs.utilities[issue.id]?.[issue.default] ?? 0,
      };
    }),
  );
}

/** A repaired package: as a choice (for the search) and its key. */
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

/**
 * Everything one decision reuses across its candidate packages: the bot's own tables (built once
 * per bot), what it believes about each clause (arrays by clause index, computed once per
 * decision, not once per trade-off weight), its red lines compiled against the agenda, and memos
 * of which packages it can sign and how each raw candidate repairs. Built from the bot's own view
 * only; thrown away after the decision, so nothing carries between decisions.
 */
export interface OfferContext {
  scenario: PublicScenario;
  space: ClauseSpace;
  own: OwnModel;
  view: SeatView;
  noDeal: number;
  /** What a month of waiting takes off a settled clause's worth: (1 − discount)^month. */
  discount: number;
  /** Indexed like the agenda's issues. */
  tables: IssueTable[];
  /** Each delegation's beliefs, by DELEGATION_IDS index. */
  beliefs: readonly ClauseBeliefs[];
  /** The other delegations still at the table, as bits by DELEGATION_IDS index. */
  present: number;
  /** Per clause: refused outright by another delegation at the table; by a judge; by anyone (itself included). */
  refusedByOthers: Uint8Array;
  refusedByJudges: Uint8Array;
  refusedByAnyone: Uint8Array;
  redLines: readonly CompiledRedLine[];
  acceptable: Map<ChoiceKey, boolean>;
  repaired: Map<ChoiceKey, Repaired>;
  /** Built on first use (likingOf): a decision that only needs its own best package never reads it. */
  liking?: Liking;
  /** The bot's own best package, repaired (candidateFor at λ = 0 over the whole agenda), and its utility. */
  ownBest?: Repaired;
  top?: number | null;
  offers?: Candidate[];
}

/** How much the others at the table are believed to like each clause (tanh of the beliefs). */
export interface Liking {
  /** By DELEGATION_IDS index; only the others at the table are ever judged by it. */
  byDelegation: number[][];
  /** Per clause: Σ over the other delegations at the table. */
  theirs: number[];
  /** Per clause: the least-satisfied judge's liking (judges: delegations at the table that sign the issue). */
  leastJudge: number[];
}

/** The liking of delegations never judged (itself, those who walked out): read by nobody. */
const UNUSED: number[] = [];

/** `models`: the beliefs about each delegation, by DELEGATION_IDS index (opponentModels); never changed afterwards. */
export function offerContext(
  scenario: PublicScenario,
  own: OwnModel,
  models: readonly ClauseBeliefs[],
  view: SeatView,
): OfferContext {
  const space = spaceOf(scenario);
  const tables = issueTables(space, own);
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
    for (const table of tables) {
      const judge = ((present & table.signerMask) >> d) & 1;
      for (let k = table.base; k < table.base + table.rows.length; k += 1) {
        if ((beliefs[k] as number) > REFUSED) continue;
        refusedByAnyone[k] = 1;
        if (atTable) refusedByOthers[k] = 1;
        if (judge) refusedByJudges[k] = 1;
      }
    }
  }
  return {
    scenario,
    space,
    own,
    view,
    noDeal: ownNoDeal(own, view.world),
    discount: (1 - own.prefs.discountPerMonth) ** view.world.month,
    tables,
    beliefs: models,
    present,
    refusedByOthers,
    refusedByJudges,
    refusedByAnyone,
    redLines: compiledRedLines(space, view.private[own.self]?.redLines ?? []),
    acceptable: new Map(),
    repaired: new Map(),
  };
}

export function likingOf(ctx: OfferContext): Liking {
  ctx.liking ??= computeLiking(ctx);
  return ctx.liking;
}

function computeLiking(ctx: OfferContext): Liking {
  const byDelegation: number[][] = [];
  const judged: number[][] = [];
  const judgedIndex: number[] = [];
  for (let d = 0; d < ctx.beliefs.length; d += 1) {
    const likes = (ctx.present >> d) & 1 ? likesFor(d, ctx.beliefs[d] as ClauseBeliefs) : UNUSED;
    byDelegation.push(likes);
    if (likes === UNUSED) continue;
    judged.push(likes);
    judgedIndex.push(d);
  }
  // Clause by clause (the tables cover the clauses in index order), and within a clause delegation
  // by delegation in DELEGATION_IDS order, so each sum adds up in the same order every time. Plain
  // arrays, not Float64Arrays: one of a few dozen clauses is too big for V8 to keep on its heap,
  // and allocating it outside costs about a microsecond.
  const theirs: number[] = [];
  const leastJudge: number[] = [];
  for (const table of ctx.tables) {
    const judges = ctx.present & table.signerMask;
    for (let k = table.base; k < table.base + table.rows.length; k += 1) {
      let sum = 0;
      let least = Number.POSITIVE_INFINITY;
      for (let p = 0; p < judged.length; p += 1) {
        const like = (judged[p] as number[])[k] as number;
        sum = sum + like;
        if ((judges >> (judgedIndex[p] as number)) & 1) least = Math.min(least, like);
      }
      theirs.push(sum);
      leastJudge.push(least);
    }
  }
  return { byDelegation, theirs, leastJudge };
}

/** The package a candidate stands for, its clauses in agenda order. */
export function candidatePackage(ctx: OfferContext, candidate: Candidate): Package {
  return packageOf(ctx.space, candidate.choice);
}

/**
 * A candidate's own utility and predicted acceptance: the least, over the other delegations at the
 * table whose signatures it needs, of their predicted willingness (the mean belief over the
 * package's clauses, squashed: 0.5 + 0.5·mean tanh, or 0 if it refused one outright).
 */
export function scoreCandidate(ctx: OfferContext, candidate: Repaired): Candidate {
  const { choice } = candidate;
  let needed = 0;
  const clauses: number[] = [];
  for (let i = 0; i < ctx.tables.length; i += 1) {
    const j = choice[i] as number;
    if (j === OPEN) continue;
    const table = ctx.tables[i] as IssueTable;
    clauses.push(table.base + j);
    needed |= (table.rows[j] as OwnRow).signerMask;
  }
  let acceptance = 1;
  for (let index = 0; index < DELEGATION_IDS.length; index += 1) {
    if (needed & ctx.present & (1 << index)) acceptance = Math.min(acceptance, acceptanceFrom(ctx, clauses, index));
  }
  return { choice, utility: choiceUtility(ctx, choice), acceptance };
}

/**
 * Own utility of a choice from the own tables, clauses added in agenda order: exactly utilityFrom
 * (utility.ts) on packageOf(choice), whose clauses come in agenda order too (offers.test.ts holds
 * the two equal).
 */
export function choiceUtility(ctx: OfferContext, choice: Choice): number {
  let settledWeight = 0;
  let settledValue = 0;
  for (let i = 0; i < ctx.tables.length; i += 1) {
    const j = choice[i] as number;
    if (j === OPEN) continue;
    const table = ctx.tables[i] as IssueTable;
    settledWeight += table.weight;
    settledValue += (table.rows[j] as OwnRow).mine;
  }
  const value = settledValue * ctx.discount + Math.max(0, 1 - settledWeight) * ctx.noDeal;
  return Math.min(1, Math.max(0, value));
}

function acceptanceFrom(ctx: OfferContext, clauses: readonly number[], index: number): number {
  if (clauses.length === 0) return 0;
  const beliefs = ctx.beliefs[index] as ClauseBeliefs;
  const liking = likingOf(ctx).byDelegation[index] as number[];
  let sum = 0;
  for (let c = 0; c < clauses.length; c += 1) {
    const k = clauses[c] as number;
    if ((beliefs[k] as number) <= REFUSED) return 0;
    sum += liking[k] as number;
  }
  return 0.5 + 0.5 * (sum / clauses.length);
}
