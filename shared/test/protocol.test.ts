import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../src/engine/events.ts';
import {
  CLIENT_MESSAGE_PAYLOADS,
  CreateSessionBody,
  ERROR_CODES,
  GAME_NAME,
  JOIN_CODE_ALPHABET,
  JoinOptions,
  normaliseJoinCode,
  PROTOCOL_VERSION,
  ROOM_MESSAGE,
  SERVER_MESSAGE,
  SERVER_MESSAGE_PAYLOADS,
} from '../src/index.ts';
import { refusalDetail } from '../src/refusals.ts';

const base = { protocol: PROTOCOL_VERSION, code: 'K7QX2M' };

describe('message names', () => {
  it('are distinct across engine events, room messages and server messages', () => {
    const names = [...EVENT_NAMES, ...Object.values(ROOM_MESSAGE), ...Object.values(SERVER_MESSAGE)];
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CLIENT_MESSAGE_PAYLOADS).sort()).toEqual(
      [...EVENT_NAMES, ...Object.values(ROOM_MESSAGE)].sort(),
    );
    expect(Object.keys(SERVER_MESSAGE_PAYLOADS).sort()).toEqual(Object.values(SERVER_MESSAGE).sort());
    expect(GAME_NAME).toBe('Peace Table');
  });
});

describe('join codes', () => {
  it('have no look-alike characters', () => {
    for (const c of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('are read the way people type them', () => {
    expect(normaliseJoinCode(' k7q-x2m ')).toBe('K7QX2M');
    expect(JoinOptions.parse({ ...base, code: 'k7q x2m', role: 'spectator' }).code).toBe('K7QX2M');
    expect(JoinOptions.safeParse({ ...base, code: 'K7QX2O', role: 'spectator' }).success).toBe(false);
    expect(JoinOptions.safeParse({ ...base, code: 'K7QX2', role: 'spectator' }).success).toBe(false);
  });
});

describe('JoinOptions', () => {
  it.each([
    ['a new delegate', { role: 'delegate', delegation: 'europe', name: '  Anna ' }],
    ['a returning delegate', { role: 'delegate', seatKey: 'abcdefghijklmnopqrstuvwx' }],
    ['a facilitator', { role: 'facilitator', facilitatorKey: 'abcdefghijklmnopqrstuvwx' }],
    ['a spectator', { role: 'spectator' }],
  ])('admits %s', (_what, options) => {
    expect(JoinOptions.safeParse({ ...base, ...options }).success).toBe(true);
  });

  it.each([
    ['a stale protocol', { protocol: PROTOCOL_VERSION - 1, role: 'spectator' }],
    ['no code', { code: undefined, role: 'spectator' }],
    ['an unknown role', { role: 'king' }],
    ['a delegate without a name', { role: 'delegate', delegation: 'us' }],
    ['a delegate without a delegation', { role: 'delegate', name: 'Bob' }],
    ['an unknown delegation', { role: 'delegate', delegation: 'mars', name: 'Zorg' }],
    ['a name over 40 characters', { role: 'delegate', delegation: 'us', name: 'x'.repeat(41) }],
    ['control characters in a name', { role: 'delegate', delegation: 'us', name: 'Bob\u0007' }],
    ['a facilitator without a key', { role: 'facilitator' }],
    ['a malformed key', { role: 'delegate', seatKey: 'short' }],
  ])('rejects %s', (_what, options) => {
    expect(JoinOptions.safeParse({ ...base, ...options }).success).toBe(false);
  });
});

describe('room messages', () => {
  it('validate facilitator tools strictly', () => {
    const control = CLIENT_MESSAGE_PAYLOADS[ROOM_MESSAGE.seatControl];
    expect(control.safeParse({ delegation: 'us', control: 'bot' }).success).toBe(true);
    expect(control.safeParse({ delegation: 'us', control: 'bot', actor: 'facilitator' }).success).toBe(false);
    expect(CLIENT_MESSAGE_PAYLOADS[ROOM_MESSAGE.participantKick].safeParse({ participantId: 'a b' }).success).toBe(
      false,
    );
  });
});

describe('CreateSessionBody', () => {
  const seats = { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'human' };
  it('accepts a minimal and a full body', () => {
    expect(CreateSessionBody.safeParse({ scenario: 'ukraine-2026', seats }).success).toBe(true);
    const full = {
      scenario: 'ukraine-2026',
      seats,
      botLevel: 'expert',
      options: {
        teamSize: 4,
        reconnectSeconds: 90,
        botDelayMs: 0,
        phaseSeconds: { talks: 600 },
        maxRounds: 12,
        seed: 9,
      },
    };
    expect(CreateSessionBody.parse(full)).toEqual(full);
  });

  it('names the field at fault', () => {
    const result = CreateSessionBody.safeParse({ scenario: 'ukraine-2026', seats: { ...seats, us: 'robot' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['seats', 'us']);
  });
});

describe('error payload', () => {
  const error = SERVER_MESSAGE_PAYLOADS[SERVER_MESSAGE.error];

  it('carries the rule and its params besides the English message', () => {
    const payload = {
      code: 'not_allowed',
      message: 'Sanctions relief can be used again in round 4',
      ref: 'lever.use',
      reason: 'leverCooldown',
      params: { lever: { en: 'Sanctions relief', uk: 'Пом’якшення санкцій' }, round: 4 },
    };
    expect(error.safeParse(payload).success).toBe(true);
    expect(error.safeParse({ code: 'rate_limited', message: 'Slow down.', ref: 'chat.post' }).success).toBe(true);
    expect(error.safeParse({ ...payload, reason: 'noSuchRule' }).success).toBe(false);
    expect(error.safeParse({ ...payload, code: 'teapot' }).success).toBe(false);
  });

  it('lists every code once; a reason without params sends none', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(refusalDetail('paused')).toEqual({ reason: 'paused' });
    expect(refusalDetail('leverCooldown', { lever: 'x', round: 2 })).toEqual({
      reason: 'leverCooldown',
      params: { lever: 'x', round: 2 },
    });
  });
});
