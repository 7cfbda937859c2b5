/**
 * Opening DATABASE_PATH so that every problem ends the start-up at once with one sentence naming
 * the path, the cause and what to do, instead of SQLite's "unable to open database file":
 *
 * - the path is a folder, or a file that is not a SQLite database;
 * - the file, its folder or the folder above a missing one cannot be written (a read-only
 *   filesystem, no permission), checked before SQLite tries and tells less;
 * - folders are created one level at a time: Node's recursive mkdir never returns for a path
 *   under /proc, so the parents are checked first and each level's error is reported as such;
 * - the database is checked (`PRAGMA quick_check`) before the server listens, so a damaged file
 *   never gets as far as serving players and failing in the middle of restoring their sessions.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

/** A start-up problem with the database: the message is the sentence to show. */
export class DatabaseProblem extends Error {
  override name = 'DatabaseProblem';
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** What an operating-system error means, in words for whoever starts the server. */
export function causeOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EROFS':
      return 'the filesystem is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'this user has no permission to write there';
    case 'ENOENT':
      return 'the system does not allow creating it there';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.code ? `${e.code}: ${e.message}` : String(e?.message ?? error);
  }
}

/** Creates the folder `dir` one level at a time, after checking what is already there. */
function ensureFolder(dir: string, file: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) {
    throw new DatabaseProblem(`cannot create the folder for the database ${file}: ${at} is a file, not a folder.`);
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new DatabaseProblem(
        `cannot create the folder ${level} for the database ${file} (${causeOf(error)}): create it yourself or set DATABASE_PATH to a place this user can write.`,
      );
    }
  }
}

/** A file exists there: it must be a writable SQLite database (or empty, which SQLite fills). */
function checkExistingFile(file: string): void {
  const stat = statSync(file);
  if (stat.isDirectory()) {
    throw new DatabaseProblem(
      `DATABASE_PATH ${file} is a folder, not a file: point DATABASE_PATH at a file inside it, such as ${path.join(file, 'peace-table.db')}.`,
    );
  }
  if (!stat.isFile()) {
    throw new DatabaseProblem(`DATABASE_PATH ${file} is not a regular file: point DATABASE_PATH at a database file.`);
  }
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (error) {
    throw new DatabaseProblem(
      `the database ${file} cannot be written (${causeOf(error)}): make it writable for this user, or copy it to a writable folder and set DATABASE_PATH there.`,
    );
  }
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    if (stat.size > 0 && (read < 16 || header.toString('latin1') !== SQLITE_HEADER)) {
      throw new DatabaseProblem(
        `${file} is not a Peace Table database (not even a SQLite file): move it aside, or set DATABASE_PATH to another file.`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** SQLite writes the -wal and -shm files next to the database: the folder must take new files. */
function checkFolderWritable(dir: string, file: string): void {
  const probe = path.join(dir, `.${path.basename(file)}.probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new DatabaseProblem(
      `cannot write in the folder ${dir} (${causeOf(error)}), where the database ${file} and its -wal and -shm files go: make the folder writable, or set DATABASE_PATH to a place this user can write.`,
    );
  }
}

/** Checks the path and prepares its folder; SQLite may open it afterwards. */
export function preparePath(file: string): void {
  const resolved = path.resolve(file);
  const dir = path.dirname(resolved);
  if (existsSync(resolved)) checkExistingFile(file);
  else ensureFolder(dir, file);
  checkFolderWritable(dir, file);
}

/** SQLite's own complaint, as the same kind of sentence. */
export function sqliteProblem(file: string, error: unknown): DatabaseProblem {
  const message = String((error as Error)?.message ?? error)
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  if (/not a database/i.test(message)) {
    return new DatabaseProblem(
      `${file} is not a Peace Table database (SQLite: ${message}): move it aside, or set DATABASE_PATH to another file.`,
    );
  }
  if (/malformed|corrupt/i.test(message)) return damaged(file, message);
  if (/readonly|read-only/i.test(message)) {
    return new DatabaseProblem(
      `the database ${file} is read-only (SQLite: ${message}): make it and its folder writable for this user, or set DATABASE_PATH to a writable place.`,
    );
  }
  if (/locked|busy/i.test(message)) {
    return new DatabaseProblem(
      `the database ${file} is locked by another program (SQLite: ${message}): stop the other program, or set DATABASE_PATH to another file.`,
    );
  }
  return new DatabaseProblem(`cannot open the database ${file} (SQLite: ${message}).`);
}

function damaged(file: string, detail: string): DatabaseProblem {
  return new DatabaseProblem(
    `the database ${file} is damaged (SQLite: ${detail}): move it aside together with its -wal and -shm files, then restore a backup (see docs/deployment.md) or start with a new file.`,
  );
}

/** Every page of the database readable and consistent: throws DatabaseProblem when not. */
export function checkIntegrity(db: DatabaseSync, file: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.prepare('PRAGMA quick_check(2)').all() as { quick_check: string }[];
  } catch (error) {
    throw sqliteProblem(file, error);
  }
  // One line per problem, after a "*** in database main ***" header: the first says enough.
  const problems = rows
    .flatMap((r) => r.quick_check.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && line !== 'ok' && !line.startsWith('***'));
  if (problems.length > 0) {
    const more = problems.length > 1 ? `, and more` : '';
    throw damaged(file, `${problems[0]?.slice(0, 160)}${more}`);
  }
}
