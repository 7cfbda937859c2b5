/**
 * Chat channels, in one place: the plenary, a delegation's own room, a bilateral channel of two
 * delegations (written "bilateral:a+b" in seat order, so each pair has one name), and the
 * facilitator's announcements. Who may read each (viewFor), who a message reaches in the
 * transcript (apply.ts), who may write where (rules.ts) and how the client lists them all read
 * channels through these functions. Free of zod, so the browser client can import it cheaply.
 */
import { DELEGATION_IDS, type DelegationId } from '../scenario/ids.ts';

/** Channels: the plenary, a delegation's own room, a bilateral pair, the facilitator's announcements. */
export type Channel =
  | 'plenary'
  | `delegation:${DelegationId}`
  | `bilateral:${DelegationId}+${DelegationId}`
  | 'announcements';

export type ParsedChannel =
  | { kind: 'plenary' }
  | { kind: 'announcements' }
  | { kind: 'delegation'; delegation: DelegationId }
  | { kind: 'bilateral'; pair: readonly [DelegationId, DelegationId] };

export function parseChannel(channel: Channel): ParsedChannel {
  if (channel === 'plenary') return { kind: 'plenary' };
  if (channel === 'announcements') return { kind: 'announcements' };
  if (channel.startsWith('delegation:')) {
    return { kind: 'delegation', delegation: channel.slice('delegation:'.length) as DelegationId };
  }
  const [a, b] = channel.slice('bilateral:'.length).split('+') as [DelegationId, DelegationId];
  return { kind: 'bilateral', pair: [a, b] };
}

/** The seat order a bilateral channel's name follows: "ukraine, russia, us, europe". */
export const BILATERAL_ORDER = DELEGATION_IDS.join(', ');

/** The bilateral channel of two delegations, named in seat order. */
export function bilateral(a: DelegationId, b: DelegationId): Channel {
  const [first, second] = DELEGATION_IDS.indexOf(a) < DELEGATION_IDS.indexOf(b) ? [a, b] : [b, a];
  return `bilateral:${first}+${second}`;
}

/** Is this bilateral pair written as the one name of its channel (two different delegations, in seat order)? */
export function isBilateralName(pair: readonly [DelegationId, DelegationId]): boolean {
  return DELEGATION_IDS.indexOf(pair[0]) < DELEGATION_IDS.indexOf(pair[1]);
}

/** The delegations a private channel is for: its own delegation, or the bilateral pair; null for a public one. */
export function membersOf(channel: Channel): readonly DelegationId[] | null {
  const parsed = parseChannel(channel);
  if (parsed.kind === 'delegation') return [parsed.delegation];
  if (parsed.kind === 'bilateral') return parsed.pair;
  return null;
}

/**
 * May this seat (a delegation, the facilitator or a spectator) read the channel? Public channels
 * everyone; private ones their members and the facilitator.
 */
export function canRead(viewer: DelegationId | 'facilitator' | 'spectator', channel: Channel): boolean {
  if (viewer === 'facilitator') return true;
  const members = membersOf(channel);
  return members === null || (viewer !== 'spectator' && members.includes(viewer));
}
