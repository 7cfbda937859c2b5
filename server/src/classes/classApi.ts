/**
 * Class endpoints: a facilitator opens several tables (sessions) of one scenario at once and runs
 * them from one console.
 *
 * - POST /api/classes                      open a class → 201 { code, facilitatorKey, tables }
 * - GET  /api/classes/:code                for students: the tables to choose from
 * - GET  /api/classes/:code/overview       every table's phase, clock, seats and alerts (facilitator key)
 * - POST /api/classes/:code/command        pause, resume or advance every table at once (facilitator key)
 * - GET  /api/classes/:code/results        the results sheet, ?format=json|csv (facilitator key)
 *
 * A class is a collaborator of the HTTP API, not of the rooms: its tables are ordinary sessions.
 * What it reads, it reads from the store (so a finished table and one restored after a restart
 * read alike); what it asks of a running table goes through the room's one class method,
 * `classCommand`, by Colyseus' remote room call, which reaches the room on whichever process runs it.
 */
import { matchMaker } from '@colyseus/core';
import { tableResult } from '@peace-table/shared/class/results';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import {
  ClassCommandBody,
  CreateClassBody,
  type CreateSessionBody,
  normaliseJoinCode,
} from '@peace-table/shared/messages';
import {
  type ClassCommand,
  type ClassCommandAnswer,
  type ClassInfo,
  type ClassOverview,
  type CreateClassResponse,
  JOIN_CODE_LENGTH,
} from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import express, { type Request, type Response } from 'express';
import {
  checkSessionRequest,
  creationLimiter,
  fieldError,
  freshCode,
  openNewSession,
  presentedKey,
  refuse,
  type SessionApiDeps,
} from '../http/sessions.ts';
import { GameSession } from '../rooms/gameSession.ts';
import { hashKey, keyMatches, newKey } from '../sessions/secrets.ts';
import type { SessionRow } from '../store/sessionStore.ts';
import type { ClassRow, ClassStore } from './classStore.ts';
import { classResultsCsv } from './resultsCsv.ts';
import { tableStatus } from './tableStatus.ts';

export interface ClassApiDeps extends SessionApiDeps {
  classes: ClassStore;
}

/** A table as stored: its session row and its game as the store has it. */
interface StoredTable {
  number: number;
  row: SessionRow;
  context: NegotiationContext;
}

function findClass(deps: ClassApiDeps, req: Request): ClassRow | undefined {
  const code = normaliseJoinCode(String(req.params.code ?? ''));
  return code.length === JOIN_CODE_LENGTH ? deps.classes.get(code) : undefined;
}

/** The class, if the request carries its facilitator key; otherwise the refusal is sent and undefined returned. */
function authorised(deps: ClassApiDeps, req: Request, res: Response): ClassRow | undefined {
  const row = findClass(deps, req);
  const key = presentedKey(req);
  const code = normaliseJoinCode(String(req.params.code ?? ''));
  const wrongKey = refusalDetail('facilitatorKeyInvalid', { code });
  if (!key) {
    refuse(res, 401, 'send the facilitator key in the x-facilitator-key header', wrongKey);
    return undefined;
  }
  // Unknown class and wrong key answer alike, so codes cannot be probed with made-up keys.
  if (!row || !keyMatches(key, row.facilitatorKeyHash)) {
    refuse(res, 403, 'no class with that code and facilitator key', wrongKey);
    return undefined;
  }
  return row;
}

async function storedTables(deps: ClassApiDeps, row: ClassRow): Promise<{ scenario: Scenario; tables: StoredTable[] }> {
  const scenario = await deps.scenarios.load(row.scenarioId);
  const tables = row.tables.map((code, i) => {
    const session = deps.store.getSession(code);
    if (!session) throw new Error(`class ${row.code}: table ${code} is missing from the store`);
    return { number: i + 1, row: session, context: GameSession.restore(deps.store, scenario, code).context };
  });
  return { scenario, tables };
}

/** Table i's request: the class's, with its own seed when the class was given one (tables differ, reproducibly). */
function tableRequest(session: CreateSessionBody, i: number): CreateSessionBody {
  const seed = session.options?.seed;
  return seed === undefined ? session : { ...session, options: { ...session.options, seed: (seed + i) % 2 ** 31 } };
}

function createClassHandler(deps: ClassApiDeps) {
  const allowed = creationLimiter(deps.sessionLimit);
  return async (req: Request, res: Response) => {
    if (!allowed(req, res)) return;
    const parsed = CreateClassBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const { tables: count, studentsChoose, ...session } = parsed.data;
    const refusal = await checkSessionRequest(deps, session);
    if (refusal) return refuse(res, refusal.status, refusal.message, refusal.detail);
    const facilitatorKey = newKey();
    const keyHash = hashKey(facilitatorKey);
    const code = await freshCode(deps.store, (c) => deps.classes.has(c));
    // A table's code may be neither another class's nor this one's.
    const taken = (c: string) => c === code || deps.classes.has(c);
    const tables: string[] = [];
    try {
      for (let i = 0; i < count; i++) tables.push(await openNewSession(deps, tableRequest(session, i), keyHash, taken));
    } catch (error) {
      deps.logger.error({ err: error, class: code, opened: tables }, 'could not open the class');
      return refuse(res, 500, 'the class could not be started', refusalDetail('sessionNotStarted'));
    }
    deps.classes.create({
      code,
      scenarioId: session.scenario,
      createdAt: Date.now(),
      facilitatorKeyHash: keyHash,
      studentsChoose: studentsChoose ?? true,
      tables,
    });
    deps.logger.info({ class: code, tables }, 'class created');
    const answer: CreateClassResponse = { code, facilitatorKey, tables };
    return res.status(201).json(answer);
  };
}

function infoHandler(deps: ClassApiDeps) {
  return (req: Request, res: Response) => {
    const row = findClass(deps, req);
    if (!row) {
      const code = normaliseJoinCode(String(req.params.code ?? ''));
      return refuse(res, 404, `no class with the code ${code}`, refusalDetail('noSession', { code }));
    }
    const sessions = row.tables.map((code) => deps.store.getSession(code));
    const options = sessions[0]?.config.input.options;
    const info: ClassInfo = {
      code: row.code,
      scenarioId: row.scenarioId,
      studentsChoose: row.studentsChoose,
      noPress: options?.noPress === true,
      anonymous: options?.anonymous === true,
      // When the facilitator assigns tables, students are not shown a list to pick from.
      tables: row.studentsChoose
        ? sessions.flatMap((s, i) =>
            s
              ? [
                  {
                    number: i + 1,
                    code: s.code,
                    open: s.status === 'open' && s.result === null,
                    people: s.roster.members.filter((m) => m.leftAt === undefined).length,
                  },
                ]
              : [],
          )
        : [],
    };
    res.set('Cache-Control', 'no-store').json(info);
  };
}

function overviewHandler(deps: ClassApiDeps) {
  return async (req: Request, res: Response) => {
    const row = authorised(deps, req, res);
    if (!row) return;
    const { tables } = await storedTables(deps, row);
    const first = tables[0]?.row.config.input.options;
    const phaseSeconds: ClassOverview['phaseSeconds'] = {};
    for (const [phase, ms] of Object.entries(first?.phaseMs ?? {})) if (ms) phaseSeconds[phase] = Math.round(ms / 1000);
    const overview: ClassOverview = {
      code: row.code,
      scenarioId: row.scenarioId,
      studentsChoose: row.studentsChoose,
      noPress: first?.noPress === true,
      anonymous: first?.anonymous === true,
      phaseSeconds,
      tables: tables.map((t) => tableStatus(t.number, t.row, t.context)),
    };
    res.set('Cache-Control', 'no-store').json(overview);
  };
}

/** Asks one running table to act; a finished or closed table says so instead. */
async function commandTable(deps: ClassApiDeps, code: string, command: ClassCommand) {
  const session = deps.store.getSession(code);
  if (session?.status !== 'open') {
    return { code, ok: false, message: 'the talks at this table are over', ...refusalDetail('talksConcluded') };
  }
  try {
    const outcome = (await matchMaker.remoteRoomCall(code, 'classCommand', [
      command,
    ])) as ClassCommandAnswer['tables'][number];
    return { ...outcome, code };
  } catch (error) {
    deps.logger.warn({ err: error, session: code, command }, 'a class command did not reach its table');
    return { code, ok: false, message: 'the table did not answer', ...refusalDetail('internalError') };
  }
}

function commandHandler(deps: ClassApiDeps) {
  return async (req: Request, res: Response) => {
    const row = authorised(deps, req, res);
    if (!row) return;
    const parsed = ClassCommandBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const answer: ClassCommandAnswer = {
      tables: await Promise.all(row.tables.map((code) => commandTable(deps, code, parsed.data.command))),
    };
    deps.logger.info({ class: row.code, command: parsed.data.command }, 'class command');
    res.json(answer);
  };
}

function resultsHandler(deps: ClassApiDeps) {
  return async (req: Request, res: Response) => {
    const format = String(req.query.format ?? 'json');
    if (format !== 'json' && format !== 'csv')
      return refuse(res, 400, 'format: must be json or csv', refusalDetail('requestInvalid'));
    const row = authorised(deps, req, res);
    if (!row) return;
    const { scenario, tables } = await storedTables(deps, row);
    const rows = tables.map((t) => tableResult(scenario, { number: t.number, code: t.row.code }, t.context));
    res.set('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="peace-table-class-${row.code}.csv"`);
      return res.send(classResultsCsv(rows));
    }
    return res.json({ code: row.code, scenarioId: row.scenarioId, tables: rows });
  };
}

/** The class routes, for /api/classes. */
export function classRouter(deps: ClassApiDeps): express.Router {
  const router = express.Router();
  router.post('/', createClassHandler(deps));
  router.get('/:code', infoHandler(deps));
  router.get('/:code/overview', overviewHandler(deps));
  router.post('/:code/command', commandHandler(deps));
  router.get('/:code/results', resultsHandler(deps));
  return router;
}
