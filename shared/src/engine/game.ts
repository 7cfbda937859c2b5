/**
 * The engine's API for hosts (the server room, the simulator, bots' look-ahead, tests): start a
 * game, step it with an event, persist and restore it, replay it from its transcript. Built on
 * xstate's pure `getInitialSnapshot`/`transition` on an inert scope, so nothing here runs timers or touches I/O.
 */
import { type AnyActorScope, createActor, type SnapshotFrom } from 'xstate';
import { compileRules, type ScenarioRules } from '../scenario/compiled.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createNegotiationMachine, type NegotiationMachine } from './machine.ts';
import { checkEvent } from './rules.ts';
import type { EngineEvent, GameInput, NegotiationContext, Rejection, TranscriptEntry } from './types.ts';

export type GameSnapshot = SnapshotFrom<NegotiationMachine>;

/** What a host stores: plain JSON, enough to restore the game exactly. */
export interface PersistedGame {
  value: unknown;
  context: NegotiationContext;
}

export type StepResult =
  | { ok: true; snapshot: GameSnapshot; entries: TranscriptEntry[] }
  | { ok: false; snapshot: GameSnapshot; rejection: Rejection };

export interface Engine {
  scenario: Scenario;
  /** The scenario's rules, compiled once for this engine (scenario/compiled.ts). */
  rules: ScenarioRules;
  machine: NegotiationMachine;
  start(input: GameInput): GameSnapshot;
  /** Apply one event: either it is accepted (with the transcript entries it produced) or refused with a reason. */
  step(snapshot: GameSnapshot, event: EngineEvent): StepResult;
  persist(snapshot: GameSnapshot): PersistedGame;
  restore(persisted: PersistedGame): GameSnapshot;
  /**
   * The same moment of a game with another context (a what-if's reseeded copy): contexts are
   * read-only, so the new snapshot shares what did not change instead of copying it, as `restore`
   * must for a stored game the host may still hold.
   */
  withContext(snapshot: GameSnapshot, context: NegotiationContext): GameSnapshot;
  /** Rebuild a game from its input and the events its transcript recorded. */
  replay(input: GameInput, events: readonly EngineEvent[]): GameSnapshot;
}

/**
 * One inert actor scope for every step of an engine. xstate's `transition()` builds a throwaway
 * actor per call, and building one evaluates the machine's initial context each time — most of a
 * step's cost. This machine only runs `assign` actions (nothing spawned, invoked, delayed or sent),
 * so a single scope that executes nothing gives the same pure transition; like `transition()`, it
 * discards the actions it is handed.
 */
function inertScope(machine: NegotiationMachine): AnyActorScope {
  const self = createActor(machine, { input: { seed: 0, now: 0 } });
  return {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: () => {},
  };
}

export function createEngine(scenario: Scenario): Engine {
  const rules = compileRules(scenario);
  const machine = createNegotiationMachine(rules);
  const scope = inertScope(machine);

  function start(input: GameInput): GameSnapshot {
    // What initialTransition(machine, input) does, on the engine's one inert scope instead of a new
    // actor per game.
    return machine.getInitialSnapshot(scope, input);
  }

  function step(snapshot: GameSnapshot, event: EngineEvent): StepResult {
    // The machine's `allowed` guard is checkEvent itself, so an accepted event is checked once; only
    // a refused one (the context comes back unchanged) is checked again, for its reason.
    const next = machine.transition(snapshot, event, scope);
    if (next.context === snapshot.context) {
      const rejection = checkEvent(rules, snapshot.context, event) ?? {
        // The rules allowed it but no state handles it: a bug in the rules table, never the player's fault.
        code: 'not_allowed' as const,
        message: `${event.type} has no effect now`,
      };
      return { ok: false, snapshot, rejection };
    }
    return { ok: true, snapshot: next, entries: next.context.transcript.slice(snapshot.context.transcript.length) };
  }

  function persist(snapshot: GameSnapshot): PersistedGame {
    return JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context })) as PersistedGame;
  }

  function restore(persisted: PersistedGame): GameSnapshot {
    return machine.resolveState({
      value: flatValue(persisted.value) as GameSnapshot['value'],
      // Games persisted before the floor (one draft a round) have no list of waiting drafts.
      context: { ...structuredClone(persisted.context), floor: persisted.context.floor ?? [] },
    });
  }

  function withContext(snapshot: GameSnapshot, context: NegotiationContext): GameSnapshot {
    return machine.resolveState({ value: snapshot.value, context });
  }

  function replay(input: GameInput, events: readonly EngineEvent[]): GameSnapshot {
    let snapshot = start(input);
    for (const event of events) {
      const result = step(snapshot, event);
      if (!result.ok) throw new Error(`replay diverged at ${event.type}: ${result.rejection.message}`);
      snapshot = result.snapshot;
    }
    return snapshot;
  }

  return { scenario, rules, machine, start, step, persist, restore, withContext, replay };
}

/**
 * Games persisted before the statechart was flattened rest in `{ round: 'talks' }` and the like;
 * the same phase is now the top-level state of that name.
 */
function flatValue(value: unknown): unknown {
  if (value && typeof value === 'object' && 'round' in value) return (value as { round: unknown }).round;
  return value;
}

/** The events a transcript recorded, in order: the input of `replay`. */
export function eventsOf(transcript: readonly TranscriptEntry[]): EngineEvent[] {
  return transcript.flatMap((entry) => (entry.event ? [entry.event] : []));
}
