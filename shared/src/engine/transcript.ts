/**
 * The transcript: every accepted event and every system step, in order, with a line a person can
 * read in English and Ukrainian. Entries caused by an event keep the event, so the transcript plus
 * the seed replays the game (see game.ts `replay`).
 */

import { memo } from '../memo.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Package, type Scenario } from '../scenario/schema.ts';
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
  // concat copies the (long, growing) transcript in one block; a spread copies it element by
  // element, about three times slower, and this runs several times per step.
  return { ...ctx, transcript: ctx.transcript.concat([full]), nextSeq: ctx.nextSeq + 1 };
}

/**
 * "Only this delegation" audiences, one per delegation: private lines (responses, private levers)
 * are written on most rounds, and an entry's audience is never changed once written.
 */
const OWN_AUDIENCES = Object.fromEntries(
  DELEGATION_IDS.map((d) => [d, Object.freeze({ only: Object.freeze([d]) as unknown as DelegationId[] })]),
) as Record<DelegationId, Audience>;
export function ownAudience(d: DelegationId): Audience {
  return OWN_AUDIENCES[d];
}

/** Display name of an actor in both languages. */
export function actorName(scenario: Scenario, actor: Actor): Localized {
  if (actor === 'facilitator') return { en: 'The facilitator', uk: 'Ведучий' };
  if (actor === 'system') return { en: 'The clock', uk: 'Годинник' };
  return scenario.delegations[actor].name;
}

/** Both languages of a template: `line(s, (l, n) => ...)` where n(actor) gives the name in that language. */
export function line(build: (lang: 'en' | 'uk') => string): Localized {
  return { en: build('en'), uk: build('uk') };
}

/**
 * "Issue: option" for every option of the agenda, both languages, by issue index: every tabled
 * draft is described.
 */
const CLAUSE_TEXTS = new WeakMap<object, Map<string, Localized>[]>();
function clauseTexts(scenario: Pick<Scenario, 'agenda'>): Map<string, Localized>[] {
  return memo(CLAUSE_TEXTS, scenario.agenda, () =>
    scenario.agenda.issues.map((issue) => {
      const options = new Map<string, Localized>();
      for (const o of issue.options) {
        // The first option of an id wins, as a search through the options would find it.
        if (!options.has(o.id))
          options.set(
            o.id,
            line((l) => `${issue.title[l]}: ${o.label[l]}`),
          );
      }
      return options;
    }),
  );
}

/** "Ceasefire: along the current line of contact; Crimea: deferred" in one language. */
export function describePackage(scenario: Scenario, pkg: Package, lang: 'en' | 'uk'): string {
  return describeClauses(scenario, pkg)[lang];
}

/**
 * describePackage in both languages, in one pass over the agenda. Concatenated rather than
 * joined: V8 then only links the parts, and copies them if and when the text is read.
 */
export function describeClauses(scenario: Pick<Scenario, 'agenda'>, pkg: Package): Localized {
  const texts = clauseTexts(scenario);
  const issues = scenario.agenda.issues;
  let en: string | undefined;
  let uk = '';
  for (let i = 0; i < issues.length; i += 1) {
    const issue = issues[i] as (typeof issues)[number];
    const optionId = pkg[issue.id];
    if (optionId === undefined) continue;
    const text = texts[i]?.get(optionId) ?? line((l) => `${issue.title[l]}: ${optionId}`);
    if (en === undefined) {
      en = text.en;
      uk = text.uk;
    } else {
      en = `${en}; ${text.en}`;
      uk = `${uk}; ${text.uk}`;
    }
  }
  return { en: en ?? '', uk };
}

export function delegationList(scenario: Scenario, ids: readonly DelegationId[], lang: 'en' | 'uk'): string {
  return ids.map((d) => scenario.delegations[d].name[lang]).join(', ');
}
