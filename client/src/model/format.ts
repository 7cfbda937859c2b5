/**
 * Number, date and time wording shared by every screen and scene. Pure and locale-aware, so the
 * same figure reads "63" / "+4" / "березень 2026 р." consistently everywhere and is unit-tested.
 */
import type { Locale } from '../i18n/i18n.ts';

/** Calendar month of a round: round r is month r-1 after `firstMonth` ("YYYY-MM"). */
export function monthDate(firstMonth: string, monthIndex: number): Date {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + monthIndex, 1));
}

/** "March 2026" / "березень 2026 р." */
export function monthLabel(firstMonth: string, monthIndex: number, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  // Ukrainian dates end in "р." ("березень 2026 р."), which doubled the full stop of every sentence
  // ending in a month; "березень 2026" reads as well.
  return format.format(monthDate(firstMonth, monthIndex)).replace(/\s*р\.$/u, '');
}

/** Shortens text to `max` characters with an ellipsis (canvas labels and notices have fixed room). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A 0..1 utility as a score out of 100, the unit every screen uses ("63"). */
export function score(utility: number): number {
  return Math.round(utility * 100);
}

/** A signed change with a real minus sign: "+4", "−3", "0". */
export function signed(value: number, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  const text = Math.abs(rounded).toFixed(digits);
  return rounded > 0 ? `+${text}` : `\u2212${text}`;
}

/** A world change as players read it: whole numbers as they are, others to one decimal ("+2", "−0.4"). */
export function change(value: number): string {
  return signed(value, Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1);
}

/** Changes too small to show (drivers move momentum by fractions every month). */
export function noticeable(value: number): boolean {
  return Math.abs(value) >= 0.05;
}

/** "0:45", "4:05", "1:02:03" for a remaining time; negative times show as 0:00. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** Wall-clock time of a message: "14:05". */
export function clockTime(at: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(at));
}

/** "Ukraine, Russia and Europe" / "Україна, Росія та Європа". */
export function list(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Where a value sits in its range, 0..1, for gauges. */
export function fraction(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}
