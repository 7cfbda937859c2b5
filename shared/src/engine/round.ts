/**
 * The steps the machine takes on its own: entering a phase, closing responses, ratifying a signed
 * draft, resolving a round (levers, the world's dynamics, random events, the calendar) and
 * concluding with an outcome. Pure functions of (scenario, context).
 */
import type { ScenarioRules } from '../scenario/compiled.ts';
import { type Facts as ConditionFacts, holds } from '../scenario/condition.ts';
import {
  applyEffects,
  bindSector,
  classifyOutcome,
  failedRatification,
  initialWorld,
  isConcluding,
  worldDynamics,
} from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Package, type Scenario } from '../scenario/schema.ts';
import { scoreFor } from '../scenario/score.ts';
import { type Choice, choiceOf } from '../scenario/space.ts';
import { responsesAccepted } from './phaseGuards.ts';
import { nextRandom, seedState } from './rng.ts';
import { findProposal } from './rules.ts';
import { noneReady } from './seats.ts';
import { actorName, append, delegationList, line } from './transcript.ts';
import { type Agreement, DEFAULT_OPTIONS, type GameInput, type NegotiationContext, type Phase } from './types.ts';

/** The delegations every concluding clause (e.g. every ceasefire) needs: the parties to the war. */
export function concludingParties(s: Scenario): DelegationId[] {
  const options = s.agenda.issues
    .filter((i) => i.concludes)
    .flatMap((i) => i.options.filter((o) => o.id !== i.default));
  if (options.length === 0) return [];
  return DELEGATION_IDS.filter((d) => options.every((o) => o.signatories.includes(d)));
}

export function initialContext(s: Scenario, input: GameInput): NegotiationContext {
  const seat = () => ({ ready: false, statement: null, walkedOut: false, cooldowns: {} });
  const options = { ...DEFAULT_OPTIONS, ...input.options, phaseMs: { ...input.options?.phaseMs } };
  return {
    scenarioId: s.meta.id,
    seed: input.seed,
    rng: seedState(input.seed),
    now: input.now,
    options,
    phase: 'lobby',
    paused: false,
    round: 0,
    rounds: s.meta.rounds,
    world: initialWorld(s),
    seats: { ukraine: seat(), russia: seat(), us: seat(), europe: seat() },
    proposals: [],
    onTable: null,
    floor: [],
    queuedLevers: [],
    fired: [],
    agreements: [],
    chat: [],
    transcript: [],
    deadlineAt: null,
    remainingMs: null,
    advance: false,
    ending: null,
    result: null,
    nextSeq: 1,
  };
}

/** How a response reads in the transcript (nouns, so the Ukrainian needs no gender agreement). */
export const RESPONSE_NAMES: Record<'accept' | 'reject' | 'counter', { en: string; uk: string }> = {
  accept: { en: 'accepted', uk: 'згода' },
  reject: { en: 'rejected', uk: 'відмова' },
  counter: { en: 'counter-proposal', uk: 'зустрічна пропозиція' },
};

export const PHASE_NAMES: Record<Phase, { en: string; uk: string }> = {
  lobby: { en: 'Lobby', uk: 'Зала очікування' },
  briefing: { en: 'Briefing', uk: 'Брифінг' },
  opening: { en: 'Opening statements', uk: 'Вступні заяви' },
  talks: { en: 'Talks', uk: 'Перемовини' },
  tabling: { en: 'Tabling', uk: 'Внесення проєктів' },
  responses: { en: 'Responses', uk: 'Відповіді' },
  signing: { en: 'Signing', uk: 'Підписання' },
  concluded: { en: 'Concluded', uk: 'Завершено' },
};

/** Entering a phase: readiness resets, the phase timer starts, and the transcript notes it. */
export function enterPhase(ctx: NegotiationContext, phase: Phase): NegotiationContext {
  const ms = phase === 'concluded' ? null : (ctx.options.phaseMs[phase] ?? null);
  const next: NegotiationContext = {
    ...ctx,
    phase,
    seats: noneReady(ctx.seats),
    advance: false,
    deadlineAt: ms === null || ctx.paused ? null : ctx.now + ms,
    remainingMs: ms !== null && ctx.paused ? ms : null,
  };
  return append(next, { actor: 'system', kind: 'phase.enter', text: PHASE_ENTERED[phase] });
}

/**
 * The transcript line of entering each phase, made once: a game enters a phase dozens of times, and
 * transcript entries (and the texts they hold) are never changed once written, so they can share it.
 */
const PHASE_ENTERED = Object.fromEntries(
  Object.entries(PHASE_NAMES).map(([phase, name]) => [
    phase,
    Object.freeze({ en: `Phase: ${name.en}`, uk: `Фаза: ${name.uk}` }),
  ]),
) as Record<Phase, Localized>;

export function startFirstRound(ctx: NegotiationContext): NegotiationContext {
  return { ...ctx, round: 1 };
}

/** Close responses: publish them, and open signing if every required signatory accepted. */
export function closeResponses(s: Scenario, ctx: NegotiationContext): NegotiationContext {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  if (p?.status !== 'tabled') return ctx;
  const accepted = responsesAccepted(ctx);
  const status = accepted ? ('accepted' as const) : ('rejected' as const);
  const next = { ...ctx, proposals: ctx.proposals.map((x) => (x.id === p.id ? { ...x, status } : x)) };
  // Who answered what (and who did not), both languages in one pass over the delegations.
  const en: string[] = [];
  const uk: string[] = [];
  for (const d of DELEGATION_IDS) {
    const r = p.responses[d];
    if (!r && !p.signatories.includes(d)) continue;
    const name = actorName(s, d);
    const why = r?.reasons.length ? ` (${r.reasons.map((x) => x.text).join('; ')})` : '';
    en.push(`${name.en}: ${r ? RESPONSE_NAMES[r.response].en : 'no answer'}${why}`);
    uk.push(`${name.uk}: ${r ? RESPONSE_NAMES[r.response].uk : 'без відповіді'}${why}`);
  }
  const verdict = accepted
    ? { en: 'accepted: signing opens', uk: 'прийнято: відкривається підписання' }
    : { en: 'not accepted', uk: 'не прийнято' };
  return append(next, {
    actor: 'system',
    kind: 'responses.close',
    text: { en: `${p.id} ${verdict.en}. ${en.join('; ')}`, uk: `${p.id} ${verdict.uk}. ${uk.join('; ')}` },
  });
}

export function abandonSigning(ctx: NegotiationContext): NegotiationContext {
  const id = ctx.onTable;
  return {
    ...ctx,
    proposals: ctx.proposals.map((p) => (p.id === id && p.status === 'accepted' ? { ...p, status: 'declined' } : p)),
  };
}

/** Every signature is in: each signatory's domestic rules decide whether the agreement holds. */
export function ratify(rules: ScenarioRules, ctx: NegotiationContext): NegotiationContext {
  const s = rules.scenario;
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  if (!p) return ctx;
  const choice = choiceOf(rules.space, p.package);
  const failures = p.signatories.flatMap((d) =>
    failedRatification(rules.delegations[d], choice, ctx.world).map(({ rule }) => ({ d, rule })),
  );
  const agreement: Agreement = {
    proposalId: p.id,
    package: p.package,
    signatories: p.signatories,
    round: ctx.round,
    month: ctx.world.month,
    failures: failures.map((f) => `${f.d}:${f.rule.id}`),
    ratified: failures.length === 0,
    concluding: isConcluding(rules.space, p.package),
  };
  let next: NegotiationContext = {
    ...ctx,
    // Its effects shape the talks still to come; an agreement that ends the talks is scored in the
    // world it was signed in (the figure its signatories saw when they signed).
    world: agreement.ratified && !agreement.concluding ? clauseEffects(rules, ctx, p.package) : ctx.world,
    agreements: [...ctx.agreements, agreement],
    proposals: ctx.proposals.map((x) => (x.id === p.id ? { ...x, status: 'signed' } : x)),
    onTable: null,
  };
  if (agreement.concluding) next = { ...next, ending: 'signed' };
  // Everyone learns who rejected the deal at home; only that delegation reads its own reasons
  // until the debrief opens every briefing.
  for (const d of new Set(failures.map((f) => f.d))) {
    const own = failures.filter((f) => f.d === d);
    next = append(next, {
      actor: 'system',
      kind: 'agreement.ratify.detail',
      audience: { only: [d] },
      text: line((l) => own.map((f) => `${f.rule.title[l]}: ${f.rule.explanation[l]}`).join('; ')),
    });
  }
  const text = agreement.ratified
    ? line((l) =>
        l === 'en'
          ? `${p.id} is signed by ${delegationList(s, p.signatories, 'en')} and ratified`
          : `${p.id} підписали ${delegationList(s, p.signatories, 'uk')}; ратифіковано`,
      )
    : line((l) => {
        const why = delegationList(s, [...new Set(failures.map((f) => f.d))], l);
        return l === 'en'
          ? `${p.id} is signed but rejected at home by ${why}`
          : `${p.id} підписано, але відхилено вдома: ${why}`;
      });
  return append(next, { actor: 'system', kind: 'agreement.ratify', text });
}

/**
 * A ratified agreement changes the world through its clauses' effects (agenda.yaml), each clause
 * once a game: a clause an earlier ratified agreement already bound has had its effect.
 */
function clauseEffects(rules: ScenarioRules, ctx: NegotiationContext, pkg: Readonly<Package>) {
  const bound = bindingPackage(ctx) ?? {};
  const effects = rules.scenario.agenda.issues.flatMap((issue) => {
    const option = pkg[issue.id];
    if (option === undefined || bound[issue.id] === option) return [];
    return issue.options.find((o) => o.id === option)?.effects ?? [];
  });
  return effects.length === 0 ? ctx.world : applyEffects(rules.scenario, ctx.world, effects);
}

/** The end of a round: levers take effect, the world moves, events may fire, the month advances. */
export function resolveRound(rules: ScenarioRules, ctx: NegotiationContext): NegotiationContext {
  const s = rules.scenario;
  let world = ctx.world;
  for (const q of ctx.queuedLevers) {
    const lever = s.levers.find((l) => l.id === q.lever);
    if (!lever) continue;
    world = applyEffects(
      s,
      world,
      lever.effects.map((e) => bindSector(e, q.sector ?? undefined)),
    );
  }
  let next: NegotiationContext = { ...ctx, queuedLevers: [], world: worldDynamics(s, world) };
  let rng = next.rng;
  for (const { event: ev, trigger } of rules.events) {
    if (next.ending !== null) break;
    if (ev.once && next.fired.some((f) => f.id === ev.id)) continue;
    if (trigger && !holds(trigger, null, { world: next.world })) continue;
    const [roll, state] = nextRandom(rng);
    rng = state;
    if (roll < ev.probability && !withheld(ctx, ev.id)) next = fireEvent(rules, { ...next, rng }, ev.id, 'draw');
  }
  next = { ...next, rng, round: next.round + 1, world: { ...next.world, month: next.world.month + 1 } };
  if (next.ending === null && next.round > next.rounds) next = { ...next, ending: 'deadline' };
  // How the world's indicators moved this round (levers, dynamics, events), for the round's summary.
  const moved = s.world.variables.flatMap((v) => {
    const was = ctx.world.values[v.id] ?? v.initial;
    const now = next.world.values[v.id] ?? v.initial;
    return Math.abs(now - was) >= 0.5 ? [{ label: v.label, was: Math.round(was), now: Math.round(now) }] : [];
  });
  return append(next, {
    actor: 'system',
    kind: 'round.resolve',
    text: line((l) => {
      const list = moved.map((m) => `${m.label[l]} ${m.was} → ${m.now}`).join('; ');
      const head =
        l === 'en'
          ? `Round ${ctx.round} resolved; the calendar moves on a month`
          : `Раунд ${ctx.round} завершено; календар просувається на місяць`;
      return list ? `${head}. ${l === 'en' ? 'The world moved' : 'Зміни у світі'}: ${list}` : head;
    }),
  });
}

/** Has a what-if kept this event from firing in the round now resolving? (types.ts, EngineOptions.withheld) */
function withheld(ctx: NegotiationContext, id: string): boolean {
  return ctx.options.withheld?.some((w) => w.event === id && w.round === ctx.round) ?? false;
}

/** Ratified agreements merged in order: what actually binds at the end. */
export function bindingPackage(ctx: NegotiationContext): Package | null {
  const ratified = ctx.agreements.filter((a) => a.ratified);
  if (ratified.length === 0) return null;
  return Object.assign({}, ...ratified.map((a) => a.package)) as Package;
}

/** The talks are over: classify the outcome and score every delegation at the final world. */
export function conclude(rules: ScenarioRules, ctx: NegotiationContext): NegotiationContext {
  const ending = ctx.ending ?? 'deadline';
  const concluding = [...ctx.agreements].reverse().find((a) => a.concluding) ?? null;
  const binding = bindingPackage(ctx);
  const agreementForOutcome = concluding ? { ...(binding ?? {}), ...concluding.package } : null;
  const end = {
    ending,
    agreement: agreementForOutcome,
    ratified: concluding?.ratified ?? false,
    world: ctx.world,
    partial: concluding ? null : binding,
  };
  const outcome = classifyOutcome(rules, end);
  const terms = agreementForOutcome ?? (concluding ? null : binding);
  const facts = {
    world: ctx.world,
    ending,
    ratified: end.ratified,
    partial: !concluding && binding !== null,
    choice: terms ? choiceOf(rules.space, terms) : null,
  };
  // What happened is scored (a deal rejected at home binds nothing: no deal), with one scoring
  // function (scoreFor) in the final month; a concluding deal that failed at home keeps its paper
  // score beside it, for the debrief.
  const scoresOf = (pkg: Readonly<Package> | null) =>
    Object.fromEntries(
      DELEGATION_IDS.map((d) => {
        const { utility, noDeal } = scoreFor(rules, d, pkg, ctx.world);
        return [d, { utility, noDeal }];
      }),
    ) as Record<DelegationId, { utility: number; noDeal: number }>;
  const scores = scoresOf(binding);
  const paper = concluding && !concluding.ratified && agreementForOutcome ? scoresOf(agreementForOutcome) : null;
  const next: NegotiationContext = {
    ...ctx,
    deadlineAt: null,
    remainingMs: null,
    result: {
      ending,
      outcomeId: outcome.id,
      agreement: agreementForOutcome,
      ratified: concluding?.ratified ?? false,
      scores,
      month: ctx.world.month,
      paper,
    },
  };
  const concluded = append(next, {
    actor: 'system',
    kind: 'talks.conclude',
    text: line((l) => `${outcome.title[l]}: ${outcome.debrief[l]}`),
  });
  return reveal(rules, concluded, { ...facts, agreement: agreementForOutcome !== null });
}

/**
 * What the debrief reveals (outcomes.yaml `revelations`), drawn now with the game's seeded
 * generator: the talks are over, so no seat can act on it, and nothing during play depended on it.
 */
function reveal(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  facts: ConditionFacts & { choice: Choice | null },
): NegotiationContext {
  let next = ctx;
  let rng = ctx.rng;
  rules.scenario.revelations.forEach((revelation, i) => {
    const when = rules.revelations[i];
    if (!when || !holds(when, facts.choice, facts)) return;
    const [roll, state] = nextRandom(rng);
    rng = state;
    const text = roll < revelation.chance ? revelation.text : revelation.otherwise;
    if (text) next = append({ ...next, rng }, { actor: 'system', kind: 'talks.reveal', text });
  });
  return { ...next, rng };
}

/** A scenario event happens: announcement, effects on the world, and perhaps the end of the talks. */
export function fireEvent(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  id: string,
  by: 'draw' | 'facilitator',
): NegotiationContext {
  const s = rules.scenario;
  const ev = s.events.find((x) => x.id === id);
  if (!ev) return ctx;
  let next: NegotiationContext = {
    ...ctx,
    world: applyEffects(s, ctx.world, ev.effects),
    fired: [...ctx.fired, { id, round: ctx.round, month: ctx.world.month, by }],
  };
  if (ev.ends && next.ending === null) next = { ...next, ending: ev.ends };
  return append(next, {
    actor: 'system',
    kind: 'event.fire',
    text: line((l) => `${ev.title[l]}: ${ev.announcement[l]}`),
  });
}
