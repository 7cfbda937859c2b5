/**
 * One connection to a negotiation session over @colyseus/sdk, wired to the shared protocol
 * (shared/src/protocol.ts, docs/protocol.md): join with a code and a role, receive the public
 * session state (schema sync), this seat's view (`view`, `view.patch`), its seat key, notices and
 * errors; send engine events and room messages by name.
 *
 * Dropped connections: the SDK first retries with its reconnection token. If that fails (the
 * server restarted, or the tab was away too long) this module joins again with the seat key it
 * was given, with a growing delay, and reports each step so the UI can say what is happening.
 */
import { Client, CloseCode, type Room } from '@colyseus/sdk';
import type { EngineEventType } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import {
  type BotReasonPayload,
  type ChatTypingPayload,
  type ClientMessageName,
  type ErrorPayload,
  type JoinOptionsPayload,
  NEGOTIATION_ROOM,
  type NoticePayload,
  ROOM_MESSAGE,
  SERVER_MESSAGE,
  type SeatKeyPayload,
  type SessionStateSnapshot,
  type ViewPatchPayload,
  type ViewPayload,
} from '@peace-table/shared/protocol';
import { type ParsedRefusal, parseJoinRefusal, type RefusalParams } from '@peace-table/shared/refusals';
import type { ConnectionStatus, StatusCause } from './status.ts';
import { createViewSync } from './viewSync.ts';

export interface SessionHandlers {
  onStatus(status: ConnectionStatus): void;
  onRoom(state: SessionStateSnapshot): void;
  onView(view: SeatView): void;
  onSeatKey(payload: SeatKeyPayload): void;
  onError(payload: ErrorPayload): void;
  onNotice(payload: NoticePayload): void;
  onBotReason(payload: BotReasonPayload): void;
  /** A computer delegation is writing in a channel this seat reads. */
  onTyping(payload: ChatTypingPayload): void;
  /** The session is over for this client (kicked, replaced, or it could not get back in), and why. */
  onClosed(cause: StatusCause): void;
  /** The messages waiting for the connection to come back, oldest first: after each send while it is down, and [] once sent. */
  onWaiting(messages: WaitingMessage[]): void;
}

/** A message sent while the connection was down, kept until it is back. */
export interface WaitingMessage {
  type: string;
  payload: object;
}

export interface Session {
  send(type: ClientMessageName, payload: object): void;
  close(): void;
}

/** Delays between attempts to get back into the session with the seat key, in seconds. */
export const REJOIN_DELAYS = [1, 2, 4, 8, 15, 30];

export function rejoinDelay(attempt: number): number {
  return REJOIN_DELAYS[Math.min(attempt, REJOIN_DELAYS.length - 1)] ?? 30;
}

/**
 * Whether a room's closing code means the seat is gone for this client: it left (4000), the server
 * refused it (4002), or removed it (replaced 4101, kicked 4102). A server that shut down (4001,
 * a restart or a deploy) or no longer knows the connection (4003: a new process after a crash, or
 * the SDK's own reconnection ran out) still honours the seat key, and so does any network close.
 */
export function leaveIsFinal(code: number): boolean {
  const rejoinable: number[] = [CloseCode.SERVER_SHUTDOWN, CloseCode.FAILED_TO_RECONNECT, CloseCode.MAY_TRY_RECONNECT];
  return code >= 4000 && !rejoinable.includes(code);
}

/** Messages sent while the connection is down wait for it, as the SDK's own buffer does (the newest few). */
const MAX_WAITING_MESSAGES = 10;

/**
 * A failed join: the server's refusal (its English sentence as the message, with the reason and
 * params it sent, see parseJoinRefusal) or 'unreachable' when no server answered.
 */
export class JoinError extends Error {
  readonly reason: string | undefined;
  readonly params: RefusalParams | undefined;

  constructor(failure: ParsedRefusal) {
    super(failure.message);
    this.name = 'JoinError';
    this.reason = failure.reason;
    this.params = failure.params;
  }

  /** The same for the status line. */
  statusCause(): StatusCause {
    return causeOf({ message: this.message, reason: this.reason, params: this.params });
  }
}

/** What the SDK's rejection of `client.join` says: Colyseus passes only a code and this text. */
export function joinFailure(error: unknown): ParsedRefusal {
  const message = error instanceof Error ? error.message : String(error);
  // fetch() in browsers fails with a bare TypeError when nothing listens on the port.
  if (/failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message)) return { message: 'unreachable' };
  return parseJoinRefusal(message);
}

function causeOf(failure: { message: string; reason?: string | undefined; params?: RefusalParams | undefined }) {
  const cause: StatusCause = { reason: failure.message };
  if (failure.reason) cause.refusal = { reason: failure.reason, ...(failure.params ? { params: failure.params } : {}) };
  return cause;
}

/** Refusals of a rejoin that no retry can change: the seat (or the session) is gone for good. */
const FINAL_REFUSALS = new Set([
  'seatKeyInvalid',
  'seatKeyOtherDelegation',
  'facilitatorKeyInvalid',
  'sessionEnded',
  'protocolOutdated',
  'joinInvalid',
]);

/**
 * Joins the session. Resolves once joined; rejects with the server's reason when the first join
 * fails (wrong code, seat taken, ...), so the form that asked can show it.
 */
export async function openSession(
  url: string,
  join: JoinOptionsPayload,
  handlers: SessionHandlers,
  /** True when taking back a seat held before (a reload): the status line then says so. */
  rejoining = false,
): Promise<Session> {
  const client = new Client(url);
  const sync = createViewSync();
  let options: JoinOptionsPayload = join;
  let room: Room | undefined;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** False from a drop until the SDK reconnects or a rejoin succeeds; sends wait in `waiting` meanwhile. */
  let live = true;
  let waiting: WaitingMessage[] = [];
  const flush = (r: Room) => {
    live = true;
    if (waiting.length === 0) return;
    for (const { type, payload } of waiting.splice(0)) r.send(type, payload);
    handlers.onWaiting([]);
  };

  const wire = (r: Room) => {
    r.onStateChange((state: { toJSON(): unknown }) => handlers.onRoom(state.toJSON() as SessionStateSnapshot));
    r.onMessage(SERVER_MESSAGE.view, (payload: ViewPayload) => {
      const result = sync.full(payload);
      if (result.kind === 'view') handlers.onView(result.view);
    });
    r.onMessage(SERVER_MESSAGE.viewPatch, (payload: ViewPatchPayload) => {
      const result = sync.patch(payload);
      if (result.kind === 'view') handlers.onView(result.view);
      else if (result.kind === 'resync') r.send(ROOM_MESSAGE.viewSync, {});
    });
    r.onMessage(SERVER_MESSAGE.seatKey, (payload: SeatKeyPayload) => {
      // From now on, getting back in means reclaiming this seat, whatever the first join said.
      options = { protocol: options.protocol, code: payload.code, role: 'delegate', seatKey: payload.key };
      handlers.onSeatKey(payload);
    });
    r.onMessage(SERVER_MESSAGE.error, (payload: ErrorPayload) => handlers.onError(payload));
    r.onMessage(SERVER_MESSAGE.botReason, (payload: BotReasonPayload) => handlers.onBotReason(payload));
    r.onMessage(SERVER_MESSAGE.chatTyping, (payload: ChatTypingPayload) => handlers.onTyping(payload));
    r.onMessage(SERVER_MESSAGE.notice, (payload: NoticePayload) => {
      handlers.onNotice(payload);
      if (payload.code === 'kicked' || payload.code === 'seat.replaced') {
        closed = true;
        handlers.onClosed({ reason: payload.message, notice: payload });
      }
    });
    r.onDrop(() => {
      live = false;
      handlers.onStatus({ kind: 'reconnecting', attempt: 0 });
    });
    r.onReconnect(() => {
      handlers.onStatus({ kind: 'connected', rejoined: true });
      r.send(ROOM_MESSAGE.viewSync, {});
      flush(r);
    });
    r.onLeave((code: number) => {
      live = false;
      if (closed) return;
      if (leaveIsFinal(code)) {
        closed = true;
        handlers.onClosed({ reason: `code ${code}` });
        return;
      }
      scheduleRejoin();
    });
  };

  const scheduleRejoin = () => {
    const seconds = rejoinDelay(attempt);
    handlers.onStatus({ kind: 'reconnecting', attempt: attempt + 1, retryInSeconds: seconds });
    timer = setTimeout(rejoin, seconds * 1000);
  };

  async function rejoin() {
    if (closed) return;
    attempt += 1;
    try {
      sync.reset();
      room = await client.join(NEGOTIATION_ROOM, options);
      attempt = 0;
      wire(room);
      handlers.onStatus({ kind: 'connected', rejoined: true });
      flush(room);
    } catch (error) {
      const failure = joinFailure(error);
      // Too many tries from this network (a whole class rejoining at once): wait as long as it says.
      const wait = failure.reason === 'tooManyAttempts' ? Number(failure.params?.seconds) : Number.NaN;
      if (Number.isFinite(wait) && wait > 0) {
        attempt -= 1;
        handlers.onStatus({ kind: 'reconnecting', attempt: attempt + 1, retryInSeconds: wait });
        timer = setTimeout(rejoin, wait * 1000);
        return;
      }
      // The server answered and said no: at once when the seat or the session is gone for good
      // (a removed seat key, an ended session), else after a few tries (a restarting server
      // answers "no session" until it has restored its rooms).
      const final = failure.reason !== undefined && FINAL_REFUSALS.has(failure.reason);
      const refused = failure.message !== 'unreachable' && attempt > 2 && !/timeout|closed|1006/i.test(failure.message);
      if (final || refused) {
        closed = true;
        handlers.onClosed(causeOf(failure));
        return;
      }
      scheduleRejoin();
    }
  }

  handlers.onStatus({ kind: 'connecting', url });
  try {
    room = await client.join(NEGOTIATION_ROOM, options);
  } catch (error) {
    const refused = new JoinError(joinFailure(error));
    handlers.onStatus({ kind: 'error', ...refused.statusCause() });
    throw refused;
  }
  wire(room);
  handlers.onStatus({ kind: 'connected', rejoined: rejoining });

  return {
    send(type: ClientMessageName | EngineEventType, payload: object) {
      if (live) room?.send(type, payload);
      else if (!closed) {
        waiting = [...waiting, { type, payload }].slice(-MAX_WAITING_MESSAGES);
        handlers.onWaiting([...waiting]);
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      void room?.leave(true);
    },
  };
}
