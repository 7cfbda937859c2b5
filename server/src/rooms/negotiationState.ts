/**
 * Synced state of the negotiation room (Colyseus schema 5, `schema()` style: no decorators, so it
 * runs under tsx/esbuild without legacy decorator settings).
 *
 * Only what every seat may see goes here. Secret, per-seat data will be filtered through one
 * `viewFor(state, seat)` in shared/ before anything reaches a schema (see docs/architecture.md).
 */
import { type SchemaType, schema, t } from '@colyseus/schema';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';

export const Seat = schema(
  {
    label: t.string(),
    occupied: t.boolean().default(false),
    name: t.string().default(''),
  },
  'Seat',
);
export type Seat = SchemaType<typeof Seat>;

export const NegotiationState = schema(
  {
    scenarioTitle: t.string(),
    phase: t.string(),
    /** Keyed by delegation id; inserted in DELEGATION_IDS order, which clients keep for display. */
    seats: t.map(Seat),
  },
  'NegotiationState',
);
export type NegotiationState = SchemaType<typeof NegotiationState>;

/** Display names until the scenario loader supplies localised ones from content/. */
export const DELEGATION_LABELS: Record<DelegationId, string> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  us: 'United States',
  europe: 'Europe',
};

export function createLobbyState(scenarioTitle: string): NegotiationState {
  const state = new NegotiationState({ scenarioTitle, phase: 'lobby' });
  for (const id of DELEGATION_IDS) {
    state.seats.set(id, new Seat({ label: DELEGATION_LABELS[id] }));
  }
  return state;
}
