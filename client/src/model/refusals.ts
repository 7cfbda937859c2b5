/**
 * A refusal in the player's language. The server's `error` (and the engine's own Rejection, which
 * the client computes for its hints) carries an English `message` plus the rule that said no
 * (`reason`) and its `params` (shared/src/refusals.ts). The words come from the locale files:
 * `refusal.reason.<reason>`, else `refusal.code.<code>` for a reason this client does not know,
 * else the English message for a code it does not know either (a newer server).
 */
import { ERROR_CODES } from '@peace-table/shared/protocol';
import { isRefusalReason, type RefusalParams } from '@peace-table/shared/refusals';
import { type Locale, localized, type Params, type Translator } from '../i18n/i18n.ts';

export interface RefusalLike {
  code: string;
  message: string;
  reason?: string | undefined;
  params?: RefusalParams | undefined;
}

function isErrorCode(code: string): boolean {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Params as text: names in the player's language, phase ids as the phase's name. */
export function refusalParams(params: RefusalParams | undefined, t: Translator['t'], locale: Locale): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === 'object') out[key] = localized(value, locale);
    else if (key === 'phase') out[key] = t(`phase.${value}`);
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
