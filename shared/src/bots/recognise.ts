/**
 * What a computer delegation recognises in a free-text message, in either language: its own name
 * (a Plenary message addressed to it) and the agenda's issues and options, by the words of their
 * titles and labels. Ukrainian words change their endings ("Крим", "Криму", "Кримом"), so two words
 * are the same when they share all but their last letters; a word that several issues share
 * ("legal", "status", "Україна") names none of them on its own.
 */
import type { DelegationId, Localized } from '../scenario/schema.ts';
import type { ClauseSpace } from '../scenario/space.ts';

/** Words shorter than this are not read (articles, prepositions, "and", "of", "на", "та"). */
const SHORTEST = 4;

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= SHORTEST);
}

/**
 * How closely a word of the message matches a word of a title (0: not at all): the length of their
 * common beginning, when it leaves at most two letters of the shorter word (its ending) and the
 * longer one at most three more (a case ending or "-n" in "Crimean").
 */
export function wordMatch(said: string, title: string): number {
  const shorter = Math.min(said.length, title.length);
  if (shorter < SHORTEST || Math.abs(said.length - title.length) > 3) return 0;
  let common = 0;
  while (common < shorter && said[common] === title[common]) common += 1;
  return common >= Math.max(SHORTEST, shorter - 2) ? common : 0;
}

/** A delegation is named when every word of its name, in either language, is in the message. */
function names(saidWords: readonly string[], name: string): boolean {
  const parts = words(name);
  return parts.length > 0 && parts.every((part) => saidWords.some((w) => wordMatch(w, part) > 0));
}

/** Is this delegation addressed by name (in either language, or by its initials: "US")? */
export function mentions(text: string, id: DelegationId, name: Localized): boolean {
  const saidWords = words(text);
  if (names(saidWords, name.en) || names(saidWords, name.uk) || saidWords.includes(id)) return true;
  // Initials of a name of several words, as written: "US", "USA" (never the pronoun "us").
  const initials = name.en
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('');
  if (initials.length < 2) return false;
  return new RegExp(`(?<![\\p{L}])${initials}A?(?![\\p{L}])`, 'u').test(text);
}

export interface Recognised {
  issue: number;
  /** The option named, if one was. */
  option: number | null;
}

/** How well one word of the message matches a title (or label): its best match with any of the title's words. */
function score(said: string, title: readonly string[]): number {
  let best = 0;
  for (const w of title) best = Math.max(best, wordMatch(said, w));
  return best;
}

/** The one entry a word matches better than every other entry, if there is one. */
function uniqueBest(said: string, entries: readonly (readonly string[])[]): number | null {
  let best = 0;
  let which: number | null = null;
  entries.forEach((title, k) => {
    const s = score(said, title);
    if (s > best) [best, which] = [s, k];
    else if (s === best) which = null;
  });
  return best > 0 ? which : null;
}

/**
 * The issues and options a message names, in the order of the agenda. An issue is named by a word
 * that matches its title better than any other title ("Crimea", not "war-crimes"; "НАТО"), or by
 * every word of its title in one language ("Ceasefire"); an option by a word that names no issue
 * and matches its label better than any other label of the agenda (and its issue with it:
 * "tribunal"), or, once
 * its issue is named, better than the other options of that issue ("Crimea deferred").
 */
export function recognise(space: ClauseSpace, text: string): Recognised[] {
  const said = words(text);
  if (said.length === 0) return [];
  const both = (l: Localized) => [...words(l.en), ...words(l.uk)];
  const titles = space.issues.map((issue) => both(issue.title));
  const labels = space.issues.map((issue) => issue.options.map((o) => both(o.label)));
  const allLabels = labels.flat();
  const owner = labels.flatMap((options, i) => options.map((_, j) => [i, j] as const));
  const whole = (l: Localized) =>
    [words(l.en), words(l.uk)].some((ws) => ws.length > 0 && ws.every((w) => said.some((x) => wordMatch(x, w) > 0)));
  const named = new Set<number>();
  const options = new Map<number, number>();
  space.issues.forEach((issue, i) => {
    if (whole(issue.title)) named.add(i);
  });
  for (const w of said) {
    const issue = uniqueBest(w, titles);
    if (issue !== null) named.add(issue);
    // A word that names an issue ("NATO") is about that issue, not an option elsewhere ("NATO membership").
    const option = issue === null ? uniqueBest(w, allLabels) : null;
    const at = option === null ? undefined : owner[option];
    if (at && !options.has(at[0])) options.set(at[0], at[1]);
  }
  for (const i of named) {
    if (options.has(i)) continue;
    for (const w of said) {
      const j = uniqueBest(w, labels[i] as string[][]);
      // A word of the issue's own title ("status" in "Status deferred") names no option of it.
      if (j !== null && score(w, titles[i] as string[]) === 0) {
        options.set(i, j);
        break;
      }
    }
  }
  const found: Recognised[] = [];
  space.issues.forEach((_issue, i) => {
    if (named.has(i) || options.has(i)) found.push({ issue: i, option: options.get(i) ?? null });
  });
  return found;
}
