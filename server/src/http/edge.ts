/**
 * What every HTTP request goes through first, before Colyseus' matchmaking routes and the express
 * app: the HTTP server itself is a subclass that looks at each request as it arrives.
 *
 * - The client's address (clientAddress.ts) is written into `x-real-ip`, and client-written
 *   X-Forwarded-For / X-Client-IP are removed. Colyseus reads the address for `onAuth` from those
 *   headers only, so this is how the join limits see the real network and not a made-up one.
 * - Same origin by default: no CORS headers at all unless ALLOWED_ORIGINS lists the page's
 *   origin, and never credentials. A browser then refuses to let another site's page read any
 *   answer or send JSON (which needs a preflight) to this server.
 * - POSTs to /api and /matchmake must be JSON: the only kind of cross-site POST a browser sends
 *   without asking first (a form, text/plain) is refused before it reaches a handler.
 */
import http from 'node:http';
import { clientAddress } from './clientAddress.ts';

export interface EdgeOptions {
  /** Proxies in front whose X-Forwarded-For entries are believed (TRUST_PROXY). */
  trustProxy: number;
  /** Origins (scheme://host[:port]) whose pages may call this server from elsewhere (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
}

/** The header carrying the address the limits count, as set here. */
export const ADDRESS_HEADER = 'x-real-ip';

/** The address stamped on a request by the edge (express handlers read it with this). */
export function requestAddress(req: http.IncomingMessage): string {
  const value = req.headers[ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) ?? 'unknown';
}

const ALLOW_HEADERS = 'Content-Type, Authorization, X-Facilitator-Key';
const JSON_ONLY = /^\/(api|matchmake)\//;

function answer(res: http.ServerResponse, status: number, body?: object): true {
  if (body) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  } else {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
  }
  return true;
}

/** Handles the request's edge; true when it has answered it already. */
export function edge(req: http.IncomingMessage, res: http.ServerResponse, options: EdgeOptions): boolean {
  req.headers[ADDRESS_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    options.trustProxy,
  );
  delete req.headers['x-forwarded-for'];
  delete req.headers['x-client-ip'];

  const origin = req.headers.origin;
  const allowed = origin !== undefined && options.allowedOrigins.includes(origin.toLowerCase());
  if (options.allowedOrigins.length > 0) res.setHeader('Vary', 'Origin');
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  // A preflight: allowed origins get their headers above; any other gets an answer without them.
  if (req.method === 'OPTIONS') return answer(res, 204);

  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'POST' && JSON_ONLY.test(path)) {
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/json')) {
      return answer(res, 415, {
        error: 'send the body as JSON (Content-Type: application/json)',
        reason: 'requestInvalid',
      });
    }
  }
  return false;
}

/** The HTTP server, with the edge in front of every request listener (Colyseus prepends its own). */
export class EdgeServer extends http.Server {
  private readonly options: EdgeOptions;

  constructor(options: EdgeOptions) {
    super();
    this.options = options;
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (edge(req, res, this.options)) return true;
    }
    return super.emit(event as string, ...args);
  }
}

/** ALLOWED_ORIGINS as origins: comma-separated `scheme://host[:port]`, lower case, no trailing slash. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const text = part.trim().replace(/\/+$/, '');
    if (!text) continue;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`ALLOWED_ORIGINS: "${text}" is not an origin; write it like https://school.example.org`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash) {
      throw new Error(`ALLOWED_ORIGINS: "${text}" is not an origin; write it like https://school.example.org`);
    }
    origins.push(url.origin.toLowerCase());
  }
  return origins;
}
