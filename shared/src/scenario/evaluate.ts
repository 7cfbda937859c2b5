/**
 * Pure evaluation of scenario content: conditions, packages, utilities, red lines, ratification,
 * world effects and outcome classification. No I/O, no randomness, no clock: the engine, the bots,
 * the simulator, the UI hints and the content tests all call these same functions.
 *
 * The utility model (no-deal value, weights, package utility) is in utility.ts, re-exported here.
 */

import { agendaIndex, signerMasks, splitRef, variablesById } from './contentIndex.ts';
import {
  type ClauseRef,
  type Condition,
  DELEGATION_IDS,
  type DelegationId,
  type Effect,
  type Ending,
  type Outcome,
  type Package,
  type RatificationRule,
  type RedLine,
  type Scenario,
} from './schema.ts';

export * from './utility.ts';

/** The world the talks happen in: variable values, raised flags, months since the start. */
export interface WorldState {
  values: Record<string, number>;
  flags: string[];
  /** Months since the scenario's first month, 0-based. */
  month: number;
}

/** Everything a condition can look at. `pkg` is a resolved package (every issue has an option). */
export interface EvalContext {
  pkg?: Package | null;
  world: WorldState;
  ending?: Ending | null;
  ratified?: boolean;
  agreement?: boolean;
}

function withinBounds(value: number, b: { lt?: number; lte?: number; gt?: number; gte?: number }): boolean {
  if (b.lt !== undefined && !(value < b.lt)) return false;
  if (b.lte !== undefined && !(value <= b.lte)) return false;
  if (b.gt !== undefined && !(value > b.gt)) return false;
  if (b.gte !== undefined && !(value >= b.gte)) return false;
  return true;
}

function hasClause(pkg: Package | null | undefined, ref: string): boolean {
  if (!pkg) return false;
  const [issue, option] = splitRef(ref);
  return pkg[issue] === option;
}

/** Evaluate the content's condition language. Unknown variables read as 0 (content:check forbids them). */
export function evaluateCondition(cond: Condition, ctx: EvalContext): boolean {
  if ('clause' in cond) return hasClause(ctx.pkg, cond.clause);
  if ('anyClause' in cond) return cond.anyClause.some((ref) => hasClause(ctx.pkg, ref));
  if ('world' in cond) return withinBounds(ctx.world.values[cond.world] ?? 0, cond);
  if ('sum' in cond) return withinBounds(sumOf(ctx.world, cond.sum), cond);
  if ('month' in cond) return withinBounds(ctx.world.month, cond.month);
  if ('flag' in cond) return ctx.world.flags.includes(cond.flag);
  if ('ending' in cond) return ctx.ending === cond.ending;
  if ('ratified' in cond) return (ctx.ratified ?? false) === cond.ratified;
  if ('agreement' in cond) return (ctx.agreement ?? false) === cond.agreement;
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, ctx));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, ctx));
  return !evaluateCondition(cond.not, ctx);
}

export function sumOf(world: WorldState, ids: readonly string[]): number {
  return ids.reduce((total, id) => total + (world.values[id] ?? 0), 0);
}

/** The agenda issues a condition reads (through `clause` and `anyClause`), computed once per condition. */
const CONDITION_ISSUES = new WeakMap<Condition, ReadonlySet<string>>();
export function issuesOf(cond: Condition): ReadonlySet<string> {
  let issues = CONDITION_ISSUES.get(cond);
  if (!issues) {
    const out = new Set<string>();
    const visit = (c: Condition) => {
      if ('clause' in c) out.add(splitRef(c.clause)[0]);
      else if ('anyClause' in c) for (const ref of c.anyClause) out.add(splitRef(ref)[0]);
      else if ('all' in c) c.all.forEach(visit);
      else if ('any' in c) c.any.forEach(visit);
      else if ('not' in c) visit(c.not);
    };
    visit(cond);
    issues = out;
    CONDITION_ISSUES.set(cond, issues);
  }
  return issues;
}

/** Clause references a condition mentions that the package contains: what to blame for a breach. */
export function clausesMatched(cond: Condition, pkg: Package | null | undefined): ClauseRef[] {
  if ('clause' in cond) return hasClause(pkg, cond.clause) ? [cond.clause] : [];
  if ('anyClause' in cond) return cond.anyClause.filter((ref) => hasClause(pkg, ref));
  if ('all' in cond) return unique(cond.all.flatMap((c) => clausesMatched(c, pkg)));
  if ('any' in cond) return unique(cond.any.flatMap((c) => clausesMatched(c, pkg)));
  return [];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The package with every issue it omits set to that issue's default (the status quo). */
export function resolvePackage(scenario: Pick<Scenario, 'agenda'>, pkg: Package): Package {
  const resolved: Package = {};
  for (const issue of scenario.agenda.issues) resolved[issue.id] = pkg[issue.id] ?? issue.default;
  return resolved;
}

/** The clauses a package settles explicitly, as "issue.option" references, in agenda order. */
export function clausesOf(scenario: Pick<Scenario, 'agenda'>, pkg: Package): ClauseRef[] {
  return scenario.agenda.issues.filter((i) => pkg[i.id] !== undefined).map((i) => `${i.id}.${pkg[i.id]}`);
}

/** Why a package is not well formed (unknown issue or option), or [] when it is. */
export function packageProblems(scenario: Pick<Scenario, 'agenda'>, pkg: Package): string[] {
  const index = agendaIndex(scenario);
  const problems: string[] = [];
  let settled = 0;
  for (const issueId in pkg) {
    settled += 1;
    const optionId = pkg[issueId] as string;
    const options = index.get(issueId);
    if (!options) problems.push(`unknown agenda issue "${issueId}"`);
    else if (!options.has(optionId)) problems.push(`issue "${issueId}" has no option "${optionId}"`);
  }
  if (settled === 0) problems.push('the package settles no issue');
  for (const issue of scenario.agenda.issues) {
    const optionId = pkg[issue.id];
    if (optionId === undefined) continue;
    for (const [otherIssue, otherOption, other] of index.get(issue.id)?.get(optionId)?.clashes ?? []) {
      if (pkg[otherIssue] === otherOption) {
        problems.push(`clause ${issue.id}.${optionId} cannot stand with clause ${other}`);
      }
    }
  }
  return problems;
}

/** Delegations whose signatures the package needs to bind: the union over the clauses it settles. */
export function requiredSignatories(scenario: Pick<Scenario, 'agenda'>, pkg: Package): DelegationId[] {
  const masks = signerMasks(scenario);
  let needed = 0;
  for (let i = 0; i < masks.length; i += 1) {
    const optionId = pkg[(scenario.agenda.issues[i] as { id: string }).id];
    if (optionId !== undefined) needed |= masks[i]?.get(optionId) ?? 0;
  }
  return DELEGATION_IDS.filter((_, bit) => (needed >> bit) & 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A red line the package breaks, with the clauses to blame and a sentence for the player. */
export interface Breach {
  delegation: DelegationId;
  redLine: RedLine;
  clauses: ClauseRef[];
  message: string;
}

/**
 * The delegation's red lines this package breaks (hard constraints: it may not accept or sign it).
 * Checked on the resolved package, so a silence that keeps an unacceptable status quo counts too.
 */
export function checkPackage(scenario: Scenario, delegation: DelegationId, pkg: Package, world?: WorldState): Breach[] {
  const d = scenario.delegations[delegation];
  return breachesOf(scenario, delegation, d.name.en, d.redLines, pkg, world ?? initialWorld(scenario));
}

/**
 * The same check from a delegation's own knowledge only (the public agenda and its own red lines):
 * what an AI delegation or a player's UI uses without access to anyone else's data.
 */
export function breachesOf(
  scenario: Pick<Scenario, 'agenda'>,
  delegation: DelegationId,
  name: string,
  redLines: readonly RedLine[],
  pkg: Package,
  world: WorldState,
): Breach[] {
  const resolved = resolvePackage(scenario, pkg);
  const ctx: EvalContext = { pkg: resolved, world };
  return redLines
    .filter((line) => evaluateCondition(line.breaksWhen, ctx))
    .map((redLine) => {
      const clauses = clausesMatched(redLine.breaksWhen, resolved);
      const which = clauses.length > 0 ? `clause ${clauses.join(', ')} breaks` : 'the package breaks';
      return {
        delegation,
        redLine,
        clauses,
        message: `${name} cannot sign: ${which} red line "${redLine.title.en}"`,
      };
    });
}

/** The delegation's ratification rules a signed package fails at home ([] = it survives). */
export function ratificationFailures(
  scenario: Scenario,
  delegation: DelegationId,
  pkg: Package,
  world: WorldState,
): RatificationRule[] {
  const ctx: EvalContext = { pkg: resolvePackage(scenario, pkg), world };
  return scenario.delegations[delegation].ratification.filter((rule) => !evaluateCondition(rule.requires, ctx));
}

/** The world at the start of the scenario. */
export function initialWorld(scenario: Scenario): WorldState {
  return {
    values: Object.fromEntries(scenario.world.variables.map((v) => [v.id, v.initial])),
    flags: [],
    month: 0,
  };
}

/** A lever effect may name "$sector"; replace it with the sector chosen when the lever was used. */
export function bindSector(effect: Effect | { variable: string; delta: number }, sector?: string): Effect {
  if ('variable' in effect && effect.variable.includes('$sector')) {
    return { ...effect, variable: effect.variable.replace('$sector', sector ?? '') } as Effect;
  }
  return effect as Effect;
}

/** Apply effects to a world (returns a new world; values clamped to each variable's range). */
export function applyEffects(
  scenario: Pick<Scenario, 'world'>,
  world: WorldState,
  effects: readonly Effect[],
): WorldState {
  const values = { ...world.values };
  const flags = [...world.flags];
  const variables = variablesById(scenario.world);
  for (const effect of effects) {
    if ('flag' in effect) {
      if (!flags.includes(effect.flag)) flags.push(effect.flag);
      continue;
    }
    const variable = variables.get(effect.variable);
    if (!variable) continue;
    const next = 'set' in effect ? effect.set : (values[variable.id] ?? variable.initial) + effect.delta;
    values[variable.id] = clamp(next, variable.min, variable.max);
  }
  return { ...world, values, flags };
}

/** One month of the world's own dynamics: each variable's drift plus its drivers, from the same start. */
export function worldDynamics(scenario: Scenario, world: WorldState): WorldState {
  const effects: Effect[] = scenario.world.variables.map((v) => {
    const driven = v.drivers.reduce((sum, d) => sum + d.coefficient * ((world.values[d.variable] ?? 0) - d.pivot), 0);
    return { variable: v.id, delta: v.drift + driven };
  });
  return applyEffects(scenario, world, effects);
}

/** What the end of a game looks like to the outcome rules. */
export interface OutcomeContext {
  ending: Ending;
  /** The package signed by all its required signatories, if any. */
  agreement: Package | null;
  ratified: boolean;
  world: WorldState;
}

/** The first outcome whose rule matches (content order), or the last outcome as a catch-all. */
export function classifyOutcome(scenario: Scenario, end: OutcomeContext): Outcome {
  const ctx: EvalContext = {
    pkg: end.agreement ? resolvePackage(scenario, end.agreement) : null,
    world: end.world,
    ending: end.ending,
    ratified: end.ratified,
    agreement: end.agreement !== null,
  };
  const outcomes = scenario.outcomes;
  return outcomes.find((o) => evaluateCondition(o.when, ctx)) ?? (outcomes[outcomes.length - 1] as Outcome);
}
