/**
 * A delegation knows its own domestic constraints: before accepting or signing, a standard or
 * expert bot checks its own ratification rules (its private content) and, when one would fail,
 * names the clause to change — found by trying the other options of each issue the rule mentions.
 */
import type { SeatView } from '../engine/view.ts';
import { evaluateCondition, issuesOf, resolvePackage } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Package, RatificationRule } from '../scenario/schema.ts';
import { choiceOf, compiled, spaceOf } from '../scenario/space.ts';

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
  // Usually every rule holds, which the compiled conditions tell without resolving the package
  // (space.test.ts holds them to evaluateCondition on the resolved package).
  const space = spaceOf(scenario);
  const choice = choiceOf(space, pkg);
  if (choice && rules.every((rule) => compiled(space, rule.requires)(choice, view.world))) return [];
  const resolved = resolvePackage(scenario, pkg);
  const holds = (p: Package, rule: RatificationRule) => evaluateCondition(rule.requires, { pkg: p, world: view.world });
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
