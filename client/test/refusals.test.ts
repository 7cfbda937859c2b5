/**
 * Refusals in the player's language: every reason and every error code the server can send has a
 * sentence in both locales, using only the params the server attaches (shared/src/refusals.ts).
 */
import { ERROR_CODES } from '@peace-table/shared/protocol';
import { REFUSAL_PARAMS, REFUSAL_REASONS } from '@peace-table/shared/refusals';
import { describe, expect, it } from 'vitest';
import { CATALOGS, flatten, placeholders } from '../src/i18n/i18n.ts';
import { refusalSentence, refusalWords } from '../src/model/refusals.ts';
import { en, uk } from './fixtures.ts';

const catalogs = { en: flatten(CATALOGS.en), uk: flatten(CATALOGS.uk) };

describe('refusal locale strings', () => {
  it.each(['en', 'uk'] as const)('%s has a sentence for every refusal reason, using only its params', (locale) => {
    const problems = REFUSAL_REASONS.flatMap((reason) => {
      const text = catalogs[locale][`refusal.reason.${reason}`];
      if (text === undefined) return [`${reason}: missing`];
      const allowed = new Set<string>(REFUSAL_PARAMS[reason]);
      return placeholders(text)
        .filter((name) => !allowed.has(name))
        .map((name) => `${reason}: {${name}} is not a param of this reason`);
    });
    expect(problems).toEqual([]);
  });

  it.each(['en', 'uk'] as const)('%s has a sentence for every error code', (locale) => {
    expect(ERROR_CODES.filter((code) => catalogs[locale][`refusal.code.${code}`] === undefined)).toEqual([]);
  });

  it('has no sentence for a reason or a code that does not exist', () => {
    const keys = Object.keys(catalogs.en);
    const reasons = keys.filter((k) => k.startsWith('refusal.reason.')).map((k) => k.slice('refusal.reason.'.length));
    const codes = keys.filter((k) => k.startsWith('refusal.code.')).map((k) => k.slice('refusal.code.'.length));
    expect(reasons.filter((r) => !(REFUSAL_REASONS as string[]).includes(r))).toEqual([]);
    expect(codes.filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('refusalWords', () => {
  const lever = { code: 'not_allowed', message: 'Sanctions relief can be used again in round 4' };

  it('words a reason in the chosen language, names from {en, uk} pairs and phases by their name', () => {
    const cooldown = {
      ...lever,
      reason: 'leverCooldown',
      params: { lever: { en: 'Sanctions relief', uk: 'Пом’якшення санкцій' }, round: 4 },
    };
    expect(refusalWords(cooldown, en.t, 'en')).toBe('“Sanctions relief” can be used again in round 4');
    expect(refusalWords(cooldown, uk.t, 'uk')).toBe('«Пом’якшення санкцій» можна знову застосувати в раунді 4');
    const phase = {
      code: 'wrong_phase',
      message: 'lever.use is not allowed during lobby',
      reason: 'wrongPhase',
      params: { type: 'lever.use', phase: 'lobby' },
    };
    expect(refusalWords(phase, uk.t, 'uk')).toBe('неможливо на етапі «Зала очікування»');
  });

  it('falls back to the code’s sentence for an unknown reason, and to the English message for an unknown code', () => {
    expect(refusalWords({ ...lever, reason: 'fromANewerServer' }, uk.t, 'uk')).toBe('зараз це не дозволено');
    expect(refusalWords(lever, uk.t, 'uk')).toBe('зараз це не дозволено');
    expect(refusalWords({ code: 'teapot', message: 'I am a teapot' }, uk.t, 'uk')).toBe('I am a teapot');
  });

  it('reads as a sentence on a line of its own', () => {
    const rate = { code: 'rate_limited', message: 'Too many messages: slow down a little.', reason: 'rateLimited' };
    expect(refusalSentence(rate, en.t, 'en')).toBe('Too many messages: slow down a little');
    expect(refusalSentence(rate, uk.t, 'uk')).toBe('Забагато повідомлень: трохи повільніше');
  });
});
