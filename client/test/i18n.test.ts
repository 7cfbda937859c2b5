import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEventName } from '@peace-table/shared/engine/events';
import { PHASES } from '@peace-table/shared/engine/types';
import { ASSUMPTION_KINDS } from '@peace-table/shared/scenario/assumptions';
import { DELEGATION_IDS, ENDINGS } from '@peace-table/shared/scenario/schema';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/allCatalogs.ts';
import {
  createTranslator,
  flatten,
  initialLocale,
  interpolate,
  LOCALE_STORAGE_KEY,
  localized,
  placeholders,
} from '../src/i18n/i18n.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const en = flatten(CATALOGS.en);
const uk = flatten(CATALOGS.uk);
const PLURAL = /\.(zero|one|two|few|many|other)$/;
/** A message key without its plural form: "a.b.one" → "a.b". */
const base = (key: string) => key.replace(PLURAL, '');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('locale catalogs', () => {
  it('English and Ukrainian have the same messages (plural forms aside)', () => {
    const enKeys = new Set(Object.keys(en).map(base));
    const ukKeys = new Set(Object.keys(uk).map(base));
    expect([...enKeys].filter((k) => !ukKeys.has(k))).toEqual([]);
    expect([...ukKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every translation uses exactly the placeholders of the English message', () => {
    const mismatches = Object.entries(uk)
      .filter(([key, text]) => {
        const english = en[key] ?? en[`${base(key)}.other`];
        return english !== undefined && placeholders(english).join() !== placeholders(text).join();
      })
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('plural groups have every form the language needs (en: one/other, uk: one/few/many/other)', () => {
    const groups = (messages: Record<string, string>) => {
      const out = new Map<string, Set<string>>();
      for (const key of Object.keys(messages).filter((k) => PLURAL.test(k))) {
        const forms = out.get(base(key)) ?? new Set<string>();
        out.set(base(key), forms.add(key.slice(base(key).length + 1)));
      }
      return out;
    };
    for (const [group, forms] of groups(en)) expect([group, [...forms].sort()]).toEqual([group, ['one', 'other']]);
    for (const [group, forms] of groups(uk))
      expect([group, [...forms].sort()]).toEqual([group, ['few', 'many', 'one', 'other']]);
  });

  it('every key the source code names literally exists', () => {
    const prefixes = Object.keys(CATALOGS.en);
    const keyLike = new RegExp(`['"\`]((?:${prefixes.join('|')})\\.[A-Za-z0-9.-]+)['"\`]`, 'g');
    const translator = createTranslator('en', CATALOGS);
    const missing = sources(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(keyLike)]
        .map((m) => m[1] ?? '')
        // Engine event names look like keys too (delegation.walkout): they are message names, not text.
        .filter((key) => !isEventName(key) && !translator.has(key))
        .map((key) => `${path.relative(SRC, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('covers every value of the families the code builds keys from', () => {
    const t = createTranslator('uk', CATALOGS);
    const families = [
      ...PHASES.map((p) => `phase.${p}`),
      ...PHASES.map((p) => `actions.hint.${p}`),
      ...DELEGATION_IDS.map((d) => `delegation.${d}`),
      ...ENDINGS.map((e) => `ending.${e}`),
      ...['tabled', 'rejected', 'accepted', 'declined', 'signed', 'withdrawn', 'superseded'].map(
        (s) => `proposalStatus.${s}`,
      ),
      ...['accepted', 'rejected', 'signed', 'declined', 'withdrawn'].map((s) => `notice.draft.${s}`),
      ...['accept', 'reject', 'counter'].map((r) => `response.${r}`),
      ...['author', 'pending', 'sealed'].map((s) => `clause.${s}`),
      ...['walked-out', 'drafting', 'responding', 'signing', 'speaking', 'ready', 'waiting', 'idle'].map(
        (a) => `activity.${a}`,
      ),
      ...['objectives', 'priorities', 'fallbacks', 'mayReveal', 'domesticPressure'].map((s) => `briefing.${s}`),
      ...['delegate', 'facilitator', 'spectator'].map((r) => `home.rejoinAs.${r}`),
      ...['novice', 'standard', 'expert'].flatMap((l) => [`level.${l}`, `level.${l}Hint`]),
      ...['better', 'worse', 'same'].map((v) => `debrief.verdict.${v}`),
      ...['delegation', 'score', 'noDeal', 'difference', 'verdict'].map((c) => `debrief.col.${c}`),
      ...ASSUMPTION_KINDS.map((k) => `sources.kind.${k}`),
    ];
    expect(families.filter((key) => !t.has(key))).toEqual([]);
  });
});

describe('translator', () => {
  it('interpolates named values and leaves unknown placeholders visible', () => {
    expect(interpolate('Round {round} of {rounds}', { round: 2, rounds: 10 })).toBe('Round 2 of 10');
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it('treats values as text: markup in a value stays literal', () => {
    expect(interpolate('{from} said', { from: '<img src=x onerror=alert(1)>' })).toBe(
      '<img src=x onerror=alert(1)> said',
    );
  });

  it('chooses Ukrainian plural forms by count', () => {
    const t = createTranslator('uk', CATALOGS).t;
    expect(t('table.moreClauses', { count: 1 })).toBe('ще 1 пункт');
    expect(t('table.moreClauses', { count: 3 })).toBe('ще 3 пункти');
    expect(t('table.moreClauses', { count: 5 })).toBe('ще 5 пунктів');
    expect(t('table.moreClauses', { count: 21 })).toBe('ще 21 пункт');
    expect(createTranslator('en', CATALOGS).t('table.moreClauses', { count: 2 })).toBe('+2 more clauses');
  });

  it('returns the key itself for an unknown message, so a gap is visible rather than blank', () => {
    expect(createTranslator('en', CATALOGS).t('no.such.key')).toBe('no.such.key');
  });

  it('picks the content language, falling back to English when a translation is empty', () => {
    expect(localized({ en: 'Crimea', uk: 'Крим' }, 'uk')).toBe('Крим');
    expect(localized({ en: 'Crimea', uk: '' }, 'uk')).toBe('Crimea');
  });

  it('starts in the remembered language, else the browser’s, else English', () => {
    const storage = (value: string | null) => ({ getItem: (k: string) => (k === LOCALE_STORAGE_KEY ? value : null) });
    expect(initialLocale(storage('uk'), ['en-GB'])).toBe('uk');
    expect(initialLocale(storage('fr'), ['uk-UA', 'en'])).toBe('uk');
    expect(initialLocale(storage(null), ['de-DE', 'fr'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });
});
