/**
 * The throttles as plain functions on a stepped clock (no waiting): what a class behind one school
 * address may do without noticing, what a guesser gets per hour, and how fast a client may talk.
 * docs/deployment.md quotes the figures these tests hold.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readLimitSettings, serverLimits } from '../src/config.ts';
import { addressKey, clientAddress } from '../src/http/clientAddress.ts';
import { Backoff, KeyedBuckets } from '../src/http/throttle.ts';
import { ClientMeter, DEFAULT_FRAME_LIMIT, DEFAULT_RATE_LIMIT } from '../src/rooms/rateLimit.ts';
import { RefusalLog } from '../src/rooms/refusalLog.ts';
import { JoinGuard } from '../src/sessions/joinGuard.ts';
import { captureLogs } from './support/logs.ts';

const HOUR = 3600_000;
const limits = serverLimits();
const T0 = 1_000_000;

/** A code nobody uses, different each time. */
const wrongCode = (i: number) => `W${String(i).padStart(5, '0')}`;

/** Guess from `addresses` for `ms`, each address trying again as soon as it is told it may (a step is `stepMs`). */
function guessFor(guard: JoinGuard, addresses: string[], ms: number, stepMs = 250): number {
  const nextTry = new Map(addresses.map((a) => [a, T0]));
  let guesses = 0;
  let now = T0;
  while (now < T0 + ms) {
    for (const address of addresses) {
      if ((nextTry.get(address) ?? 0) > now) continue;
      const attempt = { address, code: wrongCode(guesses) };
      const refusal = guard.admit(attempt, now);
      if (refusal) {
        expect(refusal.reason).toBe('tooManyAttempts');
        nextTry.set(address, now + refusal.seconds * 1000);
        continue;
      }
      guard.record(attempt, 'wrongCode', now);
      guesses++;
    }
    now += stepMs;
  }
  return guesses;
}

describe('join limits', () => {
  it('let a class of 40 behind one address join, mistype a few codes and rejoin after a restart', () => {
    const guard = new JoinGuard(limits.joins, T0);
    const school = '203.0.113.7';
    let now = T0;
    for (let i = 0; i < 6; i++) {
      expect(guard.admit({ address: school, code: wrongCode(i) }, now)).toBeNull();
      guard.record({ address: school, code: wrongCode(i) }, 'wrongCode', now);
    }
    for (let student = 0; student < 40; student++)
      expect(guard.admit({ address: school, code: 'K7QX2M' }, now)).toBeNull();
    // After a restart the whole class rejoins with seat keys at once, and keeps answering "no
    // session" while the server restores: the same code retried counts once.
    now += 5000;
    for (let student = 0; student < 40; student++) {
      const attempt = { address: school, code: 'K7QX2M', key: `key-${student}` };
      expect(guard.admit(attempt, now)).toBeNull();
      guard.record(attempt, 'wrongCode', now);
    }
    expect(guard.admit({ address: school, code: 'K7QX2M' }, now + 2000)).toBeNull();
  });

  it('answer a guesser with tooManyAttempts and a growing wait, for any code, without holding up others', () => {
    const guard = new JoinGuard(limits.joins, T0);
    const free = DEFAULT_LIMITS.joinFailuresFree;
    for (let i = 0; i < free; i++) guard.record({ address: 'a', code: wrongCode(i) }, 'wrongCode', T0);
    expect(guard.admit({ address: 'a', code: 'K7QX2M' }, T0)).toBeNull();
    const waits: number[] = [];
    let now = T0;
    for (let i = free; i < free + 8; i++) {
      guard.record({ address: 'a', code: wrongCode(i) }, 'wrongCode', now);
      const refusal = guard.admit({ address: 'a', code: 'K7QX2M' }, now);
      expect(refusal).toMatchObject({ reason: 'tooManyAttempts', params: { seconds: expect.any(Number) } });
      expect(refusal?.message).toMatch(/^Too many attempts to join from your network\. Try again in \d+ s\.$/);
      waits.push(refusal?.seconds ?? 0);
      now += (refusal?.seconds ?? 0) * 1000;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    // Another address (another school) is not held up.
    expect(guard.admit({ address: 'b', code: 'K7QX2M' }, now)).toBeNull();
    // Failures are forgotten 15 minutes after the last one.
    expect(guard.admit({ address: 'a', code: 'K7QX2M' }, now + 15 * 60_000)).toBeNull();
  });

  it('allow one address at most 80 guesses in an hour (documented: about 75)', () => {
    const guesses = guessFor(new JoinGuard(limits.joins, T0), ['198.51.100.1'], HOUR);
    expect(guesses).toBeGreaterThan(60);
    expect(guesses).toBeLessThanOrEqual(80);
  });

  it('hold 200 addresses guessing together to the budget for wrong codes everywhere', () => {
    // Alone, each would get about 75 an hour: 15,000 together.
    const addresses = Array.from({ length: 200 }, (_, i) => `10.0.0.${i}`);
    const guesses = guessFor(new JoinGuard(limits.joins, T0), addresses, HOUR, 2000);
    // The budget (3,600 an hour, 600 at once), plus at most one first guess per address every 15
    // minutes (an address's failures are forgotten after 15 quiet minutes).
    expect(guesses).toBeLessThanOrEqual(DEFAULT_LIMITS.wrongCodesPerHour + 600 + 4 * addresses.length);
    expect(guesses).toBeGreaterThan(DEFAULT_LIMITS.wrongCodesPerHour);
  });

  it('count wrong keys at one session from anywhere, without holding up students joining by name', () => {
    const guard = new JoinGuard(limits.joins, T0);
    for (let i = 0; i < 25; i++) {
      const attempt = { address: `10.0.0.${i}`, code: 'K7QX2M', key: `guess-${i}` };
      if (!guard.admit(attempt, T0)) guard.record(attempt, 'wrongKey', T0);
    }
    expect(guard.admit({ address: '10.9.9.9', code: 'K7QX2M', key: 'another' }, T0)?.reason).toBe('tooManyAttempts');
    expect(guard.admit({ address: '10.9.9.9', code: 'K7QX2M' }, T0)).toBeNull();
  });

  it('hold a flood of join requests to the per-address rate', () => {
    const guard = new JoinGuard(limits.joins, T0);
    let admitted = 0;
    for (let i = 0; i < 3000; i++) if (!guard.admit({ address: 'flood', code: 'K7QX2M' }, T0 + i)) admitted++;
    // 3,000 requests in 3 s: the burst of 120 and 2 a second.
    expect(admitted).toBeLessThanOrEqual(DEFAULT_LIMITS.joinsPerMinute + 6);
  });
});

describe('session creation limit', () => {
  it('lets 40 solo games start at once from one address, then paces a script', () => {
    const created = new KeyedBuckets(limits.sessions);
    for (let i = 0; i < 40; i++) expect(created.take('school', T0)).toBe(0);
    let refusedAt = -1;
    for (let i = 40; i < 300 && refusedAt < 0; i++) if (created.take('school', T0) > 0) refusedAt = i;
    expect(refusedAt).toBe(DEFAULT_LIMITS.sessionsBurst);
    // The next one may come after 3600/120 = 30 s.
    expect(created.take('school', T0)).toBe(30_000);
    expect(created.take('school', T0 + 30_000)).toBe(0);
  });

  it('reads its settings from the environment, refusing nonsense', () => {
    expect(readLimitSettings({ SESSIONS_BURST: '5', JOIN_FAILURES_FREE: '3' })).toMatchObject({
      sessionsBurst: 5,
      joinFailuresFree: 3,
      sessionsPerHour: 120,
    });
    expect(() => readLimitSettings({ JOINS_PER_MINUTE: 'lots' })).toThrow(/JOINS_PER_MINUTE must be a whole number/);
  });
});

describe('backoff', () => {
  it('counts the same failure once and forgets after a quiet while', () => {
    const backoff = new Backoff({ free: 1, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 });
    expect(backoff.fail('a', 'x', T0)).toBe(0);
    expect(backoff.fail('a', 'x', T0)).toBe(0);
    expect(backoff.fail('a', 'y', T0)).toBe(1000);
    expect(backoff.fail('a', 'z', T0)).toBe(2000);
    expect(backoff.failures('a', T0 + 59_999)).toBe(3);
    expect(backoff.failures('a', T0 + 60_000)).toBe(0);
  });
});

describe('client addresses', () => {
  it('believe X-Forwarded-For only as far as the trusted proxies', () => {
    expect(clientAddress('192.0.2.1', '6.6.6.6', 0)).toBe('192.0.2.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 192.0.2.9', 1)).toBe('192.0.2.9');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 192.0.2.9, 10.0.0.2', 2)).toBe('192.0.2.9');
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
  });

  it('count IPv6 by /64 network and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('message and frame rate', () => {
  /** Frames at `perSecond` for `seconds`, each passed to the meter; the first frame that would close, or -1. */
  function pace(perSecond: number, seconds: number, jitterMs = 0) {
    const meter = new ClientMeter(DEFAULT_RATE_LIMIT, DEFAULT_FRAME_LIMIT, 0);
    let refused = 0;
    const n = perSecond * seconds;
    for (let i = 0; i < n; i++) {
      const at = (i * 1000) / perSecond + (i % 2 === 0 ? jitterMs : -jitterMs);
      if (meter.frame(at) === 'close') return { closedAt: i, refused };
      if (!meter.message(at)) refused++;
    }
    return { closedAt: -1, refused };
  }

  it('never closes a client pacing at the documented 40 a second (or 38), on real time', () => {
    expect(pace(38, 600).closedAt).toBe(-1);
    expect(pace(40, 600).closedAt).toBe(-1);
    // Frames bunched by the network or a busy server (every other one 20 ms late) change nothing.
    expect(pace(40, 600, 20).closedAt).toBe(-1);
    // Above the message rate, messages are refused (rate_limited) all along.
    expect(pace(38, 60).refused).toBeGreaterThan(1500);
  });

  it('answers a burst with refusals long before it closes the connection; a sustained flood is closed', () => {
    const meter = new ClientMeter(DEFAULT_RATE_LIMIT, DEFAULT_FRAME_LIMIT, 0);
    let firstRefused = -1;
    let closedAt = -1;
    for (let i = 0; i < 500 && closedAt < 0; i++) {
      if (meter.frame(0) === 'close') closedAt = i;
      else if (!meter.message(0) && firstRefused < 0) firstRefused = i;
    }
    expect(firstRefused).toBe(DEFAULT_RATE_LIMIT.burst);
    expect(closedAt).toBe(DEFAULT_FRAME_LIMIT.burst);
    expect(pace(45, 120).closedAt).toBeGreaterThan(0);
  });
});

describe('refusal log', () => {
  it('writes one line for a minute of refusals from a client, then their count', () => {
    const logs = captureLogs();
    const log = new RefusalLog(logs.logger);
    for (let i = 0; i < 1000; i++) log.note('c1', i % 2 ? 'rate_limited' : 'unreadable', { i }, T0 + i);
    expect(logs.lines).toHaveLength(1);
    log.note('c1', 'unreadable', {}, T0 + 60_000);
    expect(logs.lines).toHaveLength(3);
    expect(logs.lines[1]).toMatchObject({ client: 'c1', refused: { rate_limited: 500, unreadable: 499 } });
    log.flush('c1');
    expect(logs.lines).toHaveLength(3);
    expect(logs.raw.join('\n')).not.toMatch(/\n\s+at /);
  });
});
