/**
 * Computer delegations in the channels: they answer what is addressed to them (structured moves
 * and free text in either language), from their own model, in both languages; an answer names only
 * public content or the delegation's own, never another delegation's secrets and never a private
 * number (the eavesdropper, over generated messages); a reason fits its clause; they open talks
 * sparingly and never answer each other in circles.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { reasonAlone } from '../../src/bots/clauseReasons.ts';
import { createBot } from '../../src/bots/decide.ts';
import { buildOwnModel } from '../../src/bots/model.ts';
import { compilePublicRules, type PublicRules } from '../../src/bots/publicRules.ts';
import { recognise } from '../../src/bots/recognise.ts';
import { bilateral, type Channel } from '../../src/engine/channels.ts';
import type { ChatMove } from '../../src/engine/events.ts';
import { createEngine, type Engine } from '../../src/engine/game.ts';
import { viewFor } from '../../src/engine/view.ts';
import { packageProblems } from '../../src/scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { clauseLabel } from '../../src/scenario/space.ts';
import { initialWorld } from '../../src/scenario/world.ts';
import { playGame } from '../../src/sim/simulate.ts';
import { inFirstTalks } from '../support/firstTalks.ts';

let scenario: Scenario;
let engine: Engine;
let pub: PublicScenario;
let rules: PublicRules;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
  engine = createEngine(scenario);
  pub = publicScenario(scenario);
  rules = compilePublicRules(pub);
});

/** A game in its first talks (everyone ready, statements made). */
function inTalks(s: Scenario = scenario, seed = 3) {
  return inFirstTalks(s, seed, s === scenario ? engine : createEngine(s));
}

/** Every text of a delegation's private content (its briefing, rules, phrases, rationale). */
function privateTexts(s: Scenario, d: DelegationId): string[] {
  const { id: _id, name: _n, colour: _c, publicPosition: _p, publicStance: _s, ...secret } = s.delegations[d];
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) if (k !== 'source') walk(v);
    }
  };
  walk(secret);
  return out;
}

describe('answers in the channels', () => {
  it('a bilateral message gets an answer in that channel, in both languages, once', () => {
    const game = inTalks();
    const channel = bilateral('ukraine', 'russia');
    game.send({ type: 'chat.post', actor: 'ukraine', channel, text: 'Що ви скажете про Крим?' });
    const question = game.snap.context.chat.at(-1)?.seq;
    const russia = createBot(rules, { delegation: 'russia', level: 'standard', seed: 3 });
    const said = russia.talk(viewFor(scenario, game.snap.context, 'russia'));
    expect(said?.action).toMatchObject({ type: 'chat.post', channel, replyTo: question });
    expect(said?.reason.en).toContain('On Legal status of Crimea, we need');
    expect(said?.reason.uk).toContain('У питанні «Правовий статус Криму» нам потрібно');
    game.send({ ...said?.action, actor: 'russia' });
    // Answered: nothing more to say, and the others were not addressed.
    expect(russia.talk(viewFor(scenario, game.snap.context, 'russia'))).toBeNull();
    const us = createBot(rules, { delegation: 'us', level: 'standard', seed: 3 });
    expect(us.talk(viewFor(scenario, game.snap.context, 'us'))).toBeNull();
  });

  it('the Plenary: a structured move is for everyone, free text only for whom it names', () => {
    const game = inTalks();
    game.send({ type: 'chat.post', actor: 'ukraine', channel: 'plenary', text: 'Good morning, colleagues.' });
    for (const d of ['russia', 'us', 'europe'] as const) {
      const said = createBot(rules, { delegation: d, level: 'standard', seed: 3 }).talk(
        viewFor(scenario, game.snap.context, d),
      );
      // Europe may open its coordination with Ukraine in the first talks; nobody answers the greeting.
      expect(said?.action.type === 'chat.post' && said.action.channel).not.toBe('plenary');
    }
    game.send({
      type: 'chat.post',
      actor: 'ukraine',
      channel: 'plenary',
      text: 'The United States: what about sanctions?',
    });
    const us = createBot(rules, { delegation: 'us', level: 'standard', seed: 3 });
    expect(us.talk(viewFor(scenario, game.snap.context, 'us'))?.reason.en).toContain('On Sanctions on Russia, we need');
    const russia = createBot(rules, { delegation: 'russia', level: 'standard', seed: 3 });
    expect(russia.talk(viewFor(scenario, game.snap.context, 'russia'))).toBeNull();
    game.send({ type: 'chat.move', actor: 'ukraine', channel: 'plenary', move: { kind: 'ask', issue: 'nato' } });
    expect(russia.talk(viewFor(scenario, game.snap.context, 'russia'))?.reason.en).toContain('On Ukraine and NATO');
  });

  it('free text it cannot place gets a pointer to the structured moves', () => {
    const game = inTalks();
    game.send({ type: 'chat.post', actor: 'ukraine', channel: bilateral('ukraine', 'russia'), text: 'Hello there' });
    const said = createBot(rules, { delegation: 'russia', level: 'standard', seed: 3 }).talk(
      viewFor(scenario, game.snap.context, 'russia'),
    );
    expect(said?.reason.en).toContain('float a package or offer a trade');
    expect(said?.reason.uk).toContain('запропонувати пакет чи обмін');
  });

  it('recognises issues and options by their words in either language, not by words many share', () => {
    const space = rules.space;
    const named = (text: string) =>
      recognise(space, text).map((r) => {
        const issue = space.issues[r.issue];
        return r.option === null ? issue?.id : `${issue?.id}.${issue?.options[r.option]?.id}`;
      });
    expect(named('What about Crimea?')).toEqual(['status-crimea']);
    expect(named('Що з Кримом?')).toEqual(['status-crimea']);
    expect(named('a special tribunal')).toEqual(['accountability.special-tribunal']);
    expect(named('ceasefire')).toEqual(['ceasefire']);
    expect(named('НАТО')).toEqual(['nato']);
    expect(named('Crimea deferred')).toEqual(['status-crimea.deferred']);
    expect(named('legal status of Ukraine')).toEqual([]);
  });

  it('a float is answered as the bot would answer the draft were it tabled now', () => {
    const game = inTalks();
    const channel = bilateral('ukraine', 'russia');
    const capitulation = {
      ceasefire: 'line-of-contact',
      nato: 'constitutional-ban',
      'status-crimea': 'recognised-russian',
    };
    game.send({ type: 'chat.move', actor: 'ukraine', channel, move: { kind: 'float', package: capitulation } });
    const russia = createBot(rules, { delegation: 'russia', level: 'standard', seed: 3 });
    const answer = russia.talk(viewFor(scenario, game.snap.context, 'russia'));
    expect(answer?.reason.en).toMatch(/^(Yes|Not yet|No)/);
    // The same package tabled now: what the bot says it would do is what it does.
    const tabled = inTalks();
    for (const d of DELEGATION_IDS) tabled.send({ type: 'seat.ready', actor: d });
    tabled.send({ type: 'proposal.table', actor: 'us', package: capitulation });
    // The others pass, so tabling closes and the draft comes to its answers.
    for (const d of ['ukraine', 'russia', 'europe'] as const) tabled.send({ type: 'seat.ready', actor: d });
    const decision = russia.decide(viewFor(scenario, tabled.snap.context, 'russia'));
    const accepted = decision?.action.type === 'proposal.respond' && decision.action.response === 'accept';
    expect(answer?.reason.en.startsWith('Yes')).toBe(accepted);
  });

  it('a trade of a clause its giver cannot sign is answered with who can', () => {
    const channel = bilateral('ukraine', 'russia');
    const russia = createBot(rules, { delegation: 'russia', level: 'standard', seed: 3 });
    const reply = (move: ChatMove) => {
      const game = inTalks();
      game.send({ type: 'chat.move', actor: 'ukraine', channel, move });
      return russia.talk(viewFor(scenario, game.snap.context, 'russia'))?.reason;
    };
    // Ukraine cannot relax sanctions: only Russia, the US and Europe sign that clause.
    const sanctions = reply({
      kind: 'trade',
      want: { prisoners: 'all-for-all' },
      offer: { sanctions: 'phased-relief' },
    });
    expect(sanctions?.en).toMatch(/^You cannot give «.+» yourselves: it is for .*United States.* to sign\./);
    expect(sanctions?.uk).toContain('це підписують');
    // Russia cannot give Ukraine a European force as a guarantee: Ukraine and Europe sign that clause.
    const force = reply({ kind: 'trade', want: { guarantees: 'european-force' }, offer: { prisoners: 'all-for-all' } });
    expect(force?.en).toMatch(/We cannot give «.+»: it is for .* to sign\./);
  });

  it('two computer delegations never answer each other in circles, and the US presses sparingly', () => {
    const bots = Object.fromEntries(
      DELEGATION_IDS.map((d) => [d, createBot(rules, { delegation: d, level: 'standard', seed: 11 })]),
    ) as Record<DelegationId, ReturnType<typeof createBot>>;
    const game = inTalks(scenario, 11);
    let lines = 0;
    for (let step = 0; step < 50; step += 1) {
      let said = false;
      for (const d of DELEGATION_IDS) {
        const line = bots[d].talk(viewFor(scenario, game.snap.context, d));
        if (!line) continue;
        game.send({ ...line.action, actor: d });
        said = true;
        lines += 1;
      }
      if (!said) break;
    }
    // Europe's coordination with Ukraine, and Ukraine's answer: then silence.
    expect(lines).toBe(2);
    // (The opening statements, made to the whole table in Plenary, are answered by no one.)
    const chat = game.snap.context.chat.filter((m) => !m.statement);
    expect(chat.map((m) => [m.from, m.channel, m.replyTo])).toEqual([
      ['europe', 'bilateral:ukraine+europe', undefined],
      ['ukraine', 'bilateral:ukraine+europe', chat[0]?.seq],
    ]);
  });

  it('Europe’s coordination with Ukraine moves on to another issue each time instead of repeating itself', () => {
    const europe = createBot(rules, { delegation: 'europe', level: 'standard', seed: 3 });
    const first = viewFor(scenario, inTalks().snap.context, 'europe');
    // The same talks in the fourth and seventh months, Europe's next coordinations.
    const lines = [1, 4, 7].map((round) => europe.talk({ ...first, round })?.action);
    const texts = lines.map((l) => (l?.type === 'chat.post' ? l.text : ''));
    expect(texts.every((x) => x.includes('Which clause do you need us to hold firm on?'))).toBe(true);
    expect(new Set(texts).size).toBe(3);
    expect(texts[1]).toMatch(/^Let us compare notes again/);
  });
});

describe('an answer names only public content or the delegation’s own (the eavesdropper)', () => {
  const move = (): fc.Arbitrary<ChatMove> => {
    const clause = fc.constantFrom(...rules.space.issues.flatMap((i) => i.options.map((o) => [i.id, o.id] as const)));
    const pkg = fc
      .uniqueArray(clause, { minLength: 1, maxLength: 6, selector: ([i]) => i })
      .map((clauses) => Object.fromEntries(clauses) as Record<string, string>)
      .filter((p) => packageProblems(rules.space, p).length === 0);
    return fc.oneof(
      fc.constantFrom(...rules.space.issues.map((i) => i.id)).map((issue) => ({ kind: 'ask' as const, issue })),
      pkg.map((p) => ({ kind: 'float' as const, package: p })),
      fc
        .tuple(clause, clause)
        .filter(([a, b]) => a[0] !== b[0])
        .map(([w, o]) => ({
          kind: 'trade' as const,
          want: { [w[0]]: w[1] },
          offer: { [o[0]]: o[1] },
        })),
    );
  };
  const words = () =>
    fc
      .array(
        fc.oneof(
          fc.constantFrom(...rules.space.issues.flatMap((i) => [i.title.en, i.title.uk])),
          fc.constantFrom(...rules.space.labels.flatMap((l) => [l.en, l.uk])),
          fc.constantFrom('please', 'what', 'мир', 'hello', '?'),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => parts.join(' '));

  it('every answer of every delegation to generated messages, in both languages', () => {
    const secrets = Object.fromEntries(DELEGATION_IDS.map((d) => [d, privateTexts(scenario, d)])) as Record<
      DelegationId,
      string[]
    >;
    const publicText = JSON.stringify(pub);
    fc.assert(
      fc.property(
        fc.constantFrom(...(['russia', 'us', 'europe'] as const)),
        fc.oneof(
          move().map((m) => ({ move: m })),
          words().map((text) => ({ text })),
        ),
        fc.boolean(),
        (bot, message, inPlenary) => {
          const game = inTalks();
          const channel: Channel = inPlenary ? 'plenary' : bilateral('ukraine', bot);
          const text = 'text' in message ? `${pub.delegations[bot].name.en}, ${message.text}` : '';
          game.send(
            'move' in message
              ? { type: 'chat.move', actor: 'ukraine', channel, move: message.move }
              : { type: 'chat.post', actor: 'ukraine', channel, text },
          );
          const said = createBot(rules, { delegation: bot, level: 'standard', seed: 3 }).talk(
            viewFor(scenario, game.snap.context, bot),
          );
          expect(said?.action).toMatchObject({ type: 'chat.post', channel, replyTo: game.snap.context.chat.length });
          const reply = `${said?.reason.en}\n${said?.reason.uk}`;
          // No private number: no weight, utility or no-deal value ("0.85", "0,6", "20 of 100").
          expect(reply).not.toMatch(/\d[.,]\d|\d+ of 100/);
          for (const other of DELEGATION_IDS) {
            if (other === bot) continue;
            for (const secret of secrets[other]) {
              const own = secrets[bot].some((mine) => mine.includes(secret));
              if (secret.length < 12 || own || publicText.includes(secret)) continue;
              expect(reply, `${bot} must not say ${other}'s "${secret}"`).not.toContain(secret);
            }
          }
          // The engine accepts the answer as a chat line of its seat.
          game.send({ ...said?.action, actor: bot });
        },
      ),
      { numRuns: 150, seed: 15 },
    );
  });

  it('changing another delegation’s secrets changes no answer', () => {
    const altered = structuredClone(scenario);
    altered.delegations.ukraine.preferences.utilities.nato = {
      'aspiration-kept': 0,
      deferred: 0,
      renounced: 1,
      'constitutional-ban': 1,
    };
    altered.delegations.ukraine.redLines = [];
    altered.delegations.us.phrases = {};
    const answer = (s: Scenario, m: ChatMove) => {
      const game = inTalks(s);
      game.send({ type: 'chat.move', actor: 'ukraine', channel: bilateral('ukraine', 'russia'), move: m });
      const bot = createBot(compilePublicRules(publicScenario(s)), { delegation: 'russia', level: 'expert', seed: 3 });
      return bot.talk(viewFor(s, game.snap.context, 'russia'));
    };
    const moves: ChatMove[] = [
      { kind: 'ask', issue: 'nato' },
      { kind: 'float', package: { ceasefire: 'line-of-contact', nato: 'deferred' } },
      { kind: 'trade', want: { 'status-crimea': 'recognised-russian' }, offer: { sanctions: 'phased-relief' } },
    ];
    for (const m of moves) expect(answer(altered, m)).toEqual(answer(scenario, m));
  });
});

describe('reasons fit their clauses', () => {
  it('each delegation’s reason for each issue names that issue’s own wording, never another issue’s', () => {
    const world = initialWorld(scenario);
    for (const d of DELEGATION_IDS) {
      const mine = viewFor(scenario, inTalks().snap.context, d).private[d];
      if (!mine) throw new Error(`no private content for ${d}`);
      const own = buildOwnModel(pub, rules.space, d, mine);
      const redLineTitles = mine.redLines.map((r) => r.title.en);
      const homeTitles = mine.ratification.map((r) => r.title.en);
      for (const issue of rules.space.issues) {
        const wanted = issue.options.find((o) => o.id === own.best[issue.id]?.option);
        for (const option of issue.options) {
          if (option.id === wanted?.id) continue;
          const ref = `${issue.id}.${option.id}`;
          const { kind, text } = reasonAlone(rules.space, own, ref, world);
          const label = clauseLabel(rules.space, ref);
          expect(text.en, `${d} on ${ref}`).toContain(`«${label.en}»`);
          expect(text.uk, `${d} on ${ref}`).toContain(`«${label.uk}»`);
          if (kind === 'red-line') expect(redLineTitles.some((t) => text.en.includes(t))).toBe(true);
          if (kind === 'home') expect(homeTitles.some((t) => text.en.includes(t))).toBe(true);
          if (kind === 'objection' && wanted) {
            // The issue's own rationale: what the delegation wants on this issue, in the agenda's words.
            expect(text.en).toContain(`On ${issue.title.en} we need «${wanted.label.en}»`);
            expect(text.uk).toContain(`У питанні «${issue.title.uk}» нам потрібно «${wanted.label.uk}»`);
          }
          // Never another issue's wording: no other option's summary, no sentence written for one issue.
          // (The five legal-status issues share one list of options, and its wording, in the content.)
          const ownWords = issue.options.map((o) => o.summary.en);
          for (const other of rules.space.issues) {
            if (other.id === issue.id) continue;
            for (const o of other.options) {
              if (!ownWords.includes(o.summary.en)) expect(text.en).not.toContain(o.summary.en);
            }
          }
          const phrases = Object.values(mine.phrases).map((p) => p.en.replace(/\{\w+\}/g, '').trim());
          for (const p of phrases) if (p.length > 12) expect(text.en).not.toContain(p);
        }
      }
    }
  });

  it('Europe no longer rejects a clause that is not about deterrence with "it would not deter a new attack"', () => {
    const mine = viewFor(scenario, inTalks().snap.context, 'europe').private.europe;
    if (!mine) throw new Error('no private content for Europe');
    const own = buildOwnModel(pub, rules.space, 'europe', mine);
    for (const ref of ['sanctions.lifted', 'accountability.amnesty', 'status-crimea.recognised-russian']) {
      expect(reasonAlone(rules.space, own, ref, initialWorld(scenario)).text.en).not.toContain('deter');
    }
  });

  it('in played games, every reason given at the table names its own clause, in both languages', () => {
    const { snapshot } = playGame(engine, { seed: 21, level: 'standard' }, pub);
    let checked = 0;
    for (const p of snapshot.context.proposals) {
      for (const response of Object.values(p.responses)) {
        for (const r of response?.reasons ?? []) {
          if (!r.clause) continue;
          const label = clauseLabel(rules.space, r.clause);
          expect(r.text).toContain(`«${label.en}»`);
          expect(r.uk).toContain(`«${label.uk}»`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
