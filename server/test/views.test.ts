/**
 * The room's view publisher (views.ts) over random games that reach deep phases and the debrief:
 * after every accepted event, the patches each seat's clients receive rebuild exactly viewFor of
 * the whole context for that seat, including seats whose people leave and come back in between.
 */
import type { Client } from '@colyseus/core';
import { createEngine } from '@peace-table/shared/engine/game';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { type SeatView, type ViewerSeat, viewFor } from '@peace-table/shared/engine/view';
import { createViewCache } from '@peace-table/shared/engine/viewCache';
import { SERVER_MESSAGE, type ViewPatchPayload, type ViewPayload } from '@peace-table/shared/protocol';
import { applyViewPatch } from '@peace-table/shared/viewPatch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidedSequenceArb, materialise } from '../../shared/test/engine/arbitraries.ts';
import { ViewPublisher } from '../src/rooms/views.ts';
import { fixtureScenario } from './support/fixtures.ts';

const engine = createEngine(fixtureScenario);
const input = { seed: 11, now: 0 };
const VIEWERS: ViewerSeat[] = ['ukraine', 'russia', 'us', 'europe', 'facilitator', 'spectator'];

/**
 * A client that keeps the view its messages build, as the browser client does. Messages pass
 * through JSON, as over the wire: nothing a client holds may be the server's own object.
 */
class FakeClient {
  view: SeatView | undefined;
  version = -1;
  send(type: string, payload: unknown) {
    if (type === SERVER_MESSAGE.view) {
      const p = JSON.parse(JSON.stringify(payload)) as ViewPayload;
      this.view = p.view;
      this.version = p.version;
    } else if (type === SERVER_MESSAGE.viewPatch) {
      const p = payload as ViewPatchPayload;
      if (!this.view || p.from !== this.version) throw new Error(`patch ${p.from}→${p.to} on ${this.version}`);
      this.view = applyViewPatch(this.view, JSON.parse(JSON.stringify(p.ops)));
      this.version = p.to;
    }
  }
}

describe('the view publisher', () => {
  it('sends each seat patches that rebuild viewFor after every event, as seats come and go', () => {
    let concluded = 0;
    fc.assert(
      fc.property(guidedSequenceArb(fixtureScenario), fc.array(fc.nat(63), { minLength: 1 }), (items, present) => {
        const events = materialise(engine, input, items);
        let snapshot = engine.start(input);
        const publisher = new ViewPublisher(createViewCache(fixtureScenario).view, () => snapshot.context);
        let clients = new Map<ViewerSeat, FakeClient>();
        events.forEach((event, step) => {
          const result = engine.step(snapshot, event);
          if (!result.ok) return;
          snapshot = result.snapshot;
          // Bit i of the mask: seat i has a client connected now (a new one if it had none).
          const mask = present[step % present.length] as number;
          const now = new Map<ViewerSeat, FakeClient>();
          VIEWERS.forEach((viewer, i) => {
            if (!(mask & (1 << i))) return;
            let client = clients.get(viewer);
            if (!client) {
              client = new FakeClient();
              publisher.sendFull(client as unknown as Client, viewer);
            }
            now.set(viewer, client);
          });
          clients = now;
          publisher.publish(new Map([...clients].map(([v, c]) => [v, [c as unknown as Client]])));
          const ctx: NegotiationContext = snapshot.context;
          for (const [viewer, client] of clients) {
            expect(client.view).toStrictEqual(JSON.parse(JSON.stringify(viewFor(fixtureScenario, ctx, viewer))));
          }
        });
        if (snapshot.context.phase === 'concluded') concluded++;
      }),
      { numRuns: 60 },
    );
    // Not vacuous: some games reached the debrief, where every seat's view opens.
    expect(concluded).toBeGreaterThan(0);
  });
});
