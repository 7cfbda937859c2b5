/** Wire payloads: every engine event's payload is validated before it can reach the machine. */
import { describe, expect, it } from 'vitest';
import {
  DELEGATE_EVENTS,
  EVENT_NAMES,
  EVENT_PAYLOADS,
  FACILITATOR_EVENTS,
  LIMITS,
  payloadRefusal,
  toEngineEvent,
} from '../../src/engine/events.ts';
import { EVENT_RULES } from '../../src/engine/rules.ts';

describe('event names', () => {
  it('one name everywhere: the payload schemas and the rules table list the same events', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(EVENT_RULES).sort());
    expect(DELEGATE_EVENTS).toContain('proposal.table');
    expect(FACILITATOR_EVENTS).toEqual([
      'facilitator.pause',
      'facilitator.resume',
      'facilitator.advance',
      'facilitator.inject',
      'facilitator.extend',
    ]);
  });
});

describe('toEngineEvent', () => {
  it('adds the actor and time the host supplies, whatever the payload claims', () => {
    const result = toEngineEvent('seat.ready', { ready: true }, 'ukraine', 5);
    expect(result).toEqual({ ok: true, event: { type: 'seat.ready', ready: true, actor: 'ukraine', at: 5 } });
  });
  it('refuses an actor smuggled in the payload', () => {
    const result = toEngineEvent('seat.ready', { actor: 'russia' }, 'ukraine', 5);
    expect(result.ok).toBe(false);
  });
  it('names the field and the problem', () => {
    expect(toEngineEvent('proposal.table', { package: {} }, 'us', 1)).toEqual({
      ok: false,
      message: 'proposal.table: package: the package settles no issue',
    });
    expect(toEngineEvent('chat.post', { channel: 'plenary', text: 'x'.repeat(LIMITS.chat + 1) }, 'us', 1)).toEqual({
      ok: false,
      message: `chat.post: text: message is longer than ${LIMITS.chat} characters`,
    });
    expect(toEngineEvent('chat.post', { channel: 'plenary', text: 'bell\u0007' }, 'us', 1)).toEqual({
      ok: false,
      message: 'chat.post: text: message contains control characters',
    });
    expect(toEngineEvent('chat.post', { channel: 'bilateral:us+mars', text: 'hi' }, 'us', 1).ok).toBe(false);
    expect(toEngineEvent('facilitator.extend', {}, 'facilitator', 1)).toEqual({
      ok: false,
      message: 'facilitator.extend: give rounds or ms to extend by',
    });
  });
  it('keeps new lines in chat and refuses unknown messages', () => {
    expect(toEngineEvent('chat.post', { channel: 'plenary', text: 'line one\nline two' }, 'us', 1).ok).toBe(true);
    expect(toEngineEvent('proposal.explode', {}, 'us', 1)).toEqual({
      ok: false,
      message: 'unknown message "proposal.explode"',
    });
    expect(toEngineEvent('__proto__', {}, 'us', 1).ok).toBe(false);
  });
});

describe('payloadRefusal', () => {
  const refusalOf = (name: keyof typeof EVENT_PAYLOADS, payload: unknown) => {
    const parsed = EVENT_PAYLOADS[name].safeParse(payload);
    if (parsed.success) throw new Error(`${name} accepted ${JSON.stringify(payload)}`);
    return payloadRefusal(name, parsed.error);
  };

  it('names the rule a person can break by typing, with what its sentence needs', () => {
    expect(refusalOf('chat.post', { channel: 'plenary', text: '   ' })).toEqual({ reason: 'textEmpty' });
    expect(refusalOf('chat.post', { channel: 'plenary', text: 'x'.repeat(LIMITS.chat + 1) })).toEqual({
      reason: 'textTooLong',
      params: { max: LIMITS.chat },
    });
    expect(refusalOf('statement.make', { text: 'bell\u0007' })).toEqual({ reason: 'textControlCharacters' });
    expect(
      refusalOf('proposal.respond', { proposalId: 'p1', response: 'reject', reasons: [{ text: 'x'.repeat(400) }] }),
    ).toEqual({ reason: 'textTooLong', params: { max: LIMITS.reason } });
    expect(refusalOf('proposal.table', { package: {} })).toEqual({ reason: 'packageEmpty' });
    const big = Object.fromEntries(Array.from({ length: LIMITS.packageIssues + 1 }, (_, i) => [`issue-${i}`, 'a']));
    expect(refusalOf('proposal.table', { package: big })).toEqual({
      reason: 'packageTooBig',
      params: { max: LIMITS.packageIssues },
    });
  });

  it('gives anything else (a client bug, not a person) the generic rule', () => {
    expect(refusalOf('lever.use', { lever: 'Not A Slug' })).toEqual({
      reason: 'invalidPayload',
      params: { type: 'lever.use' },
    });
    expect(refusalOf('facilitator.extend', {})).toEqual({
      reason: 'invalidPayload',
      params: { type: 'facilitator.extend' },
    });
  });
});
