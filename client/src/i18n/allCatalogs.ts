/**
 * Every language's catalog at once, for code that words a text in all of them synchronously (the
 * map's front label in both languages) and for the tests. Only the lazily loaded screens import it:
 * the first screen carries English alone (see i18n.ts).
 */
import en from '../locales/en.json';
import uk from '../locales/uk.json';
import type { Catalog, Locale } from './i18n.ts';

export const CATALOGS: Record<Locale, Catalog> = { en, uk };
