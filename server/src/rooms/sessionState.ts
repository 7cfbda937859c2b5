/**
 * Synced (Colyseus schema) state of a negotiation room: public facts only, identical for every
 * client: the session's code and scenario, the phase and clock, who sits where and who is
 * connected. Anything seat-specific (briefings, private channels, sealed answers) never goes here;
 * it travels in per-client `view` messages filtered by the engine's viewFor (see views.ts).
 *
 * Schema 5 `schema()` style: no decorators, so it runs under tsx/esbuild as is.
 */
import { type SchemaType, schema, t } from '@colyseus/schema';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '@peace-table/shared/scenario/schema';
import type { Roster } from '../sessions/roster.ts';
import type { Member } from '../sessions/types.ts';

export const SeatState = schema(
  {
    label: t.string(),
    occupied: t.boolean().default(false),
    name: t.string().default(''),
    control: t.string().default('human'),
    pinned: t.boolean().default(false),
    members: t.uint8().default(0),
    connected: t.uint8().default(0),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const ParticipantState = schema(
  {
    name: t.string(),
    role: t.string(),
    delegation: t.string().default(''),
    connected: t.boolean().default(true),
  },
  'ParticipantState',
);
export type ParticipantState = SchemaType<typeof ParticipantState>;

export const SessionState = schema(
  {
    code: t.string(),
    scenarioId: t.string(),
    scenarioTitle: t.string(),
    phase: t.string(),
    round: t.uint8().default(0),
    rounds: t.uint8().default(0),
    paused: t.boolean().default(false),
    deadlineAt: t.float64().default(0),
    /** The clock chosen when the session was opened: seconds per timed phase (absent: no clock). */
    phaseSeconds: t.map('uint32'),
    /** Keyed by delegation id, inserted in DELEGATION_IDS order, which clients keep for display. */
    seats: t.map(SeatState),
    /** Keyed by participant id (members) or session id (facilitators, spectators). */
    participants: t.map(ParticipantState),
  },
  'SessionState',
);
export type SessionState = SchemaType<typeof SessionState>;

export function createSessionState(code: string, scenario: Scenario): SessionState {
  const state = new SessionState({
    code,
    scenarioId: scenario.meta.id,
    scenarioTitle: scenario.meta.title.en,
    phase: 'lobby',
  });
  for (const d of DELEGATION_IDS) state.seats.set(d, new SeatState({ label: scenario.delegations[d].name.en }));
  return state;
}

/** Copy the game's public clock and phase into the synced state; the schema sends only what changed. */
export function syncGame(state: SessionState, ctx: NegotiationContext): void {
  state.phase = ctx.phase;
  state.round = ctx.round;
  state.rounds = ctx.rounds;
  state.paused = ctx.paused;
  state.deadlineAt = ctx.deadlineAt ?? 0;
  // The session's clock never changes: copied once, for every screen to show beside the countdown.
  if (state.phaseSeconds.size === 0) {
    for (const [phase, ms] of Object.entries(ctx.options.phaseMs)) {
      if (ms) state.phaseSeconds.set(phase, Math.round(ms / 1000));
    }
  }
}

/**
 * What the public state calls a delegate: their name, or in a session with anonymous delegates
 * "#2" (their place in the delegation's order of arrival), which is the same in every language.
 * The synced state reaches every client alike, so it carries no student's name at all then; the
 * author's own delegation and the facilitator read names on chat lines (viewFor).
 */
function delegateLabel(roster: Roster, member: Member, anonymous: boolean): string {
  if (!anonymous) return member.name;
  return `#${roster.members.filter((m) => m.delegation === member.delegation).indexOf(member) + 1}`;
}

/** Copy seats and participants from the roster. */
export function syncRoster(
  state: SessionState,
  roster: Roster,
  botName: (d: DelegationId) => string,
  anonymous = false,
): void {
  for (const d of DELEGATION_IDS) {
    const seat = state.seats.get(d);
    if (!seat) continue;
    const control = roster.control(d);
    // The team's places: people present now (members away past the window are in `participants`).
    const members = roster.presentMembers(d);
    const connected = roster.connectedHumans(d);
    seat.control = control.control;
    seat.pinned = control.pinned;
    seat.members = members.length;
    seat.connected = connected;
    seat.occupied = control.control === 'bot' || connected > 0;
    seat.name =
      control.control === 'bot' ? botName(d) : members.map((m) => delegateLabel(roster, m, anonymous)).join(', ');
  }
  const live = new Map<string, { name: string; role: string; delegation: string; connected: boolean }>();
  for (const m of roster.members) {
    live.set(m.id, {
      name: delegateLabel(roster, m, anonymous),
      role: 'delegate',
      delegation: m.delegation,
      connected: false,
    });
  }
  for (const [sessionId, c] of roster.connections) {
    if (c.memberId) {
      const entry = live.get(c.memberId);
      if (entry) entry.connected = c.connected;
    } else {
      live.set(sessionId, { name: c.name, role: c.role, delegation: '', connected: c.connected });
    }
  }
  for (const id of [...state.participants.keys()]) if (!live.has(id)) state.participants.delete(id);
  for (const [id, p] of live) {
    const existing = state.participants.get(id);
    if (!existing) state.participants.set(id, new ParticipantState(p));
    else Object.assign(existing, p);
  }
}
