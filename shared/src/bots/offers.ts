/**
 * Offer generation: packages good for the bot and predicted acceptable to the delegations that
 * must sign them. For a range of trade-off weights λ the bot picks, issue by issue, the choice
 * (an option, or leaving the issue open) that maximises its own weighted utility plus λ times the
 * others' believed liking of that clause — the scalarisation that traces the Pareto frontier of
 * the bot's model. It then repairs its own red lines and known refusals, and keeps the candidate
 * that meets its aspiration with the best predicted acceptance.
 */
import type { DelegationRules } from '../scenario/compiled.ts';
import { holds } from '../scenario/condition.ts';
import { canSign, type WorldState } from '../scenario/evaluate.ts';
import type { AgendaIssue } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  type ClauseSpace,
  clashHolds,
  emptyChoice,
  keyAfterChange,
  keyOfChoice,
  OPEN,
  settledCount,
} from '../scenario/space.ts';
import {
  type Candidate,
  choiceUtility,
  type Liking,
  type OfferTables,
  type Repaired,
  scoreCandidate,
} from './offerTables.ts';
import type { BotLevel } from './types.ts';

const LAMBDAS: Record<BotLevel, readonly number[]> = {
  novice: [0, 0.2, 0.7, 1.5],
  standard: [0, 0.1, 0.2, 0.4, 0.7, 1, 1.5, 2.5],
  expert: [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.55, 0.7, 0.85, 1, 1.25, 1.5, 2, 2.5, 3.5],
};

/**
 * One decision's search over packages: the repairs it has made and the packages it knows whether
 * it can sign, by key. Many trade-off weights produce the same raw package, and repairs of
 * neighbouring packages try the same packages again, so each is worked out once per decision.
 */
export class OfferSearch {
  readonly tables: OfferTables;
  private readonly signable = new Map<ChoiceKey, boolean>();
  private readonly repaired = new Map<ChoiceKey, Repaired>();

  constructor(tables: OfferTables) {
    this.tables = tables;
  }

  /** Could the bot put its name to this package (evaluate.ts canSign)? Remembered by key. */
  canSign(choice: Choice, key: ChoiceKey): boolean {
    let ok = this.signable.get(key);
    if (ok === undefined) {
      ok = canSign(this.tables.own.rules, choice, this.tables.world);
      this.signable.set(key, ok);
    }
    return ok;
  }

  /** The raw package repaired into one the bot can sign, remembered by the raw package's key. The raw package is left as it was. */
  repair(raw: Choice): Repaired {
    const key = keyOfChoice(this.tables.space, raw);
    let repaired = this.repaired.get(key);
    if (repaired === undefined) {
      repaired = repair(this, raw.slice(), key);
      this.repaired.set(key, repaired);
    }
    return repaired;
  }
}

/**
 * The best package for trade-off weight λ (0: for itself alone, which needs no liking), over the
 * whole agenda or only the issues of some groups, repaired.
 */
function candidateFor(
  search: OfferSearch,
  liking: Liking | null,
  lambda: number,
  groups: readonly string[] | null = null,
): Repaired {
  const offer = search.tables;
  const { space, own } = offer;
  const n = space.issues.length;
  // With λ = 0 the others' liking adds ±0, which changes no comparison.
  const theirs = lambda === 0 || liking === null ? null : liking.theirs;
  const choice = emptyChoice(space);
  for (let i = 0; i < n; i += 1) {
    const issue = space.issues[i] as AgendaIssue;
    if (groups && !groups.includes(issue.group)) continue;
    const base = space.clauseBase[i] as number;
    const options = issue.options.length;
    let bestOption = OPEN;
    let bestValue = (own.issueWeight[i] as number) * offer.noDeal; // leaving the issue open is worth the no-deal value
    for (let j = 0; j < options; j += 1) {
      if (offer.refusedByOthers[base + j]) continue;
      const mine = own.value[base + j] as number;
      const value = theirs === null ? mine : mine + (lambda * (theirs[base + j] as number)) / n;
      if (value > bestValue + 1e-12) {
        bestOption = j;
        bestValue = value;
      }
    }
    // Leaving an issue open keeps its default; if someone has refused that default outright
    // (e.g. a ceasefire that leaves the NATO aspiration in place), settle it explicitly instead.
    const byDefault = space.defaults[i] as number;
    if (bestOption === OPEN && byDefault >= 0 && offer.refusedByOthers[base + byDefault]) {
      for (let j = 0; j < options; j += 1) {
        if (j === byDefault || offer.refusedByOthers[base + j]) continue;
        if (bestOption === OPEN || (own.value[base + j] as number) > (own.value[base + bestOption] as number)) {
          bestOption = j;
        }
      }
    }
    choice[i] = bestOption;
  }
  return search.repair(choice);
}

/**
 * The mediator's draft: on every issue, the option the least-satisfied other delegation is believed
 * to mind least (the max-min clause), with the bot's own utility as a tie-breaker weighted by `own`.
 * Issues where every option is believed unwelcome to someone are left open, unless their default
 * itself has been refused.
 */
function mediatorCandidate(search: OfferSearch, liking: Liking, ownWeight: number): Repaired {
  const offer = search.tables;
  const { space, own } = offer;
  const choice = emptyChoice(space);
  const { leastJudge } = liking;
  for (let i = 0; i < space.issues.length; i += 1) {
    if (((space.issueSigners[i] as number) & offer.present) === 0) continue; // no judge at the table: leave the issue alone
    const issue = space.issues[i] as AgendaIssue;
    const base = space.clauseBase[i] as number;
    let best = OPEN;
    let bestScore = 0;
    for (let j = 0; j < issue.options.length; j += 1) {
      if (offer.refusedByJudges[base + j]) continue;
      const score = (leastJudge[base + j] as number) + ownWeight * (own.utility[base + j] as number);
      if (best === OPEN || score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best === OPEN) continue;
    const defaultIndex = space.defaults[i] as number;
    const byDefault = base + defaultIndex;
    const defaultScore =
      defaultIndex < 0 ? Number.NaN : (leastJudge[byDefault] as number) + ownWeight * (own.defaultUtility[i] as number);
    const beatsDefault = Number.isNaN(defaultScore) || bestScore > defaultScore;
    if (beatsDefault || (defaultIndex >= 0 && offer.refusedByJudges[byDefault])) choice[i] = best;
  }
  return search.repair(choice);
}

/**
 * Drop the clauses that break the bot's own red lines, known refusals or the agenda's rules: clause
 * by clause, the removal that costs the bot least among those that make the package signable (or,
 * when no single removal does, the cheapest one, and try again). `current` is the search's own
 * copy of the raw package, changed clause by clause with its key kept up to date.
 */
function repair(search: OfferSearch, current: Choice, rawKey: ChoiceKey): Repaired {
  const offer = search.tables;
  const { space, own } = offer;
  let key = rawKey;
  for (let i = 0; i < current.length; i += 1) {
    const j = current[i] as number;
    if (j !== OPEN && offer.refusedByAnyone[(space.clauseBase[i] as number) + j]) {
      current[i] = OPEN;
      key = keyAfterChange(space, current, key, i, j);
    }
  }
  let involved: number[] | null = null; // per issue, how many problems involve it (problemsByIssue)
  let settled = settledCount(current);
  let accepted = false;
  for (let attempt = 0; attempt < current.length && settled > 0; attempt += 1) {
    if (search.canSign(current, key)) {
      accepted = true;
      break;
    }
    // Only a clause involved in every problem can fix the package on its own.
    involved ??= current.map(() => 0);
    const problems = problemsByIssue(own.rules, current, offer.world, involved);
    let best = OPEN;
    let bestLoss = 0;
    for (let i = 0; i < current.length; i += 1) {
      const j = current[i] as number;
      if (j === OPEN) continue;
      let fixed = settled === 1;
      if (!fixed && involved[i] === problems) {
        current[i] = OPEN;
        fixed = search.canSign(current, keyAfterChange(space, current, key, i, j));
        current[i] = j;
      }
      // Removing a clause swaps its weighted utility for the no-deal value on that issue.
      const loss =
        (own.issueWeight[i] as number) * ((own.utility[(space.clauseBase[i] as number) + j] as number) - offer.noDeal);
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
  if (settled > 0 && (accepted || search.canSign(current, key))) return { choice: current, key, settled };
  const nothing = emptyChoice(space);
  return { choice: nothing, key: keyOfChoice(space, nothing), settled: 0 };
}

/**
 * What stops the bot signing a choice that settles something, issue by issue: per pair of clauses
 * that cannot stand together, their two issues; per red line broken, the issues it reads.
 * Removing a clause of an issue not involved in every problem cannot make the package signable.
 * `involved[i]` becomes how many problems involve issue i; returns how many problems there are.
 */
export function problemsByIssue(rules: DelegationRules, choice: Choice, world: WorldState, involved: number[]): number {
  for (let i = 0; i < choice.length; i += 1) involved[i] = 0;
  let problems = 0;
  for (const clash of rules.space.clashes) {
    if (!clashHolds(clash, choice)) continue;
    problems += 1;
    involved[clash.issue] = (involved[clash.issue] as number) + 1;
    if (clash.otherIssue !== clash.issue) involved[clash.otherIssue] = (involved[clash.otherIssue] as number) + 1;
  }
  const facts = { world };
  for (const line of rules.redLines) {
    if (!holds(line.breaks, choice, facts)) continue;
    problems += 1;
    for (const i of line.issues) involved[i] = (involved[i] as number) + 1;
  }
  return problems;
}

/** Own utility of the bot's single best package for itself (its "top"), or null if it can sign none. */
export function bestOwnUtility(search: OfferSearch): number | null {
  const candidate = candidateFor(search, null, 0);
  return candidate.settled === 0 ? null : choiceUtility(search.tables, candidate.choice);
}

const MEDIATOR_OWN_WEIGHTS = [0, 0.3, 0.6];
const PARTIAL_LAMBDAS = [0, 1];
const HUMANITARIAN = ['humanitarian'];

/** The bot's candidate offers at its level, best trade-offs first. Empty packages are dropped. */
export function generateOffers(search: OfferSearch, liking: Liking, level: BotLevel): Candidate[] {
  const seen = new Set<ChoiceKey>();
  const out: Candidate[] = [];
  const add = (candidate: Repaired) => {
    if (candidate.settled === 0 || seen.has(candidate.key)) return;
    seen.add(candidate.key);
    out.push(scoreCandidate(search.tables, liking, candidate));
  };
  // Mediator drafts, whole settlements, and partial deals on the humanitarian clauses alone: the
  // tactical agreements the seeds expect to go on even in a stalemate.
  for (const ownWeight of MEDIATOR_OWN_WEIGHTS) add(mediatorCandidate(search, liking, ownWeight));
  for (const lambda of LAMBDAS[level]) add(candidateFor(search, liking, lambda));
  for (const lambda of PARTIAL_LAMBDAS) add(candidateFor(search, liking, lambda, HUMANITARIAN));
  return out;
}

function expectedValue(c: Candidate, reservationValue: number): number {
  return c.acceptance * c.utility + (1 - c.acceptance) * reservationValue;
}

/** Does this choice end the talks (it settles a concluding issue, such as the ceasefire, to a non-default option)? */
export function concludesTalks(space: ClauseSpace, choice: Choice): boolean {
  for (let i = 0; i < choice.length; i += 1) {
    const j = choice[i] as number;
    if (j !== OPEN && (space.issues[i] as AgendaIssue).concludes && j !== space.defaults[i]) return true;
  }
  return false;
}

/**
 * The offer to table now. A settlement that ends the talks must meet the aspiration (the bot
 * concedes along its curve before it settles for less); a partial deal, which leaves the talks
 * going, need only beat no deal. Among those, the one with the best expected gain over no deal:
 * predicted acceptance × (its worth − the reservation value). So when no settlement the others
 * might accept is in sight, a tactical deal they would take (a prisoner exchange, a grain
 * corridor) goes on the table instead. Null when nothing qualifies.
 */
export function chooseTabling(
  space: ClauseSpace,
  candidates: readonly Candidate[],
  target: number,
  reservationValue: number,
): Candidate | null {
  let best: Candidate | null = null;
  let bestGain = 0;
  for (const c of candidates) {
    const floor = concludesTalks(space, c.choice) ? Math.max(target, reservationValue) : reservationValue;
    if (c.utility < floor || c.utility <= reservationValue) continue;
    const gain = c.acceptance * (c.utility - reservationValue);
    if (gain > bestGain) {
      best = c;
      bestGain = gain;
    }
  }
  return best;
}

/**
 * The offer to make at this aspiration level: among candidates worth at least the aspiration, the
 * one with the best expected value — predicted acceptance times its worth, plus the chance of
 * refusal times the reservation value; if none reaches the aspiration, the one worth most.
 */
export function chooseOffer(candidates: readonly Candidate[], target: number, reservationValue = 0): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.utility < target) continue;
    if (!best || expectedValue(c, reservationValue) > expectedValue(best, reservationValue)) best = c;
  }
  if (best) return best;
  for (const c of candidates) if (!best || c.utility > best.utility) best = c;
  return best;
}
