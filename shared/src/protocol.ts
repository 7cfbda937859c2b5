/**
 * The wire protocol between server, client, bots and simulator: names and payload shapes only.
 *
 * Deliberately dependency-free (no zod, no Colyseus) so the browser bundle can import it without
 * pulling in validation code. The zod schemas that enforce these shapes live in `messages.ts`.
 * Every message and event has exactly one name, defined here and used everywhere.
 */

export const GAME_NAME = 'Peace Table';

/** Bumped whenever a message or the synced state changes shape, so old clients can be told to reload. */
export const PROTOCOL_VERSION = 1;

/** The Colyseus room type that hosts a negotiation. */
export const NEGOTIATION_ROOM = 'negotiation';

/** Options every client sends when joining, so the server can turn away a stale page. */
export interface JoinOptionsPayload {
  protocol: number;
}

/** Message names, client → server and server → client. */
export const MESSAGE = {
  /** client → server: sit down at a delegation's seat. Payload: {@link SeatTakePayload}. */
  seatTake: 'seat.take',
  /** server → one client: a message was rejected. Payload: {@link ErrorPayload}. */
  error: 'error',
} as const;
export type MessageName = (typeof MESSAGE)[keyof typeof MESSAGE];

/** Phases of a session, in order. The real state machine (shared/src/engine) will own transitions. */
export const PHASES = ['lobby'] as const;
export type Phase = (typeof PHASES)[number];

export interface SeatTakePayload {
  delegation: string;
  name: string;
}

/** Machine-readable reasons a message can be rejected. */
export type ErrorCode = 'invalid_message' | 'unknown_message' | 'seat_taken' | 'already_seated';

/** Sent to the one client whose message was rejected; `ref` is the rejected message's name. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  ref: string;
}
