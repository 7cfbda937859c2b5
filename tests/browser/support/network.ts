/**
 * A network cable the tests can pull: a TCP relay between one browser context and the game server.
 * The page is opened through the relay's address, so its page loads, API calls and websocket all
 * go through it. `cut()` resets every open connection (the browser and the server both see the
 * socket die without a goodbye, as on a lost Wi-Fi) and refuses new ones until `restore()`.
 *
 * Playwright's `context.setOffline(true)` alone does not do this: it fails new requests but leaves
 * open websockets working (microsoft/playwright#4910). The tests use both.
 */
import { createServer, type Socket, connect as tcpConnect } from 'node:net';

export interface NetworkLink {
  /** The server's address as seen through the relay (open pages here). */
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startNetworkLink(target: string): Promise<NetworkLink> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((browserSide) => {
    if (down) {
      browserSide.resetAndDestroy();
      return;
    }
    const serverSide = tcpConnect(Number(port), hostname);
    track(browserSide);
    track(serverSide);
    browserSide.on('close', () => serverSide.destroy());
    serverSide.on('close', () => browserSide.destroy());
    browserSide.pipe(serverSide);
    serverSide.pipe(browserSide);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the relay has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const socket of open) {
        try {
          socket.resetAndDestroy();
        } catch {
          socket.destroy();
        }
      }
    },
    restore() {
      down = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
