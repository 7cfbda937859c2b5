/**
 * Every websocket frame of a room passes here before Colyseus reads it:
 *
 * - the connection's frame meter (rateLimit.ts) on real elapsed time: past the documented rate the
 *   connection is closed, after the message limit has already answered `rate_limited`;
 * - frames whose message cannot be read (not msgpack, a truncated name) are answered with
 *   `invalid_message` and dropped. Left to Colyseus they would close the connection and log a
 *   stack trace each, so a hostile client could fill the log;
 * - refusals are logged through RefusalLog: one line, then a count, per client per minute.
 *
 * The room's message handlers ask `allow` (the message limit) before doing anything.
 */
import type { EventEmitter } from 'node:events';
import { type Client, CloseCode, Protocol, type Room } from '@colyseus/core';
import { decode } from '@colyseus/schema';
import { refusalDetail } from '@peace-table/shared/refusals';
import { unpack } from 'msgpackr';
import type { Logger } from 'pino';
import { sendError } from './checkedMessage.ts';
import { ClientMeter, type RateLimit } from './rateLimit.ts';
import { RefusalLog } from './refusalLog.ts';

/** The low five bits of a frame's first byte are its protocol code (the rest are modifiers). */
const CODE_MASK = 0b11111;

/**
 * Why a frame carrying a message cannot be read, or null. Only message frames (data and requests)
 * are read here; Colyseus handles the others (join, leave, ping) without reading a payload.
 */
export function unreadableFrame(frame: Uint8Array): string | null {
  const code = (frame[0] ?? 0) & CODE_MASK;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return null;
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(frame as Buffer, it);
    if (it.offset >= frame.byteLength) return 'no message name';
    if (decode.stringCheck(frame as Buffer, it)) decode.string(frame as Buffer, it);
    else decode.number(frame as Buffer, it);
    if (it.offset > frame.byteLength) return 'a truncated message name';
    if (frame.byteLength > it.offset) unpack(frame.subarray(it.offset));
    return null;
  } catch (error) {
    return `an unreadable payload (${(error as Error).message.split('\n')[0]?.slice(0, 80)})`;
  }
}

export interface FrameGuardOptions {
  messages: RateLimit;
  frames: RateLimit;
  log: Logger;
  /** Milliseconds on a clock that follows real time (performance.now by default). */
  now?: () => number;
}

export class FrameGuard {
  private readonly meters = new Map<string, ClientMeter>();
  /** Connections closed for flooding, whose last frames are still arriving (a reconnection is a new one). */
  private readonly closing = new WeakSet<Client>();
  private readonly refusals: RefusalLog;
  private readonly options: FrameGuardOptions;
  private readonly now: () => number;

  constructor(options: FrameGuardOptions) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.refusals = new RefusalLog(options.log);
  }

  /**
   * Put the guard in front of the room's frame handling. Colyseus binds `_onMessage` to each
   * client as it joins, so this must run in onCreate, before anyone joins.
   */
  install(room: Room): void {
    const guard = this;
    const inner = room as unknown as { _onMessage(client: Client, frame: Uint8Array): void };
    const original = inner._onMessage;
    inner._onMessage = function (this: Room, client: Client, frame: Uint8Array) {
      if (guard.admit(client, frame)) original.call(this, client, frame);
    };
  }

  /**
   * A connection joined, or came back: a reconnection keeps its meter, so a client closed for
   * flooding does not come back with a full one. Errors of its socket (a frame over the size
   * limit, a broken frame) are logged as refusals too, without the stack trace Colyseus would print.
   */
  join(client: Client): void {
    const id = client.sessionId;
    if (!this.meters.has(id))
      this.meters.set(id, new ClientMeter(this.options.messages, this.options.frames, this.now()));
    const socket = (client as unknown as { ref?: EventEmitter }).ref;
    if (socket && typeof socket.on === 'function') {
      socket.removeAllListeners('error');
      socket.on('error', (error: Error) => this.refusals.note(id, 'socket', { problem: error.message }, this.now()));
    }
  }

  /** A connection left for good. */
  leave(client: Client): void {
    this.meters.delete(client.sessionId);
    this.refusals.flush(client.sessionId);
  }

  /** Whether the frame goes on to Colyseus. */
  admit(client: Client, frame: Uint8Array): boolean {
    if (this.closing.has(client)) return false;
    const meter = this.meters.get(client.sessionId);
    const now = this.now();
    if (meter && meter.frame(now) === 'close') {
      this.closing.add(client);
      this.refusals.note(client.sessionId, 'flood', { action: 'closed the connection' }, now);
      client.leave(CloseCode.WITH_ERROR, 'Too many messages.');
      return false;
    }
    const unreadable = unreadableFrame(frame);
    if (unreadable === null) return true;
    this.refusals.note(client.sessionId, 'unreadable', { problem: unreadable, bytes: frame.byteLength }, now);
    if (this.allow(client, 'frame')) {
      const message = `The server could not read that message: ${unreadable}.`;
      const detail = refusalDetail('invalidPayload', { type: 'frame' });
      sendError(client, { code: 'invalid_message', message, ref: 'frame', ...detail });
    }
    return false;
  }

  /** The message limit: true when the message may be handled. */
  allow(client: Client, name: string): boolean {
    const meter = this.meters.get(client.sessionId);
    const now = this.now();
    if (!meter || meter.message(now)) return true;
    this.refusals.note(client.sessionId, 'rate_limited', { message: name }, now);
    if (meter.shouldWarn(now)) {
      const message = 'Too many messages: slow down a little.';
      sendError(client, { code: 'rate_limited', message, ref: name, ...refusalDetail('rateLimited') });
    }
    return false;
  }
}
