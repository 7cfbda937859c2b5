/**
 * Joins the negotiation room and keeps trying until it gets in, so a page opened before
 * `npm start` finishes (or left open across a server restart) connects by itself.
 */
import { Client, type Room } from '@colyseus/sdk';
import { type ErrorPayload, MESSAGE, NEGOTIATION_ROOM, PROTOCOL_VERSION } from '@peace-table/shared/protocol';
import type { TableSnapshot } from '../view/tableView.ts';
import type { ConnectionStatus } from './status.ts';

export interface ConnectionHandlers {
  onStatus(status: ConnectionStatus): void;
  onState(snapshot: TableSnapshot): void;
  onServerError(error: ErrorPayload): void;
}

const RETRY_SECONDS = 3;

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // fetch() in browsers fails with a bare TypeError when nothing listens on the port.
  return /fetch|network|ECONNREFUSED/i.test(message) ? 'the server is not reachable' : message;
}

export function connectToTable(url: string, handlers: ConnectionHandlers): { close(): void } {
  const client = new Client(url);
  let room: Room | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const retry = (reason: string) => {
    handlers.onStatus({ kind: 'error', reason, retryInSeconds: RETRY_SECONDS });
    retryTimer = setTimeout(join, RETRY_SECONDS * 1000);
  };

  async function join() {
    if (closed) return;
    handlers.onStatus({ kind: 'connecting', url });
    try {
      room = await client.joinOrCreate(NEGOTIATION_ROOM, { protocol: PROTOCOL_VERSION });
    } catch (error) {
      retry(reasonOf(error));
      return;
    }
    handlers.onStatus({ kind: 'connected' });
    room.onStateChange((state: { toJSON(): unknown }) => handlers.onState(state.toJSON() as TableSnapshot));
    room.onMessage(MESSAGE.error, (payload: ErrorPayload) => handlers.onServerError(payload));
    room.onDrop(() => handlers.onStatus({ kind: 'connecting', url }));
    room.onReconnect(() => handlers.onStatus({ kind: 'connected' }));
    room.onLeave((code: number) => {
      if (!closed) retry(`the server closed the connection (code ${code})`);
    });
  }

  void join();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      void room?.leave();
    },
  };
}
