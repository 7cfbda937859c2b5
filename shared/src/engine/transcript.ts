/**
 * The transcript: every accepted event and every system step, in order, with a line a person can
 * read in English and Ukrainian. Entries caused by an event keep the event, so the transcript plus
 * the seed replays the game (see game.ts `replay`).
 */

import { DELEGATION_IDS, type DelegationId, type Localized, type Package, type Scenario } from '../scenario/schema.ts';
import { type ClauseSpace, clauseLabel, optionLabel } from '../scenario/space.ts';
import type { Actor, Audience, EngineEvent, NegotiationContext, TranscriptEntry } from './types.ts';

export function append(
  ctx: NegotiationContext,
  entry: { actor: Actor; kind: string; text: Localized; audience?: Audience; event?: EngineEvent | null; at?: number },
): NegotiationContext {
  const full: TranscriptEntry = {
    seq: ctx.nextSeq,
    round: ctx.round,
    month: ctx.world.month,
    phase: ctx.phase,
    actor: entry.actor,
    kind: entry.kind,
    text: entry.text,
    audience: entry.audience ?? 'public',
    event: entry.event ?? null,
    at: entry.at ?? ctx.now,
  };
  // The transcript only grows: the new context gets a new array, one entry longer.
  return { ...ctx, transcript: ctx.transcript.concat([full]), nextSeq: ctx.nextSeq + 1 };
}

/**
 * "Only this delegation" audiences, one per delegation: private lines (responses, private levers)
 * are written on most rounds, and an entry's audience is never changed once written.
 */
const OWN_AUDIENCES = Object.freeze(
  Object.fromEntries(DELEGATION_IDS.map((d) => [d, Object.freeze({ only: Object.freeze([d]) })])),
) as Readonly<Record<DelegationId, Audience>>;
export function ownAudience(d: DelegationId): Audience {
  return OWN_AUDIENCES[d];
}

/** Display name of an actor in both languages. */
export function actorName(scenario: Scenario, actor: Actor): Localized {
  if (actor === 'facilitator') return { en: 'The facilitator', uk: 'Ведучий' };
  if (actor === 'system') return { en: 'The clock', uk: 'Годинник' };
  return scenario.delegations[actor].name;
}

/** Both languages of a template, for example `line((l) => name[l] + " signs")`. */
export function line(build: (lang: 'en' | 'uk') => string): Localized {
  return { en: build('en'), uk: build('uk') };
}

/**
 * "Ceasefire: along the current line of contact; Crimea: deferred": a package's clauses as students
 * read them on the clause cards, in agenda order, both languages.
 */
export function describeClauses(space: ClauseSpace, pkg: Readonly<Package>): Localized {
  let en = '';
  let uk = '';
  space.issues.forEach((issue, i) => {
    const option = pkg[issue.id];
    if (option === undefined) return;
    const j = space.optionIndex[i]?.get(option);
    const label = j === undefined ? clauseLabel(space, `${issue.id}.${option}`) : optionLabel(space, i, j);
    en = en === '' ? label.en : `${en}; ${label.en}`;
    uk = uk === '' ? label.uk : `${uk}; ${label.uk}`;
  });
  return { en, uk };
}

export function delegationList(scenario: Scenario, ids: readonly DelegationId[], lang: 'en' | 'uk'): string {
  return ids.map((d) => scenario.delegations[d].name[lang]).join(', ');
}
