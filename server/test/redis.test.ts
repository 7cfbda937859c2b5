/**
 * Scale-out: two server processes share matchmaking through a real redis-server
 * (RedisPresence + RedisDriver) and one database file. A session created through process A is
 * joined through process B (and the other way round), and its game runs.
 *
 * Needs the `redis-server` binary (Debian package redis-server; .ci/run installs it). Without it
 * the test is skipped locally, and fails when REQUIRE_REDIS=1 (as in CI).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACILITATOR_KEY_HEADER } from '@peace-table/shared/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_HUMAN, createSession, joinAs } from './support/players.ts';
import { hasRedisServer, killHard, type ServerProcess, startRedis, startServerProcess } from './support/processes.ts';
import { freePort } from './support/testServer.ts';

const available = hasRedisServer();
if (!available && process.env.REQUIRE_REDIS === '1') {
  throw new Error('REQUIRE_REDIS=1 but redis-server is not installed (apt-get install redis-server)');
}

describe.skipIf(!available)('two processes sharing Redis', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-redis-'));
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    redis = await startRedis();
    const database = path.join(dir, 'shared.db');
    const start = async (node: string) => {
      const port = await freePort();
      return startServerProcess(
        { REDIS_URL: redis.url, NODE_ID: node, DATABASE_PATH: database, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
        port,
      );
    };
    [a, b] = await Promise.all([start('a'), start('b')]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a && killHard(a), b && killHard(b)]);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session created through A is joined and played through B, and the other way round', async () => {
    const placements: Array<{ joinedThrough: string; host: string }> = [];
    for (const [create, join] of [
      [a, b],
      [b, a],
    ] as const) {
      const session = await createSession(create.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
      const ukraine = await joinAs(join.wsUrl, {
        code: session.code.toLowerCase(),
        role: 'delegate',
        delegation: 'ukraine',
        name: 'Via the other process',
      });
      const facilitator = await joinAs(create.wsUrl, {
        code: session.code,
        role: 'facilitator',
        facilitatorKey: session.facilitatorKey,
      });
      expect(ukraine.state.code).toBe(session.code);
      // The websocket goes to whichever process hosts the room (its PUBLIC_ADDRESS), found through Redis.
      placements.push({ joinedThrough: String(join.port), host: new URL(ukraine.room.connection.url ?? '').port });
      ukraine.send('chat.post', { channel: 'plenary', text: `hello from ${join.port}` });
      await facilitator.until(
        (p) => p.view?.chat.at(-1)?.text === `hello from ${join.port}`,
        'the chat across processes',
      );
      // Both processes answer for the session's transcript (one database file).
      for (const server of [a, b]) {
        const res = await fetch(`${server.baseUrl}/api/sessions/${session.code}/transcript?format=json`, {
          headers: { [FACILITATOR_KEY_HEADER]: session.facilitatorKey },
        });
        expect(res.status).toBe(200);
      }
      await ukraine.leave();
      await facilitator.leave();
    }
    // Every room lives on one of the two processes; the student found it through the other process's
    // matchmaker (Redis) either way. Which process hosts a room depends on timing (Colyseus picks the
    // least busy one, and the first room may already be disposed), so no fixed placement is asserted.
    for (const p of placements) expect([String(a.port), String(b.port)]).toContain(p.host);
    expect(a.output()).not.toMatch(/Error/);
    expect(b.output()).not.toMatch(/Error/);
  }, 30_000);
});
