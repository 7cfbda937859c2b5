/**
 * The transcript: every accepted event and every system step, in order, with a line a person can
 * read in English and Ukrainian. Entries caused by an event keep the event, so the transcript plus
 * the seed replays the game (see game.ts `replay`).
 */
import type { DelegationId, Localized, Package, Scenario } from '../scenario/schema.ts';
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
  return { ...ctx, transcript: [...ctx.transcript, full], nextSeq: ctx.nextSeq + 1 };
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

/** "Ceasefire: along the current line of contact; Crimea: deferred" in one language. */
export function describePackage(scenario: Scenario, pkg: Package, lang: 'en' | 'uk'): string {
  const parts: string[] = [];
  for (const issue of scenario.agenda.issues) {
    const optionId = pkg[issue.id];
    if (optionId === undefined) continue;
    const option = issue.options.find((o) => o.id === optionId);
    parts.push(`${issue.title[lang]}: ${option ? option.label[lang] : optionId}`);
  }
  return parts.join('; ');
}

export function delegationList(scenario: Scenario, ids: readonly DelegationId[], lang: 'en' | 'uk'): string {
  return ids.map((d) => scenario.delegations[d].name[lang]).join(', ');
}
