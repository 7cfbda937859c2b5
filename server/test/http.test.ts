import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ColyseusTestServer } from '@colyseus/testing';
import { GAME_NAME } from '@peace-table/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageInfo } from '../src/config.ts';
import type { Health } from '../src/http/health.ts';
import { startTestServer } from './support/testServer.ts';

const CLIENT_HTML = '<!doctype html><title>Peace Table test client</title><div id="game"></div>';

describe.each([
  { built: true, title: 'with a built client' },
  { built: false, title: 'without a built client' },
])('HTTP routes $title', ({ built }) => {
  let colyseus: ColyseusTestServer;
  let baseUrl: string;
  let distDir: string;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(tmpdir(), 'peace-table-dist-'));
    if (built) writeFileSync(path.join(distDir, 'index.html'), CLIENT_HTML);
    ({ colyseus, baseUrl } = await startTestServer({ clientDistDir: distDir }));
  });
  afterAll(async () => {
    await colyseus.shutdown();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('GET /health answers 200 JSON with name, version, uptime and node', async () => {
    const res = await fetch(`${baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as Health;
    expect(body).toMatchObject({ status: 'ok', name: GAME_NAME, version: readPackageInfo().version });
    expect(body.node).toBe(process.versions.node);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('an unknown /api/ path answers 404 JSON naming the path', async () => {
    const res = await fetch(`${baseUrl}/api/nope?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found', path: '/api/nope' });
  });

  it('a missing asset file is a 404, not the client page', async () => {
    const res = await fetch(`${baseUrl}/assets/missing-1234.js`);
    expect(res.status).toBe(404);
  });

  if (built) {
    it('serves the client at / and for any other page (SPA fallback)', async () => {
      for (const page of ['/', '/some/page']) {
        const res = await fetch(`${baseUrl}${page}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        expect(await res.text()).toBe(CLIENT_HTML);
      }
    });
  } else {
    it('answers pages with 503 telling to run npm run build', async () => {
      for (const page of ['/', '/some/page']) {
        const res = await fetch(`${baseUrl}${page}`);
        expect(res.status).toBe(503);
        expect(await res.text()).toContain('npm run build');
      }
    });
  }
});
