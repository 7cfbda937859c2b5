/**
 * The search behind the debrief's Pareto frontier (scoring.ts explains the method): for each weight
 * vector λ, the best package issue by issue, repaired into a signable one by the cheapest
 * single-issue changes.
 *
 * `npm run simulate` runs this for every game that ends in a deal, so it works on choices
 * (space.ts): per search, the values of every choice are numbers in arrays by delegation, each
 * delegation's red lines and ratification rules have their world side decided once for the
 * search's world (compiled.ts rulesAtWorld), and for each λ every choice's weighted value is
 * worked out once rather than at each trial. The arithmetic (and its order) is that of the plain
 * version, so the frontier is the same to the last bit (shared/test/engine/frontier.test.ts holds
 * the two equal).
 */

import { NumberTable } from '../numberTable.ts';
import { type DelegationRules, rulesAtWorld, type ScenarioRules } from '../scenario/compiled.ts';
import { noDealValue, optionUtility, signingProblemCount, type WorldState } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  type ClauseSpace,
  emptyChoice,
  keyOfChoice,
  OPEN,
  packageOf,
  settledCount,
} from '../scenario/space.ts';

export type Utilities = Record<DelegationId, number>;

/**
 * Per issue, per choice (0 = leave the issue open, c = option c − 1), each delegation's weighted
 * value, by DELEGATION_IDS index: `values[i][c][d]`.
 */
export type IssueValues = number[][][];

/** Per-issue value of each choice (an option, or leaving the issue open) for each delegation. */
export function issueValues(rules: ScenarioRules, world: WorldState): IssueValues {
  const s = rules.scenario;
  const nd = DELEGATION_IDS.map((d) => noDealValue(s, d, world));
  const weights = DELEGATION_IDS.map((d) => rules.weights[d]);
  const discount = DELEGATION_IDS.map((d) => (1 - s.delegations[d].preferences.discountPerMonth) ** world.month);
  return s.agenda.issues.map((issue) =>
    ['', ...issue.options.map((o) => o.id)].map((option) =>
      DELEGATION_IDS.map((d, index) => {
        const w = weights[index]?.[issue.id] ?? 0;
        const v = option === '' ? (nd[index] ?? 0) : optionUtility(s, d, issue.id, option) * (discount[index] ?? 1);
        return w * v;
      }),
    ),
  );
}

/** Σ_d λ_d · v_d, added in DELEGATION_IDS order from 0. */
function scalar(values: readonly number[], lambda: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < lambda.length; d += 1) sum = sum + (lambda[d] as number) * (values[d] as number);
  return sum;
}

/**
 * How far a package is from signable (evaluate.ts signingProblemCount: 0 = signable), and 99 for
 * the empty package, which the repairs must never reach for. Memoised per search by the choice's
 * key: the repairs of neighbouring weight vectors try the same packages over and over.
 */
export class Badness {
  private readonly memo = new Map<string, number>();
  private readonly numbered: NumberTable;
  private readonly space: ClauseSpace;
  private readonly world: WorldState;
  /** Each delegation's rules (by DELEGATION_IDS index) with their world side decided for this search's world. */
  private readonly delegations: readonly DelegationRules[];

  /** `expected`: about how many packages the search will try (a frontier sweep tries some 13,000). */
  constructor(rules: ScenarioRules, world: WorldState, expected = 256) {
    this.space = rules.space;
    this.world = world;
    this.numbered = new NumberTable(2 ** Math.ceil(Math.log2(2 * expected)));
    this.delegations = DELEGATION_IDS.map((d) => rulesAtWorld(rules.delegations[d], { world }));
  }

  /** Numbered keys go to the typed-array table; string keys (agendas too large to number) to a Map. */
  of(choice: Choice, key: ChoiceKey): number {
    let b = typeof key === 'number' ? this.numbered.get(key) : (this.memo.get(key) ?? -1);
    if (b < 0) {
      b = settledCount(choice) === 0 ? 99 : signingProblemCount(this.space, this.delegations, choice, this.world);
      if (typeof key === 'number') this.numbered.set(key, b);
      else this.memo.set(key, b);
    }
    return b;
  }
}

/**
 * Best package for λ, then repaired into a signable one by the cheapest single-issue changes. The
 * choice is an index per issue into its row of choices (0 = left open), so a trial is one number
 * changed and its key one addition.
 */
export function bestFor(
  space: ClauseSpace,
  table: IssueValues,
  lambda: readonly number[],
  badness: Badness,
): Package | null {
  // Each choice's weighted value under this λ, once.
  const scalars: number[][] = [];
  const choice: Choice = emptyChoice(space);
  for (let i = 0; i < table.length; i += 1) {
    const row = table[i] as number[][];
    const values: number[] = [];
    for (let c = 0; c < row.length; c += 1) values.push(scalar(row[c] as number[], lambda));
    scalars.push(values);
    let best = 0;
    for (let c = 1; c < values.length; c += 1) if ((values[c] as number) > (values[best] as number)) best = c;
    choice[i] = best + OPEN;
  }
  const places = space.places;
  for (let attempt = 0; attempt < table.length * 2; attempt += 1) {
    const key = keyOfChoice(space, choice);
    // Same verdict as isSignable: nothing wrong with it for anyone who must sign it.
    const current = badness.of(choice, key);
    if (current === 0) return packageOf(space, choice);
    let moveIssue = -1;
    let moveOption = 0;
    let moveCost = 0;
    let moveBadness = 0;
    for (let i = 0; i < table.length; i += 1) {
      const values = scalars[i] as number[];
      const at = (choice[i] as number) - OPEN;
      const place = places?.[i];
      for (let c = 0; c < values.length; c += 1) {
        if (c === at) continue;
        choice[i] = c + OPEN;
        const b = badness.of(
          choice,
          place === undefined ? keyOfChoice(space, choice) : (key as number) + (c - at) * place,
        );
        choice[i] = at + OPEN;
        if (b >= current) continue;
        const cost = (values[at] as number) - (values[c] as number);
        if (moveIssue < 0 || b < moveBadness || (b === moveBadness && cost < moveCost)) {
          moveIssue = i;
          moveOption = c + OPEN;
          moveCost = cost;
          moveBadness = b;
        }
      }
    }
    if (moveIssue < 0) return null;
    choice[moveIssue] = moveOption;
  }
  return null;
}

/** Weight vectors on the 4-simplex with the given number of steps per axis (steps=8: 165 vectors). */
export function simplexGrid(steps: number): Utilities[] {
  const out: Utilities[] = [];
  for (let a = 0; a <= steps; a += 1)
    for (let b = 0; a + b <= steps; b += 1)
      for (let c = 0; a + b + c <= steps; c += 1) {
        const d = steps - a - b - c;
        out.push({ ukraine: a / steps, russia: b / steps, us: c / steps, europe: d / steps });
      }
  return out;
}
