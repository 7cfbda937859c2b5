/** Building a refusal (rules.ts, packageRefusal.ts). */
import { type ParamsArg, type RefusalReason, refusalDetail } from '../refusals.ts';
import type { Rejection } from './types.ts';

/** A refusal: its code, the English sentence, and the rule (with its params) for the client to translate. */
export function reject<R extends RefusalReason>(
  code: Rejection['code'],
  message: string,
  reason: R,
  ...params: ParamsArg<R>
): Rejection {
  return { code, message, ...refusalDetail(reason, ...params) };
}
