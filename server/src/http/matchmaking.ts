/**
 * Colyseus' matchmaking routes (`POST /matchmake/<method>/<room>`) as this server exposes them.
 *
 * - No CORS of their own: Colyseus would answer every origin, with credentials. The edge
 *   (edge.ts) sets CORS for the whole server, for the origins in ALLOWED_ORIGINS only.
 * - Only the methods the game uses: `join` (through onAuth, with the join limits) and `reconnect`
 *   (the SDK's own, with the token of a dropped connection); `create` and `joinOrCreate` stay for
 *   the benchmark's bare room and are refused for sessions by onAuth and the missing ticket.
 *   `joinById` goes: it would answer "not found" for a code before any limit could count it.
 * - A failed `reconnect` answers the same whether the room exists or not, so it cannot be used to
 *   find running sessions by their codes either.
 *
 * Colyseus keeps these settings in one object for the whole process (as it keeps its matchmaker),
 * so they are set, not added to, and the wrapper is put on once.
 */
import { ErrorCode, matchMaker, ServerError } from '@colyseus/core';

const WRAPPED = Symbol('peace-table:matchmaking');

type Controller = typeof matchMaker.controller & { [WRAPPED]?: true };

export function lockDownMatchmaking(): void {
  const controller = matchMaker.controller as Controller;
  controller.DEFAULT_CORS_HEADERS = {} as typeof controller.DEFAULT_CORS_HEADERS;
  controller.getCorsHeaders = () => ({});
  controller.exposedMethods = ['join', 'reconnect', 'create', 'joinOrCreate'];
  if (controller[WRAPPED]) return;
  controller[WRAPPED] = true;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions = {}, authOptions) => {
    if (method !== 'reconnect') return invoke(method, roomName, clientOptions, authOptions);
    const token = (clientOptions as { reconnectionToken?: unknown }).reconnectionToken;
    const expired = () => new ServerError(ErrorCode.MATCHMAKE_EXPIRED, 'reconnection token invalid or expired.');
    if (typeof token !== 'string' || token.length === 0) throw expired();
    try {
      return await invoke(method, roomName, clientOptions, authOptions);
    } catch {
      throw expired();
    }
  };
}
