/**
 * A refused join as Colyseus delivers it: `client.join` rejects with a number and a text, nothing
 * else, whether the refusal came from the static onAuth (over HTTP) or from onJoin (over the
 * websocket). The text is the English sentence followed by the reason and its params as JSON
 * (joinRefusalMessage in shared/src/refusals.ts), so the browser client words it in the player's
 * language and anything else still reads a sentence.
 */
import { ErrorCode, ServerError } from '@colyseus/core';
import { joinRefusalMessage, type RefusalDetail } from '@peace-table/shared/refusals';

export function joinRefused(
  message: string,
  detail: RefusalDetail,
  code: number = ErrorCode.APPLICATION_ERROR,
): ServerError {
  return new ServerError(code, joinRefusalMessage(message, detail));
}
