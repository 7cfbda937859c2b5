/**
 * The all-bot outcome distribution reflects the seeds' assessment of 2026 (000_dc4659ee7f7471a7.txt,
 * "Scenarios and Timelines"): prolonged stalemate the most probable; a Russian breakthrough a real
 * risk; a fragile ceasefire possible; collapse with escalated Western support unlikely; a
 * comprehensive settlement almost never. A seeded run (the CLI's 2,000-game figures are in the
 * issue note); this test uses 240 games to stay quick.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine } from '../../shared/src/engine/game.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { playGame, summarise } from '../../shared/src/sim/simulate.ts';

describe('all-bot outcome distribution (240 seeded games, standard bots)', () => {
  it('orders the outcomes as the seeds do', { timeout: 300_000 }, async () => {
    const scenario = await loadScenarioById('ukraine-2026');
    const engine = createEngine(scenario);
    const pub = publicScenario(scenario);
    const records = Array.from(
      { length: 240 },
      (_, i) => playGame(engine, { seed: i + 1, level: 'standard' }, pub).record,
    );
    const share = Object.fromEntries(summarise(pub, records).outcomes.map((o) => [o.id, o.share]));
    const stalemate = share['prolonged-stalemate'] ?? 0;
    for (const [id, s] of Object.entries(share)) if (id !== 'prolonged-stalemate') expect(stalemate).toBeGreaterThan(s);
    expect(share['russian-breakthrough']).toBeGreaterThan(0.05);
    expect(share['fragile-ceasefire']).toBeGreaterThan(0.02);
    expect(share['collapsed-escalation']).toBeLessThan(share['fragile-ceasefire'] ?? 0);
    expect(share['comprehensive-settlement']).toBeLessThanOrEqual(0.01);
    expect(records.every((r) => r.refused === 0)).toBe(true);
  });
});
