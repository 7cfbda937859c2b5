/**
 * Classes in the session database: one row per class, naming its tables (sessions) in order. The
 * tables are ordinary sessions, stored, restored and expired like any other; the class row only
 * groups them, so a class survives a restart exactly as its sessions do.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS classes (
  code TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  students_choose INTEGER NOT NULL CHECK (students_choose IN (0, 1)),
  tables TEXT NOT NULL
);
`;

export interface ClassRow {
  code: string;
  scenarioId: string;
  createdAt: number;
  facilitatorKeyHash: string;
  /** True: students pick their table from the class link; false: the facilitator assigns them. */
  studentsChoose: boolean;
  /** The tables' join codes, table 1 first. */
  tables: string[];
}

interface RawClass {
  code: string;
  scenario_id: string;
  created_at: number;
  facilitator_key_hash: string;
  students_choose: number;
  tables: string;
}

export class ClassStore {
  private readonly insert: StatementSync;
  private readonly select: StatementSync;

  /** Uses the session database's connection: a class and its tables live in one file. */
  constructor(db: DatabaseSync) {
    db.exec(SCHEMA);
    this.insert = db.prepare(
      `INSERT INTO classes (code, scenario_id, created_at, facilitator_key_hash, students_choose, tables)
         VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.select = db.prepare('SELECT * FROM classes WHERE code = ?');
  }

  create(row: ClassRow): void {
    const choose = row.studentsChoose ? 1 : 0;
    const tables = JSON.stringify(row.tables);
    this.insert.run(row.code, row.scenarioId, row.createdAt, row.facilitatorKeyHash, choose, tables);
  }

  has(code: string): boolean {
    return this.select.get(code) !== undefined;
  }

  get(code: string): ClassRow | undefined {
    const raw = this.select.get(code) as RawClass | undefined;
    if (!raw) return undefined;
    return {
      code: raw.code,
      scenarioId: raw.scenario_id,
      createdAt: raw.created_at,
      facilitatorKeyHash: raw.facilitator_key_hash,
      studentsChoose: raw.students_choose === 1,
      tables: JSON.parse(raw.tables) as string[],
    };
  }
}
