/**
 * The wire protocol between server, client, bots and simulator: names and payload shapes only.
 *
 * Deliberately free of runtime dependencies (no zod, no Colyseus; only type imports) so the
 * browser bundle can import it without pulling in validation code. The zod schemas that enforce
 * these shapes live in `messages.ts`; docs/protocol.md is generated from them.
 *
 * Client → server messages are the engine's event names (`proposal.table`, `chat.post`, ...: see
 * `EVENT_PAYLOADS` in engine/events.ts) plus the room's own messages in `ROOM_MESSAGE`. Server →
 * client messages are in `SERVER_MESSAGE`. Every name is defined once, here or in the engine.
 */
import type { BotLevel } from './bots/types.ts';
import type { Channel } from './engine/channels.ts';
import type { EngineEventType } from './engine/types.ts';
import type { SeatView } from './engine/view.ts';
import type { RefusalParams, RefusalReason } from './refusals.ts';
import type { DelegationId, Localized } from './scenario/schema.ts';
import type { ViewPatchOp } from './viewPatch.ts';

export const GAME_NAME = 'Peace Table';

/** Bumped whenever a message or the synced state changes shape, so old clients can be told to reload. */
export const PROTOCOL_VERSION = 3;

/** The Colyseus room type that hosts a negotiation session. */
export const NEGOTIATION_ROOM = 'negotiation';

/**
 * Join codes: read aloud in a classroom and typed on phones, so no look-alikes (no 0/O, 1/I/L).
 * Codes are case-insensitive; clients may type them with spaces or dashes.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** How someone takes part: at a delegation's seat, running the session, or watching (projector). */
export const ROLES = ['delegate', 'facilitator', 'spectator'] as const;
export type Role = (typeof ROLES)[number];

/** Options for `client.join('negotiation', options)`. */
export type JoinOptionsPayload =
  | {
      protocol: number;
      code: string;
      role: 'delegate';
      /** Required for a new seat; optional with `seatKey` (the key knows its delegation). */
      delegation?: DelegationId;
      /** Required for a new seat: the name the table shows. */
      name?: string;
      /** The key from an earlier `seat.key` message: reclaims that seat (another tab or device, after a restart). */
      seatKey?: string;
    }
  | { protocol: number; code: string; role: 'facilitator'; facilitatorKey: string; name?: string }
  | { protocol: number; code: string; role: 'spectator'; name?: string };

/** Room messages a client sends besides the engine's events. */
export const ROOM_MESSAGE = {
  /** Ask for the full `view` again (e.g. a patch arrived out of order). Payload `{}`. */
  viewSync: 'view.sync',
  /** Facilitator: hand a delegation's seat to the computer or back to its humans. */
  seatControl: 'seat.control',
  /** Facilitator: move a participant to another delegation. */
  participantMove: 'participant.move',
  /** Facilitator: remove a participant; their seat key stops working. */
  participantKick: 'participant.kick',
} as const;
export type RoomMessageName = (typeof ROOM_MESSAGE)[keyof typeof ROOM_MESSAGE];

/** Every name a client may send: an engine event or a room message. */
export type ClientMessageName = EngineEventType | RoomMessageName;

/** Messages the server sends. */
export const SERVER_MESSAGE = {
  /** To one client: its message was rejected. {@link ErrorPayload} */
  error: 'error',
  /** To a delegate on joining: the secret that reclaims the seat later. {@link SeatKeyPayload} */
  seatKey: 'seat.key',
  /** The whole view of the game for this client's seat. {@link ViewPayload} */
  view: 'view',
  /** Changes to the view since the last `view`/`view.patch`. {@link ViewPatchPayload} */
  viewPatch: 'view.patch',
  /** To a delegation's own members and the facilitator: why the computer acted for it. {@link BotReasonPayload} */
  botReason: 'bot.reason',
  /** To those who can read the channel: a computer delegation is typing there. {@link ChatTypingPayload} */
  chatTyping: 'chat.typing',
  /** Something happened to this client's seat (a bot took it over, it was moved, ...). {@link NoticePayload} */
  notice: 'notice',
} as const;
export type ServerMessageName = (typeof SERVER_MESSAGE)[keyof typeof SERVER_MESSAGE];

/** Machine-readable kinds of refusal of a message (the client has a sentence for each). */
export const ERROR_CODES = [
  // the engine's (Rejection['code'] in engine/types.ts):
  'wrong_phase',
  'wrong_actor',
  'paused',
  'invalid',
  'red_line',
  'not_allowed',
  'invalid_message', // the payload does not match the message's schema
  'unknown_message', // no such message name
  'rate_limited', // too many messages too fast; this one was dropped
  'not_seated', // spectators (and anyone without a seat) cannot act
  'bot_controlled', // the facilitator has handed this delegation to the computer
  'forbidden', // a facilitator-only room message from someone else
  'not_found', // a participant id that does not exist
  'server_error', // the server could not record the action; nothing changed
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Sent to the one client whose message was rejected; `ref` is the rejected message's name.
 * `message` is English (logs, tools); `reason` and `params` let the client say the same in the
 * player's language (shared/src/refusals.ts).
 */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  ref: string;
  reason?: RefusalReason;
  params?: RefusalParams;
}

export interface SeatKeyPayload {
  /** The session's join code. */
  code: string;
  /** Keep this secret: whoever has it can take this seat. */
  key: string;
  participantId: string;
  delegation: DelegationId;
  name: string;
}

export interface ViewPayload {
  /** Increases by one with every patch; a `view.patch` applies only to the version it names in `from`. */
  version: number;
  view: SeatView;
}

export interface ViewPatchPayload {
  from: number;
  to: number;
  ops: ViewPatchOp[];
}

export interface BotReasonPayload {
  delegation: DelegationId;
  /** The event the computer sent for the delegation. */
  type: EngineEventType;
  reason: Localized;
  at: number;
}

/**
 * A computer delegation is writing in a channel; its line arrives in about `ms` (the client shows
 * "… is typing" until the line arrives or the time is well past).
 */
export interface ChatTypingPayload {
  delegation: DelegationId;
  channel: Channel;
  ms: number;
}

/** What happened to a client's seat: the kinds of `notice` (the client has a sentence for each). */
export const NOTICE_CODES = [
  'seat.bot', // the computer now plays your delegation (params: delegation)
  'seat.human', // your delegation is back in human hands (params: delegation)
  'seat.moved', // the facilitator moved you to another delegation (params: delegation; a new seat.key and view follow)
  'seat.replaced', // your seat was opened in another tab or device; this connection closes
  'kicked', // the facilitator removed you; this connection closes
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/**
 * `code` is the kind; `message` the same in English (logs, tools); `params` what the client's
 * sentence needs (`delegation` as { en, uk }), as in refusals.
 */
export interface NoticePayload {
  code: NoticeCode;
  message: string;
  params?: RefusalParams;
}

export type SeatControl = 'human' | 'bot';

export interface SeatControlPayload {
  delegation: DelegationId;
  control: SeatControl;
}
export interface ParticipantMovePayload {
  participantId: string;
  delegation: DelegationId;
}
export interface ParticipantKickPayload {
  participantId: string;
}

// ---------------------------------------------------------------------------------------------
// Synced (Colyseus schema) state: public facts about the session, the same for every client.
// Everything seat-specific travels in `view`/`view.patch`, filtered by the engine's viewFor.
// ---------------------------------------------------------------------------------------------

/** `room.state.toJSON()` of a seat. */
export interface SeatStateSnapshot {
  label: string;
  /** Someone (a connected human, or the computer) plays this delegation now. */
  occupied: boolean;
  /** Names of the humans at the seat, joined with ", " (or the computer's name). */
  name: string;
  control: SeatControl;
  /** True when set by the session's creation or the facilitator (a bot that humans cannot reclaim). */
  pinned: boolean;
  members: number;
  connected: number;
}

export interface ParticipantSnapshot {
  name: string;
  role: Role;
  /** '' for facilitators and spectators. */
  delegation: string;
  connected: boolean;
}

/** `room.state.toJSON()`. */
export interface SessionStateSnapshot {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  phase: string;
  round: number;
  rounds: number;
  paused: boolean;
  /** ms since epoch; 0 when the phase has no timer. */
  deadlineAt: number;
  /** The clock chosen when the session was opened: seconds per timed phase; a phase not listed has none. */
  phaseSeconds: Record<string, number>;
  seats: Record<string, SeatStateSnapshot>;
  participants: Record<string, ParticipantSnapshot>;
}

// ---------------------------------------------------------------------------------------------
// HTTP API
// ---------------------------------------------------------------------------------------------

export type SeatKind = 'human' | 'bot';

/** `POST /api/sessions` body. */
export interface CreateSessionRequest {
  scenario: string;
  seats: Record<DelegationId, SeatKind>;
  botLevel?: BotLevel;
  options?: {
    /** How many people may share one delegation (default 3). */
    teamSize?: number;
    /** How long a dropped player keeps the seat before the computer takes it (default: the server's). */
    reconnectSeconds?: number;
    /** The computer's thinking time before each action, in ms (default: the server's). */
    botDelayMs?: number;
    /** Phase timers in seconds; a phase without one waits for everyone (or the facilitator). */
    phaseSeconds?: Partial<
      Record<'lobby' | 'briefing' | 'opening' | 'talks' | 'tabling' | 'responses' | 'signing', number>
    >;
    maxRounds?: number;
    /** No press: the plenary only, no delegation or bilateral channels. */
    noPress?: boolean;
    /** Anonymous delegates: students' names reach their own delegation and the facilitator only. */
    anonymous?: boolean;
    seed?: number;
  };
}

/** `201` answer of `POST /api/sessions`. */
export interface CreateSessionResponse {
  code: string;
  facilitatorKey: string;
  roomId: string;
}

// ---------------------------------------------------------------------------------------------
// Classes: several tables (sessions) of one scenario, opened and run together
// ---------------------------------------------------------------------------------------------

/** The most tables one class may have. */
export const MAX_CLASS_TABLES = 12;

/** `POST /api/classes` body: a session request for every table, how many, and how students find theirs. */
export interface CreateClassRequest extends CreateSessionRequest {
  tables: number;
  /** True: the class link lists the tables and students pick one; false: the facilitator assigns them. */
  studentsChoose?: boolean;
}

/** `201` answer of `POST /api/classes`: one facilitator key opens the class console and every table's. */
export interface CreateClassResponse {
  code: string;
  facilitatorKey: string;
  tables: string[];
}

/** `GET /api/classes/:code`, for students: the tables to choose from (none listed when the facilitator assigns). */
export interface ClassInfo {
  code: string;
  scenarioId: string;
  studentsChoose: boolean;
  noPress: boolean;
  anonymous: boolean;
  tables: { number: number; code: string; open: boolean; people: number }[];
}

/** Something at a table the facilitator should look at. */
export type ClassAlert =
  | { kind: 'paused' }
  | { kind: 'emptySeat'; delegation: DelegationId }
  | { kind: 'walkedOut'; delegation: DelegationId }
  | { kind: 'notRatified'; delegation: DelegationId }
  | { kind: 'concluded' }
  | { kind: 'closed' };

/** One table in the class console: where its talks are, its clock, who plays, what needs attention. */
export interface ClassTableStatus {
  number: number;
  code: string;
  status: 'open' | 'concluded' | 'abandoned';
  phase: string;
  round: number;
  rounds: number;
  paused: boolean;
  /** ms since epoch; null when the phase has no clock. */
  deadlineAt: number | null;
  remainingMs: number | null;
  seats: Record<DelegationId, { control: SeatControl; people: number }>;
  alerts: ClassAlert[];
}

/** `GET /api/classes/:code/overview` (facilitator key): every table at once. */
export interface ClassOverview {
  code: string;
  scenarioId: string;
  studentsChoose: boolean;
  noPress: boolean;
  anonymous: boolean;
  phaseSeconds: Partial<Record<string, number>>;
  tables: ClassTableStatus[];
}

/** What the class console may do to every table at once (`POST /api/classes/:code/command`). */
export const CLASS_COMMANDS = ['facilitator.pause', 'facilitator.resume', 'facilitator.advance'] as const;
export type ClassCommand = (typeof CLASS_COMMANDS)[number];

/** Each table's answer to a class command: done, or refused with the rule that said no. */
export interface ClassCommandAnswer {
  tables: { code: string; ok: boolean; message?: string; reason?: RefusalReason; params?: RefusalParams }[];
}

/** One address of the server that students can open: `http://<ip>:<port>/` and its network interface. */
export interface RoomAddress {
  url: string;
  /** The interface's name on the server (wlan0, eth0, en0, ...), to tell several apart. */
  name: string;
}

/**
 * `GET /api/room-address`: where students reach this server. `publicUrl` (the PUBLIC_URL setting,
 * behind a proxy) wins; otherwise every non-loopback IPv4 address of the machine, real networks first.
 */
export interface RoomAddressInfo {
  publicUrl: string | null;
  addresses: RoomAddress[];
}

/** Header carrying the facilitator key on facilitator-only HTTP endpoints. */
export const FACILITATOR_KEY_HEADER = 'x-facilitator-key';

/** Header carrying a delegate's seat key on the debrief's HTTP endpoints (replay as that delegation). */
export const SEAT_KEY_HEADER = 'x-seat-key';
