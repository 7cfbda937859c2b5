/**
 * Who sits where: members (humans with seat keys), who controls each delegation (its humans or
 * the computer) and the live connections. Pure bookkeeping with no Colyseus in it: the room asks
 * it for decisions and carries them out (sending keys, notices, disconnecting).
 *
 * Control rules: a seat created as 'bot', or handed to the computer by the facilitator, is
 * *pinned*: only the facilitator changes it. An unpinned human seat goes to the computer when its
 * last human is gone past the reconnection window, and back to humans as soon as one returns.
 *
 * Places: a delegation holds `teamSize` people *present*: connected, or dropped and still inside
 * the reconnection window. Someone who leaves on purpose is no longer a member (their key stops
 * working); someone who stayed away past the window keeps their key but not their place, and gets
 * it back with the key if there is room. Only a person with a place receives the delegation's view.
 */

import type { ViewerSeat } from '@peace-table/shared/engine/view';
import type { JoinOptions } from '@peace-table/shared/messages';
import { nameRefusal } from '@peace-table/shared/names';
import type { Role } from '@peace-table/shared/protocol';
import { type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import { DELEGATION_IDS, type DelegationId, type Localized } from '@peace-table/shared/scenario/schema';
import { hashKey, keyMatches, newKey, newParticipantId } from './secrets.ts';
import type { Member, RosterData, SeatControlState, SessionConfig } from './types.ts';

export interface Connection {
  role: Role;
  name: string;
  /** Members only: their id and delegation. */
  memberId?: string;
  delegation?: DelegationId;
  /** False while a dropped client may still reconnect. */
  connected: boolean;
}

export type JoinDecision =
  | {
      ok: true;
      connection: Connection;
      /** For delegates: the key to send in `seat.key` (new, or the one they joined with). */
      seatKey?: string;
      /** Another connection of the same member, which this one replaces. */
      replaces?: string;
      /** The seat went back from the computer to its humans. */
      reclaimed?: DelegationId;
      /** The roster's stored data changed (a new member): persist before answering. */
      changed: boolean;
    }
  | ({ ok: false; message: string } & RefusalDetail);

/** Why a member could not be moved: the English sentence and its rule (shared/src/refusals.ts). */
export type MoveRefusal =
  | { ok: false; reason: 'participantNotSeated' | 'delegationFull'; message: string }
  | { ok: false; reason: 'alreadyInDelegation'; message: string; name: string };

export const MAX_FACILITATORS = 4;

export function initialRoster(config: SessionConfig): RosterData {
  const seats = Object.fromEntries(
    DELEGATION_IDS.map((d) => [d, { control: config.seats[d], pinned: config.seats[d] === 'bot' }]),
  ) as Record<DelegationId, SeatControlState>;
  return { members: [], seats };
}

export class Roster {
  readonly connections = new Map<string, Connection>();

  private readonly config: SessionConfig;
  private data: RosterData;
  /** Delegation names: English in the messages, both languages in the refusals' params. */
  private readonly labels: Record<DelegationId, Localized>;

  constructor(config: SessionConfig, data: RosterData, labels: Record<DelegationId, Localized>) {
    this.config = config;
    this.data = data;
    this.labels = labels;
  }

  snapshot(): RosterData {
    return structuredClone(this.data);
  }

  /** Everyone with a seat key now (not those who left on purpose). */
  get members(): readonly Member[] {
    return this.data.members.filter((m) => m.leftAt === undefined);
  }

  control(d: DelegationId): SeatControlState {
    return this.data.seats[d];
  }

  membersOf(d: DelegationId): Member[] {
    return this.members.filter((m) => m.delegation === d);
  }

  member(id: string): Member | undefined {
    return this.members.find((m) => m.id === id);
  }

  /** The live connection (by session id) of a member, if any. */
  connectionOf(memberId: string): string | undefined {
    for (const [sessionId, c] of this.connections) if (c.memberId === memberId) return sessionId;
    return undefined;
  }

  connectedHumans(d: DelegationId): number {
    let n = 0;
    for (const c of this.connections.values()) if (c.delegation === d && c.connected) n++;
    return n;
  }

  /** Humans of `d` connected or still inside their reconnection window: those holding a place. */
  presentHumans(d: DelegationId): number {
    let n = 0;
    for (const c of this.connections.values()) if (c.delegation === d) n++;
    return n;
  }

  /** Members of `d` holding a place: connected, or dropped and inside the reconnection window. */
  presentMembers(d: DelegationId): Member[] {
    const present = new Set<string>();
    for (const c of this.connections.values()) if (c.delegation === d && c.memberId) present.add(c.memberId);
    return this.membersOf(d).filter((m) => present.has(m.id));
  }

  viewerOf(sessionId: string): ViewerSeat | undefined {
    const c = this.connections.get(sessionId);
    if (!c) return undefined;
    return c.role === 'delegate' ? c.delegation : c.role;
  }

  /** Decide a join without changing anything when it is refused. */
  join(sessionId: string, options: JoinOptions, now = Date.now()): JoinDecision {
    if (options.role === 'facilitator') {
      const { code } = this.config;
      if (!keyMatches(options.facilitatorKey, this.config.facilitatorKeyHash)) {
        return {
          ok: false,
          message: `That facilitator key is not valid for session ${code}.`,
          ...refusalDetail('facilitatorKeyInvalid', { code }),
        };
      }
      if (this.count('facilitator') >= MAX_FACILITATORS) {
        return {
          ok: false,
          message: `Session ${code} already has ${MAX_FACILITATORS} facilitator screens.`,
          ...refusalDetail('facilitatorsFull', { code, max: MAX_FACILITATORS }),
        };
      }
      return this.admit(sessionId, { role: 'facilitator', name: options.name ?? 'Facilitator', connected: true });
    }
    if (options.role === 'spectator') {
      if (this.count('spectator') >= this.config.maxSpectators) {
        const { code, maxSpectators: max } = this.config;
        return {
          ok: false,
          message: `Session ${code} already has ${max} spectators.`,
          ...refusalDetail('spectatorsFull', { code, max }),
        };
      }
      if (options.name !== undefined) {
        const refused = this.nameRefused(options.name);
        if (refused) return refused;
      }
      return this.admit(sessionId, { role: 'spectator', name: options.name ?? 'Spectator', connected: true });
    }
    if (options.seatKey !== undefined) return this.reclaim(sessionId, options.seatKey, options.delegation);
    const delegation = options.delegation as DelegationId;
    const label = this.labels[delegation];
    const refused = this.nameRefused(options.name as string);
    if (refused) return refused;
    if (this.config.seats[delegation] === 'bot' && this.data.seats[delegation].control === 'bot') {
      return {
        ok: false,
        message: `The ${label.en} seat is played by the computer in this session.`,
        ...refusalDetail('seatComputerOnly', { delegation: label }),
      };
    }
    const full = this.teamFull(delegation);
    if (full) return full;
    const key = newKey();
    const member: Member = {
      id: newParticipantId(),
      name: options.name as string,
      delegation,
      keyHash: hashKey(key),
      joinedAt: now,
    };
    this.data.members.push(member);
    const reclaimed = this.takeBackFromBot(delegation);
    const decision = this.admit(sessionId, {
      role: 'delegate',
      name: member.name,
      memberId: member.id,
      delegation,
      connected: true,
    });
    return { ...decision, seatKey: key, changed: true, ...(reclaimed ? { reclaimed } : {}) };
  }

  private reclaim(sessionId: string, key: string, asked: DelegationId | undefined): JoinDecision {
    const member = this.members.find((m) => keyMatches(key, m.keyHash));
    const { code } = this.config;
    if (!member) {
      return {
        ok: false,
        message: `That seat key is not valid for session ${code} (the facilitator may have removed it).`,
        ...refusalDetail('seatKeyInvalid', { code }),
      };
    }
    if (asked !== undefined && asked !== member.delegation) {
      const [own, other] = [this.labels[member.delegation], this.labels[asked]];
      return {
        ok: false,
        message: `That seat key belongs to the ${own.en} delegation, not ${other.en}.`,
        ...refusalDetail('seatKeyOtherDelegation', { delegation: own, asked: other }),
      };
    }
    const replaces = this.connectionOf(member.id);
    // Back after the window: the place is theirs again only if the delegation has room.
    if (replaces === undefined) {
      const full = this.teamFull(member.delegation);
      if (full) return full;
    }
    if (replaces !== undefined) this.connections.delete(replaces);
    const reclaimed = this.takeBackFromBot(member.delegation);
    const decision = this.admit(sessionId, {
      role: 'delegate',
      name: member.name,
      memberId: member.id,
      delegation: member.delegation,
      connected: true,
    });
    return {
      ...decision,
      seatKey: key,
      ...(replaces !== undefined ? { replaces } : {}),
      ...(reclaimed ? { reclaimed } : {}),
    };
  }

  /** The refusal when `d` has no free place: its present people fill the team. */
  private teamFull(d: DelegationId): JoinDecision | null {
    const size = this.config.teamSize;
    if (this.presentHumans(d) < size) return null;
    const label = this.labels[d];
    const people = size === 1 ? '1 person' : `${size} people`;
    return {
      ok: false,
      message: `The ${label.en} delegation is full (${people}).`,
      ...refusalDetail('teamFull', { delegation: label, size }),
    };
  }

  /** A name that would pass for the game's own labels or a delegation's (shared/src/names.ts). */
  private nameRefused(name: string): JoinDecision | null {
    const refusal = nameRefusal(name, Object.values(this.labels));
    return refusal ? { ok: false, ...refusal } : null;
  }

  private admit(sessionId: string, connection: Connection): JoinDecision & { ok: true } {
    this.connections.set(sessionId, connection);
    return { ok: true, connection, changed: false };
  }

  private count(role: Role): number {
    let n = 0;
    for (const c of this.connections.values()) if (c.role === role) n++;
    return n;
  }

  /** An unpinned seat the computer took over goes back to its humans. */
  private takeBackFromBot(d: DelegationId): DelegationId | undefined {
    const seat = this.data.seats[d];
    if (seat.control !== 'bot' || seat.pinned) return undefined;
    this.data.seats[d] = { control: 'human', pinned: false };
    return d;
  }

  setConnected(sessionId: string, connected: boolean): void {
    const c = this.connections.get(sessionId);
    if (c) c.connected = connected;
  }

  /**
   * A connection is gone. `forGood` when the person left on purpose: a member then stops being
   * one (their place is free and their key stops working); the record stays for the transcript.
   */
  leave(sessionId: string, forGood = false, now = Date.now()): Connection | undefined {
    const c = this.connections.get(sessionId);
    this.connections.delete(sessionId);
    const member = forGood && c?.memberId ? this.member(c.memberId) : undefined;
    if (member) {
      member.leftAt = now;
      member.keyHash = '';
    }
    return c;
  }

  /**
   * After a human left for good: should the computer take the seat? Only for an unpinned human seat
   * that had members and has nobody left, not even someone inside the reconnection window.
   */
  shouldBotTakeOver(d: DelegationId): boolean {
    const seat = this.data.seats[d];
    // Members who left on purpose count: the seat had people and has none now.
    const hadPeople = this.data.members.some((m) => m.delegation === d);
    return seat.control === 'human' && !seat.pinned && hadPeople && this.presentHumans(d) === 0;
  }

  setControl(d: DelegationId, control: SeatControlState): void {
    this.data.seats[d] = { ...control };
  }

  /** Move a member to another delegation (the facilitator's reassign). `reason` names the refusal (refusals.ts). */
  move(memberId: string, to: DelegationId): { ok: true; from: DelegationId } | MoveRefusal {
    const member = this.member(memberId);
    if (!member) {
      return { ok: false, reason: 'participantNotSeated', message: `There is no participant "${memberId}" at a seat.` };
    }
    if (member.delegation === to) {
      const message = `${member.name} already sits with ${this.labels[to].en}.`;
      return { ok: false, reason: 'alreadyInDelegation', message, name: member.name };
    }
    // A member away past the window takes no place until they come back (and finds room or not then).
    if (this.connectionOf(memberId) !== undefined && this.presentHumans(to) >= this.config.teamSize) {
      return { ok: false, reason: 'delegationFull', message: `The ${this.labels[to].en} delegation is full.` };
    }
    const from = member.delegation;
    member.delegation = to;
    const sessionId = this.connectionOf(memberId);
    const c = sessionId === undefined ? undefined : this.connections.get(sessionId);
    if (c) c.delegation = to;
    return { ok: true, from };
  }

  /** Remove a member for good: their key stops working. */
  removeMember(memberId: string): Member | undefined {
    const member = this.member(memberId);
    if (member) this.data.members = this.data.members.filter((m) => m.id !== memberId);
    return member;
  }
}
