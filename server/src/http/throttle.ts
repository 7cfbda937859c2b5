/**
 * The two kinds of limit the server puts on what one network (or the whole world) may try:
 *
 * - a token bucket: `burst` tries at once, refilled at `perSecond`; a try with no token left is
 *   refused with the time until the next token;
 * - a backoff on failures: the first `free` distinct failures cost nothing (a student mistyping a
 *   code), each further one doubles the wait before the next try (from `baseMs` up to `maxMs`),
 *   and the count is forgotten after `forgetMs` without a failure. The same wrong code retried
 *   (a client retrying while a restarted server restores its sessions) counts once.
 *
 * Keyed by a string (an address, a join code). Times are passed in, so tests step a clock; the
 * tables drop entries nobody has used for a while, so a flood of addresses cannot grow them for ever.
 */

export interface BucketLimit {
  perSecond: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly limit: BucketLimit;

  constructor(limit: BucketLimit, now: number) {
    this.limit = limit;
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  /** Take a token: true if the try may go through. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0 when one is). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000);
  }

  /** True once the bucket is full again: nothing to remember about this key any more. */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.limit.burst;
  }
}

/** Entries are swept at most this often, and only those idle for at least this long go. */
const SWEEP_MS = 60_000;

/** One token bucket per key. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt = 0;
  readonly limit: BucketLimit;

  constructor(limit: BucketLimit) {
    this.limit = limit;
  }

  /** Take a token for `key`: 0 when the try may go through, else the milliseconds to wait. */
  take(key: string, now: number): number {
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limit, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now) ? 0 : Math.max(1, bucket.waitMs(now));
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_MS) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
  }
}

export interface BackoffLimit {
  /** Distinct failures that cost nothing. */
  free: number;
  /** The wait after the first failure past `free`; it doubles with each further one. */
  baseMs: number;
  maxMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetMs: number;
}

interface FailureRecord {
  count: number;
  /** The latest distinct failures (a few), so a retry of the same one counts once. */
  recent: string[];
  lastAt: number;
  blockedUntil: number;
}

/** Remembered per key to recognise a retry; more than enough for one person's typos. */
const RECENT = 16;

export class Backoff {
  private readonly records = new Map<string, FailureRecord>();
  private sweptAt = 0;
  readonly limit: BackoffLimit;

  constructor(limit: BackoffLimit) {
    this.limit = limit;
  }

  private current(key: string, now: number): FailureRecord | undefined {
    const record = this.records.get(key);
    if (record && now - record.lastAt >= this.limit.forgetMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  /** Milliseconds `key` must still wait before its next try (0: it may try now). */
  waitMs(key: string, now: number): number {
    const record = this.current(key, now);
    return record ? Math.max(0, record.blockedUntil - now) : 0;
  }

  /** Distinct failures of `key` still remembered. */
  failures(key: string, now: number): number {
    return this.current(key, now)?.count ?? 0;
  }

  /** A failed try of `key` at `what` (a code, a key's hash). Returns the wait it now has. */
  fail(key: string, what: string, now: number): number {
    this.sweep(now);
    let record = this.current(key, now);
    if (!record) {
      record = { count: 0, recent: [], lastAt: now, blockedUntil: 0 };
      this.records.set(key, record);
    }
    record.lastAt = now;
    if (record.recent.includes(what)) return Math.max(0, record.blockedUntil - now);
    record.recent.push(what);
    if (record.recent.length > RECENT) record.recent.shift();
    record.count += 1;
    const over = record.count - this.limit.free;
    if (over > 0) {
      const wait = Math.min(this.limit.maxMs, this.limit.baseMs * 2 ** Math.min(over - 1, 30));
      record.blockedUntil = Math.max(record.blockedUntil, now + wait);
    }
    return Math.max(0, record.blockedUntil - now);
  }

  get size(): number {
    return this.records.size;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_MS) return;
    this.sweptAt = now;
    for (const [key, record] of this.records) {
      if (now - record.lastAt >= this.limit.forgetMs) this.records.delete(key);
    }
  }
}

/** Seconds to tell a person to wait: whole seconds, at least 1. */
export function retrySeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
