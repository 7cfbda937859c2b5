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

/** A class's link: the page listing its tables (or, when tables are assigned, saying so). */
export function classUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/?class=${normaliseCode(code)}`;
}

/** The projector's link: the page with the code, opened as a spectator of that session. */
export function watchUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/?watch=${normaliseCode(code)}`;
}

/** The code in a page address (?join=... or ?watch=...), if it is a valid one. */
export function codeFromLocation(search: string): string | null {
  return linkFromLocation(search)?.code ?? null;
}

/** A session link in the page address: ?join=CODE for a student, ?watch=CODE for a projector. */
export interface SessionLink {
  code: string;
  role: 'delegate' | 'spectator';
}

export function linkFromLocation(search: string): SessionLink | null {
  const params = new URLSearchParams(search);
  for (const [key, role] of [
    ['watch', 'spectator'],
    ['join', 'delegate'],
  ] as const) {
    const raw = params.get(key);
    if (raw && isValidCode(raw)) return { code: normaliseCode(raw), role };
  }
  return null;
}

/** Whether the page was opened as a projector (?watch, with or without a code). */
export function projectorRequested(search: string): boolean {
  return new URLSearchParams(search).has('watch');
}
