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
import { breachesOf, packageProblems, requiredSignatories } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Package } from '../scenario/schema.ts';
import { type ClauseBeliefs, type OwnModel, ownNoDeal, ownUtility, predictedAcceptance } from './model.ts';
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

export function scoreCandidate(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  pkg: Package,
  view: SeatView,
): Candidate {
  const others = requiredSignatories(scenario, pkg).filter((d) => d !== own.self && !view.seats[d].walkedOut);
  const acceptance = others.length === 0 ? 1 : Math.min(...others.map((d) => predictedAcceptance(beliefs[d], pkg)));
  return { pkg, utility: ownUtility(own, pkg, view.world), acceptance };
}

function candidateFor(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
  lambda: number,
  groups: readonly string[] | null = null,
): Package {
  const nd = ownNoDeal(own, view.world);
  const others = (['ukraine', 'russia', 'us', 'europe'] as DelegationId[]).filter(
    (d) => d !== own.self && !view.seats[d].walkedOut,
  );
  const choice: Package = {};
  for (const issue of scenario.agenda.issues) {
    if (groups && !groups.includes(issue.group)) continue;
    const w = own.weights[issue.id] ?? 0;
    let bestOption: string | null = null;
    let bestValue = w * nd; // leaving the issue open is worth the no-deal value
    const refusedByOthers = (optionId: string) =>
      others.some((d) => (beliefs[d][`${issue.id}.${optionId}`] ?? 0) <= REFUSED);
    for (const option of issue.options) {
      if (refusedByOthers(option.id)) continue;
      const mine = w * (own.prefs.utilities[issue.id]?.[option.id] ?? 0);
      const theirs = others.reduce((sum, d) => sum + Math.tanh(beliefs[d][`${issue.id}.${option.id}`] ?? 0), 0);
      const value = mine + (lambda * theirs) / scenario.agenda.issues.length;
      if (value > bestValue + 1e-12) [bestOption, bestValue] = [option.id, value];
    }
    // Leaving an issue open keeps its default; if someone has refused that default outright
    // (e.g. a ceasefire that leaves the NATO aspiration in place), settle it explicitly instead.
    if (bestOption === null && refusedByOthers(issue.default)) {
      let fallback: { id: string; value: number } | null = null;
      for (const option of issue.options) {
        if (option.id === issue.default || refusedByOthers(option.id)) continue;
        const value = w * (own.prefs.utilities[issue.id]?.[option.id] ?? 0);
        if (!fallback || value > fallback.value) fallback = { id: option.id, value };
      }
      bestOption = fallback?.id ?? null;
    }
    if (bestOption !== null) choice[issue.id] = bestOption;
  }
  return repair(scenario, own, beliefs, choice, view);
}

/**
 * The mediator's draft: on every issue, the option the least-satisfied other delegation is believed
 * to mind least (the max-min clause), with the bot's own utility as a tie-breaker weighted by `own`.
 * Issues where every option is believed unwelcome to someone are left open, unless their default
 * itself has been refused.
 */
function mediatorCandidate(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
  ownWeight: number,
): Package {
  const parties = (['ukraine', 'russia', 'us', 'europe'] as DelegationId[]).filter(
    (d) => d !== own.self && !view.seats[d].walkedOut,
  );
  const choice: Package = {};
  for (const issue of scenario.agenda.issues) {
    const signers = new Set(issue.options.flatMap((o) => o.signatories));
    const judges = parties.filter((d) => signers.has(d));
    if (judges.length === 0) continue;
    // Score each option once: the least-satisfied judge's belief, plus the bot's own utility.
    const scores = new Map<string, number>();
    for (const o of issue.options) {
      let least = Number.POSITIVE_INFINITY;
      for (const d of judges) least = Math.min(least, Math.tanh(beliefs[d][`${issue.id}.${o.id}`] ?? 0));
      scores.set(o.id, least + ownWeight * (own.prefs.utilities[issue.id]?.[o.id] ?? 0));
    }
    const score = (optionId: string) => scores.get(optionId) ?? Number.NEGATIVE_INFINITY;
    let best: (typeof issue.options)[number] | undefined;
    for (const o of issue.options) {
      if (judges.some((d) => (beliefs[d][`${issue.id}.${o.id}`] ?? 0) <= REFUSED)) continue;
      if (!best || score(o.id) > score(best.id)) best = o;
    }
    const defaultRefused = judges.some((d) => (beliefs[d][`${issue.id}.${issue.default}`] ?? 0) <= REFUSED);
    if (best && (score(best.id) > score(issue.default) || defaultRefused)) choice[issue.id] = best.id;
  }
  return repair(scenario, own, beliefs, choice, view);
}

/** Drop or change the clauses that break the bot's own red lines, known refusals or the agenda's rules. */
function repair(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  pkg: Package,
  view: SeatView,
): Package {
  let current = { ...pkg };
  for (const [issue, option] of Object.entries(current)) {
    const refused = Object.values(beliefs).some((b) => (b[`${issue}.${option}`] ?? 0) <= REFUSED);
    if (refused) delete current[issue];
  }
  for (let attempt = 0; attempt < scenario.agenda.issues.length && Object.keys(current).length > 0; attempt += 1) {
    const problem = ownRefusal(scenario, own.self, current, view);
    if (!problem) return current;
    // Remove the settled clause whose removal costs the bot least and fixes something.
    let best: { pkg: Package; loss: number } | null = null;
    for (const issue of Object.keys(current)) {
      const trial = { ...current };
      delete trial[issue];
      const fixed = ownRefusal(scenario, own.self, trial, view) === null || Object.keys(trial).length === 0;
      const [issueId, optionId] = [issue, current[issue] as string];
      // Removing a clause swaps its weighted utility for the no-deal value on that issue.
      const w = own.weights[issueId] ?? 0;
      const loss = w * ((own.prefs.utilities[issueId]?.[optionId] ?? 0) - ownNoDeal(own, view.world));
      if (!best || (fixed && loss < best.loss)) best = { pkg: trial, loss: fixed ? loss : loss + 10 };
    }
    if (!best) break;
    current = best.pkg;
  }
  return ownRefusal(scenario, own.self, current, view) === null ? current : {};
}

/** The bot's single best package for itself (its "top"), cheaply: no trade-offs, no mediation. */
export function bestOwnOffer(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
): Candidate | null {
  const pkg = candidateFor(scenario, own, beliefs, view, 0);
  return Object.keys(pkg).length === 0 ? null : scoreCandidate(scenario, own, beliefs, pkg, view);
}

/** The bot's candidate offers, best trade-offs first. Empty packages are dropped. */
export function generateOffers(
  scenario: PublicScenario,
  own: OwnModel,
  beliefs: Record<DelegationId, ClauseBeliefs>,
  view: SeatView,
  level: BotLevel,
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  // Whole settlements, and (above novice level) partial deals on the humanitarian clauses alone:
  // the tactical agreements the seeds expect to go on even in a stalemate.
  const runs: Array<readonly [readonly string[] | null, number]> = LAMBDAS[level].map(
    (lambda) => [null, lambda] as const,
  );
  if (level !== 'novice') runs.push([['humanitarian'], 0], [['humanitarian'], 1]);
  if (level !== 'novice') {
    for (const ownWeight of [0, 0.3, 0.6]) {
      const pkg = mediatorCandidate(scenario, own, beliefs, view, ownWeight);
      const key = JSON.stringify(pkg);
      if (Object.keys(pkg).length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push(scoreCandidate(scenario, own, beliefs, pkg, view));
    }
  }
  for (const [scope, lambda] of runs) {
    const pkg = candidateFor(scenario, own, beliefs, view, lambda, scope);
    const key = JSON.stringify(pkg);
    if (Object.keys(pkg).length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(scoreCandidate(scenario, own, beliefs, pkg, view));
  }
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
