/**
 * The agenda as numbers, for searches over packages (the bots' offers, the debrief's Pareto
 * frontier). Every clause ("issue.option") gets an index; a package under construction is a Choice
 * (one option index per issue, OPEN where it is left open); and the agenda's incompatibilities and
 * the content's conditions (red lines, ratification rules) are compiled once into checks on
 * choices. A search tries hundreds or thousands of packages, and reading strings and building
 * objects for each was most of its cost.
 *
 * The meaning stays in evaluate.ts: world conditions are handed to evaluateCondition itself, and
 * shared/test/scenario/space.test.ts holds every compiled check to its evaluate.ts original.
 */

import { memo, memoWith } from '../memo.ts';
import { type EvalContext, evaluateCondition, issuesOf, type WorldState } from './evaluate.ts';
import type { PublicScenario } from './public.ts';
import { type AgendaIssue, type Condition, DELEGATION_IDS, type Package, type RedLine } from './schema.ts';

/** Per agenda issue, the index of its chosen option, or OPEN. */
export type Choice = Int16Array;
export const OPEN = -1;

/** A choice's identity: a number when the agenda is small enough to number every package exactly. */
export type ChoiceKey = number | string;

export interface ClauseSpace {
  issues: readonly AgendaIssue[];
  /** Index of issue i's first clause: clause index = clauseBase[i] + option index. */
  clauseBase: readonly number[];
  clauseCount: number;
  /** "issue.option" → clause index. */
  clauseIndex: ReadonlyMap<string, number>;
  /** issue id → issue index, and per issue: option id → option index. */
  issueIndex: ReadonlyMap<string, number>;
  optionIndex: ReadonlyArray<ReadonlyMap<string, number>>;
  /** Each issue's default option index (what an open issue resolves to). */
  defaults: readonly number[];
  /** Clauses that cannot stand together, four numbers a pair (issue, option, issue, option): a short list to walk. */
  clashes: readonly number[];
  /** Per clause index: who must sign a package with that clause, as bits by DELEGATION_IDS index. */
  signerMasks: readonly number[];
  /** Mixed-radix place value of each issue, when every package's number is exact (else null). */
  places: readonly number[] | null;
}

/** An "issue.option" reference as [issue index, option index], or null if the agenda lacks it. */
function locate(
  issueIndex: ReadonlyMap<string, number>,
  optionIndex: ReadonlyArray<ReadonlyMap<string, number>>,
  ref: string,
): [number, number] | null {
  const dot = ref.indexOf('.');
  const i = issueIndex.get(ref.slice(0, dot));
  const j = i === undefined ? undefined : optionIndex[i]?.get(ref.slice(dot + 1));
  return i === undefined || j === undefined ? null : [i, j];
}

type AgendaHolder = Pick<PublicScenario, 'agenda'>;
const SPACES = new WeakMap<object, ClauseSpace>();

export function spaceOf(scenario: AgendaHolder): ClauseSpace {
  return memo(SPACES, scenario.agenda, () => numberAgenda(scenario.agenda.issues));
}

function numberAgenda(issues: readonly AgendaIssue[]): ClauseSpace {
  const clauseBase: number[] = [];
  const clauseIndex = new Map<string, number>();
  const issueIndex = new Map(issues.map((issue, i) => [issue.id, i]));
  const optionIndex = issues.map((issue) => new Map(issue.options.map((o, j) => [o.id, j])));
  let count = 0;
  for (const issue of issues) {
    clauseBase.push(count);
    for (const o of issue.options) clauseIndex.set(`${issue.id}.${o.id}`, count++);
  }
  const clashes: number[] = [];
  issues.forEach((issue, i) => {
    issue.options.forEach((o, j) => {
      for (const ref of o.incompatibleWith ?? []) {
        const pair = locate(issueIndex, optionIndex, ref);
        if (pair) clashes.push(i, j, pair[0], pair[1]);
      }
    });
  });
  let product = 1;
  const places: number[] = [];
  for (const issue of issues) {
    places.push(product);
    product *= issue.options.length + 1;
  }
  return {
    issues,
    clauseBase,
    clauseCount: count,
    clauseIndex,
    issueIndex,
    optionIndex,
    defaults: issues.map((issue, i) => optionIndex[i]?.get(issue.default) ?? -2),
    clashes,
    signerMasks: issues.flatMap((issue) =>
      issue.options.map((o) => o.signatories.reduce((m, d) => m | (1 << DELEGATION_IDS.indexOf(d)), 0)),
    ),
    places: Number.isSafeInteger(product) ? places : null,
  };
}

export function emptyChoice(space: ClauseSpace): Choice {
  return new Int16Array(space.issues.length).fill(OPEN);
}

/** A package as a choice, or null if it names an issue or option the agenda does not have. */
export function choiceOf(space: ClauseSpace, pkg: Package): Choice | null {
  const choice = emptyChoice(space);
  for (const issueId in pkg) {
    const i = space.issueIndex.get(issueId);
    const j = i === undefined ? undefined : space.optionIndex[i]?.get(pkg[issueId] as string);
    if (i === undefined || j === undefined) return null;
    choice[i] = j;
  }
  return choice;
}

/** A choice as a package, its clauses in agenda order. */
export function packageOf(space: ClauseSpace, choice: Choice): Package {
  const pkg: Package = {};
  space.issues.forEach((issue, i) => {
    const j = choice[i] as number;
    if (j !== OPEN) pkg[issue.id] = issue.options[j]?.id as string;
  });
  return pkg;
}

export function keyOfChoice(space: ClauseSpace, choice: Choice): ChoiceKey {
  const places = space.places;
  if (places) {
    let key = 0;
    for (let i = 0; i < choice.length; i += 1) key += ((choice[i] as number) + 1) * (places[i] as number);
    return key;
  }
  return String.fromCharCode(...Array.from(choice, (j) => j + 1));
}

/**
 * The key of a choice just changed at issue i (it held `before`), from its key before the change:
 * one term instead of every issue's. Exact: numbered keys are integers below 2^53.
 */
export function keyAfterChange(
  space: ClauseSpace,
  choice: Choice,
  key: ChoiceKey,
  i: number,
  before: number,
): ChoiceKey {
  const places = space.places;
  if (places === null || typeof key !== 'number') return keyOfChoice(space, choice);
  return key + ((choice[i] as number) - before) * (places[i] as number);
}

export function settledCount(choice: Choice): number {
  let n = 0;
  for (let i = 0; i < choice.length; i += 1) if (choice[i] !== OPEN) n += 1;
  return n;
}

/** Same verdict as packageProblems(packageOf(choice)).length === 0: something settled, no two clauses that clash. */
export function choiceWellFormed(space: ClauseSpace, choice: Choice): boolean {
  return settledCount(choice) > 0 && choiceProblemCount(space, choice) === 0;
}

/** A condition compiled against the agenda: true/false for a choice (resolved to defaults) in a world. */
export type CompiledCondition = (choice: Choice, world: WorldState) => boolean;

/** A test of a choice alone (a package leaf, or a condition whose world leaves are decided). */
export type ChoiceTest = (choice: Choice) => boolean;

/** "The resolved package has this clause" (a clause the agenda lacks is never in a resolved package). */
export function clauseTest(space: ClauseSpace, ref: string): ChoiceTest {
  const at = locate(space.issueIndex, space.optionIndex, ref);
  if (!at) return () => false;
  const [i, j] = at;
  const fallback = space.defaults[i];
  return (choice) => {
    const chosen = choice[i] as number;
    return (chosen === OPEN ? fallback : chosen) === j;
  };
}

/** "The resolved package has one of these clauses". */
export function anyClauseTest(space: ClauseSpace, refs: readonly string[]): ChoiceTest {
  // Issue, option and the issue's default, three numbers a clause the agenda has.
  const numbers: number[] = [];
  for (const ref of refs) {
    const at = locate(space.issueIndex, space.optionIndex, ref);
    if (at) numbers.push(at[0], at[1], space.defaults[at[0]] as number);
  }
  return (choice) => {
    for (let r = 0; r < numbers.length; r += 3) {
      const chosen = choice[numbers[r] as number] as number;
      if ((chosen === OPEN ? numbers[r + 2] : chosen) === numbers[r + 1]) return true;
    }
    return false;
  };
}

/** Compile a condition; package tests read the choice, every other leaf goes to evaluateCondition. */
export function compileCondition(space: ClauseSpace, cond: Condition): CompiledCondition {
  if ('clause' in cond) return clauseTest(space, cond.clause);
  // Plain loops over the parts, not some/every with a callback: a bot checks its red lines on
  // hundreds of packages a game, and each callback was a closure made per check.
  if ('anyClause' in cond) return anyClauseTest(space, cond.anyClause);
  if ('all' in cond || 'any' in cond) {
    // "all" fails at its first false part and "any" holds at its first true one.
    const every = 'all' in cond;
    const parts = ('all' in cond ? cond.all : cond.any).map((c) => compileCondition(space, c));
    return (choice, world) => {
      for (let p = 0; p < parts.length; p += 1)
        if ((parts[p] as CompiledCondition)(choice, world) !== every) return !every;
      return every;
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(space, cond.not);
    return (choice, world) => !inner(choice, world);
  }
  // World, month, flag and outcome leaves do not read the package: evaluate.ts decides them.
  return (_choice, world) => evaluateCondition(cond, { world } satisfies EvalContext);
}

/** A condition compiled once per agenda (conditions are content: they live as long as the scenario). */
const COMPILED = new WeakMap<Condition, { context: ClauseSpace; value: CompiledCondition }>();
export function compiled(space: ClauseSpace, cond: Condition): CompiledCondition {
  return memoWith(COMPILED, cond, space, () => compileCondition(space, cond));
}

/** Same count as packageProblems(packageOf(choice)).length for a choice that settles something. */
export function choiceProblemCount(space: ClauseSpace, choice: Choice): number {
  const clashes = space.clashes;
  let count = 0;
  for (let c = 0; c < clashes.length; c += 4) {
    if (choice[clashes[c] as number] === clashes[c + 1] && choice[clashes[c + 2] as number] === clashes[c + 3])
      count += 1;
  }
  return count;
}

/** Same delegations as requiredSignatories(packageOf(choice)), as bits by DELEGATION_IDS index. */
export function choiceSignatories(space: ClauseSpace, choice: Choice): number {
  let mask = 0;
  for (let i = 0; i < choice.length; i += 1) {
    const j = choice[i] as number;
    if (j !== OPEN) mask |= space.signerMasks[(space.clauseBase[i] as number) + j] as number;
  }
  return mask;
}

/** A delegation's red lines, compiled, with the agenda issues each one reads (as issue indexes). */
export interface CompiledRedLine {
  breaks: CompiledCondition;
  issues: ReadonlySet<number>;
}

const RED_LINES = new WeakMap<readonly RedLine[], { context: ClauseSpace; value: CompiledRedLine[] }>();

export function compiledRedLines(space: ClauseSpace, redLines: readonly RedLine[]): CompiledRedLine[] {
  return memoWith(RED_LINES, redLines, space, () =>
    redLines.map((line) => ({
      breaks: compiled(space, line.breaksWhen),
      issues: new Set([...issuesOf(line.breaksWhen)].flatMap((id) => space.issueIndex.get(id) ?? [])),
    })),
  );
}

/** Same verdict as breachesOf(…, redLines, packageOf(choice), world).length > 0. */
export function choiceBreaksRedLine(lines: readonly CompiledRedLine[], choice: Choice, world: WorldState): boolean {
  for (const line of lines) if (line.breaks(choice, world)) return true;
  return false;
}

/**
 * What stops the bot signing a choice that settles something: per pair of clauses that cannot
 * stand together, their two issues; per red line broken, the issues it reads. Removing a clause of
 * an issue not involved in every problem cannot make the package signable. Counted, not listed:
 * counts[i] is how many problems involve issue i, and the return value how many there are.
 */
export function choiceProblemCounts(
  space: ClauseSpace,
  lines: readonly CompiledRedLine[],
  choice: Choice,
  world: WorldState,
  counts: Int32Array,
): number {
  counts.fill(0, 0, choice.length);
  let problems = 0;
  const clashes = space.clashes;
  for (let c = 0; c < clashes.length; c += 4) {
    const i = clashes[c] as number;
    const i2 = clashes[c + 2] as number;
    if (choice[i] !== clashes[c + 1] || choice[i2] !== clashes[c + 3]) continue;
    problems += 1;
    counts[i] = (counts[i] as number) + 1;
    if (i2 !== i) counts[i2] = (counts[i2] as number) + 1;
  }
  for (const line of lines) {
    if (!line.breaks(choice, world)) continue;
    problems += 1;
    for (const i of line.issues) counts[i] = (counts[i] as number) + 1;
  }
  return problems;
}
