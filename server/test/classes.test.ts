/**
 * A class of tables: three sessions of one scenario opened at once with one facilitator key; all
 * played by the computer, they run to the end and the results sheet has one row per table with
 * each table's own outcome and scores; pause-all pauses every table; a restart keeps the class.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TableResult } from '@peace-table/shared/class/results';
import type { ClassCommandAnswer, ClassInfo, ClassOverview, CreateClassResponse } from '@peace-table/shared/protocol';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../src/store/sessionStore.ts';
import { ALL_HUMAN, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const ALL_BOT = { ukraine: 'bot', russia: 'bot', us: 'bot', europe: 'bot' } as const;

const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-classes-'));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.colyseus.shutdown();
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openClass(s: TestServer, body: Record<string, unknown>): Promise<CreateClassResponse> {
  const res = await fetch(`${s.baseUrl}/api/classes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as CreateClassResponse & { error?: string };
  if (res.status !== 201) throw new Error(`POST /api/classes: ${res.status} ${json.error}`);
  return json;
}

async function asFacilitator<T>(s: TestServer, opened: CreateClassResponse, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${s.baseUrl}/api/classes/${opened.code}${url}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'x-facilitator-key': opened.facilitatorKey, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function until(done: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a class of tables', () => {
  it('three computer tables run to the end; the results sheet has each table’s own outcome and scores', async () => {
    server = await startTestServer();
    const s = server;
    const opened = await openClass(s, { scenario: 'fixture', seats: ALL_BOT, tables: 3, options: { seed: 11 } });
    expect(opened.tables).toHaveLength(3);
    expect(new Set([opened.code, ...opened.tables]).size).toBe(4);
    await until(
      () => opened.tables.every((code) => s.store.getSession(code)?.status === 'concluded'),
      'every table concluded',
    );
    const sheet = await asFacilitator<{ tables: TableResult[] }>(s, opened, '/results');
    expect(sheet.tables.map((t) => [t.number, t.code])).toEqual(opened.tables.map((code, i) => [i + 1, code]));
    for (const row of sheet.tables) {
      const stored = s.store.getSession(row.code)?.result;
      expect(stored).toBeTruthy();
      expect(row.finished).toBe(true);
      expect(row.outcome?.id).toBe(stored?.outcomeId);
      expect(row.ending).toBe(stored?.ending);
      expect(row.rounds).toBeGreaterThan(0);
      for (const d of DELEGATION_IDS) {
        expect(row.scores?.[d].utility).toBe(stored?.scores[d].utility);
        expect(row.scores?.[d].noDeal).toBe(stored?.scores[d].noDeal);
        expect(row.scores?.[d].margin).toBeCloseTo((stored?.scores[d].utility ?? 0) - (stored?.scores[d].noDeal ?? 0));
      }
      expect(row.clauses.map((c) => c.issue).sort()).toEqual(Object.keys(stored?.agreement ?? {}).sort());
    }
    const csv = await fetch(`${s.baseUrl}/api/classes/${opened.code}/results?format=csv`, {
      headers: { 'x-facilitator-key': opened.facilitatorKey },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^table,code,finished,outcome_en,outcome_uk,ending,ratified,rounds,clauses,/);
    expect(lines[1]).toMatch(new RegExp(`^1,${opened.tables[0]},yes,`));
    const overview = await asFacilitator<ClassOverview>(s, opened, '/overview');
    expect(overview.tables.every((t) => t.phase === 'concluded' && t.alerts.some((a) => a.kind === 'concluded'))).toBe(
      true,
    );
  });

  it('pause-all pauses every table, resume-all resumes them; a table’s refusal is reported, not hidden', async () => {
    server = await startTestServer();
    const s = server;
    const opened = await openClass(s, { scenario: 'fixture', seats: ALL_HUMAN, tables: 3, studentsChoose: false });
    const watchers = await Promise.all(
      opened.tables.map((code) =>
        joinAs(s.wsUrl, { code, role: 'facilitator', facilitatorKey: opened.facilitatorKey }),
      ),
    );
    const paused = await asFacilitator<ClassCommandAnswer>(s, opened, '/command', { command: 'facilitator.pause' });
    expect(paused.tables.map((t) => [t.code, t.ok])).toEqual(opened.tables.map((code) => [code, true]));
    await Promise.all(watchers.map((w) => w.until((p) => p.view?.paused === true, 'paused')));
    const overview = await asFacilitator<ClassOverview>(s, opened, '/overview');
    expect(overview.tables.map((t) => t.paused)).toEqual([true, true, true]);
    expect(overview.tables[0]?.alerts).toContainEqual({ kind: 'paused' });
    expect(overview.tables[0]?.alerts).toContainEqual({ kind: 'emptySeat', delegation: 'ukraine' });
    const again = await asFacilitator<ClassCommandAnswer>(s, opened, '/command', { command: 'facilitator.pause' });
    expect(again.tables.every((t) => !t.ok && t.reason === 'alreadyPaused')).toBe(true);
    await asFacilitator(s, opened, '/command', { command: 'facilitator.resume' });
    await Promise.all(watchers.map((w) => w.until((p) => p.view?.paused === false, 'resumed')));
    // Assigned tables: students are not shown a list.
    const info = (await (await fetch(`${s.baseUrl}/api/classes/${opened.code}`)).json()) as ClassInfo;
    expect(info).toMatchObject({ code: opened.code, studentsChoose: false, tables: [] });
  });

  it('refuses a wrong key, a bad body and an unknown class with clear errors', async () => {
    server = await startTestServer();
    const s = server;
    const bad = await fetch(`${s.baseUrl}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'fixture', seats: ALL_BOT, tables: 1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^tables: /);
    const opened = await openClass(s, { scenario: 'fixture', seats: ALL_HUMAN, tables: 2 });
    const wrong = await fetch(`${s.baseUrl}/api/classes/${opened.code}/overview`, {
      headers: { 'x-facilitator-key': 'x'.repeat(24) },
    });
    expect(wrong.status).toBe(403);
    expect((await fetch(`${s.baseUrl}/api/classes/ZZZZZZ`)).status).toBe(404);
    const command = await fetch(`${s.baseUrl}/api/classes/${opened.code}/command`, {
      method: 'POST',
      headers: { 'x-facilitator-key': opened.facilitatorKey, 'content-type': 'application/json' },
      body: JSON.stringify({ command: 'facilitator.inject' }),
    });
    expect(command.status).toBe(400);
  });

  it('a restart keeps the class: the same tables, codes and key, the students’ list', async () => {
    const store = new SessionStore(path.join(dir, 'peace-table.db'));
    server = await startTestServer({ store });
    const first = server;
    const opened = await openClass(first, { scenario: 'fixture', seats: ALL_HUMAN, tables: 3 });
    const student = await joinAs(first.wsUrl, {
      code: opened.tables[1] as string,
      role: 'delegate',
      delegation: 'russia',
      name: 'Ivan',
    });
    await student.leave();
    await first.colyseus.shutdown();
    server = undefined;
    await store.close();

    const reopened = new SessionStore(path.join(dir, 'peace-table.db'));
    server = await startTestServer({ store: reopened });
    const restored = await server.restoreSessions();
    expect(restored.sort()).toEqual([...opened.tables].sort());
    const info = (await (await fetch(`${server.baseUrl}/api/classes/${opened.code}`)).json()) as ClassInfo;
    expect(info.tables.map((t) => t.code)).toEqual(opened.tables);
    const overview = await asFacilitator<ClassOverview>(server, opened, '/overview');
    expect(overview.tables.map((t) => [t.code, t.phase])).toEqual(opened.tables.map((code) => [code, 'lobby']));
    const paused = await asFacilitator<ClassCommandAnswer>(server, opened, '/command', {
      command: 'facilitator.pause',
    });
    expect(paused.tables.every((t) => t.ok)).toBe(true);
    await server.colyseus.shutdown();
    server = undefined;
    await reopened.close();
  });
});
