import { describe, expect, it } from 'vitest';
import { GAME_NAME, JoinOptions, MESSAGE, PROTOCOL_VERSION, SeatTake } from '../src/index.ts';

describe('protocol', () => {
  it('names the game and gives every message a distinct name', () => {
    expect(GAME_NAME).toBe('Peace Table');
    const names = Object.values(MESSAGE);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('SeatTake', () => {
  it('accepts a delegation and a trimmed name', () => {
    expect(SeatTake.parse({ delegation: 'europe', name: '  Anna ' })).toEqual({ delegation: 'europe', name: 'Anna' });
  });

  it.each([
    ['an unknown delegation', { delegation: 'mars', name: 'Zorg' }],
    ['an empty name', { delegation: 'us', name: '   ' }],
    ['a name over 40 characters', { delegation: 'us', name: 'x'.repeat(41) }],
    ['control characters', { delegation: 'us', name: 'Bob\u0007' }],
    ['extra fields', { delegation: 'us', name: 'Bob', admin: true }],
    ['no payload', undefined],
  ])('rejects %s', (_what, payload) => {
    expect(SeatTake.safeParse(payload).success).toBe(false);
  });
});

describe('JoinOptions', () => {
  it('admits only the current protocol version', () => {
    expect(JoinOptions.safeParse({ protocol: PROTOCOL_VERSION }).success).toBe(true);
    expect(JoinOptions.safeParse({ protocol: PROTOCOL_VERSION - 1 }).success).toBe(false);
    expect(JoinOptions.safeParse(undefined).success).toBe(false);
  });
});
