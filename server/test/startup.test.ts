/**
 * `npm start` with a bad DATABASE_PATH: every case ends the process with exit code 1 and one
 * sentence naming the path and the cause, before anything listens, within 5 s of the start-up's
 * own cost (measured against a start that fails at once on a bad PORT, in the same run). A damaged
 * database is caught by the integrity check, not halfway through restoring sessions.
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { causeOf } from '../src/store/openDatabase.ts';
import { SessionStore } from '../src/store/sessionStore.ts';
import { freePort } from './support/testServer.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const LOADER = process.features.typescript ? [] : ['--import', 'tsx'];
const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-startup-'));
const linux = process.platform === 'linux';
const root = process.getuid?.() === 0;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs main.ts with `env`; a hang is killed after a minute (and fails the test). */
async function start(env: Record<string, string>): Promise<Outcome> {
  const port = String(await freePort());
  const began = performance.now();
  const child = spawn(process.execPath, [...LOADER, MAIN], {
    env: { ...process.env, PORT: port, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const hang = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(hang);
  return { code, stdout, stderr, ms: performance.now() - began };
}

/** A database with sessions whose pages were then overwritten in the middle. */
async function damagedDatabase(file: string): Promise<void> {
  const store = new SessionStore(file);
  const insert = store.db.prepare(
    `INSERT INTO sessions (code, scenario_id, node, status, created_at, updated_at, config, roster)
       VALUES (?, 'fixture', 'main', 'open', 0, 0, ?, '{}')`,
  );
  for (let i = 0; i < 200; i++) insert.run(`C${i}`, JSON.stringify({ pad: 'x'.repeat(500) }));
  await store.close();
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = DELETE');
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(1500, 0x5a), 0, 1500, 4096 * 3 + 100);
  closeSync(fd);
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts with `env`, and at the same moment (so under the same load) the same start-up failing
 * before it looks at the database, on a bad PORT: what every case costs anyway.
 */
async function startBeside(env: Record<string, string>): Promise<Outcome & { baselineMs: number }> {
  const [outcome, baseline] = await Promise.all([
    start(env),
    start({ PORT: 'none', DATABASE_PATH: path.join(dir, 'unused.db') }),
  ]);
  expect(baseline.stderr).toMatch(/^PORT must be a whole number/);
  return { ...outcome, baselineMs: baseline.ms };
}

function expectRefusal(outcome: Outcome & { baselineMs: number }, sentence: RegExp) {
  expect(outcome.code).toBe(1);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Peace Table could not start: /);
  expect(lines[0]).toMatch(sentence);
  expect(outcome.stdout).not.toMatch(/is running/);
  expect(outcome.ms - outcome.baselineMs).toBeLessThan(5000);
}

describe('a bad DATABASE_PATH', () => {
  it('a folder: says so and where a file would go', async () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    expectRefusal(
      await startBeside({ DATABASE_PATH: folder }),
      new RegExp(`DATABASE_PATH ${folder} is a folder, not a file: .*${path.join(folder, 'peace-table.db')}`),
    );
  });

  it('a file that is not a database: move it aside', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'these are not the tables you are looking for\n');
    expectRefusal(
      await startBeside({ DATABASE_PATH: file }),
      new RegExp(`${file} is not a Peace Table database.*move it aside`),
    );
  });

  it('a damaged database: caught before listening, with what to do', async () => {
    const file = path.join(dir, 'damaged.db');
    await damagedDatabase(file);
    expectRefusal(
      await startBeside({ DATABASE_PATH: file }),
      new RegExp(`the database ${file} is damaged \\(SQLite: .+\\): move it aside .*restore a backup`),
    );
  });

  it('a path under a file: names the file in the way', async () => {
    const file = path.join(dir, 'plain-file');
    writeFileSync(file, '');
    expectRefusal(
      await startBeside({ DATABASE_PATH: path.join(file, 'sub', 'pt.db') }),
      new RegExp(`cannot create the folder for the database .*: ${file} is a file, not a folder`),
    );
  });

  it.runIf(linux)('/proc/nope/pt.db: no hang, the folder that cannot be made is named', async () => {
    expectRefusal(
      await startBeside({ DATABASE_PATH: '/proc/nope/pt.db' }),
      /cannot create the folder \/proc\/nope for the database \/proc\/nope\/pt\.db \(/,
    );
  });

  it.runIf(linux)('a folder nobody may write in (/sys): says which folder and why', async () => {
    expectRefusal(
      await startBeside({ DATABASE_PATH: '/sys/peace-table.db' }),
      /cannot write in the folder \/sys \(.+\), where the database \/sys\/peace-table\.db and its -wal and -shm files go/,
    );
  });

  // Root may write anywhere chmod says it may not; a read-only filesystem (EROFS) is worded the
  // same way (causeOf below), checked by hand with a read-only tmpfs mount.
  describe.skipIf(root)('read-only by permissions (skipped as root: root writes through them)', () => {
    it('an existing database that cannot be written, and a missing subfolder of a read-only folder', async () => {
      const ro = path.join(dir, 'read-only');
      mkdirSync(ro);
      const file = path.join(ro, 'pt.db');
      await new SessionStore(file).close();
      chmodSync(file, 0o444);
      chmodSync(ro, 0o555);
      try {
        expectRefusal(
          await startBeside({ DATABASE_PATH: file }),
          new RegExp(`the database ${file} cannot be written \\(this user has no permission to write there\\)`),
        );
        expectRefusal(
          await startBeside({ DATABASE_PATH: path.join(ro, 'missing', 'pt.db') }),
          new RegExp(`cannot create the folder ${path.join(ro, 'missing')} for the database`),
        );
      } finally {
        chmodSync(ro, 0o755);
      }
    });
  });

  it('words operating-system causes for people', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(causeOf(e('EROFS'))).toBe('the filesystem is read-only');
    expect(causeOf(e('EACCES'))).toBe('this user has no permission to write there');
    expect(causeOf(e('ENOSPC'))).toBe('the disk is full');
  });

  it('a good path starts and listens (the checks pass a fresh and a reopened database)', async () => {
    const file = path.join(dir, 'good', 'deeper', 'pt.db');
    for (let run = 0; run < 2; run++) {
      const port = String(await freePort());
      const child = spawn(process.execPath, [...LOADER, MAIN], {
        env: { ...process.env, PORT: port, LOG_LEVEL: 'silent', DATABASE_PATH: file },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const running = await new Promise<boolean>((resolve) => {
        let out = '';
        const timer = setTimeout(() => resolve(false), 90_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('Peace Table is running')) {
            clearTimeout(timer);
            resolve(true);
          }
        });
        child.once('exit', () => resolve(false));
      });
      expect(running).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  }, 200_000);
});
