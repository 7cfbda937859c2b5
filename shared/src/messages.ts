/**
 * zod schemas for everything that crosses the wire, keyed by the names in `protocol.ts`.
 *
 * The server validates each incoming payload with these (Colyseus message validation) before any
 * handler runs; bots and the simulator build payloads with the same schemas; docs/protocol.md is
 * generated from them (`npm run docs:protocol`, checked by a test). The engine's events keep their
 * schemas in engine/events.ts: their names ARE the wire names.
 */
import { z } from 'zod';
import { BOT_LEVELS } from './bots/types.ts';
import { ChannelPayload, EVENT_PAYLOADS } from './engine/events.ts';
import { NAME_MAX_LENGTH, type NameRefusal, nameFormRefusal, normaliseName } from './names.ts';
import {
  type ChatTypingPayload,
  CLASS_COMMANDS,
  type CreateClassRequest,
  type CreateSessionRequest,
  ERROR_CODES,
  type ErrorPayload,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type JoinOptionsPayload,
  MAX_CLASS_TABLES,
  NOTICE_CODES,
  type NoticePayload,
  type ParticipantKickPayload,
  type ParticipantMovePayload,
  PROTOCOL_VERSION,
  ROOM_MESSAGE,
  SERVER_MESSAGE,
  type SeatControlPayload,
  type SeatKeyPayload,
  type ViewPatchPayload,
} from './protocol.ts';
import { isRefusalReason } from './refusals.ts';
import { DelegationId, Localized } from './scenario/schema.ts';

/** Upper-case, without the spaces and dashes people type between groups ("abc-123" → "ABC123"). */
export function normaliseJoinCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const JoinCode = z
  .string()
  .max(32, 'code is too long')
  .transform(normaliseJoinCode)
  .pipe(z.string().regex(CODE_PATTERN, `code must be ${JOIN_CODE_LENGTH} letters and digits, like "K7QX2M"`));

/**
 * A display name: normalised (NFC, one plain space between words) with its form checked
 * (names.ts; the game's own words and delegation names are the roster's to refuse). A refused name's issue carries its refusal (`params.refusal`),
 * so a join can be refused with the rule's own reason (see nameIssueRefusal).
 */
export const DisplayName = z
  .string()
  .max(400, 'name is too long')
  .transform(normaliseName)
  .superRefine((name, ctx) => {
    const refusal = nameFormRefusal(name);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal.message, params: { refusal } });
  })
  .describe(`a display name (1–${NAME_MAX_LENGTH} characters, rules in shared/src/names.ts)`);

/** The refusal of a name among a failed parse's issues (from DisplayName), if that is what failed. */
export function nameIssueRefusal(error: z.ZodError): NameRefusal | undefined {
  for (const issue of error.issues) {
    const refusal = (issue as { params?: { refusal?: NameRefusal } }).params?.refusal;
    if (refusal) return refusal;
  }
  return undefined;
}

/** Seat and facilitator keys: URL-safe base64 from the server's random generator. */
export const SecretKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a key this server issued');

const joinBase = { protocol: z.literal(PROTOCOL_VERSION), code: JoinCode };

/** Join options: who the client is. A client built for another protocol version must reload first. */
export const JoinOptions = z.discriminatedUnion('role', [
  z
    .object({
      ...joinBase,
      role: z.literal('delegate'),
      delegation: DelegationId.optional(),
      name: DisplayName.optional(),
      seatKey: SecretKey.optional(),
    })
    .refine(
      (o) => o.seatKey !== undefined || (o.delegation !== undefined && o.name !== undefined),
      'a new delegate needs a delegation and a name (or the seatKey of an earlier seat)',
    ),
  z.object({ ...joinBase, role: z.literal('facilitator'), facilitatorKey: SecretKey, name: DisplayName.optional() }),
  z.object({ ...joinBase, role: z.literal('spectator'), name: DisplayName.optional() }),
]) satisfies z.ZodType<JoinOptionsPayload, unknown>;
export type JoinOptions = z.output<typeof JoinOptions>;

const ParticipantId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'not a participant id');

export const ROOM_MESSAGE_PAYLOADS = {
  [ROOM_MESSAGE.viewSync]: z.strictObject({}),
  [ROOM_MESSAGE.seatControl]: z.strictObject({
    delegation: DelegationId,
    control: z.enum(['human', 'bot']),
  }) satisfies z.ZodType<SeatControlPayload>,
  [ROOM_MESSAGE.participantMove]: z.strictObject({
    participantId: ParticipantId,
    delegation: DelegationId,
  }) satisfies z.ZodType<ParticipantMovePayload>,
  [ROOM_MESSAGE.participantKick]: z.strictObject({
    participantId: ParticipantId,
  }) satisfies z.ZodType<ParticipantKickPayload>,
} as const;

/** Every message a client may send, by name: the engine's events and the room's own messages. */
export const CLIENT_MESSAGE_PAYLOADS = { ...EVENT_PAYLOADS, ...ROOM_MESSAGE_PAYLOADS } as const;

const ErrorCodeSchema = z.enum(ERROR_CODES);

/** Server → client payloads, for the documentation and for tests that check what clients receive. */
/** Params of a refusal or a notice: numbers, ids, names as { en, uk } (refusals.ts). */
const RefusalParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.strictObject({ en: z.string(), uk: z.string() })]),
);

export const SERVER_MESSAGE_PAYLOADS = {
  [SERVER_MESSAGE.error]: z.strictObject({
    code: ErrorCodeSchema,
    message: z.string().describe('the refusal in English, for logs'),
    ref: z.string().describe('the name of the rejected message'),
    reason: z
      .string()
      .refine(isRefusalReason, 'not a refusal reason')
      .optional()
      .describe('the rule that said no (see the list below): the client words it in the player’s language'),
    params: RefusalParamsSchema.optional().describe('what the sentence needs: numbers, ids, names as { en, uk }'),
  }) satisfies z.ZodType<ErrorPayload>,
  [SERVER_MESSAGE.seatKey]: z.strictObject({
    code: z.string(),
    key: SecretKey,
    participantId: z.string(),
    delegation: DelegationId,
    name: z.string(),
  }) satisfies z.ZodType<SeatKeyPayload>,
  [SERVER_MESSAGE.view]: z.strictObject({
    version: z.int().min(0),
    view: z
      .record(z.string(), z.unknown())
      .describe('SeatView (shared/src/engine/view.ts): viewFor(scenario, context, seat)'),
  }),
  [SERVER_MESSAGE.viewPatch]: z.strictObject({
    from: z.int().min(0),
    to: z.int().min(1),
    ops: z.array(
      z.discriminatedUnion('op', [
        z.strictObject({ op: z.literal('set'), key: z.string(), value: z.unknown() }),
        z.strictObject({ op: z.literal('splice'), key: z.string(), from: z.int().min(0), items: z.array(z.unknown()) }),
        z.strictObject({ op: z.literal('delete'), key: z.string() }),
      ]),
    ),
  }) satisfies z.ZodType<ViewPatchPayload>,
  [SERVER_MESSAGE.botReason]: z.strictObject({
    delegation: DelegationId,
    type: z.string(),
    reason: Localized,
    at: z.number(),
  }),
  [SERVER_MESSAGE.chatTyping]: z.strictObject({
    delegation: DelegationId,
    channel: ChannelPayload,
    ms: z.int().min(0).describe('about how long until its line arrives'),
  }) satisfies z.ZodType<ChatTypingPayload>,
  [SERVER_MESSAGE.notice]: z.strictObject({
    code: z.enum(NOTICE_CODES).describe('what happened (see the list below)'),
    message: z.string().describe('the notice in English, for logs'),
    params: RefusalParamsSchema.optional().describe('what the sentence needs: the delegation as { en, uk }'),
  }) satisfies z.ZodType<NoticePayload>,
} as const;

const TIMED_PHASES = ['lobby', 'briefing', 'opening', 'talks', 'tabling', 'responses', 'signing'] as const;

/** `POST /api/sessions` body. */
export const CreateSessionBody = z.strictObject({
  scenario: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a scenario id like "ukraine-2026"'),
  seats: z.strictObject({
    ukraine: z.enum(['human', 'bot']),
    russia: z.enum(['human', 'bot']),
    us: z.enum(['human', 'bot']),
    europe: z.enum(['human', 'bot']),
  }),
  botLevel: z.enum(BOT_LEVELS).optional(),
  options: z
    .strictObject({
      teamSize: z.int().min(1).max(8).optional(),
      reconnectSeconds: z.int().min(5).max(3600).optional(),
      botDelayMs: z.int().min(0).max(60_000).optional(),
      phaseSeconds: z
        .partialRecord(
          z.enum(TIMED_PHASES),
          z
            .int()
            .min(10)
            .max(6 * 3600),
        )
        .optional(),
      maxRounds: z.int().min(1).max(48).optional(),
      noPress: z.boolean().optional().describe('the plenary only: no delegation or bilateral channels'),
      anonymous: z.boolean().optional().describe("students' names reach their own delegation and the facilitator only"),
      seed: z
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
    })
    .optional(),
}) satisfies z.ZodType<CreateSessionRequest, unknown>;
export type CreateSessionBody = z.output<typeof CreateSessionBody>;

/** `POST /api/classes` body: a session request for every table, with the number of tables. */
export const CreateClassBody = CreateSessionBody.extend({
  tables: z.int().min(2).max(MAX_CLASS_TABLES),
  studentsChoose: z.boolean().optional(),
}) satisfies z.ZodType<CreateClassRequest, unknown>;
export type CreateClassBody = z.output<typeof CreateClassBody>;

/** `POST /api/classes/:code/command` body. */
export const ClassCommandBody = z.strictObject({ command: z.enum(CLASS_COMMANDS) });

/**
 * A changed choice in the debrief's "what if" and "play on from here" (shared/src/sim/whatif.ts):
 * the event at the chosen step replaced by another (its actor and time stay the original's),
 * removed, or a scenario event its round drew withheld. A replacing event's payload is checked by
 * its own schema, as if a player had sent it.
 */
const ReplacingEvent = z
  .looseObject({ type: z.enum(Object.keys(EVENT_PAYLOADS) as [keyof typeof EVENT_PAYLOADS]) })
  .superRefine((event, ctx) => {
    const { type, ...payload } = event;
    const parsed = EVENT_PAYLOADS[type].safeParse(payload);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: `${type}: ${parsed.error.issues[0]?.message}` });
  });

export const WhatIfChangeBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replace'), event: ReplacingEvent }),
  z.strictObject({ kind: z.literal('remove') }),
  z.strictObject({ kind: z.literal('withhold'), event: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be an event id') }),
]);
export type WhatIfChangeBody = z.output<typeof WhatIfChangeBody>;

const Step = z.int().min(0).max(1_000_000);

/** `POST /api/sessions/:code/whatif` body: play `games` all-bot games from the moment after `step` events. */
export const WhatIfBody = z.strictObject({
  step: Step,
  games: z.int().min(1).optional(),
  level: z.enum(BOT_LEVELS).optional(),
  /** First seed of the batch (default 1): game i plays seed `seed + i`. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  change: WhatIfChangeBody.optional(),
});
export type WhatIfBody = z.output<typeof WhatIfBody>;

/** `POST /api/sessions/:code/playon` body: a new session that starts at that moment (with the change, if any). */
export const PlayOnBody = z.strictObject({
  step: Step,
  change: WhatIfChangeBody.optional(),
  /** Who plays each delegation in the new session (default: as in the session it comes from). */
  seats: CreateSessionBody.shape.seats.optional(),
});
export type PlayOnBody = z.output<typeof PlayOnBody>;
