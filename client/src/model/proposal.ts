/**
 * The proposal builder's logic: a draft (one option per agenda issue, or left open), its live
 * hints for the drafting delegation (own score, red lines it breaks, who must sign, why it is not
 * well formed) and the intents to table, amend or respond. All from the shared evaluation
 * functions, so a hint never disagrees with what the server will decide.
 */

import type { Rejection } from '@peace-table/shared/engine/types';
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import {
  checkPackage,
  normalisedWeights,
  optionUtility,
  packageProblems,
  requiredSignatories,
} from '@peace-table/shared/scenario/evaluate';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { AgendaIssue, DelegationId, Localized, Package } from '@peace-table/shared/scenario/schema';
import { scoreFor } from '@peace-table/shared/scenario/score';
import { type Locale, localized } from '../i18n/i18n.ts';
import { type Intent, intent, refusal } from './actions.ts';
import type { SeatScenario } from './clientScenario.ts';

export interface Draft {
  /** Issue id → chosen option id; an issue not in here is left open (its default holds). */
  choices: Record<string, string>;
  note: string;
  /** Id of the proposal this draft amends, when it started from one. */
  amends: string | null;
}

export const EMPTY_DRAFT: Draft = { choices: {}, note: '', amends: null };

export function choose(draft: Draft, issue: string, option: string | null): Draft {
  const choices = { ...draft.choices };
  if (option === null) delete choices[issue];
  else choices[issue] = option;
  return { ...draft, choices };
}

/** Starts an amendment from a proposal's package. */
export function draftFrom(proposal: Pick<ProposalView, 'id' | 'package'>): Draft {
  return { choices: { ...proposal.package }, note: '', amends: proposal.id };
}

export function draftPackage(draft: Draft): Package {
  return { ...draft.choices };
}

export interface BreachHint {
  redLine: string;
  title: Localized;
  explanation: Localized;
  clauses: string[];
}

export interface DraftHints {
  /** Own score for the package, 0..1, and the no-deal value it is compared with (scoreFor, in `month`). */
  utility: number;
  noDeal: number;
  month: number;
  breaches: BreachHint[];
  signatories: DelegationId[];
  /** Why the package is not well formed (English, from the shared checks); [] when it is. */
  problems: string[];
  /** The engine's refusal to table (or amend) this draft now, or null when it may be tabled. */
  refusal: Rejection | null;
  settled: number;
}

export function draftHints(
  seat: SeatScenario,
  view: SeatView,
  who: DelegationId,
  draft: Draft,
  now?: number,
): DraftHints {
  const { rules } = seat;
  const pkg = draftPackage(draft);
  const settled = Object.keys(pkg).length;
  // An empty draft is simply not started yet, not a problem to report.
  const problems = settled === 0 ? [] : packageProblems(rules.space, pkg).map((p) => p.message);
  const breaches = seat.knows(who)
    ? checkPackage(rules, who, pkg, view.world).map((b) => ({
        redLine: b.redLine.id,
        title: b.redLine.title,
        explanation: b.redLine.explanation,
        clauses: b.clauses,
      }))
    : [];
  // An empty draft is not an error yet: the builder just says "choose at least one clause".
  const rejection = settled === 0 ? null : refusal(seat, view, who, tableIntent(draft), now);
  const own = seat.knows(who) ? scoreFor(seat.rules, who, pkg, view.world) : null;
  return {
    utility: own?.utility ?? 0,
    noDeal: own?.noDeal ?? 0,
    month: view.world.month,
    breaches,
    signatories: requiredSignatories(rules.space, pkg),
    problems,
    refusal: rejection,
    settled,
  };
}

/** The intent that tables (or amends) the draft. */
export function tableIntent(draft: Draft): Intent {
  const note = draft.note.trim();
  const extra = note ? { note } : {};
  return draft.amends !== null
    ? intent('proposal.amend', { proposalId: draft.amends, package: draftPackage(draft), ...extra })
    : intent('proposal.table', { package: draftPackage(draft), ...extra });
}

export interface OptionRow {
  id: string;
  label: Localized;
  summary: Localized;
  isDefault: boolean;
  /** Own utility of this option (0..1) when the seat knows its numbers. */
  utility: number | null;
  signatories: DelegationId[];
}

export interface IssueRow {
  issue: AgendaIssue;
  /** Own weight of the issue, 0..1 (normalised), when known. */
  weight: number | null;
  chosen: string | null;
  options: OptionRow[];
}

export function issueRows(seat: SeatScenario, who: DelegationId, draft: Draft): IssueRow[] {
  const knows = seat.knows(who);
  const weights = knows ? normalisedWeights(seat.scenario, who) : {};
  return seat.scenario.agenda.issues.map((issue) => ({
    issue,
    weight: knows ? (weights[issue.id] ?? 0) : null,
    chosen: draft.choices[issue.id] ?? null,
    options: issue.options.map((o) => ({
      id: o.id,
      label: o.label,
      summary: o.summary,
      isDefault: o.id === issue.default,
      utility: knows ? optionUtility(seat.scenario, who, issue.id, o.id) : null,
      signatories: o.signatories,
    })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Responding to the draft on the table, clause by clause
// ---------------------------------------------------------------------------------------------

export type ResponseKind = 'accept' | 'reject' | 'counter';

export interface ResponseDraft {
  response: ResponseKind;
  /** Clause ref ("issue.option") → reason for that clause. */
  clauseReasons: Record<string, string>;
  general: string;
  /** With a counter: the package offered instead. */
  counter: Package | null;
}

export const EMPTY_RESPONSE: ResponseDraft = { response: 'accept', clauseReasons: {}, general: '', counter: null };

export function respondIntent(proposalId: string, r: ResponseDraft): Intent {
  const reasons = [
    ...Object.entries(r.clauseReasons)
      .map(([clause, text]) => ({ clause, text: text.trim() }))
      .filter((x) => x.text.length > 0),
    ...(r.general.trim() ? [{ text: r.general.trim() }] : []),
  ];
  return intent('proposal.respond', {
    proposalId,
    response: r.response,
    ...(reasons.length > 0 ? { reasons } : {}),
    ...(r.response === 'counter' && r.counter ? { counter: r.counter } : {}),
  });
}

/** The draft currently on the table, as this seat sees it. */
export function draftOnTable(view: SeatView): ProposalView | null {
  return view.proposals.find((p) => p.id === view.onTable) ?? null;
}

/** A draft's clauses as the clause cards read them ("Ceasefire: On the current line; …"), in agenda order. */
export function describeDraft(pub: PublicScenario, draft: Draft, locale: Locale): string {
  const parts: string[] = [];
  for (const issue of pub.agenda.issues) {
    const option = issue.options.find((o) => o.id === draft.choices[issue.id]);
    if (option) parts.push(`${localized(issue.title, locale)}: ${localized(option.label, locale)}`);
  }
  return parts.join('; ');
}
