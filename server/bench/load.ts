/**
 * The benchmark's load: N sessions × M real @colyseus/sdk clients over loopback websockets, each
 * delegate sending an action every `interval` ms (±50%), and the time from sending an action to
 * seeing its effect. In the negotiation room the actions are a table's mix (actionMix.ts: chat,
 * levers, readiness, drafts, answers, signatures), chosen from the delegate's own view, and the
 * effect is the sender's own transcript line arriving in its view patch (or the error, for an
 * action the engine refused). In the bare room the action is a chat line and the effect its relay.
 */
import { Client, type Room } from '@colyseus/sdk';
import type { TranscriptEntry } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import {
  type ErrorPayload,
  NEGOTIATION_ROOM,
  PROTOCOL_VERSION,
  SERVER_MESSAGE,
  type ViewPatchPayload,
  type ViewPayload,
} from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import { applyViewPatch } from '@peace-table/shared/viewPatch';
import { type MixPlan, nextAction, sentence } from './actionMix.ts';

export interface LoadOptions {
  wsUrl: string;
  httpUrl: string;
  sessions: number;
  clients: number;
  interval: number;
  scenario: string;
  /** The negotiation room's drafts and levers (actionMix.ts). */
  plan: MixPlan;
  /** Where this driver's sessions start (several drivers share the bare room's group names). */
  offset?: number;
}

export class Recorder {
  latencies: number[] = [];
  received = 0;
  sent = 0;
  /** Actions by type that took effect, and that the engine refused. */
  accepted: Record<string, number> = {};
  refused: Record<string, number> = {};
  recording = false;

  reset() {
    this.latencies = [];
    this.received = 0;
    this.sent = 0;
    this.accepted = {};
    this.refused = {};
  }

  settled(type: string, sentAt: number, accepted: boolean) {
    if (!this.recording) return;
    this.latencies.push(performance.now() - sentAt);
    const counts = accepted ? this.accepted : this.refused;
    counts[type] = (counts[type] ?? 0) + 1;
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function pool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i] as T, i);
    }
  });
  await Promise.all(runners);
}

/** A sender: one action every interval ±50%, until stopped. */
function every(interval: number, send: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  let active = true;
  const loop = () => {
    timer = setTimeout(
      () => {
        if (!active) return;
        send();
        loop();
      },
      interval * (0.5 + Math.random()),
    );
  };
  loop();
  return () => {
    active = false;
    clearTimeout(timer);
  };
}

export interface Load {
  rooms: Room[];
  start(): void;
  stop(): void;
  leave(): Promise<void>;
}

/** Start and stop a set of senders; every start begins with nothing in flight. */
function senders(each: () => Array<{ reset(): void; send(): void }>, interval: number) {
  let stops: (() => void)[] = [];
  return {
    start() {
      for (const s of each()) {
        s.reset();
        stops.push(every(interval, s.send));
      }
    },
    stop() {
      for (const stop of stops) stop();
      stops = [];
    },
  };
}

export async function bareLoad(o: LoadOptions, rec: Recorder): Promise<Load> {
  const rooms: Room[] = [];
  const chatters: { room: Room; pending: Map<string, number> }[] = [];
  await pool([...Array(o.sessions).keys()], 20, async (s) => {
    for (let c = 0; c < o.clients; c++) {
      const room = await new Client(o.wsUrl).joinOrCreate('bare', { group: String((o.offset ?? 0) + s) });
      const pending = new Map<string, number>();
      room.onMessage('chat', (payload: { from: string; text: string }) => {
        rec.received++;
        if (payload.from !== room.sessionId) return;
        const sentAt = pending.get(payload.text);
        if (sentAt !== undefined) rec.settled('chat', sentAt, true);
        pending.delete(payload.text);
      });
      room.onStateChange(() => rec.received++);
      rooms.push(room);
      if (c < 4) chatters.push({ room, pending });
    }
  });
  let nonce = 0;
  const load = senders(
    () =>
      chatters.map(({ room, pending }) => ({
        reset: () => pending.clear(),
        send: () => {
          const text = `${++nonce} ${sentence(nonce)}`;
          pending.set(text, performance.now());
          if (rec.recording) rec.sent++;
          room.send('chat', { text });
        },
      })),
    o.interval,
  );
  return { rooms, ...load, leave: async () => void (await Promise.all(rooms.map((r) => r.leave()))) };
}

async function createSession(o: LoadOptions): Promise<{ code: string; facilitatorKey: string }> {
  const seats = { ukraine: 'human', russia: 'human', us: 'human', europe: 'human' };
  const res = await fetch(`${o.httpUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: o.scenario, seats, options: { teamSize: 3 } }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { code: string; facilitatorKey: string };
}

function untilPhase(room: Room, phase: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${phase} in 60 s`)), 60_000);
    const check = () => {
      if ((room.state as { phase?: string }).phase === phase) {
        clearTimeout(timer);
        resolve();
        return true;
      }
      return false;
    };
    if (!check()) room.onStateChange(() => void check());
  });
}

/** A delegate's client: the view it keeps from its messages, and its actions waiting for their effect. */
class Delegate {
  view: SeatView | undefined;
  /** The last transcript line this delegate has seen: only later lines can be an action's effect. */
  private seenSeq = 0;
  private pending: { type: string; at: number }[] = [];

  readonly room: Room;
  readonly d: DelegationId;
  private readonly rec: Recorder;

  constructor(room: Room, d: DelegationId, rec: Recorder) {
    this.room = room;
    this.d = d;
    this.rec = rec;
    room.onMessage('*', (type, payload) => this.receive(String(type), payload));
  }

  private receive(type: string, payload: unknown) {
    this.rec.received++;
    if (type === SERVER_MESSAGE.view) this.view = (payload as ViewPayload).view;
    else if (type === SERVER_MESSAGE.viewPatch && this.view) {
      const { ops } = payload as ViewPatchPayload;
      this.view = applyViewPatch(this.view, ops);
      for (const op of ops) {
        if (op.op !== 'splice' || op.key !== 'transcript') continue;
        for (const entry of op.items as TranscriptEntry[]) {
          if (entry.seq <= this.seenSeq) continue;
          this.seenSeq = entry.seq;
          if (entry.actor === this.d) this.settle(entry.kind, true);
        }
      }
    } else if (type === SERVER_MESSAGE.error) this.settle((payload as ErrorPayload).ref ?? '', false);
  }

  private settle(type: string, accepted: boolean) {
    const i = this.pending.findIndex((p) => p.type === type);
    if (i < 0) return;
    const [p] = this.pending.splice(i, 1);
    if (p) this.rec.settled(type, p.at, accepted);
  }

  reset() {
    this.pending = [];
  }

  act(plan: MixPlan, nonce: number) {
    if (!this.view) return;
    const { type, payload } = nextAction(this.view, this.d, plan, nonce);
    this.pending.push({ type, at: performance.now() });
    if (this.rec.recording) this.rec.sent++;
    (this.room as unknown as { send(type: string, payload: unknown): void }).send(type, payload);
  }
}

export async function negotiationLoad(o: LoadOptions, rec: Recorder): Promise<Load> {
  const rooms: Room[] = [];
  const tables: { delegates: Delegate[]; facilitator: Room | undefined }[] = [];
  await pool([...Array(o.sessions).keys()], 10, async () => {
    const session = await createSession(o);
    const delegates: Delegate[] = [];
    let facilitator: Room | undefined;
    for (let c = 0; c < o.clients; c++) {
      const d = DELEGATION_IDS[c];
      const options =
        d !== undefined
          ? { role: 'delegate', delegation: d, name: `Student ${c + 1}` }
          : c === 4
            ? { role: 'facilitator', facilitatorKey: session.facilitatorKey }
            : { role: 'spectator' };
      const room = await new Client(o.wsUrl).join(NEGOTIATION_ROOM, {
        protocol: PROTOCOL_VERSION,
        code: session.code,
        ...options,
      });
      room.onStateChange(() => rec.received++);
      rooms.push(room);
      if (d !== undefined) delegates.push(new Delegate(room, d, rec));
      else {
        room.onMessage('*', () => rec.received++);
        if (c === 4) facilitator = room;
      }
    }
    tables.push({ delegates, facilitator });
  });
  // Every session to the talks (lobby, briefing, opening statements), with the most rounds allowed.
  await pool(tables, 50, async ({ delegates, facilitator }) => {
    const first = delegates[0]?.room as Room;
    for (const [type, phase] of [
      ['seat.ready', 'briefing'],
      ['seat.ready', 'opening'],
      ['statement.make', 'talks'],
    ] as const) {
      const reached = untilPhase(first, phase);
      for (const { room, d } of delegates)
        room.send(type, type === 'statement.make' ? { text: `${d}: ${sentence(3)}` } : {});
      await reached;
    }
    facilitator?.send('facilitator.extend', { rounds: 12 });
  });
  let nonce = 0;
  const load = senders(
    () =>
      tables.flatMap(({ delegates }) =>
        delegates.map((delegate) => ({ reset: () => delegate.reset(), send: () => delegate.act(o.plan, ++nonce) })),
      ),
    o.interval,
  );
  return { rooms, ...load, leave: async () => void (await Promise.all(rooms.map((r) => r.leave()))) };
}
