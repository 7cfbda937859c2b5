/**
 * /api/*: JSON endpoints, mounted before the client routes. An unknown /api path answers 404 JSON
 * so scripts get a clear error instead of the client's HTML from the SPA fallback.
 *
 * - GET  /api/scenarios                       the scenarios a session can use
 * - GET  /api/scenarios/:id                   a scenario's public part (agenda, map, public positions)
 * - POST /api/sessions                        create a session → 201 { code, facilitatorKey, roomId }
 * - GET  /api/sessions/:code/transcript       ?format=json|csv, facilitator key in x-facilitator-key
 * - GET  /api/room-address                    where students reach this server (see net/roomAddress.ts)
 * - /api/classes/*                             a class of tables (see classes/classApi.ts)
 * - /api/sessions/:code/{debrief,replay,whatif,playon}   the debrief's figures, replay and what-ifs (debrief.ts)
 */
import type { RoomAddressInfo } from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import { publicScenario } from '@peace-table/shared/scenario/public';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { type ClassApiDeps, classRouter } from '../classes/classApi.ts';
import { type DebriefDeps, debriefRouter } from './debrief.ts';
import { createSessionHandler, refuse, transcriptHandler } from './sessions.ts';

export interface ApiDeps extends ClassApiDeps, DebriefDeps {
  /** Asked on every request: a laptop may join the classroom Wi-Fi after the server started. */
  roomAddress(): RoomAddressInfo;
}

export function mountApi(app: Application, deps: ApiDeps): void {
  const api = express.Router();
  // Session requests are a few hundred bytes; anything bigger is a mistake or an attack.
  api.use(express.json({ limit: '8kb' }));

  api.get('/scenarios', async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json({ scenarios: await deps.scenarios.list() });
  });
  api.get('/scenarios/:id', async (req, res) => {
    let scenario: Awaited<ReturnType<typeof deps.scenarios.load>>;
    try {
      scenario = await deps.scenarios.load(String(req.params.id));
    } catch (error) {
      return res.status(404).json({ error: (error as Error).message.split('\n')[0] });
    }
    // Only the public part: private briefings and numbers reach a seat through its view alone.
    res.set('Cache-Control', 'no-cache').json(publicScenario(scenario));
  });
  api.post('/sessions', createSessionHandler(deps));
  api.get('/sessions/:code/transcript', transcriptHandler(deps));
  api.use('/classes', classRouter(deps));
  api.use('/sessions/:code', debriefRouter(deps));
  api.get('/room-address', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(deps.roomAddress());
  });

  api.use((req, res) => {
    res.status(404).json({ error: 'not found', path: req.originalUrl.split('?')[0] });
  });
  // Body-parser errors (bad JSON, too large) and anything a handler throws: JSON, never a stack trace.
  api.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) deps.logger.error({ err: error }, 'api error');
    const message =
      error.type === 'entity.parse.failed'
        ? 'the body is not valid JSON'
        : error.type === 'entity.too.large'
          ? 'the body is too large'
          : status === 500
            ? 'internal error'
            : error.message;
    refuse(res, status, message, refusalDetail(status === 500 ? 'internalError' : 'requestInvalid'));
  });
  app.use('/api', api);
}
