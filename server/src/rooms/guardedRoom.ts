/**
 * The negotiation room as the server registers it: the room with the join limits of this server
 * (sessions/joinGuard.ts) around its onAuth and onJoin. A join over the limit is refused with
 * `tooManyAttempts` before anything is looked up; how each attempt ended (a wrong code, a wrong
 * key) is counted for the next one. The room itself knows nothing of it.
 *
 * The address comes from the edge (http/edge.ts), which Colyseus hands to onAuth as `context.ip`;
 * onAuth passes it on to onJoin as the client's auth data.
 */
import { type AuthContext, type Client, ErrorCode } from '@colyseus/core';
import { normaliseJoinCode } from '@peace-table/shared/messages';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import type { JoinAttempt, JoinGuard, JoinOutcome } from '../sessions/joinGuard.ts';
import { hashKey } from '../sessions/secrets.ts';
import { joinRefused } from './joinRefusal.ts';
import { NegotiationRoom } from './NegotiationRoom.ts';

/** What the room keeps of the join request for onJoin (`client.auth`). */
interface JoinAuth {
  address: string;
}

function attemptOf(options: unknown, address: string): JoinAttempt {
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const code = typeof o.code === 'string' ? normaliseJoinCode(o.code).slice(0, 32) : undefined;
  const rawKey = typeof o.facilitatorKey === 'string' ? o.facilitatorKey : o.seatKey;
  // Only a hash is remembered: the counts must not hold anyone's key.
  const key = typeof rawKey === 'string' ? hashKey(rawKey).slice(0, 24) : undefined;
  return { address, code, key };
}

/** Which refusals are tries at guessing: a code that names no session, a key that fits nobody. */
function outcomeOf(error: unknown): JoinOutcome {
  const reason = parseJoinRefusal(error instanceof Error ? error.message : String(error)).reason;
  if (reason === 'noSession') return 'wrongCode';
  if (reason === 'facilitatorKeyInvalid' || reason === 'seatKeyInvalid') return 'wrongKey';
  return 'other';
}

export function guardedRoom(guard: JoinGuard, now: () => number = Date.now): typeof NegotiationRoom {
  return class GuardedNegotiationRoom extends NegotiationRoom {
    static override async onAuth(token: string, options: unknown, context?: AuthContext): Promise<unknown> {
      const attempt = attemptOf(options, context?.ip ?? 'unknown');
      const refusal = guard.admit(attempt, now());
      if (refusal) {
        const { message, seconds: _seconds, ...detail } = refusal;
        throw joinRefused(message, detail, ErrorCode.AUTH_FAILED);
      }
      try {
        await NegotiationRoom.onAuth(token, options);
      } catch (error) {
        guard.record(attempt, outcomeOf(error), now());
        throw error;
      }
      const auth: JoinAuth = { address: attempt.address };
      return auth;
    }

    override onJoin(client: Client, options: unknown) {
      const attempt = attemptOf(options, (client.auth as JoinAuth | undefined)?.address ?? 'unknown');
      try {
        super.onJoin(client, options);
      } catch (error) {
        guard.record(attempt, outcomeOf(error), now());
        throw error;
      }
    }
  };
}
