/**
 * Offer generation: packages good for the bot and predicted acceptable to the delegations that
 * must sign them. For a range of trade-off weights λ the bot picks, issue by issue, the choice
 * (an option, or leaving the issue open) that maximises its own weighted utility plus λ times the
 * others' believed liking of that clause — the scalarisation that traces the Pareto frontier of
 * the bot's model. It then repairs its own red lines and known refusals, and keeps the candidate
 * that meets its aspiration with the best predicted acceptance.
 */
import type { Rejection } from '../engine/types.ts';
import type { SeatView } from '../engine/view.ts';
import { breachesOf, breaksRedLine, isWellFormed, packageProblems, problemIssueSets } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { type AgendaIssue, DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import { type ClauseBeliefs, type OwnModel, ownNoDeal, ownUtility } from './model.ts';
import type { BotLevel } from './types.ts';

export interface Candidate {
  pkg: Package;
  utility: number;
  /** min over the other required signatories of their predicted acceptance. */
  acceptance: number;
}

/** A belief this low means the delegation named the clause when refusing: treat it as a red line. */
export const REFUSED = -2.5;

const LAMBDAS: Record<BotLevel, number[]> = {
  novice: [0, 0.5],
  standard: [0, 0.1, 0.2, 0.4, 0.7, 1, 1.5, 2.5],
  expert: [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.55, 0.7, 0.85, 1, 1.25, 1.5, 2, 2.5, 3.5],
};

/** Can the bot put its name to this package? Its own red lines and the agenda's rules only. */
export function ownRefusal(
  scenario: PublicScenario,
  self: DelegationId,
  pkg: Package,
  view: SeatView,
): Rejection | null {
  const problems = packageProblems(scenario, pkg);
  if (problems.length > 0) return { code: 'invalid', message: problems.join('; ') };
  const redLines = view.private[self]?.redLines ?? [];
  const breaches = breachesOf(scenario, self, scenario.delegations[self].name.en, redLines, pkg, view.world);
  return breaches.length > 0 ? { code: 'red_line', message: breaches[0]?.message ?? '' } : null;
}

/** One option of one issue as the bot sees it during a decision. */
interface OptionRow {
  id: string;
  /** Own weighted utility of the clause: weight × utility. */
  mine: number;
  /** Own unweighted utility (the mediator's tie-breaker). */
  utility: number;
  /** Σ over the other delegations at the table of tanh(belief): how much they are believed to like it. */
  theirs: number;
  /** Some other delegation at the table refused it outright. */
  refusedByOthers: boolean;
  /** The least-satisfied judge's tanh(belief) (judges: delegations at the table that sign this issue). */
  leastJudge: number;
  refusedByJudges: boolean;
  /** Who must sign a package that settles the issue this way. */
  signatories: readonly DelegationId[];
  /** Each delegation's belief score for the clause, and its tanh (indexed like DELEGATION_IDS). */
  beliefs: number[];
  tanh: number[];
}

interface IssueTable {
  issue: AgendaIssue;
  weight: number;
  rows: OptionRow[];
  defaultRefusedByOthers: boolean;
  /** No delegation at the table signs this issue: the mediator leaves it alone. */
  noJudges: boolean;
  defaultRefusedByJudges: boolean;
  defaultLeastJudge: number;
}

/**
 * Everything one decision reuses across its candidate packages: per-issue tables of the bot's own
 * utilities and its beliefs about the others (computed once, not once per trade-off weight), and
 * memos of which packages the bot can sign and how each raw candidate repairs. Built from the
 * bot's own view only; thrown away after the decision, so nothing carries between decisions.
 */
export interface OfferContext {
  scenario: PublicScenario;
  own: OwnModel;
  beliefs: Record<DelegationId, ClauseBeliefs>;
  view: SeatView;
  noDeal: number;
  tables: IssueTable[];
  /** issue id → option id → row, for scoring packages. */
  rows: Map<string, Map<string, OptionRow>>;
  /** Clauses some delegation (the bot's model of itself included) has refused outright. */
  refusedByAnyone: Set<string>;
  acceptable: Map<string, boolean>;
  repaired: Map<string, Package>;
  top?: Candidate | null;
  offers?: Candidate[];
}

const belief = (b: ClauseBeliefs, key: string) => b[key] ?? 0;

/** What depends on the agenda alone, computed once per scenario: clause keys and who signs each issue. */
interface AgendaShape {
  issue: AgendaIssue;
  keys: string[];
  signers: ReadonlySet<DelegationId>;
  defaultKey: string;
}
const SHAPES = new WeakMap<object, AgendaShape[]>();
function agendaShape(scenario: PublicScenario): AgendaShape[] {
  let shape = SHAPES.get(scenario.agenda);
  if (!shape) {
    shape = scenario.agenda.issues.map((issue) => ({
      issue,
      keys: issue.options.map((o) => `${issue.id}.${o.id}`),
      signers: new Set(issue.options.flatMap((o) => o.signatories)),
      defaultKey: `${issue.id}.${issue.default}`,
    }));
    SHAPES.set(scenario.agenda, shape);
  }
  return shape;
}

export function offerContext(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
): OfferContext {
  // Delegations as indexes into DELEGATION_IDS, so each clause's beliefs are read once.
  const others = DELEGATION_IDS.flatMap((d, i) => (d !== own.self && !view.seats[d].walkedOut ? [i] : []));
  const models = DELEGATION_IDS.map((d) => beliefs[d]);
  const scoresOf = (key: string) => models.map((b) => belief(b, key));
  const tables = agendaShape(scenario).map(({ issue, keys, signers, defaultKey }): IssueTable => {
    const judges = others.filter((i) => signers.has(DELEGATION_IDS[i] as DelegationId));
    const weight = own.weights[issue.id] ?? 0;
    const rows = issue.options.map((option, o): OptionRow => {
      const scores = scoresOf(keys[o] as string);
      const tanh = scores.map(Math.tanh);
      let theirs = 0;
      for (const i of others) theirs += tanh[i] as number;
      let leastJudge = Number.POSITIVE_INFINITY;
      for (const i of judges) leastJudge = Math.min(leastJudge, tanh[i] as number);
      const utility = own.prefs.utilities[issue.id]?.[option.id] ?? 0;
      return {
        id: option.id,
        mine: weight * utility,
        utility,
        theirs,
        refusedByOthers: others.some((i) => (scores[i] as number) <= REFUSED),
        leastJudge,
        refusedByJudges: judges.some((i) => (scores[i] as number) <= REFUSED),
        signatories: option.signatories,
        beliefs: scores,
        tanh,
      };
    });
    const byDefault = rows.find((r) => r.id === issue.default);
    const defaultScores = scoresOf(defaultKey);
    return {
      issue,
      weight,
      rows,
      defaultRefusedByOthers: others.some((i) => (defaultScores[i] as number) <= REFUSED),
      noJudges: judges.length === 0,
      defaultRefusedByJudges: judges.some((i) => (defaultScores[i] as number) <= REFUSED),
      defaultLeastJudge: byDefault ? byDefault.leastJudge : Number.NaN,
    };
  });
  return {
    scenario,
    own,
    beliefs,
    view,
    noDeal: ownNoDeal(own, view.world),
    tables,
    rows: new Map(tables.map((t) => [t.issue.id, new Map(t.rows.map((r) => [r.id, r]))])),
    refusedByAnyone: new Set(
      Object.values(beliefs).flatMap((b) => Object.keys(b).filter((key) => belief(b, key) <= REFUSED)),
    ),
    acceptable: new Map(),
    repaired: new Map(),
  };
}

/**
 * A candidate's own utility and predicted acceptance: the least, over the other delegations at the
 * table whose signatures it needs, of their predicted willingness (acceptanceFrom).
 */
function scoreCandidate(ctx: OfferContext, pkg: Package): Candidate {
  const needed = new Set<DelegationId>();
  const rows: OptionRow[] = [];
  for (const issue in pkg) {
    const row = ctx.rows.get(issue)?.get(pkg[issue] as string);
    if (!row) throw new Error(`a candidate settles ${issue} with an option the agenda does not have`);
    rows.push(row);
    for (const d of row.signatories) needed.add(d);
  }
  let acceptance = 1;
  DELEGATION_IDS.forEach((d, index) => {
    if (d === ctx.own.self || !needed.has(d) || ctx.view.seats[d].walkedOut) return;
    acceptance = Math.min(acceptance, acceptanceFrom(rows, index));
  });
  return { pkg, utility: ownUtility(ctx.own, pkg, ctx.view.world), acceptance };
}

/**
 * Predicted willingness of delegation `index` to accept a package, from the rows of its clauses:
 * the mean belief over the clauses, squashed (0.5 + 0.5·mean tanh), or 0 if it refused one outright.
 */
function acceptanceFrom(rows: readonly OptionRow[], index: number): number {
  if (rows.length === 0) return 0;
  let sum = 0;
  for (const row of rows) {
    if ((row.beliefs[index] as number) <= REFUSED) return 0;
    sum += row.tanh[index] as number;
  }
  return 0.5 + 0.5 * (sum / rows.length);
}

/** A package's identity: its clauses in agenda order. */
function keyOf(ctx: OfferContext, pkg: Package): string {
  let key = '';
  for (const t of ctx.tables) {
    const option = pkg[t.issue.id];
    if (option !== undefined) key += `${t.issue.id}=${option};`;
  }
  return key;
}

/** Could the bot sign this package (its own red lines and the agenda's rules)? Memoised per decision. */
function selfAccepts(ctx: OfferContext, pkg: Package): boolean {
  const key = keyOf(ctx, pkg);
  let ok = ctx.acceptable.get(key);
  if (ok === undefined) {
    // Same verdict as ownRefusal(…) === null, without writing the sentences.
    ok =
      isWellFormed(ctx.scenario, pkg) &&
      !breaksRedLine(ctx.scenario, ctx.view.private[ctx.own.self]?.redLines ?? [], pkg, ctx.view.world);
    ctx.acceptable.set(key, ok);
  }
  return ok;
}

function candidateFor(ctx: OfferContext, lambda: number, groups: readonly string[] | null = null): Package {
  const n = ctx.tables.length;
  const choice: Package = {};
  for (const table of ctx.tables) {
    const { issue, weight } = table;
    if (groups && !groups.includes(issue.group)) continue;
    let bestOption: string | null = null;
    let bestValue = weight * ctx.noDeal; // leaving the issue open is worth the no-deal value
    for (const row of table.rows) {
      if (row.refusedByOthers) continue;
      const value = row.mine + (lambda * row.theirs) / n;
      if (value > bestValue + 1e-12) [bestOption, bestValue] = [row.id, value];
    }
    // Leaving an issue open keeps its default; if someone has refused that default outright
    // (e.g. a ceasefire that leaves the NATO aspiration in place), settle it explicitly instead.
    if (bestOption === null && table.defaultRefusedByOthers) {
      let fallback: OptionRow | null = null;
      for (const row of table.rows) {
        if (row.id === issue.default || row.refusedByOthers) continue;
        if (!fallback || row.mine > fallback.mine) fallback = row;
      }
      bestOption = fallback?.id ?? null;
    }
    if (bestOption !== null) choice[issue.id] = bestOption;
  }
  return repair(ctx, choice);
}

/**
 * The mediator's draft: on every issue, the option the least-satisfied other delegation is believed
 * to mind least (the max-min clause), with the bot's own utility as a tie-breaker weighted by `own`.
 * Issues where every option is believed unwelcome to someone are left open, unless their default
 * itself has been refused.
 */
function mediatorCandidate(ctx: OfferContext, ownWeight: number): Package {
  const choice: Package = {};
  for (const table of ctx.tables) {
    if (table.noJudges) continue;
    const score = (row: OptionRow) => row.leastJudge + ownWeight * row.utility;
    let best: OptionRow | undefined;
    for (const row of table.rows) {
      if (row.refusedByJudges) continue;
      if (!best || score(row) > score(best)) best = row;
    }
    const defaultScore =
      table.defaultLeastJudge + ownWeight * (ctx.own.prefs.utilities[table.issue.id]?.[table.issue.default] ?? 0);
    const beatsDefault = Number.isNaN(defaultScore) || (best !== undefined && score(best) > defaultScore);
    if (best && (beatsDefault || table.defaultRefusedByJudges)) choice[table.issue.id] = best.id;
  }
  return repair(ctx, choice);
}

/**
 * Drop the clauses that break the bot's own red lines, known refusals or the agenda's rules: clause
 * by clause, the removal that costs the bot least among those that make the package signable (or,
 * when no single removal does, the cheapest one, and try again).
 */
function repair(ctx: OfferContext, pkg: Package): Package {
  const inputKey = keyOf(ctx, pkg);
  const memo = ctx.repaired.get(inputKey);
  if (memo) return memo;
  const { own } = ctx;
  const current = { ...pkg };
  for (const [issue, option] of Object.entries(current)) {
    if (ctx.refusedByAnyone.has(`${issue}.${option}`)) delete current[issue];
  }
  const redLines = ctx.view.private[own.self]?.redLines ?? [];
  let settled = Object.keys(current);
  for (let attempt = 0; attempt < ctx.tables.length && settled.length > 0; attempt += 1) {
    if (selfAccepts(ctx, current)) break;
    // Only a clause involved in every problem can fix the package on its own.
    const sets = problemIssueSets(ctx.scenario, redLines, current, ctx.view.world);
    const suspect = (issue: string) => sets === null || sets.every((set) => set.has(issue));
    let best: { issue: string; loss: number } | null = null;
    for (const issue of settled) {
      const fixed = settled.length === 1 || (suspect(issue) && selfAccepts(ctx, withoutIssue(current, issue)));
      // Removing a clause swaps its weighted utility for the no-deal value on that issue.
      const w = own.weights[issue] ?? 0;
      const loss = w * ((own.prefs.utilities[issue]?.[current[issue] as string] ?? 0) - ctx.noDeal);
      if (!best || (fixed && loss < best.loss)) best = { issue, loss: fixed ? loss : loss + 10 };
    }
    if (!best) break;
    delete current[best.issue];
    settled = Object.keys(current);
  }
  const result = settled.length > 0 && selfAccepts(ctx, current) ? current : {};
  ctx.repaired.set(inputKey, result);
  return result;
}

function withoutIssue(pkg: Package, issue: string): Package {
  const trial = { ...pkg };
  delete trial[issue];
  return trial;
}

/** The bot's single best package for itself (its "top"), cheaply: no trade-offs, no mediation. */
export function bestOwnOffer(ctx: OfferContext): Candidate | null {
  if (ctx.top === undefined) {
    const pkg = candidateFor(ctx, 0);
    ctx.top = Object.keys(pkg).length === 0 ? null : scoreCandidate(ctx, pkg);
  }
  return ctx.top;
}

/** The bot's candidate offers, best trade-offs first. Empty packages are dropped. */
export function generateOffers(ctx: OfferContext, level: BotLevel): Candidate[] {
  if (ctx.offers) return ctx.offers;
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (pkg: Package) => {
    const key = keyOf(ctx, pkg);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    out.push(scoreCandidate(ctx, pkg));
  };
  // Whole settlements, and (above novice level) partial deals on the humanitarian clauses alone:
  // the tactical agreements the seeds expect to go on even in a stalemate.
  if (level !== 'novice') for (const ownWeight of [0, 0.3, 0.6]) add(mediatorCandidate(ctx, ownWeight));
  for (const lambda of LAMBDAS[level]) add(candidateFor(ctx, lambda));
  if (level !== 'novice') for (const lambda of [0, 1]) add(candidateFor(ctx, lambda, ['humanitarian']));
  ctx.offers = out;
  return out;
}

/**
 * The offer to make at this aspiration level: among candidates worth at least the aspiration, the
 * one with the best expected value — predicted acceptance times its worth, plus the chance of
 * refusal times the reservation value; if none reaches the aspiration, the one worth most.
 */
export function chooseOffer(candidates: Candidate[], target: number, reservationValue = 0): Candidate | null {
  const expected = (c: Candidate) => c.acceptance * c.utility + (1 - c.acceptance) * reservationValue;
  const good = candidates.filter((c) => c.utility >= target);
  if (good.length > 0) return good.reduce((a, b) => (expected(b) > expected(a) ? b : a));
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.utility > a.utility ? b : a));
}
