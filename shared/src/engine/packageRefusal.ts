/**
 * Whether a delegation may put its name to a package (table, amend, counter, accept, sign): well
 * formed, and none of its own red lines broken. Split from rules.ts, whose checkEvent calls these.
 * The rules themselves are evaluate.ts's; this file words their first problem as a refusal.
 */
import type { ScenarioRules } from '../scenario/compiled.ts';
import { breachesOf, type PackageProblem, packageProblems } from '../scenario/evaluate.ts';
import type { DelegationId } from '../scenario/ids.ts';
import type { AgendaIssue, Localized, Package } from '../scenario/schema.ts';
import { type ClauseSpace, choiceOf, clauseLabel } from '../scenario/space.ts';
import { reject } from './reject.ts';
import type { NegotiationContext, Proposal, Rejection } from './types.ts';

function clauseLabels(space: ClauseSpace, refs: readonly string[]): Localized {
  const labels = refs.map((ref) => clauseLabel(space, ref));
  return { en: labels.map((n) => n.en).join('; '), uk: labels.map((n) => n.uk).join('; ') };
}

/**
 * A package's first problem as a rule the client can word (the English message lists every
 * problem; the player's language names the first).
 */
function problemRefusal(rules: ScenarioRules, first: PackageProblem, message: string): Rejection {
  const { space } = rules;
  switch (first.kind) {
    case 'unknownIssue':
      return reject('invalid', message, 'unknownIssue', { issue: first.issue });
    case 'unknownOption': {
      const issue = space.issues[space.issueIndex.get(first.issue) as number] as AgendaIssue;
      return reject('invalid', message, 'unknownOption', { issue: issue.title, option: first.option });
    }
    case 'empty':
      return reject('invalid', message, 'packageEmpty');
    case 'clash':
      return reject('invalid', message, 'clausesClash', {
        clause: clauseLabel(space, first.clause),
        other: clauseLabel(space, first.other),
      });
  }
}

/** Is the package well formed (known issues and options, no clashing clauses)? Its first problem, worded. */
export function malformedRefusal(rules: ScenarioRules, pkg: Readonly<Package>): Rejection | null {
  const problems = packageProblems(rules.space, pkg);
  const first = problems[0];
  if (!first) return null;
  const message = `The package is not valid: ${problems.map((p) => p.message).join('; ')}`;
  return problemRefusal(rules, first, message);
}

/** Can this delegation put its name to this package? (well formed, and none of its red lines broken) */
export function packageRefusal(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  who: DelegationId,
  pkg: Readonly<Package>,
): Rejection | null {
  return malformedRefusal(rules, pkg) ?? redLineRefusal(rules, ctx, who, pkg);
}

/**
 * packageRefusal for the draft on the table: it was well formed when it was tabled, and neither
 * its package nor the agenda has changed since, so only the red lines (which read the world) are
 * left to check when a delegation accepts or signs it.
 */
export function draftRefusal(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  who: DelegationId,
  draft: Proposal,
): Rejection | null {
  return redLineRefusal(rules, ctx, who, draft.package);
}

function redLineRefusal(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  who: DelegationId,
  pkg: Readonly<Package>,
): Rejection | null {
  const breaches = breachesOf(rules.delegations[who], choiceOf(rules.space, pkg), ctx.world);
  const first = breaches[0];
  if (!first) return null;
  const message = breaches.map((b) => b.message).join('; ');
  const delegation = rules.scenario.delegations[who].name;
  return first.clauses.length > 0
    ? reject('red_line', message, 'redLineClauses', {
        delegation,
        redLine: first.redLine.title,
        clauses: clauseLabels(rules.space, first.clauses),
      })
    : reject('red_line', message, 'redLinePackage', { delegation, redLine: first.redLine.title });
}
