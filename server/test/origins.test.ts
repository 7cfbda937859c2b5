/**
 * Same origin by default: no CORS headers for any other site's page (so a browser lets no other
 * page read an answer or send JSON here), never credentials; the origins in ALLOWED_ORIGINS get
 * exactly what a page of theirs needs. Cross-site form posts (which need no preflight) are refused.
 */
import { PROTOCOL_VERSION } from '@peace-table/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowedOrigins } from '../src/http/edge.ts';
import { ALL_HUMAN } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.colyseus.shutdown();
  server = undefined;
});

const EVIL = 'https://evil.example';
const SCHOOL = 'https://school.example.org';

function preflight(base: string, path: string, origin: string) {
  return fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

function createFrom(base: string, origin: string) {
  return fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'fixture', seats: ALL_HUMAN }),
  });
}

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));

describe('CORS', () => {
  it('is closed by default: no Access-Control headers on any route, for any origin', async () => {
    server = await startTestServer();
    for (const path of ['/api/sessions', '/matchmake/join/negotiation', '/health']) {
      const res = await preflight(server.baseUrl, path, EVIL);
      expect(res.status).toBe(204);
      expect(corsHeaders(res), path).toEqual([]);
    }
    const created = await createFrom(server.baseUrl, EVIL);
    // A script outside a browser may do what it likes; a browser would neither send this (the
    // preflight failed) nor show the answer to the page.
    expect(corsHeaders(created)).toEqual([]);
    const health = await fetch(`${server.baseUrl}/health`, { headers: { origin: EVIL } });
    expect(corsHeaders(health)).toEqual([]);
  });

  it('opens to the listed origins only, without credentials', async () => {
    server = await startTestServer({
      config: { allowedOrigins: parseAllowedOrigins(`${SCHOOL}/, http://localhost:5173`) },
    });
    const res = await preflight(server.baseUrl, '/matchmake/join/negotiation', SCHOOL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SCHOOL);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const created = await createFrom(server.baseUrl, SCHOOL);
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(SCHOOL);
    expect(created.headers.get('access-control-allow-credentials')).toBeNull();
    // Anyone else still gets nothing.
    expect(corsHeaders(await preflight(server.baseUrl, '/api/sessions', EVIL))).toEqual([]);
    expect((await createFrom(server.baseUrl, EVIL)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads ALLOWED_ORIGINS strictly', () => {
    expect(parseAllowedOrigins(' https://A.example/ ,http://b.example:8080 ')).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(() => parseAllowedOrigins('school.example')).toThrow(/not an origin/);
    expect(() => parseAllowedOrigins('https://school.example/page')).toThrow(/not an origin/);
  });
});

describe('cross-site forms', () => {
  it('cannot create sessions or join: POSTs must be JSON, which a browser only sends after a preflight', async () => {
    server = await startTestServer();
    const form = (path: string, body: string) =>
      fetch(`${server?.baseUrl}${path}`, {
        method: 'POST',
        headers: { origin: EVIL, 'content-type': 'text/plain' },
        body,
      });
    const create = await form('/api/sessions', JSON.stringify({ scenario: 'fixture', seats: ALL_HUMAN }));
    expect(create.status).toBe(415);
    expect(await create.json()).toMatchObject({ reason: 'requestInvalid' });
    const join = await form(
      '/matchmake/join/negotiation',
      JSON.stringify({ protocol: PROTOCOL_VERSION, code: 'K7QX2M' }),
    );
    expect(join.status).toBe(415);
  });
});
