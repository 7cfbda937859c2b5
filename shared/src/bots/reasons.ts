/**
 * In-character reasons for every bot action, in English and Ukrainian, built from the bot's own
 * phrases (its private content) and the agenda's vocabulary (clause labels, issue titles,
 * delegation names). Placeholders: {clause}, {issue}, {delegation}.
 */
import type { SeatView } from '../engine/view.ts';
import { memo } from '../memo.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Localized, Package } from '../scenario/schema.ts';
import type { OwnModel } from './model.ts';

type Lang = 'en' | 'uk';

/** "NATO: Renounced" — the label a student sees on the clause card. */
export function clauseLabel(scenario: PublicScenario, ref: string, lang: Lang): string {
  const [issueId, optionId] = ref.split('.') as [string, string];
  const issue = scenario.agenda.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  return issue && option ? `${issue.title[lang]}: ${option.label[lang]}` : ref;
}

export function issueTitle(scenario: PublicScenario, issueId: string, lang: Lang): string {
  return scenario.agenda.issues.find((i) => i.id === issueId)?.title[lang] ?? issueId;
}

const FALLBACK: Record<string, Localized> = {
  greeting: { en: '{delegation} is ready.', uk: '{delegation}: готові.' },
  accept: { en: '{delegation} accepts: {clause}.', uk: '{delegation} погоджується: «{clause}».' },
  reject: { en: '{delegation} rejects: {clause}.', uk: '{delegation} відхиляє: «{clause}».' },
  'reject-red-line': { en: '{delegation} cannot accept {clause}.', uk: '{delegation} не може прийняти «{clause}».' },
  counter: { en: '{delegation} proposes other terms.', uk: '{delegation} пропонує інші умови.' },
  table: { en: '{delegation} tables a draft.', uk: '{delegation} вносить проєкт.' },
  lever: { en: '{delegation} acts outside the talks.', uk: '{delegation} діє поза переговорами.' },
  sign: { en: '{delegation} signs.', uk: '{delegation} підписує.' },
  stall: { en: '{delegation} will come back to {issue}.', uk: '{delegation} повернеться до питання «{issue}».' },
  'walkout-threat': { en: '{delegation} may leave the table.', uk: '{delegation} може залишити стіл.' },
};

export interface PhraseVars {
  clause?: string;
  issue?: string;
  delegation?: DelegationId;
}

/**
 * Filled phrases, per scenario (its agenda names the clauses) and template: a bot says the same
 * few sentences many times a game, and each one is frozen so sharing it is safe.
 */
const FILLED = new WeakMap<object, WeakMap<Localized, Map<string, Localized>>>();

/** One of the bot's own phrases with its placeholders filled in, in both languages. */
export function phrase(
  scenario: PublicScenario,
  view: SeatView,
  self: DelegationId,
  key: string,
  vars: PhraseVars = {},
): Localized {
  const template = (view.private[self]?.phrases[key] ?? FALLBACK[key] ?? FALLBACK.greeting) as Localized;
  const speaker = vars.delegation ?? self;
  const filled = memo(
    memo(FILLED, scenario.agenda, () => new WeakMap()),
    template,
    () => new Map(),
  );
  return memo(filled, `${speaker} ${vars.clause ?? ''} ${vars.issue ?? ''}`, () => {
    const fill = (lang: Lang) =>
      template[lang]
        .replaceAll('{clause}', vars.clause ? clauseLabel(scenario, vars.clause, lang) : '')
        .replaceAll('{issue}', vars.issue ? issueTitle(scenario, vars.issue, lang) : '')
        .replaceAll('{delegation}', scenario.delegations[speaker].name[lang]);
    return Object.freeze({ en: fill('en'), uk: fill('uk') });
  });
}

/** Prefix a reason with an action line a student can scan: "Russia rejects p3: …". */
export function withAction(action: Localized, reason: Localized): Localized {
  return { en: `${action.en} — ${reason.en}`, uk: `${action.uk} — ${reason.uk}` };
}

/** The clauses of a package that cost the bot most against its best option for each issue. */
export function worstClauses(own: OwnModel, pkg: Package, count: number): string[] {
  return (
    Object.entries(pkg)
      .map(([issue, option]) => {
        const w = own.weights[issue] ?? 0;
        return {
          ref: `${issue}.${option}`,
          loss: (own.best[issue]?.value ?? 0) - w * (own.prefs.utilities[issue]?.[option] ?? 0),
        };
      })
      // An objection names what the bot dislikes outright, not what it merely could improve: telling
      // the table "not a European force" when it would take one misleads every mediator.
      .filter((c) => {
        const [issue, option] = c.ref.split('.') as [string, string];
        return c.loss > 1e-9 && (own.prefs.utilities[issue]?.[option] ?? 0) < 0.5;
      })
      .sort((a, b) => b.loss - a.loss)
      .slice(0, count)
      .map((c) => c.ref)
  );
}

/** The clause of a package the bot values most. */
export function bestClause(own: OwnModel, pkg: Package): string | null {
  let best: { ref: string; value: number } | null = null;
  for (const [issue, option] of Object.entries(pkg)) {
    const value = (own.weights[issue] ?? 0) * (own.prefs.utilities[issue]?.[option] ?? 0);
    if (!best || value > best.value) best = { ref: `${issue}.${option}`, value };
  }
  return best?.ref ?? null;
}

/** The issue that matters most to the bot (its heaviest weight). */
export function topIssue(own: OwnModel): string {
  return own.topIssue;
}
