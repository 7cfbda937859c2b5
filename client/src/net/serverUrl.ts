/**
 * Where the Colyseus server is, as a ws:// or wss:// URL for `new Client(...)`.
 *
 * In production the server that sent the page also runs the game, so the page's own origin is
 * right (and keeps working behind HTTPS or on a classroom LAN address). During `npm run dev` the
 * page comes from Vite, so the game server is the same host on the server's port.
 */
export interface LocationLike {
  protocol: string;
  host: string;
  hostname: string;
}

export interface ServerUrlOptions {
  /** An explicit URL (VITE_SERVER_URL) wins. */
  override?: string | undefined;
  /** Set only in dev: the game server's port on the page's host. */
  devServerPort?: number | undefined;
}

export function serverUrl(location: LocationLike, options: ServerUrlOptions = {}): string {
  const override = options.override?.trim();
  if (override) return override.replace(/\/+$/, '');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  if (options.devServerPort !== undefined) return `${scheme}://${location.hostname}:${options.devServerPort}`;
  return `${scheme}://${location.host}`;
}

/** Reads the dev port from Vite's env; undefined in a production build or when unset/invalid. */
export function devServerPort(isDev: boolean, raw: string | undefined): number | undefined {
  if (!isDev) return undefined;
  const port = Number(raw ?? 2567);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 2567;
}
