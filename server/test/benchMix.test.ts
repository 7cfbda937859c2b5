/**
 * The server benchmark's action mix (bench/actionMix.ts), played straight through the engine on
 * the real scenario: chosen from each delegate's own view, most actions are accepted, drafts are
 * tabled, answered and signed, and the game runs round after round without ending, so the
 * benchmark measures a table at work and not a stalled or finished one.
 */
import { createEngine } from '@peace-table/shared/engine/game';
import type { EngineEvent } from '@peace-table/shared/engine/types';
import { viewFor } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { describe, expect, it } from 'vitest';
import { mixPlan, nextAction } from '../bench/actionMix.ts';
import { loadScenarioById } from '../src/content/loadScenario.ts';

describe('the server benchmark’s action mix', () => {
  it('keeps a real game moving: drafts tabled, answered and signed, few refusals, no ending', async () => {
    const scenario = await loadScenarioById('ukraine-2026');
    const engine = createEngine(scenario);
    const plan = mixPlan(scenario);
    expect(plan.drafts.length).toBeGreaterThan(10);
    let snapshot = engine.start({ seed: 5, now: 0, options: { maxRounds: 24 } });
    let at = 0;
    const step = (event: object) => {
      at += 1000;
      const result = engine.step(snapshot, { ...event, at } as EngineEvent);
      if (result.ok) snapshot = result.snapshot;
      return result.ok;
    };
    for (const d of DELEGATION_IDS) step({ type: 'seat.ready', actor: d });
    for (const d of DELEGATION_IDS) step({ type: 'seat.ready', actor: d });
    for (const d of DELEGATION_IDS) step({ type: 'statement.make', actor: d, text: `${d} opens` });
    step({ type: 'facilitator.extend', actor: 'facilitator', rounds: 12 });
    expect(snapshot.context.phase).toBe('talks');
    const counts: Record<string, { accepted: number; refused: number }> = {};
    let state = 1;
    const random = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    // 4 delegates × 60 actions: about the benchmark's minute per session at one action each 5 s.
    for (let i = 0; i < 240; i += 1) {
      const d = DELEGATION_IDS[i % 4] as (typeof DELEGATION_IDS)[number];
      const { type, payload } = nextAction(viewFor(scenario, snapshot.context, d), d, plan, i, random);
      const ok = step({ ...payload, type, actor: d });
      const c = counts[type] ?? { accepted: 0, refused: 0 };
      counts[type] = ok ? { ...c, accepted: c.accepted + 1 } : { ...c, refused: c.refused + 1 };
    }
    const total = Object.values(counts).reduce((n, c) => n + c.accepted + c.refused, 0);
    const refused = Object.values(counts).reduce((n, c) => n + c.refused, 0);
    expect(refused / total).toBeLessThan(0.1);
    for (const type of ['chat.post', 'seat.ready', 'lever.use', 'proposal.table', 'proposal.respond']) {
      expect(counts[type]?.accepted ?? 0, type).toBeGreaterThan(0);
    }
    expect(snapshot.context.phase).not.toBe('concluded');
    expect(snapshot.context.round).toBeGreaterThan(2);
  });
});
