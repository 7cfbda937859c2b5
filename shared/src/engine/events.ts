/**
 * The engine's events, defined once: a zod schema for the payload of every event, keyed by the
 * event's name, and each event's TypeScript type inferred from its schema. The same names are the
 * wire messages' names: a client sends `proposal.table` with this payload; the server validates it
 * here, adds the acting seat from the connection and the time from its clock (`eventFrom`), and
 * hands the machine a `proposal.table` event. Bots and the simulator send theirs the same way.
 */
import { z } from 'zod';
import { isRefusalReason, type RefusalDetail, refusalDetail } from '../refusals.ts';
import { DelegationId } from '../scenario/schema.ts';
import type { Channel } from './channels.ts';
import { eventFrom } from './eventFrom.ts';
import { LIMITS } from './limits.ts';

export { LIMITS };

/** Printable text: no control characters except newlines and tabs, trimmed, bounded. */
function text(max: number, what: string) {
  return z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, `${what} contains control characters`);
}

const Id = z.string().min(1).max(64);
const SlugLike = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case id');

export const PackagePayload = z
  .record(SlugLike, SlugLike)
  .refine((p) => Object.keys(p).length >= 1, {
    message: 'the package settles no issue',
    params: { reason: 'packageEmpty' },
  })
  .refine((p) => Object.keys(p).length <= LIMITS.packageIssues, {
    message: 'the package has too many issues',
    params: { reason: 'packageTooBig', max: LIMITS.packageIssues },
  });

const bilateral = z.templateLiteral([
  'bilateral:',
  DelegationId,
  '+',
  DelegationId,
]) as unknown as z.ZodType<`bilateral:${string}+${string}`>;

export const ChannelPayload = z.union([
  z.literal('plenary'),
  z.literal('announcements'),
  z.templateLiteral(['delegation:', DelegationId]),
  bilateral,
]) as unknown as z.ZodType<Channel>;

const Reason = z.strictObject({
  clause: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/)
    .optional(),
  text: text(LIMITS.reason, 'reason'),
  /** The same reason in Ukrainian, when the sender gives both (the computer delegations do). */
  uk: text(LIMITS.reason, 'reason').optional(),
  severity: z.enum(['red-line', 'objection']).optional(),
});

/**
 * A structured move in a channel, beside free text: ask what the others need on an issue, float a
 * package ("would you accept this?"), or offer a trade ("if you give `want`, we give `offer`").
 * The engine words it in both languages; computer delegations answer it from their own model.
 */
export const ChatMove = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ask'), issue: SlugLike }),
  z.strictObject({ kind: z.literal('float'), package: PackagePayload }),
  z.strictObject({ kind: z.literal('trade'), want: PackagePayload, offer: PackagePayload }),
]);
export type ChatMove = z.infer<typeof ChatMove>;

export const EVENT_PAYLOADS = {
  'seat.ready': z.strictObject({ ready: z.boolean().optional() }),
  'statement.make': z.strictObject({
    text: text(LIMITS.statement, 'statement'),
    /** The same statement in Ukrainian, when the speaker gives both (the computer delegations do). */
    uk: text(LIMITS.statement, 'statement').optional(),
  }),
  'chat.post': z.strictObject({
    channel: ChannelPayload,
    text: text(LIMITS.chat, 'message'),
    /** The same message in Ukrainian, when the sender writes both (the computer delegations do; `text` is then English). */
    uk: text(LIMITS.chat, 'message').optional(),
    /** The message this one answers (its seq, in the same channel). */
    replyTo: z.int().min(1).optional(),
  }),
  'chat.move': z.strictObject({ channel: ChannelPayload, move: ChatMove }),
  'proposal.table': z.strictObject({ package: PackagePayload, note: text(LIMITS.note, 'note').optional() }),
  'proposal.amend': z.strictObject({
    proposalId: Id,
    package: PackagePayload,
    note: text(LIMITS.note, 'note').optional(),
  }),
  'proposal.respond': z.strictObject({
    proposalId: Id,
    response: z.enum(['accept', 'reject', 'counter']),
    reasons: z.array(Reason).max(LIMITS.reasons).optional(),
    counter: PackagePayload.optional(),
  }),
  'proposal.withdraw': z.strictObject({ proposalId: Id }),
  'lever.use': z.strictObject({ lever: SlugLike, sector: SlugLike.optional() }),
  'agreement.sign': z.strictObject({ proposalId: Id }),
  'agreement.decline': z.strictObject({
    proposalId: Id,
    reason: text(LIMITS.reason, 'reason').optional(),
    /** The reason in Ukrainian, when the sender gives both (the computer delegations do). */
    uk: text(LIMITS.reason, 'reason').optional(),
  }),
  'delegation.walkout': z.strictObject({ reason: text(LIMITS.reason, 'reason').optional() }),
  'facilitator.pause': z.strictObject({}),
  'facilitator.resume': z.strictObject({}),
  'facilitator.advance': z.strictObject({}),
  'facilitator.inject': z.strictObject({ event: SlugLike }),
  'facilitator.extend': z
    .strictObject({
      rounds: z.int().min(1).max(12).optional(),
      ms: z
        .int()
        .min(1000)
        .max(6 * 3600_000)
        .optional(),
    })
    .refine((e) => e.rounds !== undefined || e.ms !== undefined, 'give rounds or ms to extend by'),
  'clock.deadline': z.strictObject({}),
} as const;

export type EngineEventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EngineEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

/** Who sends an event: a delegation's seat, the facilitator, or the host's clock. */
export type Actor = DelegationId | 'facilitator' | 'system';

/** A payload's fields (a schema with none infers as Record<string, never>: no fields). */
type Fields<P> = string extends keyof P ? Record<never, never> : P;

/**
 * An engine event: its payload with its name, the actor the host determined (from the connection,
 * never the payload) and the host's clock; `by` is the name of the person at the seat who sent it,
 * also from the connection (a chat line shows it as its author).
 */
export type EngineEvent = {
  [T in EngineEventType]: { type: T; actor: Actor; at: number; by?: string } & Fields<EventPayload<T>>;
}[EngineEventType];
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

export type ResponseKind = EventPayload<'proposal.respond'>['response'];
/** A reason attached to a response, optionally pinned to one clause ("issue.option"). */
export type ResponseReason = z.infer<typeof Reason>;

export const EVENT_NAMES = Object.keys(EVENT_PAYLOADS) as EngineEventType[];

/** Events a delegation's seat sends (the rest belong to the facilitator or the host's clock). */
export const DELEGATE_EVENTS = EVENT_NAMES.filter((n) => !n.startsWith('facilitator.') && n !== 'clock.deadline');
export const FACILITATOR_EVENTS = EVENT_NAMES.filter((n) => n.startsWith('facilitator.'));

export function isEventName(name: string): name is EngineEventType {
  return Object.hasOwn(EVENT_PAYLOADS, name);
}

/** The fields people type (chat, statements, notes, reasons): their schema problems are worded for players. */
const TEXT_FIELDS: readonly string[] = ['text', 'note', 'reason'];

/**
 * Why a payload failed its schema, as a rule the client can word in the player's language (see
 * refusals.ts): the first issue, when it is one a person can cause by typing (an empty or too long
 * text, control characters, an empty or oversized package); anything else is a client's bug and
 * gets the generic `invalidPayload`.
 */
export function payloadRefusal(type: string, error: z.ZodError): RefusalDetail {
  const issue = error.issues[0];
  const field = issue?.path.at(-1);
  if (issue?.code === 'custom' && isRefusalReason(issue.params?.reason)) {
    if (issue.params.reason === 'packageEmpty') return refusalDetail('packageEmpty');
    if (issue.params.reason === 'packageTooBig') return refusalDetail('packageTooBig', { max: LIMITS.packageIssues });
  }
  // A structured move the client built wrong (no issue chosen, an empty side of a trade): say so.
  if (issue && type === 'chat.move' && issue.path[0] === 'move') return refusalDetail('moveInvalid');
  if (issue && typeof field === 'string' && TEXT_FIELDS.includes(field)) {
    if (issue.code === 'too_small') return refusalDetail('textEmpty');
    if (issue.code === 'too_big') return refusalDetail('textTooLong', { max: Number(issue.maximum) });
    if (issue.code === 'invalid_format') return refusalDetail('textControlCharacters');
  }
  return refusalDetail('invalidPayload', { type });
}

/**
 * Turn a wire message into an engine event: validate the payload, then add the actor the host
 * determined and its clock. Returns a readable error instead of throwing.
 */
export function toEngineEvent(
  name: string,
  payload: unknown,
  actor: EngineEvent['actor'],
  at: number,
): { ok: true; event: EngineEvent } | { ok: false; message: string } {
  if (!isEventName(name)) return { ok: false, message: `unknown message "${name}"` };
  const parsed = EVENT_PAYLOADS[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `${name}: ${where}${issue?.message ?? 'invalid payload'}` };
  }
  // The schema for `name` passed, so the payload is that event's.
  return { ok: true, event: eventFrom(name, parsed.data, actor, at) as EngineEvent };
}
