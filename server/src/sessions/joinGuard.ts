/**
 * The limits on joining, so join codes and keys cannot be guessed by trying (docs/deployment.md
 * has the arithmetic):
 *
 * - every join request of an address takes a token (a class behind one school address joins at
 *   once without noticing; a script sending thousands a second does not get through);
 * - wrong join codes of an address: the first few distinct ones are free, then each costs a
 *   doubling wait (`tooManyAttempts` says how long);
 * - wrong codes everywhere together: past a budget an hour, addresses that have failed lately
 *   wait too, so many addresses together guess no faster than the budget;
 * - wrong keys (facilitator, seat) for one session, from any address: the same doubling wait for
 *   further key tries at that session. New students joining by name are never held up by it.
 *
 * Plain bookkeeping with times passed in; the room's onAuth and onJoin ask and report
 * (rooms/guardedRoom.ts). Each process keeps its own counts (with Redis, each process counts alone).
 */
import type { RefusalDetail } from '@peace-table/shared/refusals';
import { refusalDetail } from '@peace-table/shared/refusals';
import {
  Backoff,
  type BackoffLimit,
  type BucketLimit,
  KeyedBuckets,
  retrySeconds,
  TokenBucket,
} from '../http/throttle.ts';

export interface JoinLimits {
  /** Join requests per address. */
  joins: BucketLimit;
  /** Wrong codes and keys per address. */
  failures: BackoffLimit;
  /** Wrong codes from all addresses together. */
  failuresEverywhere: BucketLimit;
  /** Wrong keys at one session, from all addresses together. */
  keyFailures: BackoffLimit;
}

/** What a join attempt is, as far as the limits care. */
export interface JoinAttempt {
  address: string;
  /** The normalised join code, when the options had a readable one. */
  code?: string | undefined;
  /** A key it presents (seat or facilitator key): tries at guessing keys are counted per session. */
  key?: string | undefined;
}

/** How a join attempt ended, for the counts: only wrong codes and wrong keys are failures. */
export type JoinOutcome = 'joined' | 'wrongCode' | 'wrongKey' | 'other';

export type JoinRefusal = RefusalDetail & { message: string; seconds: number };

export class JoinGuard {
  private readonly joins: KeyedBuckets;
  private readonly failures: Backoff;
  private readonly keyFailures: Backoff;
  private readonly everywhere: TokenBucket;

  constructor(limits: JoinLimits, now: number) {
    this.joins = new KeyedBuckets(limits.joins);
    this.failures = new Backoff(limits.failures);
    this.keyFailures = new Backoff(limits.keyFailures);
    this.everywhere = new TokenBucket(limits.failuresEverywhere, now);
  }

  /** Before anything is checked: null when the attempt may go on, else why not and for how long. */
  admit(attempt: JoinAttempt, now: number): JoinRefusal | null {
    let wait = Math.max(
      this.failures.waitMs(attempt.address, now),
      attempt.key !== undefined && attempt.code !== undefined ? this.keyFailures.waitMs(attempt.code, now) : 0,
    );
    // Guessing from many addresses at once: those that failed lately take from the common budget.
    const failedLately = this.failures.failures(attempt.address, now) > 0;
    if (wait === 0 && failedLately && !this.everywhere.take(now)) wait = Math.max(1, this.everywhere.waitMs(now));
    if (wait === 0) wait = this.joins.take(attempt.address, now);
    if (wait === 0) return null;
    const seconds = retrySeconds(wait);
    return {
      ...refusalDetail('tooManyAttempts', { seconds }),
      message: `Too many attempts to join from your network. Try again in ${seconds} s.`,
      seconds,
    };
  }

  /** After the attempt was decided: wrong codes and keys count against the address (and the session). */
  record(attempt: JoinAttempt, outcome: JoinOutcome, now: number): void {
    if (outcome === 'wrongCode') {
      // An address's first wrong code was not taken from the common budget when it was let in.
      if (this.failures.failures(attempt.address, now) === 0) this.everywhere.take(now);
      this.failures.fail(attempt.address, `code:${attempt.code ?? ''}`, now);
    } else if (outcome === 'wrongKey') {
      const key = `key:${attempt.code ?? ''}:${attempt.key ?? ''}`;
      this.failures.fail(attempt.address, key, now);
      if (attempt.code !== undefined) this.keyFailures.fail(attempt.code, key, now);
    }
  }
}
