/**
 * Translation of every player-facing string. The strings live in locales/en.json and
 * locales/uk.json (nested objects, leaves are strings); code asks for them by dotted key.
 *
 * - `{name}` placeholders are replaced with the given values. Output is plain text: the DOM layer
 *   only ever assigns it to textContent, so a value cannot inject markup.
 * - A `count` parameter selects a plural form with Intl.PluralRules (`key.one`, `key.few`, ...),
 *   because Ukrainian has four forms where English has two.
 * - Scenario content arrives already localised ({en, uk}); `localized()` picks the right one.
 * - Only English (the fallback) is in the first screen's bundle; another language's catalog is
 *   fetched when it is chosen (`loadCatalog`), and the page switches without a reload.
 */
import type { Localized } from '@peace-table/shared/scenario/schema';
import en from '../locales/en.json';

export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', uk: 'Українська' };

export type Catalog = { [key: string]: string | Catalog };
export type Params = Record<string, string | number>;

/** The catalogs a page has loaded so far: English always, others once chosen. */
export type Catalogs = Partial<Record<Locale, Catalog>> & { en: Catalog };

export const ENGLISH: Catalog = en;

/** A language's catalog: English at once, another from its own chunk. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'en') return en;
  return (await import('../locales/uk.json')).default;
}

/** Flattens nested catalogs to dotted keys: {a: {b: 'x'}} → {'a.b': 'x'}. */
export function flatten(catalog: Catalog, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else Object.assign(out, flatten(value, full));
  }
  return out;
}

/** Names of the `{placeholders}` in a message, sorted, for consistency checks. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

export function interpolate(message: string, params: Params = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export interface Translator {
  locale: Locale;
  t(key: string, params?: Params): string;
  /** Whether the catalog has this key (a plain message or a plural group). */
  has(key: string): boolean;
}

/** A translator for `locale`; English stands in for a catalog not loaded yet. */
export function createTranslator(locale: Locale, catalogs: Catalogs = { en }): Translator {
  const messages = flatten(catalogs[locale] ?? catalogs.en);
  // English is the fallback for a key a translation lacks; tests keep both catalogs complete.
  const fallback = locale === 'en' ? messages : flatten(catalogs.en);
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key: string) => messages[key] ?? fallback[key];
  return {
    locale,
    has: (key) => lookup(key) !== undefined || lookup(`${key}.other`) !== undefined,
    t(key, params) {
      const count = params?.count;
      if (typeof count === 'number') {
        const form = lookup(`${key}.${plurals.select(count)}`) ?? lookup(`${key}.other`);
        if (form !== undefined) return interpolate(form, params);
      }
      const message = lookup(key);
      return message === undefined ? key : interpolate(message, params);
    },
  };
}

/** Picks the text of a {en, uk} content string. */
export function localized(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const LOCALE_STORAGE_KEY = 'peace-table.locale';

/** The remembered language, else the browser's, else English. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  const saved = storage?.getItem(LOCALE_STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
