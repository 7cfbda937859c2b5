import type { SeatView } from '@peace-table/shared/engine/view';
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, httpBase } from '../src/net/api.ts';
import { codeFromLocation, displayCode, isValidCode, joinUrl, normaliseCode } from '../src/net/joinCode.ts';
import {
  CURRENT_KEY,
  createSeatStore,
  playsSolo,
  rejoinOptions,
  SEAT_TTL_MS,
  SEATS_KEY,
  seatIsGone,
} from '../src/net/seatStore.ts';
import { leaveIsFinal, REJOIN_DELAYS, rejoinDelay } from '../src/net/session.ts';
import { statusText } from '../src/net/status.ts';
import { createViewSync } from '../src/net/viewSync.ts';
import { en, uk } from './fixtures.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('seat store', () => {
  it('keeps keys per code across reloads and knows which session this tab was in', () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    let now = 1_000;
    const store = createSeatStore(local, tab, () => now);
    store.save({ code: 'K7QX2M', role: 'delegate', delegation: 'ukraine', name: 'Olena', seatKey: 'k'.repeat(20) });
    store.setCurrent('K7QX2M');
    now += 1000;
    store.save({ code: 'ABCDEF', role: 'facilitator', facilitatorKey: 'f'.repeat(20) });
    // A reload: a new store over the same storage.
    const again = createSeatStore(local, tab, () => now);
    expect(again.current()?.seatKey).toBe('k'.repeat(20));
    expect(again.list().map((s) => s.code)).toEqual(['ABCDEF', 'K7QX2M']);
    // A second tab of the same browser sees the saved seats but is not in a session.
    expect(createSeatStore(local, memoryStorage(), () => now).current()).toBeNull();
    again.forget('K7QX2M');
    expect(again.current()).toBeNull();
    expect(tab.data.has(CURRENT_KEY)).toBe(false);
  });

  it('forgets stale seats and survives corrupted or missing storage', () => {
    const local = memoryStorage();
    let now = 0;
    const store = createSeatStore(local, null, () => now);
    store.save({ code: 'K7QX2M', role: 'spectator' });
    now = SEAT_TTL_MS + 1;
    expect(store.get('K7QX2M')).toBeNull();
    local.data.set(SEATS_KEY, '{not json');
    expect(store.list()).toEqual([]);
    expect(createSeatStore(null, null).list()).toEqual([]);
  });

  it('rejoins with the key that reclaims the seat, never with a name that might take another', () => {
    expect(
      rejoinOptions({ code: 'K7QX2M', role: 'delegate', delegation: 'us', name: 'Jo', seatKey: 'key', savedAt: 0 }, 2),
    ).toEqual({
      protocol: 2,
      code: 'K7QX2M',
      role: 'delegate',
      seatKey: 'key',
    });
    expect(rejoinOptions({ code: 'K7QX2M', role: 'delegate', delegation: 'us', savedAt: 0 }, 2)).toBeNull();
    expect(rejoinOptions({ code: 'K7QX2M', role: 'facilitator', facilitatorKey: 'f', savedAt: 0 }, 2)).toMatchObject({
      role: 'facilitator',
      facilitatorKey: 'f',
    });
  });

  it('forgets a seat only when it can never be used again', () => {
    const kicked = { code: 'kicked' as const, message: 'The facilitator removed you from this session.' };
    expect(seatIsGone({ notice: kicked })).toBe(true);
    expect(seatIsGone({ notice: { code: 'seat.replaced', message: 'Your seat was opened in another window.' } })).toBe(
      false,
    );
    for (const reason of ['seatKeyInvalid', 'facilitatorKeyInvalid', 'sessionEnded'])
      expect(seatIsGone({ refusal: { reason } }), reason).toBe(true);
    // A server restarting answers "no session" for a moment; a full team may have room later.
    for (const reason of ['noSession', 'teamFull', 'rateLimited'])
      expect(seatIsGone({ refusal: { reason } }), reason).toBe(false);
    expect(seatIsGone({})).toBe(false);
  });

  it('backs off between rejoin attempts up to a ceiling', () => {
    expect([0, 1, 2, 3, 99].map(rejoinDelay)).toEqual([1, 2, 4, 8, REJOIN_DELAYS.at(-1)]);
  });

  it('rejoins with the seat key after a restart or a crash, never after leaving or being removed', () => {
    // Network closes, the server shutting down (4001), a new process not knowing the connection (4003).
    for (const code of [1000, 1001, 1005, 1006, 4001, 4003, 4010]) expect(leaveIsFinal(code), String(code)).toBe(false);
    // Left on purpose (4000), refused (4002), replaced by another window (4101), kicked (4102).
    for (const code of [4000, 4002, 4101, 4102]) expect(leaveIsFinal(code), String(code)).toBe(true);
  });
});

describe('who plays solo', () => {
  it('is a delegate holding the session’s facilitator key, as a solo game saves its seat', () => {
    const base = { code: 'ABCDEF', savedAt: 0 };
    expect(playsSolo({ ...base, role: 'delegate', delegation: 'ukraine', facilitatorKey: 'k' })).toBe(true);
    expect(playsSolo({ ...base, role: 'delegate', delegation: 'ukraine', seatKey: 's' })).toBe(false);
    expect(playsSolo({ ...base, role: 'facilitator', facilitatorKey: 'k' })).toBe(false);
    expect(playsSolo(null)).toBe(false);
  });
});

describe('view sync', () => {
  const base = { phase: 'talks', chat: [{ seq: 1 }] } as unknown as SeatView;

  it('applies patches in order and asks for a full view when one is missing', () => {
    const sync = createViewSync();
    expect(sync.patch({ from: 0, to: 1, ops: [] })).toEqual({ kind: 'resync' });
    sync.full({ version: 4, view: base });
    const r = sync.patch({
      from: 4,
      to: 5,
      ops: [
        { op: 'set', key: 'phase', value: 'tabling' },
        { op: 'splice', key: 'chat', from: 1, items: [{ seq: 2 }] },
      ],
    });
    expect(r.kind === 'view' && r.view).toMatchObject({ phase: 'tabling', chat: [{ seq: 1 }, { seq: 2 }] });
    expect(sync.patch({ from: 7, to: 8, ops: [] })).toEqual({ kind: 'resync' });
    expect(sync.patch({ from: 3, to: 4, ops: [] })).toEqual({ kind: 'stale' });
    expect(sync.current()?.phase).toBe('tabling');
  });
});

describe('join codes', () => {
  it('accepts what people type and shows it in two groups', () => {
    expect(normaliseCode(' k7q-x2m ')).toBe('K7QX2M');
    expect(isValidCode('k7q x2m')).toBe(true);
    expect(isValidCode('K7QX20')).toBe(false); // 0 is a look-alike the server never issues
    expect(displayCode('k7qx2m')).toBe('K7Q X2M');
    expect(joinUrl('https://class.example.org/', 'k7q x2m')).toBe('https://class.example.org/?join=K7QX2M');
    expect(codeFromLocation('?join=k7q-x2m')).toBe('K7QX2M');
    expect(codeFromLocation('?join=<script>')).toBeNull();
  });
});

describe('HTTP API', () => {
  function fakeFetch(reply: (url: string, init?: RequestInit) => Response) {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetcher = async (url: string, init?: RequestInit) => {
      calls.push({ url, ...(init ? { init } : {}) });
      return reply(url, init);
    };
    return { calls, fetcher };
  }

  it('creates a session with a JSON POST and reads the answer', async () => {
    const { calls, fetcher } = fakeFetch(() =>
      Response.json({ code: 'K7QX2M', facilitatorKey: 'f'.repeat(20), roomId: 'r' }, { status: 201 }),
    );
    const api = createApi('http://host', fetcher);
    const created = await api.createSession({
      scenario: 'ukraine-2026',
      seats: { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' },
    });
    expect(created.code).toBe('K7QX2M');
    expect(calls[0]?.url).toBe('http://host/api/sessions');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toMatchObject({
      scenario: 'ukraine-2026',
      seats: { russia: 'bot' },
    });
  });

  it('passes the server’s error sentence on, and sends the facilitator key as a header', async () => {
    const { calls, fetcher } = fakeFetch((url) =>
      url.includes('transcript')
        ? new Response('a,b\n', { status: 200 })
        : Response.json({ error: 'seats.russia: invalid' }, { status: 400 }),
    );
    const api = createApi('', fetcher);
    await expect(api.createSession({ scenario: 'x', seats: {} as never })).rejects.toEqual(
      new ApiError(400, 'seats.russia: invalid'),
    );
    const refusal = fakeFetch(() =>
      Response.json({ error: 'seats.us: no computer players', reason: 'noBots' }, { status: 400 }),
    );
    await expect(createApi('', refusal.fetcher).createSession({ scenario: 'x', seats: {} as never })).rejects.toEqual(
      new ApiError(400, 'seats.us: no computer players', { reason: 'noBots' }),
    );
    const blob = await api.transcript('K7QX2M', 'csv', 'secret-key-123456');
    expect(await blob.text()).toBe('a,b\n');
    expect(calls[1]?.url).toBe('/api/sessions/K7QX2M/transcript?format=csv');
    expect(new Headers(calls[1]?.init?.headers).get('x-facilitator-key')).toBe('secret-key-123456');
  });

  it('fetches only map files, never anything else under content/', async () => {
    const { calls, fetcher } = fakeFetch(() => Response.json({ type: 'FeatureCollection', features: [] }));
    const api = createApi('', fetcher);
    await api.mapFile('map/cities.json');
    expect(calls[0]?.url).toBe('/content/map/cities.json');
    await expect(api.mapFile('scenarios/ukraine-2026/delegations/russia.yaml')).rejects.toThrow(/not a map file/);
    await expect(api.mapFile('map/../scenarios/x.yaml')).rejects.toThrow(/not a map file/);
    expect(httpBase('wss://game.example.org/')).toBe('https://game.example.org');
  });
});

describe('status line', () => {
  it('words every connection state in both languages', () => {
    expect(statusText({ kind: 'connected', rejoined: true }, en)).toBe(
      'Connection restored: you are back in your seat.',
    );
    expect(statusText({ kind: 'reconnecting', attempt: 2, retryInSeconds: 4 }, en)).toBe(
      'Connection lost. Trying to rejoin your seat in 4 s (attempt 2)…',
    );
    expect(statusText({ kind: 'error', reason: 'unreachable' }, uk)).toBe('Не вдалося з’єднатися: сервер недоступний');
    expect(statusText({ kind: 'closed', reason: 'Removed by the facilitator' }, en)).toBe(
      'You have left the session: Removed by the facilitator',
    );
    expect(statusText({ kind: 'idle' }, en)).toBe('');
  });

  it('words refused joins and removals in the chosen language', () => {
    const refused = {
      kind: 'error' as const,
      reason: 'That seat key is not valid for session K7QX2M.',
      refusal: { reason: 'seatKeyInvalid', params: { code: 'K7QX2M' } },
    };
    expect(statusText(refused, uk)).toBe(
      'Не вдалося з’єднатися: ваше місце в сесії K7Q X2M більше не дійсне (можливо, ведучий вилучив вас)',
    );
    // A reason this client does not know: the server's English sentence.
    expect(statusText({ ...refused, refusal: { reason: 'fromTheFuture' } }, uk)).toBe(
      'Не вдалося з’єднатися: That seat key is not valid for session K7QX2M.',
    );
    const notice = { code: 'kicked' as const, message: 'The facilitator removed you from this session.' };
    expect(statusText({ kind: 'closed', reason: notice.message, notice }, uk)).toBe(
      'Ви вийшли із сесії: Ведучий вилучив вас із цієї сесії.',
    );
  });
});
