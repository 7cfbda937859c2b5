/**
 * Whether a delegation may put its name to a package (table, amend, counter, accept, sign): well
 * formed, and none of its own red lines broken. Split from rules.ts, whose checkEvent calls these.
 */
import { checkPackage, packageProblems } from '../scenario/evaluate.ts';
import type { DelegationId } from '../scenario/ids.ts';
import type { ClauseRef, Localized, Package, Scenario } from '../scenario/schema.ts';
import { reject } from './reject.ts';
import type { NegotiationContext, Proposal, Rejection } from './types.ts';

/** "Issue: option" in both languages, for a clause reference ("territory.freeze"). */
function clauseName(scenario: Pick<Scenario, 'agenda'>, ref: ClauseRef): Localized {
  const [issueId, optionId] = ref.split('.');
  const issue = scenario.agenda.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  if (!issue || !option) return { en: ref, uk: ref };
  return { en: `${issue.title.en}: ${option.label.en}`, uk: `${issue.title.uk}: ${option.label.uk}` };
}

function clauseNames(scenario: Pick<Scenario, 'agenda'>, refs: readonly ClauseRef[]): Localized {
  const names = refs.map((ref) => clauseName(scenario, ref));
  return { en: names.map((n) => n.en).join('; '), uk: names.map((n) => n.uk).join('; ') };
}

/**
 * The first thing wrong with a package `packageProblems` rejects, as a rule the client can word
 * (the English message lists every problem; the player's language names the first).
 */
function packageProblemRefusal(scenario: Scenario, pkg: Package, message: string): Rejection {
  const issues = new Map(scenario.agenda.issues.map((i) => [i.id, i]));
  for (const [issueId, optionId] of Object.entries(pkg)) {
    const issue = issues.get(issueId);
    if (!issue) return reject('invalid', message, 'unknownIssue', { issue: issueId });
    if (!issue.options.some((o) => o.id === optionId)) {
      return reject('invalid', message, 'unknownOption', { issue: issue.title, option: optionId });
    }
  }
  if (Object.keys(pkg).length === 0) return reject('invalid', message, 'packageEmpty');
  for (const issue of scenario.agenda.issues) {
    const option = issue.options.find((o) => o.id === pkg[issue.id]);
    const other = option?.incompatibleWith.find((ref) => {
      const [otherIssue, otherOption] = ref.split('.');
      return otherIssue !== undefined && pkg[otherIssue] === otherOption;
    });
    if (other) {
      const clause = clauseName(scenario, `${issue.id}.${pkg[issue.id]}`);
      return reject('invalid', message, 'clausesClash', { clause, other: clauseName(scenario, other) });
    }
  }
  return reject('invalid', message, 'packageInvalid');
}

/** Can this delegation put its name to this package? (well formed, and none of its red lines broken) */
export function packageRefusal(
  scenario: Scenario,
  ctx: NegotiationContext,
  who: DelegationId,
  pkg: Package,
): Rejection | null {
  const problems = packageProblems(scenario, pkg);
  if (problems.length > 0) {
    return packageProblemRefusal(scenario, pkg, `The package is not valid: ${problems.join('; ')}`);
  }
  return redLineRefusal(scenario, ctx, who, pkg);
}

/**
 * packageRefusal for the draft on the table: it was well formed when it was tabled, and neither
 * its package nor the agenda has changed since, so only the red lines (which read the world) are
 * left to check when a delegation accepts or signs it.
 */
export function draftRefusal(
  scenario: Scenario,
  ctx: NegotiationContext,
  who: DelegationId,
  draft: Proposal,
): Rejection | null {
  return redLineRefusal(scenario, ctx, who, draft.package);
}

function redLineRefusal(
  scenario: Scenario,
  ctx: NegotiationContext,
  who: DelegationId,
  pkg: Package,
): Rejection | null {
  const breaches = checkPackage(scenario, who, pkg, ctx.world);
  const first = breaches[0];
  if (!first) return null;
  const message = breaches.map((b) => b.message).join('; ');
  const delegation = scenario.delegations[who].name;
  return first.clauses.length > 0
    ? reject('red_line', message, 'redLineClauses', {
        delegation,
        redLine: first.redLine.title,
        clauses: clauseNames(scenario, first.clauses),
      })
    : reject('red_line', message, 'redLinePackage', { delegation, redLine: first.redLine.title });
}
