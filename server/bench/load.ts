/**
 * The benchmark's load: N sessions × M real @colyseus/sdk clients over loopback websockets, each
 * delegate sending an action every `interval` ms (±50%), and the time from sending an action to
 * seeing its effect. For the negotiation room the effect is the sender's own `view.patch` carrying
 * its chat line; for the bare room, the relayed message coming back.
 */
import { Client, type Room } from '@colyseus/sdk';
import {
  NEGOTIATION_ROOM,
  PROTOCOL_VERSION,
  SERVER_MESSAGE,
  type ViewPatchPayload,
} from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';

export interface LoadOptions {
  wsUrl: string;
  httpUrl: string;
  sessions: number;
  clients: number;
  interval: number;
  scenario: string;
  /** Where this driver's sessions start (several drivers share the bare room's group names). */
  offset?: number;
}

export class Recorder {
  latencies: number[] = [];
  received = 0;
  sent = 0;
  recording = false;

  reset() {
    this.latencies = [];
    this.received = 0;
    this.sent = 0;
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

const WORDS =
  'ceasefire guarantees sanctions line of contact prisoners exchange monitoring reconstruction security'.split(' ');
function sentence(seed: number): string {
  const n = 12 + (seed % 20);
  return Array.from({ length: n }, (_, i) => WORDS[(seed + i * 7) % WORDS.length]).join(' ');
}

/** A sender: one action every interval ±50%, while `active`. */
function every(interval: number, active: () => boolean, send: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const loop = () => {
    timer = setTimeout(
      () => {
        if (!active()) return;
        send();
        loop();
      },
      interval * (0.5 + Math.random()),
    );
  };
  loop();
  return () => clearTimeout(timer);
}

export interface Load {
  rooms: Room[];
  start(): void;
  stop(): void;
  leave(): Promise<void>;
}

export async function bareLoad(o: LoadOptions, rec: Recorder): Promise<Load> {
  const rooms: Room[] = [];
  const senders: { room: Room; pending: Map<string, number> }[] = [];
  await pool([...Array(o.sessions).keys()], 20, async (s) => {
    for (let c = 0; c < o.clients; c++) {
      const room = await new Client(o.wsUrl).joinOrCreate('bare', { group: String((o.offset ?? 0) + s) });
      const pending = new Map<string, number>();
      room.onMessage('chat', (payload: { from: string; text: string }) => {
        rec.received++;
        if (payload.from !== room.sessionId) return;
        const sentAt = pending.get(payload.text);
        if (sentAt !== undefined && rec.recording) rec.latencies.push(performance.now() - sentAt);
        pending.delete(payload.text);
      });
      room.onStateChange(() => rec.received++);
      rooms.push(room);
      if (c < 4) senders.push({ room, pending });
    }
  });
  let active = false;
  const stops: (() => void)[] = [];
  let nonce = 0;
  return {
    rooms,
    start() {
      active = true;
      for (const { room, pending } of senders) {
        stops.push(
          every(
            o.interval,
            () => active,
            () => {
              const text = `${++nonce} ${sentence(nonce)}`;
              pending.set(text, performance.now());
              rec.sent++;
              room.send('chat', { text });
            },
          ),
        );
      }
    },
    stop() {
      active = false;
      for (const stop of stops) stop();
    },
    leave: async () => {
      await Promise.all(rooms.map((r) => r.leave()));
    },
  };
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

export async function negotiationLoad(o: LoadOptions, rec: Recorder): Promise<Load> {
  const rooms: Room[] = [];
  const tables: { delegates: { room: Room; d: DelegationId; pending: Map<string, number> }[] }[] = [];
  await pool([...Array(o.sessions).keys()], 10, async () => {
    const session = await createSession(o);
    const delegates: { room: Room; d: DelegationId; pending: Map<string, number> }[] = [];
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
      const pending = new Map<string, number>();
      room.onMessage('*', (type, payload) => {
        rec.received++;
        if (type !== SERVER_MESSAGE.viewPatch || pending.size === 0) return;
        for (const op of (payload as ViewPatchPayload).ops) {
          if (op.op !== 'splice' || op.key !== 'chat') continue;
          for (const item of op.items as { from: string; text: string }[]) {
            const sentAt = item.from === d ? pending.get(item.text) : undefined;
            if (sentAt === undefined) continue;
            if (rec.recording) rec.latencies.push(performance.now() - sentAt);
            pending.delete(item.text);
          }
        }
      });
      room.onStateChange(() => rec.received++);
      rooms.push(room);
      if (d !== undefined) delegates.push({ room, d, pending });
    }
    tables.push({ delegates });
  });
  // Every session to the talks: lobby, briefing, opening statements.
  await pool(tables, 50, async ({ delegates }) => {
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
  });
  let active = false;
  const stops: (() => void)[] = [];
  let nonce = 0;
  return {
    rooms,
    start() {
      active = true;
      for (const { delegates } of tables) {
        for (const { room, d, pending } of delegates) {
          const others = DELEGATION_IDS.filter((x) => x !== d);
          stops.push(
            every(
              o.interval,
              () => active,
              () => {
                const text = `${++nonce} ${sentence(nonce)}`;
                const roll = Math.random();
                const peer = others[nonce % others.length] as DelegationId;
                const [a, b] = DELEGATION_IDS.indexOf(d) < DELEGATION_IDS.indexOf(peer) ? [d, peer] : [peer, d];
                const channel = roll < 0.6 ? 'plenary' : roll < 0.85 ? `delegation:${d}` : `bilateral:${a}+${b}`;
                pending.set(text, performance.now());
                rec.sent++;
                room.send('chat.post', { channel, text });
              },
            ),
          );
        }
      }
    },
    stop() {
      active = false;
      for (const stop of stops) stop();
    },
    leave: async () => {
      await Promise.all(rooms.map((r) => r.leave()));
    },
  };
}
