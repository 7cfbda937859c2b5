/**
 * AI delegations: they act only through engine events from their own view, never cross a red
 * line, explain every action in both languages, and are deterministic for a seed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Whole all-bot games take a moment each on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { createBot } from '../../src/bots/decide.ts';
import { compilePublicRules, type PublicRules } from '../../src/bots/publicRules.ts';
import { BOT_LEVELS, type BotLevel } from '../../src/bots/types.ts';
import { createEngine, type Engine } from '../../src/engine/game.ts';
import type { EngineEvent } from '../../src/engine/types.ts';
import { viewFor } from '../../src/engine/view.ts';
import { checkPackage } from '../../src/scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type Scenario } from '../../src/scenario/schema.ts';
import { playGame } from '../../src/sim/simulate.ts';
import { playBotGame, seatBots } from '../support/botGame.ts';
import { atFirstTabling } from '../support/firstTalks.ts';

let scenario: Scenario;
let engine: Engine;
let pub: PublicScenario;
/** The public scenario compiled for the bots, once for every game of these tests. */
let rules: PublicRules;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
  engine = createEngine(scenario);
  pub = publicScenario(scenario);
  rules = compilePublicRules(pub);
});

describe('bots play complete games through the engine', () => {
  it('never cross a red line and never send an action the engine refuses (seeds × levels)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...BOT_LEVELS), (seed, level) => {
        const { snapshot, record } = playGame(engine, { seed, level: level as BotLevel }, pub);
        expect(record.refused).toBe(0);
        expect(snapshot.context.phase).toBe('concluded');
        for (const a of snapshot.context.agreements) {
          for (const d of a.signatories)
            expect(checkPackage(engine.rules, d, a.package, snapshot.context.world)).toEqual([]);
        }
        for (const p of snapshot.context.proposals) {
          for (const d of DELEGATION_IDS) {
            if (p.responses[d]?.response === 'accept') expect(checkPackage(engine.rules, d, p.package)).toEqual([]);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('are deterministic: the same seed gives the same game, another seed may not', () => {
    const a = playGame(engine, { seed: 42, level: 'standard' }, pub).snapshot.context.transcript;
    const b = playGame(engine, { seed: 42, level: 'standard' }, pub).snapshot.context.transcript;
    expect(b).toEqual(a);
    const others = [43, 44, 45].map((seed) => playGame(engine, { seed, level: 'standard' }, pub).snapshot.context);
    expect(others.some((c) => JSON.stringify(c.transcript) !== JSON.stringify(a))).toBe(true);
  });

  it('a bot made afresh mid-game (a server restart), or for every decision, decides as one that ran all along', () => {
    for (const [seed, level] of [
      [42, 'standard'],
      [7, 'expert'],
      [3, 'novice'],
    ] as const) {
      const { snapshot } = playGame(engine, { seed, level }, pub);
      const expected = JSON.stringify(snapshot.context.transcript);
      // A restart now and then (the host's steps, each asking every seat that may act)…
      const restarted = playBotGame(engine, rules, { seed, level, replace: (step) => step % 17 === 9 });
      expect(JSON.stringify(restarted.context.transcript)).toBe(expected);
      // …or a new bot for every step.
      const renewed = playBotGame(engine, rules, { seed, level, replace: () => true });
      expect(JSON.stringify(renewed.context.transcript)).toBe(expected);
    }
  });

  it('levels play differently', () => {
    const games = (level: BotLevel) =>
      [1, 2, 3].map((seed) => JSON.stringify(playGame(engine, { seed, level }, pub).snapshot.context.proposals));
    expect(games('novice')).not.toEqual(games('expert'));
  });
});

describe('bots see only their own view', () => {
  it('every decision is made from viewFor(state, itsSeat) and the public scenario', () => {
    const bots = seatBots(rules, 'expert', 9);
    let snapshot = engine.start({ seed: 9, now: 0 });
    let at = 0;
    let decisions = 0;
    for (let step = 0; step < 400 && snapshot.context.phase !== 'concluded'; step += 1) {
      for (const d of DELEGATION_IDS) {
        if (snapshot.context.phase === ('concluded' as string)) break; // the debrief opens every briefing
        const view = viewFor(scenario, snapshot.context, d);
        // What the bot gets: its own private content only, and a scenario without anyone's secrets.
        expect(Object.keys(view.private)).toEqual([d]);
        expect(JSON.stringify(pub)).not.toContain('"redLines"');
        const choice = bots[d].decide(view);
        if (!choice) continue;
        decisions += 1;
        at += 1000;
        const result = engine.step(snapshot, { ...choice.action, actor: d, at } as EngineEvent);
        if (result.ok) snapshot = result.snapshot;
      }
    }
    expect(decisions).toBeGreaterThan(30);
  });

  it('a bot cannot tell a delegation’s private numbers apart: changing another delegation’s secrets changes nothing it does', () => {
    const altered = structuredClone(scenario);
    altered.delegations.russia.preferences.utilities.nato = {
      'aspiration-kept': 1,
      deferred: 1,
      renounced: 1,
      'constitutional-ban': 1,
    };
    // Lobby, briefing, opening statements, talks: up to the first tabling.
    const view = (s: Scenario) => viewFor(s, atFirstTabling(s).snap.context, 'us');
    const before = createBot(rules, { delegation: 'us', level: 'expert', seed: 3 }).decide(view(scenario));
    const options = { delegation: 'us', level: 'expert', seed: 3 } as const;
    const after = createBot(compilePublicRules(publicScenario(altered)), options).decide(view(altered));
    expect(after).toEqual(before);
  });
});

describe('bots explain themselves', () => {
  it('an opening statement says what the delegation will hold out for, not its public position again', () => {
    const { snapshot } = playGame(engine, { seed: 3, level: 'standard' }, pub);
    for (const d of DELEGATION_IDS) {
      const said = snapshot.context.transcript.find((t) => t.event?.type === 'statement.make' && t.actor === d)?.event;
      expect(said?.type).toBe('statement.make');
      if (said?.type !== 'statement.make') continue;
      const { publicPosition, publicStance } = scenario.delegations[d];
      expect(said.text).not.toContain(publicPosition.text.en);
      // Its heaviest issue, by its own weights, with the option it asks for there (the one its
      // public stance demands, where the stance names one).
      const weights = scenario.delegations[d].preferences.weights;
      const top = Object.keys(weights).reduce((a, b) => ((weights[b] ?? 0) > (weights[a] ?? 0) ? b : a));
      const issue = scenario.agenda.issues.find((i) => i.id === top);
      expect(said.text).toContain(`«${issue?.title.en}»`);
      expect(said.uk).toContain(`«${issue?.title.uk}»`);
      const demanded = publicStance?.demands.find((c) => c.startsWith(`${top}.`));
      if (demanded) {
        const option = issue?.options.find((o) => `${top}.${o.id}` === demanded);
        expect(said.text).toContain(`«${option?.label.en}»`);
      }
    }
  });

  it('every action carries a reason in English and Ukrainian', () => {
    const reasons: NonNullable<Parameters<typeof playGame>[1]['reasons']> = [];
    playGame(engine, { seed: 5, level: 'standard', reasons }, pub);
    expect(reasons.length).toBeGreaterThan(40);
    for (const r of reasons) {
      expect(r.reason.en.trim().length).toBeGreaterThan(3);
      expect(r.reason.uk.trim().length).toBeGreaterThan(3);
      expect(r.reason.en).not.toMatch(/\{clause\}|\{issue\}|\{delegation\}/);
    }
  });
  it('a refusal names the clause in the delegation’s own words', () => {
    const reasons: NonNullable<Parameters<typeof playGame>[1]['reasons']> = [];
    playGame(engine, { seed: 5, level: 'standard', reasons }, pub);
    const russianRefusal = reasons.find((r) => r.delegation === 'russia' && r.reason.en.startsWith('Russia rejects'));
    expect(russianRefusal?.reason.en).toMatch(/Russia rejects p\d+ — .+/);
    expect(russianRefusal?.reason.uk).toMatch(/Росія: відхиляємо p\d+ — .+/);
  });
});
