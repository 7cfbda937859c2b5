/**
 * What one offer decision works from: the bot's own numbers per clause (built once per bot), what
 * it believes each other delegation thinks of each clause (arrays by clause index, once per
 * decision), and how a candidate package scores on both — its own utility and its predicted
 * acceptance by the signatories it needs. offers.ts searches over these tables.
 */
import type { SeatView } from '../engine/view.ts';
import { memo } from '../memo.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { type AgendaIssue, DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  type ClauseSpace,
  type CompiledRedLine,
  compiledRedLines,
  OPEN,
  spaceOf,
} from '../scenario/space.ts';
import { type ClauseBeliefs, type OwnModel, ownNoDeal, ownUtility } from './model.ts';

export interface Candidate {
  pkg: Package;
  utility: number;
  /** min over the other required signatories of their predicted acceptance. */
  acceptance: number;
}

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

const TABLES = new WeakMap<OwnModel, WeakMap<ClauseSpace, IssueTable[]>>();
function issueTables(space: ClauseSpace, own: OwnModel): IssueTable[] {
  return memo(
    memo(TABLES, own, () => new WeakMap()),
    space,
    () =>
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

/** A repaired package: as a choice (for the search), its key, and as a package (for the engine). */
export interface Repaired {
  choice: Choice;
  key: ChoiceKey;
  pkg: Package;
  settled: number;
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
  /** Indexed like the agenda's issues. */
  tables: IssueTable[];
  /** Each delegation's beliefs, and their tanh (how much it is believed to like each clause), by DELEGATION_IDS index. */
  beliefs: ClauseBeliefs[];
  liking: Float64Array[];
  /** The other delegations still at the table, as bits by DELEGATION_IDS index. */
  present: number;
  /** Per clause: Σ over the other delegations at the table of how much they are believed to like it. */
  theirs: Float64Array;
  /** Per clause: the least-satisfied judge's liking (judges: delegations at the table that sign the issue). */
  leastJudge: Float64Array;
  /** Per clause: refused outright by another delegation at the table; by a judge; by anyone (itself included). */
  refusedByOthers: Uint8Array;
  refusedByJudges: Uint8Array;
  refusedByAnyone: Uint8Array;
  redLines: readonly CompiledRedLine[];
  acceptable: Map<ChoiceKey, boolean>;
  repaired: Map<ChoiceKey, Repaired>;
  top?: Candidate | null;
  offers?: Candidate[];
}

const tanhOf = (v: number) => (v === 0 ? 0 : Math.tanh(v));

export function offerContext(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
): OfferContext {
  const space = spaceOf(scenario);
  const tables = issueTables(space, own);
  const models = DELEGATION_IDS.map((d) => beliefs[d]);
  let present = 0;
  DELEGATION_IDS.forEach((d, i) => {
    if (d !== own.self && !view.seats[d].walkedOut) present |= 1 << i;
  });
  const n = space.clauseCount;
  // Only the others at the table are ever judged by how much they like a clause.
  const liking = models.map((b, d) => {
    const out = new Float64Array(n);
    if ((present >> d) & 1) for (let k = 0; k < n; k += 1) out[k] = tanhOf(b[k] as number);
    return out;
  });
  const theirs = new Float64Array(n);
  const leastJudge = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const refusedByOthers = new Uint8Array(n);
  const refusedByJudges = new Uint8Array(n);
  const refusedByAnyone = new Uint8Array(n);
  for (const table of tables) {
    const judges = present & table.signerMask;
    for (let k = table.base; k < table.base + table.rows.length; k += 1) {
      // Delegations in DELEGATION_IDS order, so sums add up in the same order every time.
      for (let d = 0; d < models.length; d += 1) {
        const refused = ((models[d] as ClauseBeliefs)[k] as number) <= REFUSED;
        if (refused) refusedByAnyone[k] = 1;
        if (!((present >> d) & 1)) continue;
        const like = (liking[d] as Float64Array)[k] as number;
        theirs[k] = (theirs[k] as number) + like;
        if (refused) refusedByOthers[k] = 1;
        if (!((judges >> d) & 1)) continue;
        leastJudge[k] = Math.min(leastJudge[k] as number, like);
        if (refused) refusedByJudges[k] = 1;
      }
    }
  }
  return {
    scenario,
    space,
    own,
    view,
    noDeal: ownNoDeal(own, view.world),
    tables,
    beliefs: models,
    liking,
    present,
    theirs,
    leastJudge,
    refusedByOthers,
    refusedByJudges,
    refusedByAnyone,
    redLines: compiledRedLines(space, view.private[own.self]?.redLines ?? []),
    acceptable: new Map(),
    repaired: new Map(),
  };
}

/**
 * A candidate's own utility and predicted acceptance: the least, over the other delegations at the
 * table whose signatures it needs, of their predicted willingness (acceptanceFrom).
 */
export function scoreCandidate(ctx: OfferContext, candidate: Repaired): Candidate {
  let needed = 0;
  const clauses: number[] = [];
  for (let i = 0; i < ctx.tables.length; i += 1) {
    const j = candidate.choice[i] as number;
    if (j === OPEN) continue;
    const table = ctx.tables[i] as IssueTable;
    clauses.push(table.base + j);
    needed |= (table.rows[j] as OwnRow).signerMask;
  }
  let acceptance = 1;
  for (let index = 0; index < DELEGATION_IDS.length; index += 1) {
    if (needed & ctx.present & (1 << index)) acceptance = Math.min(acceptance, acceptanceFrom(ctx, clauses, index));
  }
  return { pkg: candidate.pkg, utility: ownUtility(ctx.own, candidate.pkg, ctx.view.world), acceptance };
}

/**
 * Predicted willingness of delegation `index` to accept a package, from its clauses: the mean
 * belief over the clauses, squashed (0.5 + 0.5·mean tanh), or 0 if it refused one outright.
 */
function acceptanceFrom(ctx: OfferContext, clauses: readonly number[], index: number): number {
  if (clauses.length === 0) return 0;
  const beliefs = ctx.beliefs[index] as ClauseBeliefs;
  const liking = ctx.liking[index] as Float64Array;
  let sum = 0;
  for (const k of clauses) {
    if ((beliefs[k] as number) <= REFUSED) return 0;
    sum += liking[k] as number;
  }
  return 0.5 + 0.5 * (sum / clauses.length);
}
