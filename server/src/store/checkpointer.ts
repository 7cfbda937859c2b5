/**
 * WAL checkpoints off the event loop. In WAL mode with synchronous=NORMAL a commit only appends
 * to the -wal file (no fsync); the fsync happens when the WAL is copied back into the database
 * (a checkpoint). SQLite would run that inside whichever commit crosses its threshold, stalling the
 * server for 50–200 ms on an ordinary disk, and seconds on a busy one. Instead the main connection
 * never checkpoints, and a worker thread with its own connection runs a PASSIVE checkpoint (which
 * never blocks writers) every second.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.exec('PRAGMA wal_checkpoint(TRUNCATE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, onError: (message: string) => void, everyMs = 1000) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', onError);
    this.worker.on('error', (error) => onError(error.message));
    // It must not keep a finished process (or a test run) alive.
    this.worker.unref();
  }

  /**
   * One last checkpoint (the WAL is folded back and truncated), then the worker ends. Resolves once
   * it has: until then its connection still holds the -wal and -shm files beside the database, so
   * whoever moves or deletes the database must wait for this.
   */
  stop(): Promise<void> {
    this.worker.postMessage('stop');
    return this.exited;
  }
}
