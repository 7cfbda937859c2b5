/**
 * The connection and the controller against a fake @colyseus/sdk: what a refused join, a server
 * notice, a removal and a message typed offline become in the app's state, the status line and the
 * seats this browser remembers.
 */
import type { NoticePayload } from '@peace-table/shared/protocol';
import { joinRefusalMessage, refusalDetail } from '@peace-table/shared/refusals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../src/app/controller.ts';
import { CATALOGS } from '../src/i18n/allCatalogs.ts';
import { createTranslator, type Locale } from '../src/i18n/i18n.ts';
import { intent } from '../src/model/actions.ts';
import type { Api } from '../src/net/api.ts';
import { createSeatStore } from '../src/net/seatStore.ts';
import { JoinError, joinFailure, openSession, type SessionHandlers } from '../src/net/session.ts';
import { statusText } from '../src/net/status.ts';

const sdk = vi.hoisted(() => {
  type Callback = (...args: never[]) => void;
  /** A joined room: records what the client sends, and lets a test play the server's part. */
  class FakeRoom {
    readonly sent: [string, unknown][] = [];
    readonly listeners = new Map<string, Callback>();
    send(type: string, payload: unknown) {
      this.sent.push([type, payload]);
    }
    onMessage(type: string, cb: Callback) {
      this.listeners.set(`message:${type}`, cb);
    }
    onStateChange(cb: Callback) {
      this.listeners.set('state', cb);
    }
    onDrop(cb: Callback) {
      this.listeners.set('drop', cb);
    }
    onReconnect(cb: Callback) {
      this.listeners.set('reconnect', cb);
    }
    onLeave(cb: Callback) {
      this.listeners.set('leave', cb);
    }
    leave() {
      return Promise.resolve();
    }
    /** The server sends a message. */
    receive(type: string, payload: unknown) {
      (this.listeners.get(`message:${type}`) as ((p: unknown) => void) | undefined)?.(payload);
    }
    fire(event: 'drop' | 'reconnect' | 'leave', ...args: unknown[]) {
      (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
    }
  }
  const state = {
    /** What the next joins answer: a room, or the error the SDK rejects with. */
    next: [] as (FakeRoom | Error)[],
    rooms: [] as FakeRoom[],
    joins: [] as unknown[],
  };
  class FakeClient {
    async join(_name: string, options: unknown) {
      state.joins.push(options);
      const next = state.next.shift() ?? new FakeRoom();
      if (next instanceof Error) throw next;
      state.rooms.push(next);
      return next;
    }
  }
  return { FakeRoom, FakeClient, state };
});

vi.mock('@colyseus/sdk', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@colyseus/sdk')>()),
  Client: sdk.FakeClient,
}));

/** The SDK's rejection of a join the server refused: only a code and the text. */
function refused(message: string, detail: Parameters<typeof joinRefusalMessage>[1]) {
  return Object.assign(new Error(joinRefusalMessage(message, detail)), { name: 'MatchMakeError', code: 525 });
}

const CODE = 'K7QX2M';
const UKRAINE = { en: 'Ukraine', uk: 'Україна' };

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function setup(locale: Locale = 'en') {
  const seats = createSeatStore(memoryStorage(), memoryStorage());
  const controller = createController({ api: {} as Api, seats, wsUrl: 'ws://test', locale, storage: null });
  const seat = seats.save({
    code: CODE,
    role: 'delegate',
    delegation: 'ukraine',
    name: 'Ivan',
    seatKey: 'k'.repeat(20),
  });
  seats.setCurrent(CODE);
  const status = () => statusText(controller.store.get().status, createTranslator(locale, CATALOGS));
  return { seats, controller, seat, status };
}

beforeEach(() => {
  sdk.state.next = [];
  sdk.state.rooms = [];
  sdk.state.joins = [];
});
afterEach(() => vi.useRealTimers());

describe('a refused join', () => {
  it('keeps the server’s English sentence and its reason apart', () => {
    const error = refused(
      'The UKRAINE delegation is full (3 people).',
      refusalDetail('teamFull', { delegation: UKRAINE, size: 3 }),
    );
    expect(joinFailure(error)).toEqual({
      message: 'The UKRAINE delegation is full (3 people).',
      reason: 'teamFull',
      params: { delegation: UKRAINE, size: 3 },
    });
    // An older server, Colyseus' own errors, and no server at all.
    expect(joinFailure(new Error('seat reservation expired.'))).toEqual({ message: 'seat reservation expired.' });
    expect(joinFailure(new TypeError('Failed to fetch'))).toEqual({ message: 'unreachable' });
  });

  it('is worded in the chosen language on the status line and rejects with a JoinError', async () => {
    const { controller, status } = setup('uk');
    sdk.state.next.push(
      refused(`No session with code ${CODE} is running.`, refusalDetail('noSession', { code: CODE })),
    );
    const joining = controller.join({ code: 'k7q x2m', delegation: 'ukraine', name: 'Olena' });
    await expect(joining).rejects.toBeInstanceOf(JoinError);
    await expect(joining).rejects.toMatchObject({
      reason: 'noSession',
      message: `No session with code ${CODE} is running.`,
    });
    expect(controller.store.get().seat).toBeNull();
    expect(status()).toBe('Не вдалося з’єднатися: сесії з кодом K7Q X2M зараз немає; перевірте код у ведучого');
  });

  it('forgets a saved seat whose key the server no longer takes, and keeps one it may take again', async () => {
    const { controller, seats, seat, status } = setup();
    sdk.state.next.push(
      refused(`No session with code ${CODE} is running.`, refusalDetail('noSession', { code: CODE })),
    );
    await expect(controller.rejoin(seat)).rejects.toThrow();
    // The server may be restarting: the seat stays on offer.
    expect(seats.list().map((s) => s.code)).toEqual([CODE]);

    const removed = `That seat key is not valid for session ${CODE} (the facilitator may have removed it).`;
    sdk.state.next.push(refused(removed, refusalDetail('seatKeyInvalid', { code: CODE })));
    await expect(controller.rejoin(seat)).rejects.toThrow(removed);
    expect(seats.list()).toEqual([]);
    expect(seats.current()).toBeNull();
    expect(status()).toBe(
      'Could not connect: your seat in session K7Q X2M is no longer valid (the facilitator may have removed you)',
    );
  });
});

describe('server notices', () => {
  const moved: NoticePayload = {
    code: 'seat.moved',
    message: 'The facilitator moved you to Ukraine.',
    params: { delegation: UKRAINE },
  };

  it('become notifications in the chosen language', async () => {
    const { controller, seat } = setup('uk');
    await controller.rejoin(seat);
    const room = sdk.state.rooms[0];
    room?.receive('notice', moved);
    room?.receive('notice', {
      code: 'seat.bot',
      message: 'The computer now plays Ukraine.',
      params: { delegation: UKRAINE },
    });
    room?.receive('notice', { code: 'seat.future', message: 'Something new happened.' });
    expect(controller.store.get().notices.map((n) => n.text.uk)).toEqual([
      'Ведучий перевів вас до делегації «Україна».',
      'Тепер за делегацію «Україна» грає комп’ютер.',
      'Something new happened.',
    ]);
    // Each notice carries its English wording too: a switch of language rewords the toasts on screen.
    expect(controller.store.get().notices.map((n) => n.text.en)).toEqual([
      'The facilitator moved you to Ukraine.',
      'The computer now plays Ukraine.',
      'Something new happened.',
    ]);
  });

  it('on removal, close the session for this tab and forget its seat', async () => {
    const { controller, seats, seat, status } = setup();
    await controller.rejoin(seat);
    expect(seats.list()).toHaveLength(1);
    sdk.state.rooms[0]?.receive('notice', {
      code: 'kicked',
      message: 'The facilitator removed you from this session.',
    });
    expect(controller.store.get().status.kind).toBe('closed');
    expect(status()).toBe('You have left the session: The facilitator removed you from this session.');
    // A reload does not try the dead key, and Home does not offer it.
    expect(seats.current()).toBeNull();
    expect(seats.list()).toEqual([]);
    // The game stays on screen (read-only) until the player leaves.
    expect(controller.store.get().seat?.code).toBe(CODE);
  });

  it('keep the seat when another window took it over: the key still works there', async () => {
    const { controller, seats, seat } = setup('uk');
    await controller.rejoin(seat);
    sdk.state.rooms[0]?.receive('notice', {
      code: 'seat.replaced',
      message: 'Your seat was opened in another window.',
    });
    expect(statusText(controller.store.get().status, createTranslator('uk', CATALOGS))).toBe(
      'Ви вийшли із сесії: Ваше місце відкрито в іншому вікні.',
    );
    expect(seats.list()).toHaveLength(1);
  });
});

describe('getting back in after a drop', () => {
  it('stops at once when the server says the seat is gone, and forgets it', async () => {
    vi.useFakeTimers();
    const { controller, seats, seat } = setup();
    await controller.rejoin(seat);
    sdk.state.rooms[0]?.fire('leave', 4003); // the server restarted: rejoin with the seat key
    sdk.state.next.push(refused('That seat key is not valid.', refusalDetail('seatKeyInvalid', { code: CODE })));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sdk.state.joins).toHaveLength(2);
    expect(controller.store.get().status).toMatchObject({ kind: 'closed', refusal: { reason: 'seatKeyInvalid' } });
    expect(seats.list()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sdk.state.joins).toHaveLength(2); // no more tries
  });
});

describe('too many attempts from the network', () => {
  it('waits as long as the server says, then gets back in, however often it is told so', async () => {
    vi.useFakeTimers();
    const { controller, seat, status } = setup();
    await controller.rejoin(seat);
    sdk.state.rooms[0]?.fire('leave', 4003);
    const busy = () =>
      refused(
        'Too many attempts to join from your network. Try again in 7 s.',
        refusalDetail('tooManyAttempts', { seconds: 7 }),
      );
    sdk.state.next.push(busy(), busy(), busy(), busy());
    await vi.advanceTimersByTimeAsync(1000);
    expect(sdk.state.joins).toHaveLength(2);
    expect(status()).toMatch(/in 7 s/);
    await vi.advanceTimersByTimeAsync(6900);
    expect(sdk.state.joins).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100 + 2 * 7000);
    expect(sdk.state.joins).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(7000);
    expect(sdk.state.joins).toHaveLength(6);
    expect(controller.store.get().status).toMatchObject({ kind: 'connected', rejoined: true });
  });

  it('is worded with the wait in both languages when a first join is refused', async () => {
    const { controller } = setup('uk');
    sdk.state.next.push(
      refused(
        'Too many attempts to join from your network. Try again in 42 s.',
        refusalDetail('tooManyAttempts', { seconds: 42 }),
      ),
    );
    await expect(controller.join({ code: CODE, delegation: 'ukraine', name: 'Ivan' })).rejects.toThrow(JoinError);
    expect(statusText(controller.store.get().status, createTranslator('uk', CATALOGS))).toMatch(
      /спробуйте знову через 42 с/,
    );
  });
});

describe('leaving on purpose', () => {
  it('forgets a delegate’s seat during the talks (the server frees the place and its key), not after them', async () => {
    const { controller, seats, seat } = setup();
    await controller.rejoin(seat);
    controller.leave();
    expect(seats.list()).toEqual([]);
    const again = seats.save({ ...seat });
    await controller.rejoin(again);
    sdk.state.rooms[1]?.receive('view', { version: 0, view: { phase: 'concluded' } });
    controller.leave();
    expect(seats.list()).toHaveLength(1);
  });
});

describe('a chat line typed offline', () => {
  it('shows as waiting until the connection is back and it is sent', async () => {
    const { controller, seat } = setup();
    await controller.rejoin(seat);
    const room = sdk.state.rooms[0];
    room?.fire('drop');
    controller.send(intent('chat.post', { channel: 'plenary', text: 'Written while offline.' }));
    controller.send(intent('seat.ready', {}));
    expect(controller.store.get().unsent).toEqual([{ channel: 'plenary', text: 'Written while offline.' }]);
    expect(room?.sent.map(([type]) => type)).toEqual([]);
    room?.fire('reconnect');
    expect(room?.sent.map(([type]) => type)).toEqual(['view.sync', 'chat.post', 'seat.ready']);
    expect(controller.store.get().unsent).toEqual([]);
  });

  it('waits for a rejoin with the seat key too, and reports each change of the queue', async () => {
    vi.useFakeTimers();
    const waiting: unknown[][] = [];
    const handlers: SessionHandlers = {
      onStatus: () => undefined,
      onRoom: () => undefined,
      onView: () => undefined,
      onSeatKey: () => undefined,
      onError: () => undefined,
      onNotice: () => undefined,
      onBotReason: () => undefined,
      onTyping: () => undefined,
      onClosed: () => undefined,
      onWaiting: (messages) => waiting.push(messages.map((m) => m.type)),
    };
    const session = await openSession('ws://test', { protocol: 2, code: CODE, role: 'spectator' }, handlers);
    sdk.state.rooms[0]?.fire('leave', 1006);
    session.send('chat.post', { channel: 'plenary', text: 'one' });
    session.send('chat.post', { channel: 'plenary', text: 'two' });
    expect(waiting).toEqual([['chat.post'], ['chat.post', 'chat.post']]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sdk.state.rooms[1]?.sent).toEqual([
      ['chat.post', { channel: 'plenary', text: 'one' }],
      ['chat.post', { channel: 'plenary', text: 'two' }],
    ]);
    expect(waiting.at(-1)).toEqual([]);
  });
});
