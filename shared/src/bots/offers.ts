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
import { breachesOf, packageProblems } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Package } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  choiceBreaksRedLine,
  choiceProblemCounts,
  choiceWellFormed,
  compiledRedLines,
  emptyChoice,
  keyAfterChange,
  keyOfChoice,
  OPEN,
  settledCount,
  spaceOf,
} from '../scenario/space.ts';
import { numbered } from './numbered.ts';
import {
  type Candidate,
  choiceUtility,
  type IssueTable,
  likingOf,
  type OfferContext,
  type OwnRow,
  type Repaired,
  scoreCandidate,
} from './offerContext.ts';
import type { BotLevel } from './types.ts';

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
  const redLines = view.private[self]?.redLines ?? [];
  // Usually it can, which the compiled checks tell without resolving the package or writing
  // messages (space.test.ts holds them to packageProblems and breachesOf).
  const space = spaceOf(scenario);
  const { choice } = numbered(space, pkg);
  if (
    choice &&
    choiceWellFormed(space, choice) &&
    !choiceBreaksRedLine(compiledRedLines(space, redLines), choice, view.world)
  ) {
    return null;
  }
  const problems = packageProblems(scenario, pkg);
  if (problems.length > 0) return { code: 'invalid', message: problems.join('; ') };
  const breaches = breachesOf(scenario, self, scenario.delegations[self].name.en, redLines, pkg, view.world);
  return breaches.length > 0 ? { code: 'red_line', message: breaches[0]?.message ?? '' } : null;
}

/** Could the bot sign this package (its own red lines and the agenda's rules)? Memoised per decision, by the choice's key. */
function selfAccepts(ctx: OfferContext, choice: Choice, key: ChoiceKey): boolean {
  let ok = ctx.acceptable.get(key);
  if (ok === undefined) {
    // Same verdict as ownRefusal(…) === null, on the compiled checks (space.test.ts holds them to it).
    ok = choiceWellFormed(ctx.space, choice) && !choiceBreaksRedLine(ctx.redLines, choice, ctx.view.world);
    ctx.acceptable.set(key, ok);
  }
  return ok;
}

function candidateFor(ctx: OfferContext, lambda: number, groups: readonly string[] | null = null): Repaired {
  // The bot's own best package (λ = 0, whole agenda) is asked for twice when it answers with a counter.
  const ownBest = lambda === 0 && groups === null;
  if (ownBest && ctx.ownBest) return ctx.ownBest;
  const n = ctx.tables.length;
  const theirs = lambda === 0 ? null : likingOf(ctx).theirs;
  const choice = emptyChoice(ctx.space);
  for (let i = 0; i < n; i += 1) {
    const table = ctx.tables[i] as IssueTable;
    const { issue, weight, rows, base } = table;
    if (groups && !groups.includes(issue.group)) continue;
    let bestOption = OPEN;
    let bestValue = weight * ctx.noDeal; // leaving the issue open is worth the no-deal value
    for (let j = 0; j < rows.length; j += 1) {
      if (ctx.refusedByOthers[base + j]) continue;
      // With λ = 0 the others' liking adds ±0, which changes no comparison: the bot's own best
      // package does not need the liking tables at all.
      const mine = (rows[j] as OwnRow).mine;
      const value = theirs === null ? mine : mine + (lambda * (theirs[base + j] as number)) / n;
      if (value > bestValue + 1e-12) {
        bestOption = j;
        bestValue = value;
      }
    }
    // Leaving an issue open keeps its default; if someone has refused that default outright
    // (e.g. a ceasefire that leaves the NATO aspiration in place), settle it explicitly instead.
    if (bestOption === OPEN && table.defaultIndex >= 0 && ctx.refusedByOthers[base + table.defaultIndex]) {
      for (let j = 0; j < rows.length; j += 1) {
        if (j === table.defaultIndex || ctx.refusedByOthers[base + j]) continue;
        if (bestOption === OPEN || (rows[j] as OwnRow).mine > (rows[bestOption] as OwnRow).mine) bestOption = j;
      }
    }
    choice[i] = bestOption;
  }
  const repaired = repair(ctx, choice);
  if (ownBest) ctx.ownBest = repaired;
  return repaired;
}

/**
 * The mediator's draft: on every issue, the option the least-satisfied other delegation is believed
 * to mind least (the max-min clause), with the bot's own utility as a tie-breaker weighted by `own`.
 * Issues where every option is believed unwelcome to someone are left open, unless their default
 * itself has been refused.
 */
function mediatorCandidate(ctx: OfferContext, ownWeight: number): Repaired {
  const choice = emptyChoice(ctx.space);
  const { leastJudge } = likingOf(ctx);
  for (let i = 0; i < ctx.tables.length; i += 1) {
    const table = ctx.tables[i] as IssueTable;
    const { rows, base } = table;
    if ((table.signerMask & ctx.present) === 0) continue; // no judge at the table: leave the issue alone
    let best = OPEN;
    let bestScore = 0;
    for (let j = 0; j < rows.length; j += 1) {
      if (ctx.refusedByJudges[base + j]) continue;
      const score = (leastJudge[base + j] as number) + ownWeight * (rows[j] as OwnRow).utility;
      if (best === OPEN || score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best === OPEN) continue;
    const byDefault = base + table.defaultIndex;
    const defaultScore =
      table.defaultIndex < 0 ? Number.NaN : (leastJudge[byDefault] as number) + ownWeight * table.defaultUtility;
    const beatsDefault = Number.isNaN(defaultScore) || bestScore > defaultScore;
    if (beatsDefault || (table.defaultIndex >= 0 && ctx.refusedByJudges[byDefault])) choice[i] = best;
  }
  return repair(ctx, choice);
}

/** Per issue, how many of a choice's problems involve it (choiceProblemCounts); rewritten by every repair step. */
let problemCounts = new Int32Array(32);

/**
 * Drop the clauses that break the bot's own red lines, known refusals or the agenda's rules: clause
 * by clause, the removal that costs the bot least among those that make the package signable (or,
 * when no single removal does, the cheapest one, and try again).
 */
function repair(ctx: OfferContext, input: Choice): Repaired {
  const { space, tables } = ctx;
  const inputKey = keyOfChoice(space, input);
  const memo = ctx.repaired.get(inputKey);
  if (memo) return memo;
  // The input is a fresh choice its caller hands over (candidateFor, mediatorCandidate): repaired in
  // place, its key kept up to date clause by clause rather than recomputed.
  const current = input;
  let key = inputKey;
  for (let i = 0; i < current.length; i += 1) {
    const j = current[i] as number;
    if (j !== OPEN && ctx.refusedByAnyone[(tables[i] as IssueTable).base + j]) {
      current[i] = OPEN;
      key = keyAfterChange(space, current, key, i, j);
    }
  }
  if (problemCounts.length < current.length) problemCounts = new Int32Array(current.length);
  let settled = settledCount(current);
  let accepted = false;
  for (let attempt = 0; attempt < tables.length && settled > 0; attempt += 1) {
    if (selfAccepts(ctx, current, key)) {
      accepted = true;
      break;
    }
    // Only a clause involved in every problem can fix the package on its own.
    const problems = choiceProblemCounts(space, ctx.redLines, current, ctx.view.world, problemCounts);
    let best = OPEN;
    let bestLoss = 0;
    for (let i = 0; i < current.length; i += 1) {
      const j = current[i] as number;
      if (j === OPEN) continue;
      let fixed = settled === 1;
      if (!fixed && problemCounts[i] === problems) {
        current[i] = OPEN;
        fixed = selfAccepts(ctx, current, keyAfterChange(space, current, key, i, j));
        current[i] = j;
      }
      // Removing a clause swaps its weighted utility for the no-deal value on that issue.
      const table = tables[i] as IssueTable;
      const loss = table.weight * ((table.rows[j] as OwnRow).utility - ctx.noDeal);
      if (best === OPEN || (fixed && loss < bestLoss)) {
        best = i;
        bestLoss = fixed ? loss : loss + 10;
      }
    }
    if (best === OPEN) break;
    const removed = current[best] as number;
    current[best] = OPEN;
    key = keyAfterChange(space, current, key, best, removed);
    settled -= 1;
  }
  const signable = settled > 0 && (accepted || selfAccepts(ctx, current, key));
  const choice = signable ? current : emptyChoice(space);
  const result: Repaired = {
    choice,
    key: signable ? key : keyOfChoice(space, choice),
    settled: signable ? settled : 0,
  };
  ctx.repaired.set(inputKey, result);
  return result;
}

/** Own utility of the bot's single best package for itself (its "top"), cheaply: no trade-offs, no mediation. */
export function bestOwnUtility(ctx: OfferContext): number | null {
  if (ctx.top === undefined) {
    const candidate = candidateFor(ctx, 0);
    ctx.top = candidate.settled === 0 ? null : choiceUtility(ctx, candidate.choice);
  }
  return ctx.top;
}

/** Score a new candidate unless it is empty or already in `out` (keys in `seen`). */
function addCandidate(ctx: OfferContext, out: Candidate[], seen: Set<ChoiceKey>, candidate: Repaired): void {
  if (candidate.settled === 0 || seen.has(candidate.key)) return;
  seen.add(candidate.key);
  out.push(scoreCandidate(ctx, candidate));
}

const MEDIATOR_OWN_WEIGHTS = [0, 0.3, 0.6];
const PARTIAL_LAMBDAS = [0, 1];
const HUMANITARIAN = ['humanitarian'];

/** The bot's candidate offers, best trade-offs first. Empty packages are dropped. */
export function generateOffers(ctx: OfferContext, level: BotLevel): Candidate[] {
  if (ctx.offers) return ctx.offers;
  const seen = new Set<ChoiceKey>();
  const out: Candidate[] = [];
  // Whole settlements, and (above novice level) partial deals on the humanitarian clauses alone:
  // the tactical agreements the seeds expect to go on even in a stalemate.
  if (level !== 'novice') {
    for (const ownWeight of MEDIATOR_OWN_WEIGHTS) addCandidate(ctx, out, seen, mediatorCandidate(ctx, ownWeight));
  }
  for (const lambda of LAMBDAS[level]) addCandidate(ctx, out, seen, candidateFor(ctx, lambda));
  if (level !== 'novice') {
    for (const lambda of PARTIAL_LAMBDAS) addCandidate(ctx, out, seen, candidateFor(ctx, lambda, HUMANITARIAN));
  }
  ctx.offers = out;
  return out;
}

function expectedValue(c: Candidate, reservationValue: number): number {
  return c.acceptance * c.utility + (1 - c.acceptance) * reservationValue;
}

/**
 * The offer to make at this aspiration level: among candidates worth at least the aspiration, the
 * one with the best expected value — predicted acceptance times its worth, plus the chance of
 * refusal times the reservation value; if none reaches the aspiration, the one worth most.
 */
export function chooseOffer(candidates: Candidate[], target: number, reservationValue = 0): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.utility < target) continue;
    if (!best || expectedValue(c, reservationValue) > expectedValue(best, reservationValue)) best = c;
  }
  if (best) return best;
  for (const c of candidates) if (!best || c.utility > best.utility) best = c;
  return best;
}
