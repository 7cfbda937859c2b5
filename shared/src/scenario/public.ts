/**
 * The part of a scenario every seat may know: the agenda, the world's variables, the map binding,
 * the outcomes' titles, events and public levers, each delegation's name, colour and public
 * position, and what the scenario assumes beyond its sources (teacher-facing, see assumptions.ts).
 * Private briefings, red lines, ratification rules, numbers and AI personalities are left out: a
 * seat gets its own through `viewFor` (engine/view.ts), never through this.
 */
import { type ScenarioAssumption, scenarioAssumptions } from './assumptions.ts';
import type { Scenario } from './schema.ts';

export interface PublicDelegation {
  id: Scenario['delegations']['ukraine']['id'];
  name: Scenario['delegations']['ukraine']['name'];
  colour: string;
  publicPosition: Scenario['delegations']['ukraine']['publicPosition'];
  publicStance: Scenario['delegations']['ukraine']['publicStance'];
}

export interface PublicScenario {
  meta: Scenario['meta'];
  agenda: Scenario['agenda'];
  world: Scenario['world'];
  delegations: Record<keyof Scenario['delegations'], PublicDelegation>;
  /** Public levers of every delegation (private ones are known only to their owner). */
  levers: Scenario['levers'];
  events: Scenario['events'];
  outcomes: Array<Pick<Scenario['outcomes'][number], 'id' | 'title' | 'debrief' | 'seedScenario' | 'source'>>;
  map: Scenario['map'];
  /** Every fact the seeds do not support, with why the game needs it; private items named only by kind. */
  assumptions: ScenarioAssumption[];
}

export function publicScenario(s: Scenario): PublicScenario {
  const delegations = Object.fromEntries(
    Object.entries(s.delegations).map(([id, d]) => [
      id,
      { id: d.id, name: d.name, colour: d.colour, publicPosition: d.publicPosition, publicStance: d.publicStance },
    ]),
  ) as PublicScenario['delegations'];
  return {
    meta: s.meta,
    agenda: s.agenda,
    world: s.world,
    delegations,
    levers: s.levers.filter((l) => l.visibility === 'public'),
    events: s.events,
    outcomes: s.outcomes.map(({ id, title, debrief, seedScenario, source }) => ({
      id,
      title,
      debrief,
      ...(seedScenario === undefined ? {} : { seedScenario }),
      source,
    })),
    map: s.map,
    assumptions: scenarioAssumptions(s),
  };
}
