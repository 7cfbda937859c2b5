/**
 * The server's HTTP endpoints the client uses: scenarios, session creation, the public scenario
 * data of a session, map layers and the facilitator's transcript export.
 * `fetch` is injected so the request shapes are unit-tested.
 */
import type { DebriefAnswer, PlayOnAnswer, ReplayAnswer, WhatIfAnswer } from '@peace-table/shared/debriefApi';
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import type { PlayOnBody, WhatIfBody } from '@peace-table/shared/messages';
import type {
  CreateClassRequest,
  CreateClassResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  RoomAddressInfo,
} from '@peace-table/shared/protocol';
import { FACILITATOR_KEY_HEADER, SEAT_KEY_HEADER } from '@peace-table/shared/protocol';
import type { RefusalParams } from '@peace-table/shared/refusals';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized } from '@peace-table/shared/scenario/schema';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** http(s):// base of the game server from its ws(s):// URL. */
export function httpBase(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

export interface ScenarioSummary {
  id: string;
  /** False when the server found errors in the scenario's content: it cannot be played. */
  ok?: boolean;
  title: Localized;
  summary?: Localized;
}

/**
 * An HTTP failure with the server's own `{ error, reason, params }` when it sent one: the English
 * sentence as the message, and the rule that said no for the player's language (model/refusals.ts).
 */
export class ApiError extends Error {
  readonly reason: string | undefined;
  readonly params: RefusalParams | undefined;

  constructor(
    readonly status: number,
    message: string,
    detail: { reason?: string | undefined; params?: RefusalParams | undefined } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.reason = detail.reason;
    this.params = detail.params;
  }
}

export async function json<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const b = (body && typeof body === 'object' ? body : {}) as { error?: unknown; reason?: unknown; params?: unknown };
    const error = b.error !== undefined ? String(b.error) : response.statusText;
    const detail = {
      reason: typeof b.reason === 'string' ? b.reason : undefined,
      params: b.params && typeof b.params === 'object' ? (b.params as RefusalParams) : undefined,
    };
    throw new ApiError(response.status, error || `HTTP ${response.status}`, detail);
  }
  return body as T;
}

export interface Api {
  scenarios(): Promise<ScenarioSummary[]>;
  publicScenario(id: string): Promise<PublicScenario>;
  createSession(request: CreateSessionRequest): Promise<CreateSessionResponse>;
  /** Several tables of one scenario at once (the class console's screens call the rest: classApi.ts). */
  createClass(request: CreateClassRequest): Promise<CreateClassResponse>;
  /** Whether a code is a class's (a student may type the class code where a table code goes). */
  isClass(code: string): Promise<boolean>;
  /** A map layer by its path relative to content/ (as map.yaml names it, e.g. "map/cities.json"). */
  mapFile(path: string): Promise<unknown>;
  transcript(code: string, format: 'json' | 'csv', facilitatorKey: string): Promise<Blob>;
  /** Where students reach this server (its network addresses, or PUBLIC_URL). */
  roomAddress(): Promise<RoomAddressInfo>;
  /** The debrief's figures, months and replay steps of a concluded session (shared/src/debriefApi.ts). */
  debrief(code: string, auth: DebriefAuth): Promise<DebriefAnswer>;
  replay(code: string, step: number, as: ViewerSeat, auth: DebriefAuth): Promise<ReplayAnswer>;
  startWhatIf(code: string, body: WhatIfBody, facilitatorKey: string): Promise<WhatIfAnswer>;
  whatIf(code: string, id: string, facilitatorKey: string): Promise<WhatIfAnswer>;
  cancelWhatIf(code: string, id: string, facilitatorKey: string): Promise<WhatIfAnswer>;
  playOn(code: string, body: PlayOnBody, facilitatorKey: string): Promise<PlayOnAnswer>;
}

/** Who asks for the debrief: the facilitator key (facilitator, solo player), a seat key, or the join code alone. */
export interface DebriefAuth {
  facilitatorKey?: string | undefined;
  seatKey?: string | undefined;
}

function authHeaders(auth: DebriefAuth): Record<string, string> {
  if (auth.facilitatorKey) return { [FACILITATOR_KEY_HEADER]: auth.facilitatorKey };
  return auth.seatKey ? { [SEAT_KEY_HEADER]: auth.seatKey } : {};
}

export function createApi(base: string, fetcher: Fetch = (input, init) => fetch(input, init)): Api {
  const get = (path: string, init?: RequestInit) => fetcher(`${base}${path}`, init);
  const session = (code: string) => `/api/sessions/${encodeURIComponent(code)}`;
  return {
    async scenarios() {
      const body = await json<ScenarioSummary[] | { scenarios: ScenarioSummary[] }>(await get('/api/scenarios'));
      return Array.isArray(body) ? body : body.scenarios;
    },
    async publicScenario(id) {
      return json<PublicScenario>(await get(`/api/scenarios/${encodeURIComponent(id)}`));
    },
    async createSession(request) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) };
      return json<CreateSessionResponse>(await get('/api/sessions', init));
    },
    async createClass(request) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) };
      return json<CreateClassResponse>(await get('/api/classes', init));
    },
    async isClass(code) {
      const response = await get(`/api/classes/${encodeURIComponent(code)}`).catch(() => null);
      return response?.ok === true;
    },
    async mapFile(path) {
      // Only the map folder is served: a path trying to climb out of it is refused here already.
      if (!/^map\/[\w.-]+$/.test(path)) throw new ApiError(400, `not a map file: ${path}`);
      return json<unknown>(await get(`/content/${path}`));
    },
    async transcript(code, format, facilitatorKey) {
      const response = await get(`/api/sessions/${encodeURIComponent(code)}/transcript?format=${format}`, {
        headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey },
      });
      if (!response.ok) await json(response);
      return response.blob();
    },
    async roomAddress() {
      return json<RoomAddressInfo>(await get('/api/room-address'));
    },
    async debrief(code, auth) {
      return json<DebriefAnswer>(await get(`${session(code)}/debrief`, { headers: authHeaders(auth) }));
    },
    async replay(code, step, as, auth) {
      const query = `step=${step}&as=${encodeURIComponent(as)}`;
      return json<ReplayAnswer>(await get(`${session(code)}/replay?${query}`, { headers: authHeaders(auth) }));
    },
    async startWhatIf(code, body, facilitatorKey) {
      return json<WhatIfAnswer>(
        await get(`${session(code)}/whatif`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [FACILITATOR_KEY_HEADER]: facilitatorKey },
          body: JSON.stringify(body),
        }),
      );
    },
    async whatIf(code, id, facilitatorKey) {
      return json<WhatIfAnswer>(
        await get(`${session(code)}/whatif/${encodeURIComponent(id)}`, {
          headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey },
        }),
      );
    },
    async cancelWhatIf(code, id, facilitatorKey) {
      return json<WhatIfAnswer>(
        await get(`${session(code)}/whatif/${encodeURIComponent(id)}`, {
          method: 'DELETE',
          headers: { [FACILITATOR_KEY_HEADER]: facilitatorKey },
        }),
      );
    },
    async playOn(code, body, facilitatorKey) {
      return json<PlayOnAnswer>(
        await get(`${session(code)}/playon`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [FACILITATOR_KEY_HEADER]: facilitatorKey },
          body: JSON.stringify(body),
        }),
      );
    },
  };
}
