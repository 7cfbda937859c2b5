/**
 * A delegation knows its own domestic constraints: before accepting or signing, a standard or
 * expert bot checks its own ratification rules (its private content) and, when one would fail,
 * names the clause to change — found by trying the other options of each issue the rule mentions.
 */
import type { SeatView } from '../engine/view.ts';
import { evaluateCondition, issuesOf, resolvePackage, type WorldState } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { AgendaIssue, DelegationId, Package, RatificationRule } from '../scenario/schema.ts';
import { type Choice, type ClauseSpace, compiled, OPEN, spaceOf } from '../scenario/space.ts';
import { numbered } from './numbered.ts';

export interface RatificationProblem {
  rule: RatificationRule;
  /** Clauses of the (resolved) package whose change would let the rule pass. */
  blame: string[];
}

export function ownRatificationProblems(
  scenario: PublicScenario,
  view: SeatView,
  self: DelegationId,
  pkg: Package,
): RatificationProblem[] {
  const rules = view.private[self]?.ratification ?? [];
  const space = spaceOf(scenario);
  const { choice } = numbered(space, pkg);
  return choice
    ? choiceProblems(space, rules, choice, view.world)
    : resolvedRatificationProblems(scenario, rules, pkg, view.world);
}

/**
 * The same on the compiled conditions, trying each other option in place in the choice instead of
 * copying the resolved package (space.test.ts holds compiled conditions to evaluateCondition on it).
 */
function choiceProblems(
  space: ClauseSpace,
  rules: readonly RatificationRule[],
  choice: Choice,
  world: WorldState,
): RatificationProblem[] {
  const problems: RatificationProblem[] = [];
  let trial: Choice | null = null; // a copy to try other options in: the package's own choice is shared
  for (const rule of rules) {
    const holds = compiled(space, rule.requires);
    if (holds(choice, world)) continue;
    trial ??= choice.slice();
    const blame: string[] = [];
    for (const issueId of issuesOf(rule.requires)) {
      const i = space.issueIndex.get(issueId);
      if (i === undefined) continue;
      const issue = space.issues[i] as AgendaIssue;
      const chosen = choice[i] as number;
      const byDefault = space.defaults[i] as number;
      const resolved = chosen === OPEN ? byDefault : chosen;
      let fixes = false;
      for (let j = 0; j < issue.options.length && !fixes; j += 1) {
        // Only a change to a real option counts (see resolvedRatificationProblems).
        if (j === resolved || j === byDefault) continue;
        trial[i] = j;
        fixes = holds(trial, world);
        trial[i] = chosen;
      }
      if (fixes) blame.push(`${issueId}.${chosen === OPEN ? issue.default : issue.options[chosen]?.id}`);
    }
    problems.push({ rule, blame });
  }
  return problems;
}

/** The rules a package fails, on the resolved package itself (for packages with clauses the agenda lacks; the reference the compiled form is tested against). */
export function resolvedRatificationProblems(
  scenario: PublicScenario,
  rules: readonly RatificationRule[],
  pkg: Package,
  world: WorldState,
): RatificationProblem[] {
  const resolved = resolvePackage(scenario, pkg);
  const holds = (p: Package, rule: RatificationRule) => evaluateCondition(rule.requires, { pkg: p, world });
  return rules
    .filter((rule) => !holds(resolved, rule))
    .map((rule) => {
      const blame: string[] = [];
      for (const issueId of issuesOf(rule.requires)) {
        const issue = scenario.agenda.issues.find((i) => i.id === issueId);
        if (!issue) continue;
        // Only a change to a real option counts: "no ceasefire" would pass every ceasefire rule,
        // but blaming the ceasefire would teach the others to stop proposing one.
        const fixes = issue.options.some(
          (o) => o.id !== resolved[issueId] && o.id !== issue.default && holds({ ...resolved, [issueId]: o.id }, rule),
        );
        if (fixes) blame.push(`${issueId}.${resolved[issueId]}`);
      }
      return { rule, blame };
    });
}
