/**
 * In-character reasons for every bot action, in English and Ukrainian, built from the bot's own
 * phrases (its private content) and the agenda's vocabulary (clause labels, issue titles,
 * delegation names). Placeholders: {clause}, {issue}, {delegation}.
 */
import type { ResponseReason } from '../engine/events.ts';
import type { SeatView } from '../engine/view.ts';
import { breachesOf, type WorldState } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { Localized, Package } from '../scenario/schema.ts';
import { type Choice, clauseLabel } from '../scenario/space.ts';
import { clauseReason } from './clauseReasons.ts';
import type { BotMemory } from './memory.ts';
import type { OwnModel } from './model.ts';

type Lang = 'en' | 'uk';

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
}

/**
 * One of the bot's own phrases (its private content, in its view) with its placeholders filled
 * in, in both languages: {clause} the clause card's label, {issue} an issue's title, {delegation}
 * its own name. A bot says the same few sentences many times a game (ready, "we will come back to
 * …", the clauses it keeps naming): its seat remembers each one it has filled in.
 */
export function phrase(memory: BotMemory, view: SeatView, key: string, vars: PhraseVars = {}): Localized {
  const template = (view.private[memory.self]?.phrases[key] ?? FALLBACK[key] ?? FALLBACK.greeting) as Localized;
  // A sentence about a clause with no clause to name would print «»: say the greeting instead.
  if (!vars.clause && template.en.includes('{clause}')) return phrase(memory, view, 'greeting');
  return memory.phrases.filled(template, vars.clause ?? '', vars.issue ?? '', () => fillIn(memory, template, vars));
}

function fillIn(memory: BotMemory, template: Localized, vars: PhraseVars): Localized {
  const { scenario, space, self } = memory;
  const clause = vars.clause ? clauseLabel(space, vars.clause) : { en: '', uk: '' };
  const fill = (lang: Lang) =>
    template[lang]
      .replaceAll('{clause}', clause[lang])
      .replaceAll('{issue}', vars.issue ? issueTitle(scenario, vars.issue, lang) : '')
      .replaceAll('{delegation}', scenario.delegations[self].name[lang]);
  return Object.freeze({ en: fill('en'), uk: fill('uk') });
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
export function blamedClauses(own: OwnModel, pkg: Readonly<Package>, choice: Choice, world: WorldState): string[] {
  const breaches = breachesOf(own.rules, choice, world);
  if (breaches.length > 0) {
    const value = (ref: string) => {
      const [issue, option] = ref.split('.') as [string, string];
      return own.prefs.utilities[issue]?.[option] ?? 0;
    };
    return breaches.map((b) => [...b.clauses].sort((a, c) => value(a) - value(c))[0]).filter((c): c is string => !!c);
  }
  return worstClauses(own, pkg, 2);
}

/**
 * The structured reasons attached to a refusal: each clause with why the delegation minds it, in
 * both languages and the content's own words for that clause (clauseReasons.ts).
 */
export function reasonsFor(
  memory: BotMemory,
  own: OwnModel,
  clauses: readonly string[],
  choice: Choice,
  world: WorldState,
): ResponseReason[] {
  return clauses.slice(0, 3).map((clause) => {
    const { kind, text } = clauseReason(memory.space, own, clause, choice, world);
    return { clause, text: text.en, uk: text.uk, severity: kind === 'objection' ? 'objection' : 'red-line' };
  });
}

interface Cost {
  issue: string;
  option: string;
  loss: number;
}

/** The clauses of a package that cost the bot most against its best option for each issue. */
export function worstClauses(own: OwnModel, pkg: Readonly<Package>, count: number): string[] {
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
export function bestClause(own: OwnModel, pkg: Readonly<Package>): string | null {
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
