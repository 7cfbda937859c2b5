/**
 * Who is at the table: each delegation's seat (human or computer), its members with their
 * connection, and its readiness, merged from the public session state and the seat's view.
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { SessionStateSnapshot } from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';

export interface Member {
  id: string;
  name: string;
  connected: boolean;
}

export interface RosterRow {
  delegation: DelegationId;
  control: 'human' | 'bot';
  pinned: boolean;
  members: Member[];
  ready: boolean;
  walkedOut: boolean;
}

export interface Roster {
  rows: RosterRow[];
  facilitators: Member[];
  spectators: number;
}

export function roster(room: SessionStateSnapshot | null, view: Pick<SeatView, 'seats'> | null): Roster {
  const participants = Object.entries(room?.participants ?? {});
  const member = ([id, p]: (typeof participants)[number]): Member => ({ id, name: p.name, connected: p.connected });
  return {
    rows: DELEGATION_IDS.map((d) => ({
      delegation: d,
      control: room?.seats[d]?.control ?? 'human',
      pinned: room?.seats[d]?.pinned ?? false,
      members: participants.filter(([, p]) => p.role === 'delegate' && p.delegation === d).map(member),
      ready: view?.seats[d].ready ?? false,
      walkedOut: view?.seats[d].walkedOut ?? false,
    })),
    facilitators: participants.filter(([, p]) => p.role === 'facilitator').map(member),
    spectators: participants.filter(([, p]) => p.role === 'spectator').length,
  };
}

/** "Ready", "Not ready yet", "Played by the computer", ... as a locale key for a row. */
export function rowStatusKey(row: RosterRow): string {
  if (row.walkedOut) return 'roster.walkedOut';
  if (row.control === 'bot') return 'roster.bot';
  if (row.members.length === 0) return 'roster.empty';
  if (!row.members.some((m) => m.connected)) return 'roster.disconnected';
  return row.ready ? 'roster.ready' : 'roster.notReady';
}
