/**
 * How fast one connection may talk, in two layers, both on real elapsed time (never the room's
 * clock, which only moves when the room ticks):
 *
 * - messages: a person negotiating sends one every few seconds, so a burst of `burst` is allowed
 *   (a quick exchange in chat), refilled at `perSecond`. Past it a message is dropped and the
 *   sender hears `rate_limited`, at most once a second;
 * - frames: every websocket frame of the connection. Past this the client is not a person but a
 *   runaway script, and the connection is closed. A client pacing at `perSecond` is never closed;
 *   `burst` absorbs the bunching of frames that waited in the network or behind a busy server.
 *   The message limit is far below it, so a flood always hears `rate_limited` before it is closed.
 */
import { type BucketLimit, TokenBucket } from '../http/throttle.ts';

export type RateLimit = BucketLimit;

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 4, burst: 20 };
/** The documented "40 messages a second": a client pacing at or below it keeps its connection. */
export const DEFAULT_FRAME_LIMIT: RateLimit = { perSecond: 40, burst: 120 };

export type FrameVerdict = 'ok' | 'close';

/** One connection's meters. */
export class ClientMeter {
  private readonly messages: TokenBucket;
  private readonly frames: TokenBucket;
  /** When the last refusal was reported, so a flood gets one error per second, not one per message. */
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(messages: RateLimit, frames: RateLimit, now: number) {
    this.messages = new TokenBucket(messages, now);
    this.frames = new TokenBucket(frames, now);
  }

  /** A frame arrived: 'close' once the connection is over the frame limit. */
  frame(now: number): FrameVerdict {
    return this.frames.take(now) ? 'ok' : 'close';
  }

  /** A message is about to be handled: true if it may be. */
  message(now: number): boolean {
    return this.messages.take(now);
  }

  /** Should this refusal be reported to the client? */
  shouldWarn(now: number): boolean {
    if (now - this.lastWarnedAt < 1000) return false;
    this.lastWarnedAt = now;
    return true;
  }
}
