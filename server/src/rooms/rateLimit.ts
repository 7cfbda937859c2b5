/**
 * Per-client token bucket. A person negotiating sends a message every few seconds; a burst of
 * `burst` is allowed (a quick exchange in chat), refilled at `perSecond`. Over the limit, a
 * message is dropped with one `rate_limited` error; Colyseus' own `maxMessagesPerSecond` (set
 * higher in the room) disconnects scripts that keep hammering.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 4, burst: 20 };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** When the last refusal was reported, so a flood gets one error per second, not one per message. */
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  private readonly limit: RateLimit;

  constructor(limit: RateLimit, now: number) {
    this.limit = limit;
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  /** Take a token: true if the message may go through. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Should this refusal be reported to the client? */
  shouldWarn(now: number): boolean {
    if (now - this.lastWarnedAt < 1000) return false;
    this.lastWarnedAt = now;
    return true;
  }
}

/** What to do with a client's message: handle it, drop it with one `rate_limited` error, or drop it quietly. */
export type RateVerdict = 'allow' | 'warn' | 'drop';

/** Every client's bucket, from joining to leaving the room. */
export class ClientRates {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly limit: RateLimit;

  constructor(limit: RateLimit) {
    this.limit = limit;
  }

  join(sessionId: string, now: number): void {
    this.buckets.set(sessionId, new TokenBucket(this.limit, now));
  }

  leave(sessionId: string): void {
    this.buckets.delete(sessionId);
  }

  verdict(sessionId: string, now: number): RateVerdict {
    const bucket = this.buckets.get(sessionId);
    if (!bucket || bucket.take(now)) return 'allow';
    return bucket.shouldWarn(now) ? 'warn' : 'drop';
  }
}
