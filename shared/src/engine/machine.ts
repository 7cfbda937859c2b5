/**
 * The negotiation as an xstate 5 statechart:
 *
 *   lobby → briefing → opening → talks → tabling → floor → responses → (signing → ratification)
 *                                       ↑______________________________________|
 *                                → resolution (when the floor is empty) → talks … → concluded
 *
 * One flat level of states: xstate rebuilds the state value and walks the ancestors of the active
 * state on every microstep, so a `round` parent around the round's phases cost time on every step
 * and said nothing the context's `round` counter does not (game.ts restores old nested values).
 * The machine owns the topology only. Who may send what is decided by one guard (`checkEvent`,
 * rules.ts); what an event does is one action (`applyEvent`, apply.ts); the automatic steps
 * (closing responses, ratification, resolution, the outcome) are in round.ts. Phase changes are
 * eventless transitions whose guards read the context (phaseGuards.ts), so an event never has to
 * know where it leads.
 * No timers inside: deadlines are timestamps in context and the host sends `clock.deadline`.
 */
import { assign, setup } from 'xstate';
import type { ScenarioRules } from '../scenario/compiled.ts';
import { applyEvent } from './apply.ts';
import { closeTabling, nextDraft, tableCounters } from './floor.ts';
import {
  allReady,
  allSigned,
  allStatements,
  draftTabled,
  responsesAccepted,
  responsesComplete,
  signingFailed,
} from './phaseGuards.ts';
import {
  abandonSigning,
  closeResponses,
  conclude,
  enterPhase,
  initialContext,
  ratify,
  resolveRound,
  startFirstRound,
} from './round.ts';
import { checkEvent, EVENT_RULES } from './rules.ts';
import type { EngineEvent, EngineEventType, GameInput, NegotiationContext, Phase } from './types.ts';

/** The `on` map of a phase: every event the rules allow in it, guarded by checkEvent. */
function handlersFor(phase: Phase) {
  const on: Partial<Record<EngineEventType, { guard: 'allowed'; actions: 'apply' }>> = {};
  for (const [type, rule] of Object.entries(EVENT_RULES) as [
    EngineEventType,
    (typeof EVENT_RULES)[EngineEventType],
  ][]) {
    if (rule.phases.includes(phase)) on[type] = { guard: 'allowed', actions: 'apply' };
  }
  return on;
}

const toConcluded = { guard: 'ended', target: '#negotiation.concluded' } as const;

export function createNegotiationMachine(rules: ScenarioRules) {
  const scenario = rules.scenario;
  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as EngineEvent,
      input: {} as GameInput,
    },
    guards: {
      allowed: ({ context, event }) => checkEvent(rules, context, event) === null,
      ended: ({ context }) => context.ending !== null,
      allReady: ({ context }) => allReady(context),
      allStatements: ({ context }) => allStatements(context),
      draftTabled: ({ context }) => draftTabled(context),
      responsesComplete: ({ context }) => responsesComplete(context),
      closesAccepted: ({ context }) => responsesComplete(context) && responsesAccepted(context),
      allSigned: ({ context }) => allSigned(context),
      signingFailed: ({ context }) => signingFailed(context),
    },
    actions: {
      apply: assign(({ context, event }) => applyEvent(rules, context, event)),
      enterLobby: assign(({ context }) => enterPhase(context, 'lobby')),
      enterBriefing: assign(({ context }) => enterPhase(context, 'briefing')),
      enterOpening: assign(({ context }) => enterPhase(context, 'opening')),
      startRounds: assign(({ context }) => startFirstRound(context)),
      enterTalks: assign(({ context }) => enterPhase(context, 'talks')),
      enterTabling: assign(({ context }) => tableCounters(rules, enterPhase(context, 'tabling'))),
      closeTabling: assign(({ context }) => closeTabling(rules, context)),
      nextDraft: assign(({ context }) => nextDraft(context)),
      enterResponses: assign(({ context }) => enterPhase(context, 'responses')),
      enterSigning: assign(({ context }) => enterPhase(context, 'signing')),
      closeResponses: assign(({ context }) => closeResponses(scenario, context)),
      abandonSigning: assign(({ context }) => abandonSigning(context)),
      ratify: assign(({ context }) => ratify(rules, context)),
      resolveRound: assign(({ context }) => resolveRound(rules, context)),
      conclude: assign(({ context }) => conclude(rules, enterPhase(context, 'concluded'))),
    },
  }).createMachine({
    id: 'negotiation',
    context: ({ input }) => initialContext(scenario, input),
    initial: 'lobby',
    states: {
      lobby: {
        entry: 'enterLobby',
        on: handlersFor('lobby'),
        always: { guard: 'allReady', target: 'briefing' },
      },
      briefing: {
        entry: 'enterBriefing',
        on: handlersFor('briefing'),
        always: { guard: 'allReady', target: 'opening' },
      },
      opening: {
        entry: 'enterOpening',
        on: handlersFor('opening'),
        always: [toConcluded, { guard: 'allStatements', actions: 'startRounds', target: 'talks' }],
      },
      talks: {
        entry: 'enterTalks',
        on: handlersFor('talks'),
        always: [toConcluded, { guard: 'allReady', target: 'tabling' }],
      },
      tabling: {
        entry: 'enterTabling',
        on: handlersFor('tabling'),
        // Open until every delegation has tabled or passed (floor.ts): nobody is out-raced.
        always: [toConcluded, { guard: 'allReady', actions: 'closeTabling', target: 'floor' }],
      },
      // Instantaneous: the next of the round's drafts goes on the table, in answering order.
      floor: {
        entry: 'nextDraft',
        always: [toConcluded, { guard: 'draftTabled', target: 'responses' }, { target: 'resolution' }],
      },
      responses: {
        entry: 'enterResponses',
        on: handlersFor('responses'),
        // Closing routes on the verdict it is about to record: one microstep instead of a transient
        // state between closing and routing.
        always: [
          toConcluded,
          { guard: 'closesAccepted', actions: 'closeResponses', target: 'signing' },
          { guard: 'responsesComplete', actions: 'closeResponses', target: 'floor' },
        ],
      },
      signing: {
        entry: 'enterSigning',
        on: handlersFor('signing'),
        always: [
          toConcluded,
          { guard: 'allSigned', target: 'ratification' },
          { guard: 'signingFailed', actions: 'abandonSigning', target: 'floor' },
        ],
      },
      // Instantaneous: domestic ratification of the signed draft.
      ratification: {
        entry: 'ratify',
        always: [toConcluded, { target: 'floor' }],
      },
      // Instantaneous: levers, the world's dynamics, random events, the next month.
      resolution: {
        entry: 'resolveRound',
        always: [toConcluded, { target: 'talks' }],
      },
      // Not a final state: the debrief channel stays open after the talks end.
      concluded: {
        entry: 'conclude',
        on: handlersFor('concluded'),
      },
    },
  });
}

export type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;
