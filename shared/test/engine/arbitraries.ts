/**
 * fast-check generators of engine events — valid and invalid, from any actor — biased towards
 * the events that move a game forward so random runs reach every phase.
 */
import fc from 'fast-check';
import type { Engine } from '../../src/engine/game.ts';
import { checkEvent } from '../../src/engine/rules.ts';
import type { Actor, EngineEvent, GameInput, NegotiationContext } from '../../src/engine/types.ts';
import type { ScenarioRules } from '../../src/scenario/compiled.ts';
import { DELEGATION_IDS, type Scenario } from '../../src/scenario/schema.ts';

const ACTORS: Actor[] = ['ukraine', 'russia', 'us', 'europe', 'facilitator', 'system'];
const DELEGATIONS: Actor[] = ['ukraine', 'russia', 'us', 'europe'];

export function packageArb(s: Scenario) {
  const issueArbs = s.agenda.issues.map((issue) =>
    fc.option(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...issue.options.map((o) => o.id)) },
        { weight: 1, arbitrary: fc.constant('no-such-option') },
      ),
      { nil: undefined, freq: 2 },
    ),
  );
  return fc.tuple(...issueArbs).map((choices) => {
    const pkg: Record<string, string> = {};
    s.agenda.issues.forEach((issue, i) => {
      const c = choices[i];
      if (c !== undefined) pkg[issue.id] = c;
    });
    return pkg;
  });
}

type Body = Omit<EngineEvent, 'actor' | 'at'>;

export function eventBodyArb(s: Scenario): fc.Arbitrary<Body> {
  const proposalId = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p9');
  const text = fc.constantFrom('Yes', 'We cannot accept this', 'Let us talk', 'Дякую');
  const channel = fc.constantFrom(
    'plenary',
    'announcements',
    'delegation:ukraine',
    'delegation:russia',
    'bilateral:ukraine+russia',
    'bilateral:us+europe',
    'bilateral:russia+us',
  );
  const pkg = packageArb(s);
  const w = (weight: number, arbitrary: fc.Arbitrary<Body>) => ({ weight, arbitrary });
  return fc.oneof(
    w(14, fc.record({ type: fc.constant('seat.ready' as const) })),
    w(2, fc.record({ type: fc.constant('seat.ready' as const), ready: fc.boolean() })),
    w(5, fc.record({ type: fc.constant('statement.make' as const), text })),
    w(3, fc.record({ type: fc.constant('chat.post' as const), channel, text }) as fc.Arbitrary<Body>),
    w(6, fc.record({ type: fc.constant('proposal.table' as const), package: pkg })),
    w(2, fc.record({ type: fc.constant('proposal.amend' as const), proposalId, package: pkg })),
    w(
      10,
      fc.record({
        type: fc.constant('proposal.respond' as const),
        proposalId,
        response: fc.constantFrom('accept' as const, 'accept' as const, 'reject' as const),
      }),
    ),
    w(
      1,
      fc.record({
        type: fc.constant('proposal.respond' as const),
        proposalId,
        response: fc.constant('counter' as const),
        counter: pkg,
      }),
    ),
    w(1, fc.record({ type: fc.constant('proposal.withdraw' as const), proposalId })),
    w(
      4,
      fc.record({
        type: fc.constant('lever.use' as const),
        lever: fc.constantFrom(...s.levers.map((l) => l.id), 'no-such-lever'),
        sector: fc.option(fc.constantFrom(...s.map.sectors.map((x) => x.id), 'nowhere'), { nil: undefined }),
      }),
    ),
    w(8, fc.record({ type: fc.constant('agreement.sign' as const), proposalId })),
    w(1, fc.record({ type: fc.constant('agreement.decline' as const), proposalId })),
    w(1, fc.record({ type: fc.constant('delegation.walkout' as const) })),
    w(1, fc.record({ type: fc.constant('facilitator.pause' as const) })),
    w(2, fc.record({ type: fc.constant('facilitator.resume' as const) })),
    w(4, fc.record({ type: fc.constant('facilitator.advance' as const) })),
    w(
      1,
      fc.record({
        type: fc.constant('facilitator.inject' as const),
        event: fc.constantFrom(...s.events.map((e) => e.id), 'nope'),
      }),
    ),
    w(1, fc.record({ type: fc.constant('facilitator.extend' as const), rounds: fc.integer({ min: 1, max: 3 }) })),
    w(2, fc.record({ type: fc.constant('clock.deadline' as const) })),
  );
}

/** A sequence of events with actors (delegations most of the time) and increasing times. */
export function eventSequenceArb(s: Scenario, maxLength = 120): fc.Arbitrary<EngineEvent[]> {
  const actor = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...DELEGATIONS) },
    { weight: 2, arbitrary: fc.constantFrom(...ACTORS) },
  );
  return fc
    .array(fc.tuple(actor, eventBodyArb(s), fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 9 })), {
      minLength: 1,
      maxLength,
      size: 'large',
    })
    .map((items) => {
      let at = 0;
      return items.map(([drawn, body, gap, dice]) => {
        at += gap;
        // Mostly the right kind of actor for the event, sometimes the wrong one (which must be refused).
        let who = drawn;
        if (dice > 1 && body.type.startsWith('facilitator.')) who = 'facilitator';
        if (dice > 1 && body.type === 'clock.deadline') who = 'system';
        return { ...body, actor: who, at } as EngineEvent;
      });
    });
}

/**
 * Guided sequences: most steps pick an event the rules allow right now (so random games reach
 * signing, ratification and every ending), the rest are raw random events (mostly refused).
 * The result is the list of events actually sent, so it can be replayed.
 */
export function guidedSequenceArb(s: Scenario, maxLength = 150) {
  return fc.array(
    fc.record({
      dice: fc.integer({ min: 0, max: 99 }),
      pick: fc.nat(),
      pkg: packageArb(s),
      raw: eventBodyArb(s),
      actor: fc.constantFrom(...ACTORS),
      gap: fc.integer({ min: 0, max: 90_000 }),
    }),
    // Long runs: a game needs ~20 accepted events just to reach the first round.
    { minLength: 1, maxLength, size: 'max' },
  );
}

export type GuidedItem = {
  dice: number;
  pick: number;
  pkg: Record<string, string>;
  raw: Body;
  actor: Actor;
  gap: number;
};

export function candidates(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  pkg: Record<string, string>,
  at: number,
): EngineEvent[] {
  const s = rules.scenario;
  const out: EngineEvent[] = [];
  const onTable = ctx.onTable ?? 'p0';
  for (const d of DELEGATION_IDS) {
    out.push({ type: 'seat.ready', actor: d, at });
    out.push({ type: 'statement.make', actor: d, at, text: `${d} speaks` });
    if (Object.keys(pkg).length > 0) out.push({ type: 'proposal.table', actor: d, at, package: pkg });
    out.push({ type: 'proposal.respond', actor: d, at, proposalId: onTable, response: 'accept' });
    out.push({ type: 'proposal.respond', actor: d, at, proposalId: onTable, response: 'accept' });
    out.push({ type: 'proposal.respond', actor: d, at, proposalId: onTable, response: 'reject' });
    out.push({ type: 'agreement.sign', actor: d, at, proposalId: onTable });
    out.push({ type: 'agreement.sign', actor: d, at, proposalId: onTable });
    for (const lever of s.levers.filter((l) => l.owner === d)) {
      out.push({
        type: 'lever.use',
        actor: d,
        at,
        lever: lever.id,
        ...(lever.targetsSector ? { sector: s.map.sectors[0]?.id ?? '' } : {}),
      });
    }
  }
  out.push({ type: 'facilitator.advance', actor: 'facilitator', at });
  if (ctx.deadlineAt !== null) out.push({ type: 'clock.deadline', actor: 'system', at: Math.max(at, ctx.deadlineAt) });
  return out.filter((e) => checkEvent(rules, ctx, e) === null);
}

export function materialise(engine: Engine, input: GameInput, items: readonly GuidedItem[]): EngineEvent[] {
  let snapshot = engine.start(input);
  let at = input.now;
  const sent: EngineEvent[] = [];
  for (const item of items) {
    at += item.gap;
    let event: EngineEvent = { ...item.raw, actor: item.actor, at } as EngineEvent;
    if (item.dice < 80) {
      const options = candidates(engine.rules, snapshot.context, item.pkg, at);
      if (options.length > 0) event = options[item.pick % options.length] as EngineEvent;
    }
    at = Math.max(at, event.at);
    sent.push(event);
    snapshot = engine.step(snapshot, event).snapshot;
  }
  return sent;
}
