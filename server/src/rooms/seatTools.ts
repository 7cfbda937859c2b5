/**
 * The facilitator's seat tools: hand a delegation to the computer or back to its people, move a
 * participant to another delegation, remove one. Each either refuses (with the rule, for the
 * client to word) or is carried out through the room's seats, saved before anyone is told.
 */
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import {
  type NoticePayload,
  type ParticipantKickPayload,
  type ParticipantMovePayload,
  ROOM_MESSAGE,
  SERVER_MESSAGE,
  type SeatControlPayload,
  type SeatKeyPayload,
} from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import { hashKey, newKey } from '../sessions/secrets.ts';
import { CLOSE_KICKED, type Refusal, type RoomSeats, type SeatHost } from './roomSeats.ts';

export class SeatTools {
  private readonly host: SeatHost;
  private readonly seats: RoomSeats;

  constructor(host: SeatHost, seats: RoomSeats) {
    this.host = host;
    this.seats = seats;
  }

  /** Run the tool `name` for `viewer`: null when done, or why not. */
  run(viewer: ViewerSeat | undefined, name: string, payload: unknown): Refusal | null {
    if (viewer !== 'facilitator') {
      return { code: 'forbidden', message: 'Only the facilitator can do that.', ...refusalDetail('facilitatorOnly') };
    }
    const refusal =
      name === ROOM_MESSAGE.seatControl
        ? this.control(payload as SeatControlPayload)
        : name === ROOM_MESSAGE.participantMove
          ? this.move(payload as ParticipantMovePayload)
          : this.kick(payload as ParticipantKickPayload);
    if (!refusal) this.host.rosterChanged();
    return refusal;
  }

  private control({ delegation, control }: SeatControlPayload): Refusal | null {
    if (control === 'bot' && !this.host.bots) {
      return { code: 'not_allowed', message: 'This server has no computer players.', ...refusalDetail('noBots') };
    }
    if (this.host.talksConcluded()) {
      return { code: 'wrong_phase', message: 'the talks have concluded', ...refusalDetail('talksConcluded') };
    }
    if (control === 'bot') this.seats.setControl(delegation, 'bot', true);
    else {
      this.seats.setControl(delegation, 'human', false);
      if (this.seats.roster.shouldBotTakeOver(delegation)) this.seats.watchAbsence(delegation);
    }
    return null;
  }

  private move({ participantId, delegation }: ParticipantMovePayload): Refusal | null {
    const roster = this.seats.roster;
    const moved = roster.move(participantId, delegation);
    const label = this.host.delegationName(delegation);
    if (!moved.ok) {
      const detail =
        moved.reason === 'alreadyInDelegation'
          ? refusalDetail('alreadyInDelegation', { name: moved.name, delegation: label })
          : moved.reason === 'delegationFull'
            ? refusalDetail('delegationFull', { delegation: label })
            : refusalDetail('participantNotSeated', { participant: participantId });
      return { code: 'not_allowed', message: moved.message, ...detail };
    }
    const sessionId = roster.connectionOf(participantId);
    const client = sessionId === undefined ? undefined : this.host.client(sessionId);
    const member = roster.member(participantId);
    if (client && member) {
      // A fresh key: the old one named the old delegation in the client's storage.
      const key = newKey();
      member.keyHash = hashKey(key);
      this.seats.save();
      const notice: NoticePayload = {
        code: 'seat.moved',
        message: `The facilitator moved you to ${label.en}.`,
        params: { delegation: label },
      };
      client.send(SERVER_MESSAGE.notice, notice);
      const payload: SeatKeyPayload = { code: this.host.code, key, participantId, delegation, name: member.name };
      client.send(SERVER_MESSAGE.seatKey, payload);
      this.host.sendView(client, delegation);
    } else {
      this.seats.save();
    }
    this.seats.botIfAbandoned(moved.from);
    const target = roster.control(delegation);
    if (target.control === 'bot' && !target.pinned && roster.connectedHumans(delegation) > 0) {
      this.seats.setControl(delegation, 'human', false);
    }
    return null;
  }

  private kick({ participantId }: ParticipantKickPayload): Refusal | null {
    const roster = this.seats.roster;
    const member = roster.removeMember(participantId);
    if (member) {
      this.seats.save();
      const sessionId = roster.connectionOf(participantId);
      if (sessionId !== undefined) this.seats.close(sessionId, 'kicked', CLOSE_KICKED);
      this.seats.botIfAbandoned(member.delegation);
      return null;
    }
    const c = roster.connections.get(participantId);
    if (!c) {
      const message = `There is no participant "${participantId}".`;
      return { code: 'not_found', message, ...refusalDetail('noSuchParticipant', { participant: participantId }) };
    }
    if (c.role === 'facilitator') {
      const message = 'Facilitators cannot be removed.';
      return { code: 'not_allowed', message, ...refusalDetail('facilitatorNotRemovable') };
    }
    this.seats.close(participantId, 'kicked', CLOSE_KICKED);
    return null;
  }
}
