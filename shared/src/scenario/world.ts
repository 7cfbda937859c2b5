/**
 * The world the talks happen in (variable values, raised flags, the month) and how it moves: the
 * effects of levers and events, and each month's own dynamics. Pure: every function returns a new
 * world. Re-exported by evaluate.ts.
 */
import type { Effect, Scenario } from './schema.ts';

/** The world the talks happen in: variable values, raised flags, months since the start. Never changed in place. */
export interface WorldState {
  readonly values: Readonly<Record<string, number>>;
  readonly flags: readonly string[];
  /** Months since the scenario's first month, 0-based. */
  readonly month: number;
}

type WorldVariable = Scenario['world']['variables'][number];
/** An effect on a variable (the others raise a flag). */
export type VariableEffect = Exclude<Effect, { flag: string }>;

/** The world at the start of the scenario. */
export function initialWorld(scenario: Pick<Scenario, 'world'>): WorldState {
  return {
    values: Object.fromEntries(scenario.world.variables.map((v) => [v.id, v.initial])),
    flags: [],
    month: 0,
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The variable an effect names (the first of that id, as content:check allows only one). */
export function variableOf(world: Scenario['world'], id: string): WorldVariable | undefined {
  return world.variables.find((v) => v.id === id);
}

/**
 * A variable's value after one effect: `set` replaces it, `delta` adds to it (to its initial value
 * if the world has none yet), clamped to the variable's range.
 */
export function valueAfter(variable: WorldVariable, value: number | undefined, effect: VariableEffect): number {
  const next = 'set' in effect ? effect.set : (value ?? variable.initial) + effect.delta;
  return clamp(next, variable.min, variable.max);
}

/** A lever effect may name "$sector"; replace it with the sector chosen when the lever was used. */
export function bindSector(effect: Effect | { variable: string; delta: number }, sector?: string): Effect {
  if ('variable' in effect && effect.variable.includes('$sector')) {
    return { ...effect, variable: effect.variable.replace('$sector', sector ?? '') } as Effect;
  }
  return effect as Effect;
}

/** Apply effects to a world (returns a new world; values clamped to each variable's range). */
export function applyEffects(
  scenario: Pick<Scenario, 'world'>,
  world: WorldState,
  effects: readonly Effect[],
): WorldState {
  const values = { ...world.values };
  const flags = [...world.flags];
  for (const effect of effects) {
    if ('flag' in effect) {
      if (!flags.includes(effect.flag)) flags.push(effect.flag);
      continue;
    }
    const variable = variableOf(scenario.world, effect.variable);
    if (variable) values[variable.id] = valueAfter(variable, values[variable.id], effect);
  }
  return { ...world, values, flags };
}

/**
 * One month of the world's own dynamics: each variable moves by its drift plus its drivers, all
 * read from the world as the month began (as applyEffects would apply those deltas).
 */
export function worldDynamics(scenario: Pick<Scenario, 'world'>, world: WorldState): WorldState {
  const values = { ...world.values };
  for (const v of scenario.world.variables) {
    const driven = v.drivers.reduce((sum, d) => sum + d.coefficient * ((world.values[d.variable] ?? 0) - d.pivot), 0);
    values[v.id] = valueAfter(v, values[v.id], { variable: v.id, delta: v.drift + driven });
  }
  return { ...world, values };
}
