/**
 * A refusal in the player's language. The server's `error` (and the engine's own Rejection, which
 * the client computes for its hints) carries an English `message` plus the rule that said no
 * (`reason`) and its `params` (shared/src/refusals.ts). The words come from the locale files:
 * `refusal.reason.<reason>`, else `refusal.code.<code>` for a reason this client does not know,
 * else the English message for a code it does not know either (a newer server).
 *
 * A refused join and a failed HTTP request arrive as errors instead (net/session.ts JoinError,
 * net/api.ts ApiError) with the same `reason` and `params`: failureWords words those.
 */
import { ERROR_CODES } from '@peace-table/shared/protocol';
import { isRefusalReason, type RefusalParams } from '@peace-table/shared/refusals';
import { type Locale, localized, type Params, type Translator } from '../i18n/i18n.ts';
import { displayCode } from '../net/joinCode.ts';

export interface RefusalLike {
  code: string;
  message: string;
  reason?: string | undefined;
  params?: RefusalParams | undefined;
}

function isErrorCode(code: string): boolean {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Params as text: names in the player's language, phase ids as the phase's name, join codes as shown. */
export function refusalParams(params: RefusalParams | undefined, t: Translator['t'], locale: Locale): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === 'object') out[key] = localized(value, locale);
    else if (key === 'phase') out[key] = t(`phase.${value}`);
    else if (key === 'code' && typeof value === 'string') out[key] = displayCode(value);
    else out[key] = value;
  }
  return out;
}

export function refusalWords(refusal: RefusalLike, t: Translator['t'], locale: Locale): string {
  if (isRefusalReason(refusal.reason)) {
    return t(`refusal.reason.${refusal.reason}`, refusalParams(refusal.params, t, locale));
  }
  if (isErrorCode(refusal.code)) return t(`refusal.code.${refusal.code}`);
  return refusal.message;
}

/** The same as a sentence on its own line (the wording is a fragment that also follows "Not available: "). */
export function refusalSentence(refusal: RefusalLike, t: Translator['t'], locale: Locale): string {
  const words = refusalWords(refusal, t, locale);
  return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
}

/** Browsers' words for a request that reached no server (fetch's TypeError), and ours. */
const UNREACHABLE = /^unreachable$|failed to fetch|networkerror|ECONNREFUSED|load failed/i;

/**
 * Why something the player asked for failed, as a fragment for "That did not work: …": a refusal
 * with a reason this client knows in the player's language, a network failure as such, and
 * anything else as the server sent it (its English sentence).
 */
export function failureWords(error: unknown, t: Translator['t'], locale: Locale): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Partial<RefusalLike>;
  const message = error instanceof Error ? error.message : typeof e.message === 'string' ? e.message : String(error);
  if (isRefusalReason(e.reason))
    return refusalWords({ code: '', message, reason: e.reason, params: e.params }, t, locale);
  if (UNREACHABLE.test(message)) return t('connection.unreachable');
  return message;
}
