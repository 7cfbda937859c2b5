/**
 * Why a delegation minds one clause, in the content's own words for that issue and option, in both
 * languages, in the delegation's own voice ("we"). A reason must fit its clause: a red line names the red line the clause breaks, a rule
 * at home names that rule, and an objection names the option the delegation wants on the same
 * issue with the agenda's own summary of it. No sentence written for one issue ("it would not
 * deter a new attack") is ever pinned to another, and no private number is ever said.
 */
import { LIMITS } from '../engine/limits.ts';
import { breachesOf, ratificationProblems, type WorldState } from '../scenario/evaluate.ts';
import type { AgendaIssue, AgendaOption, Localized } from '../scenario/schema.ts';
import { type Choice, type ClauseSpace, choiceOf, clauseLabel } from '../scenario/space.ts';
import type { OwnModel } from './model.ts';

export type ReasonKind = 'red-line' | 'home' | 'objection';

export interface ClauseReason {
  kind: ReasonKind;
  text: Localized;
}

/** An agenda issue and one of its options, by clause reference ("issue.option"). */
export function agendaClause(
  space: ClauseSpace,
  ref: string,
): { issue: AgendaIssue; option: AgendaOption | undefined } | null {
  const [issueId, optionId] = ref.split('.') as [string, string];
  const i = space.issueIndex.get(issueId);
  const issue = i === undefined ? undefined : space.issues[i];
  if (!issue) return null;
  return { issue, option: issue.options.find((o) => o.id === optionId) };
}

/** The option the delegation likes most on an issue (its own model; never its number). */
export function preferredOption(own: OwnModel, issue: AgendaIssue): AgendaOption | undefined {
  const best = own.best[issue.id]?.option;
  return issue.options.find((o) => o.id === best);
}

/** Both languages, each cut to what a reason may hold (never in the middle of a word). */
function bounded(text: Localized, shorter: Localized): Localized {
  const fit = (lang: 'en' | 'uk') => (text[lang].length <= LIMITS.reason ? text[lang] : shorter[lang]);
  return { en: fit('en'), uk: fit('uk') };
}

/**
 * The reason a delegation gives against a clause, judged in the package it came in (`choice`, for
 * red lines and rules at home that read several clauses) and the world now.
 */
export function clauseReason(
  space: ClauseSpace,
  own: OwnModel,
  ref: string,
  choice: Choice,
  world: WorldState,
): ClauseReason {
  const label = clauseLabel(space, ref);
  const breach = breachesOf(own.rules, choice, world).find((b) => b.clauses.includes(ref));
  if (breach) {
    const title = breach.redLine.title;
    return {
      kind: 'red-line',
      text: {
        en: `We cannot accept «${label.en}»: ${title.en}.`,
        uk: `Не можемо прийняти пункт «${label.uk}»: ${title.uk}.`,
      },
    };
  }
  const home = ratificationProblems(own.rules, choice, world).find((p) => p.blame.includes(ref));
  if (home) {
    const title = home.rule.title;
    return {
      kind: 'home',
      text: {
        en: `«${label.en}» would not be ratified at home: ${title.en}.`,
        uk: `«${label.uk}» не ратифікують удома: ${title.uk}.`,
      },
    };
  }
  return { kind: 'objection', text: objection(space, own, ref) };
}

/** "We cannot support «Sanctions on Russia: Lifted». On Sanctions on Russia we need «Tightened». …" */
function objection(space: ClauseSpace, own: OwnModel, ref: string): Localized {
  const label = clauseLabel(space, ref);
  const head = {
    en: `We cannot support «${label.en}».`,
    uk: `Не можемо підтримати пункт «${label.uk}».`,
  };
  const found = agendaClause(space, ref);
  const wanted = found ? preferredOption(own, found.issue) : undefined;
  if (!found || !wanted || wanted.id === found.option?.id) return head;
  const title = found.issue.title;
  const short = {
    en: `${head.en} On ${title.en} we need «${wanted.label.en}».`,
    uk: `${head.uk} У питанні «${title.uk}» нам потрібно «${wanted.label.uk}».`,
  };
  const full = {
    en: `${short.en} ${wanted.summary.en}`,
    uk: `${short.uk} ${wanted.summary.uk}`,
  };
  return bounded(full, bounded(short, head));
}

/** The reason against a clause judged on its own (the package of that one clause, the rest at their defaults). */
export function reasonAlone(space: ClauseSpace, own: OwnModel, ref: string, world: WorldState): ClauseReason {
  const [issue, option] = ref.split('.') as [string, string];
  return clauseReason(space, own, ref, choiceOf(space, { [issue]: option }), world);
}
