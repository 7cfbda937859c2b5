/**
 * Test players: real @colyseus/sdk clients over real websockets that record everything they
 * receive: every raw frame (before the SDK decodes it), every message, every view. Tests wait on
 * what a player has seen ("until the phase is talks"), never on sleeps.
 */
import { Client, Room } from '@colyseus/sdk';
import type { SeatView } from '@peace-table/shared/engine/view';
import {
  type BotReasonPayload,
  type ClientMessageName,
  type ErrorPayload,
  type JoinOptionsPayload,
  NEGOTIATION_ROOM,
  type NoticePayload,
  PROTOCOL_VERSION,
  SERVER_MESSAGE,
  type SeatKeyPayload,
  type SessionStateSnapshot,
  type ViewPatchPayload,
  type ViewPayload,
} from '@peace-table/shared/protocol';
import { applyViewPatch } from '@peace-table/shared/viewPatch';

/** Every websocket frame each SDK room received, in order. */
const framesOf = new WeakMap<Room, Uint8Array[]>();
const proto = Room.prototype as unknown as { onMessageCallback(event: MessageEvent): void };
const original = proto.onMessageCallback;
proto.onMessageCallback = function (this: Room, event: MessageEvent) {
  let frames = framesOf.get(this);
  if (!frames) {
    frames = [];
    framesOf.set(this, frames);
  }
  frames.push(new Uint8Array(event.data as ArrayBuffer).slice());
  original.call(this, event);
};

/** Whether `text` (as UTF-8) occurs in any of `frames`. */
export function framesContain(frames: readonly Uint8Array[], text: string): boolean {
  const needle = Buffer.from(text);
  return frames.some((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).includes(needle));
}

/** Join options without the protocol version, which the helper adds (distributed over the roles). */
export type JoinAs = JoinOptionsPayload extends infer T ? (T extends unknown ? Omit<T, 'protocol'> : never) : never;

export class Player {
  readonly messages: { type: string; payload: unknown }[] = [];
  readonly errors: ErrorPayload[] = [];
  readonly notices: NoticePayload[] = [];
  readonly botReasons: BotReasonPayload[] = [];
  seatKey: SeatKeyPayload | undefined;
  view: SeatView | undefined;
  version = -1;
  /** Index of the frame that brought the concluded view (the debrief), if it came. */
  concludedAtFrame: number | undefined;
  leftWith: number | undefined;
  private readonly waiters = new Set<() => void>();

  readonly room: Room;
  readonly label: string;

  constructor(room: Room, label: string) {
    this.room = room;
    this.label = label;
    room.onMessage('*', (type, payload) => this.onMessage(String(type), payload));
    room.onStateChange(() => this.notify());
    room.onLeave((code) => {
      this.leftWith = code;
      this.notify();
    });
  }

  get frames(): Uint8Array[] {
    return framesOf.get(this.room) ?? [];
  }

  /** Whether any frame received so far (or up to frame `end`) carries `text`, decoded or not. */
  received(text: string, end?: number): boolean {
    return framesContain(this.frames.slice(0, end), text);
  }

  get state(): SessionStateSnapshot {
    return (this.room.state as { toJSON(): SessionStateSnapshot }).toJSON();
  }

  private onMessage(type: string, payload: unknown) {
    this.messages.push({ type, payload });
    if (type === SERVER_MESSAGE.view) {
      const p = payload as ViewPayload;
      this.view = p.view;
      this.version = p.version;
    } else if (type === SERVER_MESSAGE.viewPatch) {
      const p = payload as ViewPatchPayload;
      if (!this.view || p.from !== this.version)
        throw new Error(`${this.label}: patch ${p.from}→${p.to} on ${this.version}`);
      this.view = applyViewPatch(this.view, p.ops);
      this.version = p.to;
    } else if (type === SERVER_MESSAGE.error) this.errors.push(payload as ErrorPayload);
    else if (type === SERVER_MESSAGE.notice) this.notices.push(payload as NoticePayload);
    else if (type === SERVER_MESSAGE.botReason) this.botReasons.push(payload as BotReasonPayload);
    else if (type === SERVER_MESSAGE.seatKey) this.seatKey = payload as SeatKeyPayload;
    if (this.view?.phase === 'concluded' && this.concludedAtFrame === undefined) {
      this.concludedAtFrame = this.frames.length - 1;
    }
    this.notify();
  }

  private notify() {
    for (const wake of [...this.waiters]) wake();
  }

  send(type: ClientMessageName | string, payload: unknown = {}) {
    (this.room as unknown as { send(type: string, payload: unknown): void }).send(type, payload);
  }

  /** Resolves once `done()` holds for this player; fails with `what` after `ms`. */
  until(done: (p: Player) => boolean, what: string, ms = 5000): Promise<void> {
    if (done(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        let ok = false;
        try {
          ok = done(this);
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (ok) {
          finish();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${this.label}: timed out waiting for ${what} (phase ${this.view?.phase})`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  untilPhase(phase: string, ms?: number) {
    return this.until((p) => p.view?.phase === phase, `phase ${phase}`, ms);
  }

  /** Send and wait for the next error this player receives. */
  async expectError(type: string, payload: unknown = {}): Promise<ErrorPayload> {
    const before = this.errors.length;
    this.send(type, payload);
    await this.until((p) => p.errors.length > before, `an error for ${type}`);
    return this.errors[before] as ErrorPayload;
  }

  leave() {
    return this.room.leave(true);
  }
}

export function sdk(wsUrl: string): Client {
  return new Client(wsUrl);
}

/** Joins and waits for the first synced state and the first view, as a real client would before drawing. */
export async function joinAs(wsUrl: string, options: JoinAs, label: string = options.role): Promise<Player> {
  const room = await sdk(wsUrl).join(NEGOTIATION_ROOM, { protocol: PROTOCOL_VERSION, ...options });
  const player = new Player(room, label);
  await player.until((p) => p.view !== undefined && p.state.seats !== undefined, 'the first state and view');
  return player;
}

export interface CreatedSession {
  code: string;
  facilitatorKey: string;
  roomId: string;
}

export async function createSession(baseUrl: string, body: Record<string, unknown>): Promise<CreatedSession> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as CreatedSession & { error?: string };
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${json.error}`);
  return json;
}

export const ALL_HUMAN = { ukraine: 'human', russia: 'human', us: 'human', europe: 'human' } as const;
