/**
 * The agenda as numbers: every clause ("issue.option") gets an index, and a package is read as a
 * Choice, one option index per issue (OPEN where it is left open). The agenda's incompatibilities,
 * its signatories and its clause labels are numbered once, when the agenda is compiled
 * (compileAgenda), by whoever hosts a game; every rule about packages (evaluate.ts), the bots'
 * offer search and the debrief's frontier work on choices.
 */
import { DELEGATION_IDS, type DelegationId } from './ids.ts';
import type { AgendaIssue, ClauseRef, Localized, Package, Scenario } from './schema.ts';

/**
 * Per agenda issue, the index of its chosen option, OPEN, or UNKNOWN for an option the agenda
 * lacks. A plain array of small integers: a search makes one for every package it tries, and a
 * typed array costs several times more to make (measured: the bots' offer search ran a quarter
 * faster on plain arrays).
 */
export type Choice = number[];
export const OPEN = -1;
/** A package may name an option its issue does not have: it matches no clause and resolves to nothing. */
export const UNKNOWN = -2;

/** A choice's identity: a number when the agenda is small enough to number every package exactly. */
export type ChoiceKey = number | string;

/** Two clauses that cannot stand in one package: issue `issue` at `option` lists the other as incompatible. */
export interface Clash {
  readonly issue: number;
  readonly option: number;
  readonly otherIssue: number;
  readonly otherOption: number;
  /** Both as written in the content: "issue.option". */
  readonly clause: ClauseRef;
  readonly other: ClauseRef;
}

export interface ClauseSpace {
  readonly issues: readonly AgendaIssue[];
  /** Index of issue i's first clause: clause index = clauseBase[i] + option index. */
  readonly clauseBase: readonly number[];
  readonly clauseCount: number;
  /** "issue.option" → clause index. */
  readonly clauseIndex: ReadonlyMap<string, number>;
  /** issue id → issue index, and per issue: option id → option index. */
  readonly issueIndex: ReadonlyMap<string, number>;
  readonly optionIndex: ReadonlyArray<ReadonlyMap<string, number>>;
  /** Each issue's default option index (what an open issue resolves to). */
  readonly defaults: readonly number[];
  /** Every pair of clauses that cannot stand together, in agenda order (issue, option, then as listed). */
  readonly clashes: readonly Clash[];
  /** Per clause index: who must sign a package with that clause, as bits by DELEGATION_IDS index. */
  readonly signerMasks: readonly number[];
  /** Per issue index: who signs the issue, whatever option it settles on (the union of its options'). */
  readonly issueSigners: readonly number[];
  /** Per clause index: "Issue: Option" in both languages, as a student reads it on the clause card. */
  readonly labels: readonly Localized[];
  /** Mixed-radix place value of each issue, when every package's number is exact (else null). */
  readonly places: readonly number[] | null;
  /** The choice that settles nothing (every issue OPEN), which emptyChoice copies. */
  readonly nothing: readonly number[];
}

/** An option a clause reference names that its issue lacks: never chosen, never resolved to. */
const NO_OPTION = -3;

/**
 * An "issue.option" reference as [issue index, option index] (NO_OPTION for an option the issue
 * lacks), or null for an issue the agenda lacks.
 */
export function locate(space: Pick<ClauseSpace, 'issueIndex' | 'optionIndex'>, ref: string): [number, number] | null {
  const dot = ref.indexOf('.');
  const i = space.issueIndex.get(ref.slice(0, dot));
  if (i === undefined) return null;
  return [i, space.optionIndex[i]?.get(ref.slice(dot + 1)) ?? NO_OPTION];
}

/** Number the agenda: once per game (and per bot, per frontier search), never per package. */
export function compileAgenda(agenda: Scenario['agenda']): ClauseSpace {
  const issues = agenda.issues;
  const clauseBase: number[] = [];
  const clauseIndex = new Map<string, number>();
  const labels: Localized[] = [];
  // The first issue or option of an id wins, as a search through the agenda would find it.
  const issueIndex = new Map<string, number>();
  issues.forEach((issue, i) => {
    if (!issueIndex.has(issue.id)) issueIndex.set(issue.id, i);
  });
  const optionIndex = issues.map((issue) => {
    const byId = new Map<string, number>();
    issue.options.forEach((o, j) => {
      if (!byId.has(o.id)) byId.set(o.id, j);
    });
    return byId;
  });
  let count = 0;
  for (const issue of issues) {
    clauseBase.push(count);
    for (const o of issue.options) {
      clauseIndex.set(`${issue.id}.${o.id}`, count++);
      labels.push({ en: `${issue.title.en}: ${o.label.en}`, uk: `${issue.title.uk}: ${o.label.uk}` });
    }
  }
  const clashes: Clash[] = [];
  issues.forEach((issue, i) => {
    issue.options.forEach((o, j) => {
      for (const other of o.incompatibleWith ?? []) {
        const at = locate({ issueIndex, optionIndex }, other);
        if (at && at[1] !== NO_OPTION) {
          clashes.push({
            issue: i,
            option: j,
            otherIssue: at[0],
            otherOption: at[1],
            clause: `${issue.id}.${o.id}`,
            other,
          });
        }
      }
    });
  });
  let product = 1;
  const places: number[] = [];
  for (const issue of issues) {
    places.push(product);
    product *= issue.options.length + 1;
  }
  return Object.freeze({
    issues,
    clauseBase,
    clauseCount: count,
    clauseIndex,
    issueIndex,
    optionIndex,
    defaults: issues.map((issue, i) => optionIndex[i]?.get(issue.default) ?? UNKNOWN),
    clashes,
    signerMasks: issues.flatMap((issue) => issue.options.map((o) => signerMask(o.signatories))),
    issueSigners: issues.map((issue) => issue.options.reduce((m, o) => m | signerMask(o.signatories), 0)),
    labels,
    places: Number.isSafeInteger(product) ? places : null,
    nothing: issues.map(() => OPEN),
  });
}

function signerMask(signatories: readonly DelegationId[]): number {
  return signatories.reduce((m, d) => m | (1 << DELEGATION_IDS.indexOf(d)), 0);
}

/** "Issue: Option" for a clause reference, in both languages; the reference itself if the agenda lacks it. */
export function clauseLabel(space: ClauseSpace, ref: ClauseRef): Localized {
  const k = space.clauseIndex.get(ref);
  return (k === undefined ? undefined : space.labels[k]) ?? { en: ref, uk: ref };
}

/** "Issue: Option" for option j of issue i. */
export function optionLabel(space: ClauseSpace, i: number, j: number): Localized {
  return space.labels[(space.clauseBase[i] as number) + j] as Localized;
}

export function emptyChoice(space: ClauseSpace): Choice {
  return space.nothing.slice();
}

/**
 * A package as a choice: issues it leaves out are OPEN, an option its issue lacks is UNKNOWN, and
 * an issue the agenda lacks is dropped (packageProblems reports both).
 */
export function choiceOf(space: ClauseSpace, pkg: Readonly<Package>): Choice {
  const choice = emptyChoice(space);
  for (const issueId in pkg) {
    const i = space.issueIndex.get(issueId);
    if (i !== undefined) choice[i] = space.optionIndex[i]?.get(pkg[issueId] as string) ?? UNKNOWN;
  }
  return choice;
}

/** The choice as a package, its clauses in agenda order. */
export function packageOf(space: ClauseSpace, choice: Choice): Package {
  const pkg: Package = {};
  space.issues.forEach((issue, i) => {
    const j = choice[i] as number;
    if (j >= 0) pkg[issue.id] = issue.options[j]?.id as string;
  });
  return pkg;
}

/** The option an issue holds once open issues take their default (UNKNOWN matches no clause). */
export function resolvedAt(space: ClauseSpace, choice: Choice, i: number): number {
  const j = choice[i] as number;
  return j === OPEN ? (space.defaults[i] as number) : j;
}

/** The identity of a choice of agenda options (no UNKNOWN): two choices share a key only when they are equal. */
export function keyOfChoice(space: ClauseSpace, choice: Choice): ChoiceKey {
  const places = space.places;
  if (places) {
    let key = 0;
    for (let i = 0; i < choice.length; i += 1) key += ((choice[i] as number) + 1) * (places[i] as number);
    return key;
  }
  return String.fromCharCode(...Array.from(choice, (j) => j + 1));
}

/**
 * The key of a choice just changed at issue i (it held `before`), from its key before the change:
 * one term instead of every issue's. Exact: numbered keys are integers below 2^53.
 */
export function keyAfterChange(
  space: ClauseSpace,
  choice: Choice,
  key: ChoiceKey,
  i: number,
  before: number,
): ChoiceKey {
  const places = space.places;
  if (places === null || typeof key !== 'number') return keyOfChoice(space, choice);
  return key + ((choice[i] as number) - before) * (places[i] as number);
}

/** How many issues the choice settles (an unknown option counts: the package names the issue). */
export function settledCount(choice: Choice): number {
  let n = 0;
  for (let i = 0; i < choice.length; i += 1) if (choice[i] !== OPEN) n += 1;
  return n;
}

/** Does the choice hold both clauses of the clash? */
export function clashHolds(clash: Clash, choice: Choice): boolean {
  return choice[clash.issue] === clash.option && choice[clash.otherIssue] === clash.otherOption;
}

/** How many pairs of the choice's clauses cannot stand together. */
export function clashCount(space: ClauseSpace, choice: Choice): number {
  let count = 0;
  for (const clash of space.clashes) if (clashHolds(clash, choice)) count += 1;
  return count;
}

/** Who must sign the choice for it to bind: the union over its clauses, as bits by DELEGATION_IDS index. */
export function signatoryMask(space: ClauseSpace, choice: Choice): number {
  let mask = 0;
  for (let i = 0; i < choice.length; i += 1) {
    const j = choice[i] as number;
    if (j >= 0) mask |= space.signerMasks[(space.clauseBase[i] as number) + j] as number;
  }
  return mask;
}

/** The delegations a mask names, in seat order. */
export function delegationsIn(mask: number): DelegationId[] {
  return DELEGATION_IDS.filter((_, bit) => (mask >> bit) & 1);
}
