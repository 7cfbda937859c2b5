/**
 * Join codes as people type and read them: case-insensitive, with optional spaces or dashes,
 * shown in two groups of three ("K7Q X2M") so a class can read the projector from the back row.
 */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@peace-table/shared/protocol';

/** Same normalisation as the server's (messages.ts), without pulling zod into the bundle. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

export function isValidCode(raw: string): boolean {
  const code = normaliseCode(raw);
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

export function displayCode(code: string): string {
  const c = normaliseCode(code);
  const half = Math.ceil(c.length / 2);
  return `${c.slice(0, half)} ${c.slice(half)}`.trim();
}

/** The link students open: the page itself with the code, so the join form is pre-filled. */
export function joinUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/?join=${normaliseCode(code)}`;
}

/** The code in a page address (?join=...), if it is a valid one. */
export function codeFromLocation(search: string): string | null {
  const raw = new URLSearchParams(search).get('join');
  return raw && isValidCode(raw) ? normaliseCode(raw) : null;
}
