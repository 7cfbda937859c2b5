/**
 * Refusals in the player's language: every reason and every error code the server can send has a
 * sentence in both locales, using only the params the server attaches (shared/src/refusals.ts).
 */
import { ERROR_CODES } from '@peace-table/shared/protocol';
import {
  HTTP_REFUSAL_REASONS,
  JOIN_REFUSAL_REASONS,
  joinRefusalMessage,
  parseJoinRefusal,
  REFUSAL_PARAMS,
  REFUSAL_REASONS,
  refusalDetail,
} from '@peace-table/shared/refusals';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/allCatalogs.ts';
import { flatten, placeholders } from '../src/i18n/i18n.ts';
import { failureWords, refusalSentence, refusalWords } from '../src/model/refusals.ts';
import { ApiError } from '../src/net/api.ts';
import { JoinError, joinFailure } from '../src/net/session.ts';
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

describe('refused joins and failed requests', () => {
  const RUSSIA = { en: 'Russia', uk: 'Росія' };
  /** A join refused by the server, as the SDK rejects it and the session module passes it on. */
  const joinError = (message: string, detail: Parameters<typeof joinRefusalMessage>[1]) =>
    new JoinError(joinFailure(new Error(joinRefusalMessage(message, detail))));

  it('has a sentence in both languages for every join and HTTP reason', () => {
    const t = { en: en.t, uk: uk.t };
    for (const reason of [...JOIN_REFUSAL_REASONS, ...HTTP_REFUSAL_REASONS]) {
      for (const locale of ['en', 'uk'] as const) {
        const params = Object.fromEntries((REFUSAL_PARAMS[reason] as readonly string[]).map((p) => [p, 'X']));
        const words = failureWords({ message: 'English', reason, params }, t[locale], locale);
        expect(words, `${locale} ${reason}`).not.toMatch(/^refusal\.|\{\w+\}|English/);
      }
    }
  });

  it('words each join refusal in the chosen language, the code as people read it', () => {
    const full = joinError(
      'The RUSSIA delegation is full (2 people).',
      refusalDetail('teamFull', { delegation: RUSSIA, size: 2 }),
    );
    expect(failureWords(full, en.t, 'en')).toBe('the delegation of Russia is full (team size 2)');
    expect(failureWords(full, uk.t, 'uk')).toBe('делегація «Росія» уже заповнена (розмір команди — 2)');
    const noSession = joinError(
      'No session with code K7QX2M is running.',
      refusalDetail('noSession', { code: 'K7QX2M' }),
    );
    expect(failureWords(noSession, uk.t, 'uk')).toBe('сесії з кодом K7Q X2M зараз немає; перевірте код у ведучого');
    const ended = joinError('Session K7QX2M has ended.', refusalDetail('sessionEnded', { code: 'K7QX2M' }));
    expect(failureWords(ended, en.t, 'en')).toBe('session K7Q X2M has ended');
    expect(failureWords(ended, uk.t, 'uk')).toBe('сесію K7Q X2M завершено');
    const key = joinError(
      'That facilitator key is not valid.',
      refusalDetail('facilitatorKeyInvalid', { code: 'K7QX2M' }),
    );
    expect(failureWords(key, uk.t, 'uk')).toBe('цей ключ ведучого не підходить до сесії K7Q X2M');
    const stale = joinError('This page is out of date.', refusalDetail('protocolOutdated', { version: 3 }));
    expect(failureWords(stale, uk.t, 'uk')).toBe(
      'ця сторінка застаріла для сервера (протокол 3); перезавантажте сторінку',
    );
    const computer = joinError(
      'The RUSSIA seat is played by the computer.',
      refusalDetail('seatComputerOnly', { delegation: RUSSIA }),
    );
    expect(failureWords(computer, uk.t, 'uk')).toBe('у цій сесії за делегацію «Росія» грає комп’ютер');
  });

  it('falls back to the server’s English sentence for a reason it does not know, or none', () => {
    const newer = new Error('Session K7QX2M is full of robots. {"reason":"tooManyRobots","params":{"code":"K7QX2M"}}');
    expect(parseJoinRefusal(newer.message)).toEqual({
      message: 'Session K7QX2M is full of robots.',
      reason: 'tooManyRobots',
      params: { code: 'K7QX2M' },
    });
    expect(failureWords(new JoinError(joinFailure(newer)), uk.t, 'uk')).toBe('Session K7QX2M is full of robots.');
    expect(failureWords(new Error('seat reservation expired.'), uk.t, 'uk')).toBe('seat reservation expired.');
    // Text that only looks like a detail stays whole.
    expect(parseJoinRefusal('Odd {"reason": nope')).toEqual({ message: 'Odd {"reason": nope' });
    expect(parseJoinRefusal('Odd {"reason":7}')).toEqual({ message: 'Odd {"reason":7}' });
  });

  it('says a network failure is one, and words the HTTP API’s refusals', () => {
    expect(failureWords(new TypeError('Failed to fetch'), uk.t, 'uk')).toBe('сервер недоступний');
    const noBots = new ApiError(400, 'seats.us: this server has no computer players', { reason: 'noBots' });
    expect(failureWords(noBots, uk.t, 'uk')).toBe('на цьому сервері немає комп’ютерних гравців');
    const scenario = new ApiError(400, 'scenario: there is no scenario "x"', {
      reason: 'scenarioUnavailable',
      params: { scenario: 'x' },
    });
    expect(failureWords(scenario, en.t, 'en')).toBe('the scenario “x” cannot be played on this server');
    expect(failureWords(new ApiError(500, 'internal error'), en.t, 'en')).toBe('internal error');
  });
});
