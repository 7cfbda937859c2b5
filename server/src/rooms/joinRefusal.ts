/**
 * A refused join as Colyseus delivers it: `client.join` rejects with a number and a text, nothing
 * else, whether the refusal came from the static onAuth (over HTTP) or from onJoin (over the
 * websocket). The text is the English sentence followed by the reason and its params as JSON
 * (joinRefusalMessage in shared/src/refusals.ts), so the browser client words it in the player's
 * language and anything else still reads a sentence.
 */
import { ErrorCode, type Presence, ServerError } from '@colyseus/core';
import { JoinOptions, nameIssueRefusal } from '@peace-table/shared/messages';
import { PROTOCOL_VERSION } from '@peace-table/shared/protocol';
import { joinRefusalMessage, type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import type { z } from 'zod';
import { hasEnded, isRunning } from '../sessions/tickets.ts';
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

/**
 * The checks before a seat is reserved (the room's onAuth): a stale page, malformed options or a
 * code with no running session are refused with a readable sentence. Normalises `options.code` in
 * place: matchmaking filters rooms by the raw code right after, on this same object, so
 * "k7q-x2m" finds room K7QX2M.
 */
export async function checkJoin(presence: Presence, options: unknown): Promise<void> {
  const parsed = JoinOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'protocol') {
      throw joinRefused(
        `This page is out of date for the server (protocol ${PROTOCOL_VERSION}). Reload the page.`,
        refusalDetail('protocolOutdated', { version: PROTOCOL_VERSION }),
      );
    }
    throw joinOptionsRefused(parsed.error);
  }
  const { code } = parsed.data;
  (options as { code: string }).code = code;
  if (await isRunning(presence, code)) return;
  if (await hasEnded(presence, code)) {
    throw joinRefused(
      `Session ${code} has ended.`,
      refusalDetail('sessionEnded', { code }),
      ErrorCode.MATCHMAKE_INVALID_CRITERIA,
    );
  }
  throw joinRefused(
    `No session with code ${code} is running. Check the code with your facilitator.`,
    refusalDetail('noSession', { code }),
    ErrorCode.MATCHMAKE_INVALID_CRITERIA,
  );
}
