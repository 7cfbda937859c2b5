/**
 * What every bot derives from the public scenario, made by its host for the bots it creates: the
 * agenda numbered, everyone's public stance as beliefs and the world at the start.
 */

import { DELEGATION_IDS } from '../scenario/ids.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { type ClauseSpace, compileAgenda } from '../scenario/space.ts';
import { initialWorld, type WorldState } from '../scenario/world.ts';

/**
 * Beliefs about one delegation: a score per agenda clause (indexed like the agenda's clause
 * indexes), + for what it wants, − for what it refuses.
 */
export type ClauseBeliefs = readonly number[];

/** Everyone knows the others' public positions: the starting point of every model, by DELEGATION_IDS index. */
export function stanceBeliefs(scenario: PublicScenario, space: ClauseSpace): ClauseBeliefs[] {
  return DELEGATION_IDS.map((d) => {
    const beliefs: number[] = new Array<number>(space.clauseCount).fill(0);
    const stance = scenario.delegations[d].publicStance;
    const add = (clause: string, amount: number) => {
      const k = space.clauseIndex.get(clause);
      if (k !== undefined) beliefs[k] = (beliefs[k] as number) + amount;
    };
    for (const clause of stance?.demands ?? []) add(clause, 1);
    for (const clause of stance?.refuses ?? []) add(clause, -2);
    return beliefs;
  });
}

/**
 * What every bot derives from the public scenario: the agenda numbered, everyone's public stance
 * as beliefs (by DELEGATION_IDS index: where every opponent model starts) and the world at the
 * start (the bot's reservation moves from its value there). Immutable, like the scenario: its host
 * makes it (a room once; the simulator once per game, from the agenda its engine numbered) and
 * hands it to every bot it creates.
 */
export interface PublicRules {
  readonly scenario: PublicScenario;
  readonly space: ClauseSpace;
  readonly stances: readonly ClauseBeliefs[];
  readonly startWorld: WorldState;
}

/**
 * `agenda`: the agenda already numbered by the host's own compiled rules (an engine's), reused when
 * it is this scenario's agenda (the public agenda is the scenario's own).
 */
export function compilePublicRules(scenario: PublicScenario, agenda?: ClauseSpace): PublicRules {
  const space = agenda?.issues === scenario.agenda.issues ? agenda : compileAgenda(scenario.agenda);
  return Object.freeze({
    scenario,
    space,
    stances: Object.freeze(stanceBeliefs(scenario, space)),
    startWorld: initialWorld(scenario),
  });
}
