/**
 * The specification the rules are held to: a plain evaluation of the raw condition language and
 * of every rule about packages, on packages as the content writes them (strings, every issue
 * resolved to its default), with no compiling, numbering or memo. It is the code the game ran
 * before the rules were compiled (scenario/compiled.ts); the property tests
 * (test/scenario/condition.test.ts, test/scenario/packageRules.test.ts) hold every compiled form
 * and fast path of src/ to it, on generated scenarios and on the real one.
 */
import type { Rejection } from '../../src/engine/types.ts';
import type { RefusalParams, RefusalReason } from '../../src/refusals.ts';
import {
  type AgendaIssue,
  type Condition,
  DELEGATION_IDS,
  type DelegationId,
  type Ending,
  type Localized,
  type Outcome,
  type Package,
  type RatificationRule,
  type RedLine,
  type Scenario,
} from '../../src/scenario/schema.ts';
import type { WorldState } from '../../src/scenario/world.ts';

/** Everything a condition can look at. `pkg` is a resolved package (every issue has an option). */
export interface EvalContext {
  pkg?: Package | null;
  world: WorldState;
  ending?: Ending | null;
  ratified?: boolean;
  agreement?: boolean;
  partial?: boolean;
}

type Agenda = Pick<Scenario, 'agenda'>;

function withinBounds(value: number, b: { lt?: number; lte?: number; gt?: number; gte?: number }): boolean {
  if (b.lt !== undefined && !(value < b.lt)) return false;
  if (b.lte !== undefined && !(value <= b.lte)) return false;
  if (b.gt !== undefined && !(value > b.gt)) return false;
  if (b.gte !== undefined && !(value >= b.gte)) return false;
  return true;
}

function splitRef(ref: string): [string, string] {
  const dot = ref.indexOf('.');
  return [ref.slice(0, dot), ref.slice(dot + 1)];
}

function hasClause(pkg: Package | null | undefined, ref: string): boolean {
  if (!pkg) return false;
  const [issue, option] = splitRef(ref);
  return pkg[issue] === option;
}

export function sumOf(world: WorldState, ids: readonly string[]): number {
  return ids.reduce((total, id) => total + (world.values[id] ?? 0), 0);
}

/** The content's condition language, evaluated as written. Unknown variables read as 0. */
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
  if ('partial' in cond) return (ctx.partial ?? false) === cond.partial;
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, ctx));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, ctx));
  return !evaluateCondition(cond.not, ctx);
}

/** The agenda issues a condition names (through `clause` and `anyClause`), first named first. */
export function issuesOf(cond: Condition): string[] {
  const out = new Set<string>();
  const visit = (c: Condition) => {
    if ('clause' in c) out.add(splitRef(c.clause)[0]);
    else if ('anyClause' in c) for (const ref of c.anyClause) out.add(splitRef(ref)[0]);
    else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
  };
  visit(cond);
  return [...out];
}

/** Clause references a condition mentions that the package contains: what to blame for a breach. */
export function clausesMatched(cond: Condition, pkg: Package | null | undefined): string[] {
  if ('clause' in cond) return hasClause(pkg, cond.clause) ? [cond.clause] : [];
  if ('anyClause' in cond) return cond.anyClause.filter((ref) => hasClause(pkg, ref));
  if ('all' in cond) return [...new Set(cond.all.flatMap((c) => clausesMatched(c, pkg)))];
  if ('any' in cond) return [...new Set(cond.any.flatMap((c) => clausesMatched(c, pkg)))];
  return [];
}

/** The package with every issue it omits set to that issue's default (the status quo). */
export function resolvePackage(scenario: Agenda, pkg: Package): Package {
  const resolved: Package = {};
  for (const issue of scenario.agenda.issues) resolved[issue.id] = pkg[issue.id] ?? issue.default;
  return resolved;
}

function issueOf(scenario: Agenda, id: string): AgendaIssue | undefined {
  return scenario.agenda.issues.find((i) => i.id === id);
}

/** Why a package is not well formed (unknown issue or option, nothing settled, clauses that clash). */
export function packageProblems(scenario: Agenda, pkg: Package): string[] {
  const problems: string[] = [];
  for (const issueId of Object.keys(pkg)) {
    const issue = issueOf(scenario, issueId);
    if (!issue) problems.push(`unknown agenda issue "${issueId}"`);
    else if (!issue.options.some((o) => o.id === pkg[issueId])) {
      problems.push(`issue "${issueId}" has no option "${pkg[issueId]}"`);
    }
  }
  if (Object.keys(pkg).length === 0) problems.push('the package settles no issue');
  for (const issue of scenario.agenda.issues) {
    const option = issue.options.find((o) => o.id === pkg[issue.id]);
    for (const other of option?.incompatibleWith ?? []) {
      const [otherIssue, otherOption] = splitRef(other);
      if (pkg[otherIssue] === otherOption) {
        problems.push(`clause ${issue.id}.${pkg[issue.id]} cannot stand with clause ${other}`);
      }
    }
  }
  return problems;
}

/** The union over the settled clauses of who must sign, in seat order. */
export function requiredSignatories(scenario: Agenda, pkg: Package): DelegationId[] {
  const needed = new Set<DelegationId>();
  for (const issue of scenario.agenda.issues) {
    const option = issue.options.find((o) => o.id === pkg[issue.id]);
    for (const d of option?.signatories ?? []) needed.add(d);
  }
  return DELEGATION_IDS.filter((d) => needed.has(d));
}

export interface ReferenceBreach {
  delegation: DelegationId;
  redLine: RedLine;
  clauses: string[];
  message: string;
}

/** The red lines a package breaks, on the resolved package. */
export function breaches(
  scenario: Agenda,
  delegation: DelegationId,
  name: string,
  redLines: readonly RedLine[],
  pkg: Package,
  world: WorldState,
): ReferenceBreach[] {
  const resolved = resolvePackage(scenario, pkg);
  return redLines
    .filter((line) => evaluateCondition(line.breaksWhen, { pkg: resolved, world }))
    .map((redLine) => {
      const clauses = clausesMatched(redLine.breaksWhen, resolved);
      const which = clauses.length > 0 ? `clause ${clauses.join(', ')} breaks` : 'the package breaks';
      return { delegation, redLine, clauses, message: `${name} cannot sign: ${which} red line "${redLine.title.en}"` };
    });
}

/** The ratification rules a package fails, each with the clauses whose change to another real option would let it pass. */
export function ratificationProblems(
  scenario: Agenda,
  rules: readonly RatificationRule[],
  pkg: Package,
  world: WorldState,
): { rule: RatificationRule; blame: string[] }[] {
  const resolved = resolvePackage(scenario, pkg);
  const holds = (p: Package, rule: RatificationRule) => evaluateCondition(rule.requires, { pkg: p, world });
  return rules
    .filter((rule) => !holds(resolved, rule))
    .map((rule) => {
      const blame: string[] = [];
      for (const issueId of issuesOf(rule.requires)) {
        const issue = issueOf(scenario, issueId);
        if (!issue) continue;
        const fixes = issue.options.some(
          (o) => o.id !== resolved[issueId] && o.id !== issue.default && holds({ ...resolved, [issueId]: o.id }, rule),
        );
        if (fixes) blame.push(`${issueId}.${resolved[issueId]}`);
      }
      return { rule, blame };
    });
}

/** Well formed, and every required signatory can sign it and ratify it at this world. */
export function isSignable(scenario: Scenario, pkg: Package, world: WorldState): boolean {
  return badness(scenario, pkg, world) === 0;
}

/** What the debrief's frontier search minimises, from its definition (99 for the empty package). */
export function badness(scenario: Scenario, pkg: Package, world: WorldState): number {
  if (Object.keys(pkg).length === 0) return 99;
  let count = packageProblems(scenario, pkg).length;
  for (const d of requiredSignatories(scenario, pkg)) {
    const delegation = scenario.delegations[d];
    count += breaches(scenario, d, '', delegation.redLines, pkg, world).length;
    count += ratificationProblems(scenario, delegation.ratification, pkg, world).length;
  }
  return count;
}

export function classifyOutcome(
  scenario: Scenario,
  end: { ending: Ending; agreement: Package | null; ratified: boolean; world: WorldState },
): Outcome {
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

/** "Issue: option" in both languages, for a clause reference. */
function clauseName(scenario: Agenda, ref: string): Localized {
  const [issueId, optionId] = splitRef(ref);
  const issue = issueOf(scenario, issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  if (!issue || !option) return { en: ref, uk: ref };
  return { en: `${issue.title.en}: ${option.label.en}`, uk: `${issue.title.uk}: ${option.label.uk}` };
}

function reject(code: Rejection['code'], message: string, reason: RefusalReason, params?: RefusalParams): Rejection {
  return params === undefined ? { code, message, reason } : { code, message, reason, params };
}

/**
 * Why the engine refuses to let `who` put its name to a package: the first thing wrong with its
 * form, worded as a rule the client translates, or else the first red line it breaks.
 */
export function packageRefusal(
  scenario: Scenario,
  world: WorldState,
  who: DelegationId,
  pkg: Package,
): Rejection | null {
  const problems = packageProblems(scenario, pkg);
  if (problems.length > 0) {
    const message = `The package is not valid: ${problems.join('; ')}`;
    for (const [issueId, optionId] of Object.entries(pkg)) {
      const issue = issueOf(scenario, issueId);
      if (!issue) return reject('invalid', message, 'unknownIssue', { issue: issueId });
      if (!issue.options.some((o) => o.id === optionId)) {
        return reject('invalid', message, 'unknownOption', { issue: issue.title, option: optionId });
      }
    }
    if (Object.keys(pkg).length === 0) return reject('invalid', message, 'packageEmpty');
    for (const issue of scenario.agenda.issues) {
      const option = issue.options.find((o) => o.id === pkg[issue.id]);
      const other = option?.incompatibleWith.find((ref) => {
        const [otherIssue, otherOption] = splitRef(ref);
        return pkg[otherIssue] === otherOption;
      });
      if (other) {
        const clause = clauseName(scenario, `${issue.id}.${pkg[issue.id]}`);
        return reject('invalid', message, 'clausesClash', { clause, other: clauseName(scenario, other) });
      }
    }
    return reject('invalid', message, 'packageInvalid');
  }
  const d = scenario.delegations[who];
  const found = breaches(scenario, who, d.name.en, d.redLines, pkg, world);
  const first = found[0];
  if (!first) return null;
  const message = found.map((b) => b.message).join('; ');
  if (first.clauses.length === 0) {
    return reject('red_line', message, 'redLinePackage', { delegation: d.name, redLine: first.redLine.title });
  }
  const names = first.clauses.map((ref) => clauseName(scenario, ref));
  return reject('red_line', message, 'redLineClauses', {
    delegation: d.name,
    redLine: first.redLine.title,
    clauses: { en: names.map((n) => n.en).join('; '), uk: names.map((n) => n.uk).join('; ') },
  });
}
