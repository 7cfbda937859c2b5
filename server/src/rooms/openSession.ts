/**
 * Opening a room's session from the ticket the server left for it (sessions/tickets.ts): a new
 * game, written to the store before anyone joins, or an open one restored from the store after a
 * restart, each with its config, scenario and roster.
 */
import { ErrorCode, type Presence, ServerError } from '@colyseus/core';
import { DELEGATION_IDS, type DelegationId, type Localized, type Scenario } from '@peace-table/shared/scenario/schema';
import { initialRoster, Roster } from '../sessions/roster.ts';
import type { ScenarioSource } from '../sessions/scenarios.ts';
import { takeTicket } from '../sessions/tickets.ts';
import type { SessionConfig } from '../sessions/types.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { GameSession } from './gameSession.ts';

export interface OpenedSession {
  config: SessionConfig;
  scenario: Scenario;
  roster: Roster;
  session: GameSession;
  restored: boolean;
}

function labels(scenario: Scenario): Record<DelegationId, Localized> {
  return Object.fromEntries(DELEGATION_IDS.map((d) => [d, scenario.delegations[d].name])) as Record<
    DelegationId,
    Localized
  >;
}

export async function openSession(
  presence: Presence,
  code: string,
  from: { store: SessionStore; scenarios: ScenarioSource; node: string },
): Promise<OpenedSession> {
  const ticket = await takeTicket(presence, code);
  if (!ticket) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, `There is no session ${code} to open.`);
  const { store, scenarios, node } = from;
  if (ticket.kind === 'new') {
    const config = ticket.config;
    const scenario = await scenarios.load(config.scenarioId);
    const roster = new Roster(config, initialRoster(config), labels(scenario));
    const session = GameSession.start(store, scenario, config, roster.snapshot(), node);
    return { config, scenario, roster, session, restored: false };
  }
  const row = store.getSession(code);
  if (row?.status !== 'open') throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'nothing to restore');
  const config = row.config;
  const scenario = await scenarios.load(config.scenarioId);
  const roster = new Roster(config, row.roster, labels(scenario));
  return { config, scenario, roster, session: GameSession.restore(store, scenario, code), restored: true };
}
