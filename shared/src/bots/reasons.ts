/**
 * In-character reasons for every bot action, in English and Ukrainian, built from the bot's own
 * phrases (its private content) and the agenda's vocabulary (clause labels, issue titles,
 * delegation names). Placeholders: {clause}, {issue}, {delegation}.
 */
import type { SeatView } from '../engine/view.ts';
import { memo, memoWith } from '../memo.ts';
import { breachesOf } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Localized, Package } from '../scenario/schema.ts';
import { choiceBreaksRedLine, compiledRedLines, spaceOf } from '../scenario/space.ts';
import type { OwnModel } from './model.ts';
import { numbered } from './numbered.ts';

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

// The Ukrainian speaks in the delegation's own voice after its name ("Сполучені Штати: підписуємо."),
// so the verb agrees whatever the name's number and gender (Україна, Сполучені Штати, Європа).
const FALLBACK: Record<string, Localized> = {
  greeting: { en: '{delegation} is ready.', uk: '{delegation}: ми готові.' },
  accept: { en: '{delegation} accepts: {clause}.', uk: '{delegation}: погоджуємося на пункт «{clause}».' },
  reject: { en: '{delegation} rejects: {clause}.', uk: '{delegation}: відхиляємо пункт «{clause}».' },
  'reject-red-line': {
    en: '{delegation} cannot accept {clause}.',
    uk: '{delegation}: не можемо прийняти пункт «{clause}».',
  },
  counter: { en: '{delegation} proposes other terms.', uk: '{delegation}: пропонуємо інші умови.' },
  table: { en: '{delegation} tables a draft.', uk: '{delegation}: вносимо проєкт.' },
  lever: { en: '{delegation} acts outside the talks.', uk: '{delegation}: діємо поза переговорами.' },
  sign: { en: '{delegation} signs.', uk: '{delegation}: підписуємо.' },
  stall: { en: '{delegation} will come back to {issue}.', uk: '{delegation}: повернемося до питання «{issue}».' },
  'walkout-threat': { en: '{delegation} may leave the table.', uk: '{delegation}: можемо залишити стіл.' },
};

export interface PhraseVars {
  clause?: string;
  issue?: string;
  delegation?: DelegationId;
}

/**
 * Filled phrases, per scenario (its agenda names the clauses) and template, then by speaker, clause
 * and issue (nested maps: no key string to build and hash at every call): a bot says the same few
 * sentences many times a game, and each one is frozen so sharing it is safe.
 */
type ByIssue = Map<string, Localized>;
type ByClause = Map<string, ByIssue>;
type Filled = Map<string, ByClause>;
const FILLED = new WeakMap<Localized, { context: object; value: Filled }>();
function newMap<K, V>(): Map<K, V> {
  return new Map();
}

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
  const bySpeaker = memoWith(FILLED, template, scenario.agenda, newMap<string, ByClause>);
  const byClause = memo(bySpeaker, speaker, newMap<string, ByIssue>);
  const byIssue = memo(byClause, vars.clause ?? '', newMap<string, Localized>);
  return memo(byIssue, vars.issue ?? '', () => {
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

/**
 * The clauses a refusal names: for a red line, the blamed clauses the bot itself values least
 * (Russia's "no ceasefire without a NATO commitment" names the NATO clause, not the ceasefire);
 * otherwise the two clauses that cost it most. Named clauses are what the others learn from.
 */
export function blamedClauses(scenario: PublicScenario, view: SeatView, own: OwnModel, pkg: Package): string[] {
  const redLines = view.private[own.self]?.redLines ?? [];
  // The compiled red lines answer "none broken" without resolving the package (space.test.ts holds them to breachesOf).
  const space = spaceOf(scenario);
  const { choice } = numbered(space, pkg);
  if (choice && !choiceBreaksRedLine(compiledRedLines(space, redLines), choice, view.world)) {
    return worstClauses(own, pkg, 2);
  }
  const breaches = breachesOf(scenario, own.self, '', redLines, pkg, view.world);
  if (breaches.length > 0) {
    const value = (ref: string) => {
      const [issue, option] = ref.split('.') as [string, string];
      return own.prefs.utilities[issue]?.[option] ?? 0;
    };
    return breaches.map((b) => [...b.clauses].sort((a, c) => value(a) - value(c))[0]).filter((c): c is string => !!c);
  }
  return worstClauses(own, pkg, 2);
}

/** The structured reasons attached to a refusal: each clause and a short sentence in the bot's words. */
export function reasonsFor(
  scenario: PublicScenario,
  clauses: string[],
  view: SeatView,
  self: DelegationId,
  key: string,
  severity: 'red-line' | 'objection' = key === 'reject-red-line' ? 'red-line' : 'objection',
) {
  return clauses.slice(0, 3).map((clause) => {
    const text = phrase(scenario, view, self, key, { clause }).en.slice(0, 300);
    return { clause, text: text || clauseLabel(scenario, clause, 'en'), severity };
  });
}

interface Cost {
  issue: string;
  option: string;
  loss: number;
}

/** The clauses of a package that cost the bot most against its best option for each issue. */
export function worstClauses(own: OwnModel, pkg: Package, count: number): string[] {
  const costs: Cost[] = [];
  for (const issue of Object.keys(pkg)) {
    const option = pkg[issue] as string;
    const utility = own.prefs.utilities[issue]?.[option] ?? 0;
    const loss = (own.best[issue]?.value ?? 0) - (own.weights[issue] ?? 0) * utility;
    // An objection names what the bot dislikes outright, not what it merely could improve: telling
    // the table "not a European force" when it would take one misleads every mediator.
    if (loss > 1e-9 && utility < 0.5) costs.push({ issue, option, loss });
  }
  // A stable sort, so equal costs keep the package's order.
  costs.sort(byLossDescending);
  const out: string[] = [];
  for (let c = 0; c < costs.length && c < count; c += 1) {
    const cost = costs[c] as Cost;
    out.push(`${cost.issue}.${cost.option}`);
  }
  return out;
}

function byLossDescending(a: Cost, b: Cost): number {
  return b.loss - a.loss;
}

/** The clause of a package the bot values most. */
export function bestClause(own: OwnModel, pkg: Package): string | null {
  let bestIssue: string | null = null;
  let bestValue = 0;
  for (const issue of Object.keys(pkg)) {
    const value = (own.weights[issue] ?? 0) * (own.prefs.utilities[issue]?.[pkg[issue] as string] ?? 0);
    if (bestIssue === null || value > bestValue) {
      bestIssue = issue;
      bestValue = value;
    }
  }
  return bestIssue === null ? null : `${bestIssue}.${pkg[bestIssue]}`;
}

/** The issue that matters most to the bot (its heaviest weight). */
export function topIssue(own: OwnModel): string {
  return own.topIssue;
}
