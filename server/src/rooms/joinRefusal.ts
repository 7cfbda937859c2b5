/**
 * A refused join as Colyseus delivers it: `client.join` rejects with a number and a text, nothing
 * else, whether the refusal came from the static onAuth (over HTTP) or from onJoin (over the
 * websocket). The text is the English sentence followed by the reason and its params as JSON
 * (joinRefusalMessage in shared/src/refusals.ts), so the browser client words it in the player's
 * language and anything else still reads a sentence.
 */
import { ErrorCode, ServerError } from '@colyseus/core';
import { nameIssueRefusal } from '@peace-table/shared/messages';
import { joinRefusalMessage, type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import type { z } from 'zod';
import { describeIssue } from './checkedMessage.ts';

export function joinRefused(
  message: string,
  detail: RefusalDetail,
  code: number = ErrorCode.APPLICATION_ERROR,
): ServerError {
  return new ServerError(code, joinRefusalMessage(message, detail));
}

/** Join options that fail their schema: a refused name with its own rule, anything else as unreadable. */
export function joinOptionsRefused(error: z.ZodError): ServerError {
  const name = nameIssueRefusal(error);
  if (name) {
    const { message, ...detail } = name;
    return joinRefused(`Cannot join: ${message}`, detail);
  }
  return joinRefused(`Cannot join: ${describeIssue(error)}`, refusalDetail('joinInvalid'));
}
