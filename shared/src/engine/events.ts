/**
 * zod schemas for the payload of every engine event, keyed by the event's name. The same names are
 * the wire messages' names: a client sends `proposal.table` with this payload; the server validates
 * it here, adds the acting seat from the connection and the time from its clock, and hands the
 * machine a `proposal.table` event. Bots and the simulator build their payloads with the same schemas.
 */
import { z } from 'zod';
import { isRefusalReason, type RefusalDetail, refusalDetail } from '../refusals.ts';
import { DelegationId } from '../scenario/schema.ts';
import { LIMITS } from './limits.ts';
import type { EngineEvent, EngineEventType } from './types.ts';

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
]);

const Reason = z.strictObject({
  clause: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/)
    .optional(),
  text: text(LIMITS.reason, 'reason'),
  severity: z.enum(['red-line', 'objection']).optional(),
});

export const EVENT_PAYLOADS = {
  'seat.ready': z.strictObject({ ready: z.boolean().optional() }),
  'statement.make': z.strictObject({ text: text(LIMITS.statement, 'statement') }),
  'chat.post': z.strictObject({ channel: ChannelPayload, text: text(LIMITS.chat, 'message') }),
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
  'agreement.decline': z.strictObject({ proposalId: Id, reason: text(LIMITS.reason, 'reason').optional() }),
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
} as const satisfies Record<EngineEventType, z.ZodType>;

export const EVENT_NAMES = Object.keys(EVENT_PAYLOADS) as EngineEventType[];

/** Events a delegation's seat sends (the rest belong to the facilitator or the host's clock). */
export const DELEGATE_EVENTS = EVENT_NAMES.filter((n) => !n.startsWith('facilitator.') && n !== 'clock.deadline');
export const FACILITATOR_EVENTS = EVENT_NAMES.filter((n) => n.startsWith('facilitator.'));

export type EventPayload<T extends EngineEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export function isEventName(name: string): name is EngineEventType {
  return Object.hasOwn(EVENT_PAYLOADS, name);
}

/** The fields people type (chat, statements, notes, reasons): their schema problems are worded for players. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['text', 'note', 'reason']);

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
  if (issue && typeof field === 'string' && TEXT_FIELDS.has(field)) {
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
  return { ok: true, event: { ...(parsed.data as object), type: name, actor, at } as EngineEvent };
}
