/**
 * The rules for the names people give themselves: drawn on the shared table, the roster and the
 * transcript, so a name must not pass itself off as the game's own labels ("Facilitator",
 * "Russia (computer)"), hide in invisible characters, or turn the text around it backwards.
 *
 * One implementation for everyone: the join schema (messages.ts) applies the rules that need no
 * scenario, the server's roster adds the delegation names of its scenario, and the browser client
 * checks a name before sending it, so the player reads the same sentence either way.
 *
 * No zod and no runtime imports beyond refusals.ts: the browser bundle imports this module.
 */
import { type RefusalDetail, refusalDetail } from './refusals.ts';
import type { Localized } from './scenario/schema.ts';

/** Longest name, in characters (code points) after normalisation. */
export const NAME_MAX_LENGTH = 40;

/** Characters that change the direction of the text around them (Unicode bidirectional controls). */
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/**
 * Control and format characters (zero-width spaces and joiners, soft hyphens, tags), line and
 * paragraph separators, unassigned and private-use code points, and the "blank letters" that
 * render as nothing (Hangul fillers, the braille blank, the combining grapheme joiner).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]|\u034F/u;
/** More than two combining marks on one letter ("Zalgo" text spills over the lines around it). */
const STACKED_MARKS = /\p{M}{3,}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words only the game uses for its own seats and labels, in both languages. A name containing one
 * as a whole word is refused: "Facilitator", "Anna (computer)", "бот Олег".
 */
const RESERVED_WORDS = [
  'facilitator',
  'moderator',
  'admin',
  'administrator',
  'computer',
  'bot',
  'system',
  'server',
  'ведучий',
  'ведуча',
  'модератор',
  'адмін',
  'адміністратор',
  "комп'ютер",
  'компʼютер',
  'компютер',
  'бот',
  'система',
  'сервер',
];

/**
 * Latin letters that Cyrillic look-alikes stand for, so "Fасilitator" (with Cyrillic а and с)
 * is caught like "Facilitator". Applied to both sides of every comparison.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
};

/** A name's words for comparison: compatibility forms folded (𝐅 → F), lower case, look-alikes mapped. */
function words(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ʼ’`']/gu, '')
    .replace(/./gu, (c) => LOOK_ALIKES[c] ?? c);
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const RESERVED: ReadonlySet<string> = new Set(RESERVED_WORDS.flatMap(words));

/**
 * The name as it will be shown: Unicode NFC (one form for "й" however it was typed), every kind of
 * space as a plain space, runs of spaces as one, no spaces at the ends.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .trim();
}

/** Why a name is refused: the rule (refusals.ts) with its params, and the same in English. */
export type NameRefusal = RefusalDetail & { message: string };

function refused(detail: RefusalDetail, message: string): NameRefusal {
  return { ...detail, message };
}

/**
 * What is wrong with the form of a (normalised) name, or null: length, invisible and direction
 * characters, stacked accents, no letter at all. Every name is held to these, facilitators' too.
 */
export function nameFormRefusal(name: string): NameRefusal | null {
  if (name.length === 0) return refused(refusalDetail('nameEmpty'), 'The name is empty.');
  if ([...name].length > NAME_MAX_LENGTH) {
    const max = NAME_MAX_LENGTH;
    return refused(refusalDetail('nameTooLong', { max }), `The name is longer than ${max} characters.`);
  }
  if (DIRECTION.test(name)) {
    return refused(refusalDetail('nameDirection'), 'The name contains characters that change the direction of text.');
  }
  if (INVISIBLE.test(name)) {
    return refused(refusalDetail('nameInvisible'), 'The name contains invisible or control characters.');
  }
  if (STACKED_MARKS.test(name)) {
    return refused(refusalDetail('nameStackedMarks'), 'The name stacks more than two accents on one letter.');
  }
  if (!LETTER_OR_DIGIT.test(name)) {
    return refused(refusalDetail('nameNoLetters'), 'The name needs at least one letter or digit.');
  }
  return null;
}

/**
 * What is wrong with a (normalised) name a delegate or spectator chose, or null when it may be
 * used: its form, then the game's own words, then the scenario's delegation names (`delegations`):
 * a name may not be one or start with one ("Russia (computer)", "Україна бот"), which would read
 * as a seat's own label.
 */
export function nameRefusal(name: string, delegations: readonly Localized[] = []): NameRefusal | null {
  const form = nameFormRefusal(name);
  if (form) return form;
  // Whole words as typed (apostrophes kept inside, so "комп'ютер" stays one word).
  const typed = name
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}ʼ’'`]+/u)
    .filter(Boolean);
  const reserved = typed.find((t) => words(t).some((w) => RESERVED.has(w)));
  if (reserved !== undefined) {
    return refused(
      refusalDetail('nameReserved', { word: reserved }),
      `"${reserved}" is one of the game's own labels; choose another name.`,
    );
  }
  const own = words(name);
  for (const delegation of delegations) {
    for (const label of [delegation.en, delegation.uk]) {
      const theirs = words(label);
      if (theirs.length > 0 && theirs.every((w, i) => own[i] === w)) {
        return refused(
          refusalDetail('nameLikeDelegation', { delegation }),
          `A name cannot start with a delegation's name (${delegation.en}); choose another name.`,
        );
      }
    }
  }
  return null;
}
