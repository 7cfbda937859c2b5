/**
 * Join codes, keys and their hashes. Codes are short and public (read aloud in class); keys are
 * long secrets that only the server's random generator makes, and only their SHA-256 hashes are
 * stored, so a copied database does not hand out seats or facilitator powers.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@peace-table/shared';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** 144 random bits as 24 URL-safe characters. */
export function newKey(): string {
  return randomBytes(18).toString('base64url');
}

/** Short public id for a participant (shown to the facilitator, used in kick/move messages). */
export function newParticipantId(): string {
  return randomBytes(6).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Does `key` hash to `hash`? Compared in constant time so response timing leaks nothing. */
export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
