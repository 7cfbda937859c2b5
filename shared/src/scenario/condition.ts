/**
 * The content's condition language (schemaBasics.ts `Condition`), compiled once against the agenda
 * into one tree whose clause tests read a Choice (space.ts). Everything that asks about a
 * condition derives from this tree:
 *
 * - `holds`: the verdict for a package (as a choice; null for "no package") and the facts of a
 *   game (world, and at its end the ending, ratification and agreement);
 * - `decideWorld`: the tree with every leaf that does not read the package decided for one world
 *   and folded away, for searches that try thousands of packages at one world (the debrief);
 * - `blame`: the clauses of a package a condition names and the package has (what a red line blames);
 * - `issuesRead`: the agenda issues a condition reads (what can be changed to satisfy it).
 *
 * shared/test/scenario/condition.test.ts holds all of them to a plain evaluation of the raw
 * language (shared/test/support/reference.ts) on generated conditions and agendas.
 */
import type { Condition, Ending } from './schema.ts';
import { type Choice, type ClauseSpace, locate, OPEN } from './space.ts';
import type { WorldState } from './world.ts';

/** Numeric bounds of a comparison: every bound given must hold. */
export interface Bounds {
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
}

/** A compiled condition: one node of the tree, with its verdict (`holds` asks it). */
export type CompiledCondition = ConditionNode & {
  /** The node's verdict, made when the node is (a closure over its parts' verdicts). */
  readonly test: (choice: Choice | null, facts: Facts) => boolean;
};

type ConditionNode =
  /** The package, once open issues take their default, holds one of these clauses. */
  | {
      kind: 'clauses';
      /** Per clause of the agenda's issues the condition names: its issue, option and the issue's default. */
      issues: readonly number[];
      options: readonly number[];
      defaults: readonly number[];
      /** The same clauses as written ("issue.option"). */
      refs: readonly string[];
    }
  /** The sum of these world variables (one for a `world` comparison) lies within the bounds. */
  | { kind: 'value'; variables: readonly string[]; bounds: Bounds }
  | { kind: 'month'; bounds: Bounds }
  | { kind: 'flag'; flag: string }
  | { kind: 'ending'; ending: Ending }
  | { kind: 'ratified'; value: boolean }
  | { kind: 'agreement'; value: boolean }
  | { kind: 'partial'; value: boolean }
  | { kind: 'all'; parts: readonly CompiledCondition[] }
  | { kind: 'any'; parts: readonly CompiledCondition[] }
  | { kind: 'not'; part: CompiledCondition }
  /** A condition decided without the package (decideWorld). */
  | { kind: 'const'; value: boolean };

/**
 * What a condition can look at besides the package. `ending`, `ratified`, `agreement` and `partial`
 * only exist once the talks end.
 */
export interface Facts {
  world: WorldState;
  ending?: Ending | null;
  ratified?: boolean;
  agreement?: boolean;
  /** A partial agreement (one that did not end the talks) was signed and ratified. */
  partial?: boolean;
}

export function compileCondition(space: ClauseSpace, cond: Condition): CompiledCondition {
  if ('clause' in cond) return clauses(space, [cond.clause]);
  if ('anyClause' in cond) return clauses(space, cond.anyClause);
  if ('world' in cond) return node({ kind: 'value', variables: [cond.world], bounds: boundsOf(cond) });
  if ('sum' in cond) return node({ kind: 'value', variables: cond.sum, bounds: boundsOf(cond) });
  if ('month' in cond) return node({ kind: 'month', bounds: boundsOf(cond.month) });
  if ('flag' in cond) return node({ kind: 'flag', flag: cond.flag });
  if ('ending' in cond) return node({ kind: 'ending', ending: cond.ending });
  if ('ratified' in cond) return node({ kind: 'ratified', value: cond.ratified });
  if ('agreement' in cond) return node({ kind: 'agreement', value: cond.agreement });
  if ('partial' in cond) return node({ kind: 'partial', value: cond.partial });
  if ('all' in cond) return node({ kind: 'all', parts: cond.all.map((c) => compileCondition(space, c)) });
  if ('any' in cond) return node({ kind: 'any', parts: cond.any.map((c) => compileCondition(space, c)) });
  return node({ kind: 'not', part: compileCondition(space, cond.not) });
}

/** A node of the tree with its verdict: the condition language's meaning, in one place. */
function node(data: ConditionNode): CompiledCondition {
  return Object.assign(data, { test: verdictOf(data) });
}

function verdictOf(data: ConditionNode): CompiledCondition['test'] {
  switch (data.kind) {
    case 'clauses': {
      const { issues, options, defaults } = data;
      return (choice) => {
        if (choice === null) return false;
        for (let c = 0; c < issues.length; c += 1) {
          if (holdsOption(choice, issues[c] as number, options[c] as number, defaults[c] as number)) return true;
        }
        return false;
      };
    }
    case 'value': {
      const { variables, bounds } = data;
      return (_choice, facts) => withinBounds(sumOf(facts.world, variables), bounds);
    }
    case 'month': {
      const { bounds } = data;
      return (_choice, facts) => withinBounds(facts.world.month, bounds);
    }
    case 'flag': {
      const { flag } = data;
      return (_choice, facts) => facts.world.flags.includes(flag);
    }
    case 'ending': {
      const { ending } = data;
      return (_choice, facts) => facts.ending === ending;
    }
    case 'ratified': {
      const { value } = data;
      return (_choice, facts) => (facts.ratified ?? false) === value;
    }
    case 'agreement': {
      const { value } = data;
      return (_choice, facts) => (facts.agreement ?? false) === value;
    }
    case 'partial': {
      const { value } = data;
      return (_choice, facts) => (facts.partial ?? false) === value;
    }
    case 'all': {
      const tests = data.parts.map((part) => part.test);
      return (choice, facts) => {
        for (const test of tests) if (!test(choice, facts)) return false;
        return true;
      };
    }
    case 'any': {
      const tests = data.parts.map((part) => part.test);
      return (choice, facts) => {
        for (const test of tests) if (test(choice, facts)) return true;
        return false;
      };
    }
    case 'not': {
      const test = data.part.test;
      return (choice, facts) => !test(choice, facts);
    }
    case 'const': {
      const { value } = data;
      return () => value;
    }
  }
}

const TRUE = node({ kind: 'const', value: true });
const FALSE = node({ kind: 'const', value: false });

/** Clauses of issues the agenda lacks can never be in a package, so they are left out. */
function clauses(space: ClauseSpace, refs: readonly string[]): CompiledCondition {
  const issues: number[] = [];
  const options: number[] = [];
  const defaults: number[] = [];
  const located: string[] = [];
  for (const ref of refs) {
    const at = locate(space, ref);
    if (!at) continue;
    issues.push(at[0]);
    options.push(at[1]);
    defaults.push(space.defaults[at[0]] as number);
    located.push(ref);
  }
  return node({ kind: 'clauses', issues, options, defaults, refs: located });
}

function boundsOf(b: Bounds): Bounds {
  const bounds: Bounds = {};
  if (b.lt !== undefined) bounds.lt = b.lt;
  if (b.lte !== undefined) bounds.lte = b.lte;
  if (b.gt !== undefined) bounds.gt = b.gt;
  if (b.gte !== undefined) bounds.gte = b.gte;
  return bounds;
}

function withinBounds(value: number, b: Bounds): boolean {
  if (b.lt !== undefined && !(value < b.lt)) return false;
  if (b.lte !== undefined && !(value <= b.lte)) return false;
  if (b.gt !== undefined && !(value > b.gt)) return false;
  if (b.gte !== undefined && !(value >= b.gte)) return false;
  return true;
}

/** Unknown variables read as 0 (content:check forbids them). */
function sumOf(world: WorldState, variables: readonly string[]): number {
  let total = 0;
  for (const id of variables) total += world.values[id] ?? 0;
  return total;
}

/** The package holds option j of issue i, an issue it leaves open holding its default. */
function holdsOption(choice: Choice, i: number, j: number, byDefault: number): boolean {
  const chosen = choice[i] as number;
  return (chosen === OPEN ? byDefault : chosen) === j;
}

/** The verdict for a package (as a choice; null when there is none) and the facts of the game. */
export function holds(cond: CompiledCondition, choice: Choice | null, facts: Facts): boolean {
  return cond.test(choice, facts);
}

/**
 * The condition for one world: every leaf that does not read the package is decided now, and
 * `all`/`any`/`not` over decided parts fold away, so what is left reads only the package (or is a
 * constant). Same verdicts as `holds` at that world.
 */
export function decideWorld(cond: CompiledCondition, facts: Facts): CompiledCondition {
  switch (cond.kind) {
    case 'clauses':
    case 'const':
      return cond;
    case 'all':
    case 'any': {
      // "all" fails at its first false part and "any" holds at its first true one; a part the
      // world decides either settles the whole condition or drops out of it.
      const every = cond.kind === 'all';
      const parts: CompiledCondition[] = [];
      for (const part of cond.parts) {
        const decided = decideWorld(part, facts);
        if (decided.kind === 'const') {
          if (decided.value !== every) return decided;
        } else parts.push(decided);
      }
      if (parts.length === 0) return every ? TRUE : FALSE;
      if (parts.length === 1) return parts[0] as CompiledCondition;
      return node({ kind: cond.kind, parts });
    }
    case 'not': {
      const part = decideWorld(cond.part, facts);
      if (part.kind === 'const') return part.value ? FALSE : TRUE;
      return node({ kind: 'not', part });
    }
    default:
      return holds(cond, null, facts) ? TRUE : FALSE;
  }
}

/**
 * The clauses the condition names that the package (open issues at their default) has: what to
 * blame when it holds. `not` blames nothing: a clause it names is one the package lacks.
 */
export function blame(cond: CompiledCondition, choice: Choice): string[] {
  switch (cond.kind) {
    case 'clauses':
      return cond.refs.filter((_, c) =>
        holdsOption(choice, cond.issues[c] as number, cond.options[c] as number, cond.defaults[c] as number),
      );
    case 'all':
    case 'any':
      return [...new Set(cond.parts.flatMap((part) => blame(part, choice)))];
    default:
      return [];
  }
}

/** The agenda issues (as indexes) whose clauses the condition names, first named first. */
export function issuesRead(cond: CompiledCondition): number[] {
  const issues = new Set<number>();
  const visit = (c: CompiledCondition) => {
    if (c.kind === 'clauses') for (const i of c.issues) issues.add(i);
    else if (c.kind === 'all' || c.kind === 'any') c.parts.forEach(visit);
    else if (c.kind === 'not') visit(c.part);
  };
  visit(cond);
  return [...issues];
}
