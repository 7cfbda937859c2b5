/**
 * `--player ukraine:skilled` for `npm run simulate`: one seat played by a scripted player
 * (shared/src/sim/skilledPlayer.ts) instead of the level's bot, parsed and made here so the main
 * thread and the worker threads read the option the same way.
 */
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import type { SeatPlayer } from '@peace-table/shared/sim/simulate';
import { SCRIPTED_PLAYERS, type ScriptedPlayer } from '@peace-table/shared/sim/skilledPlayer';

/** A seat and the scripted player in it. */
export interface PlayerSpec {
  delegation: DelegationId;
  kind: ScriptedPlayer;
}

/** Parses "seat:kind"; a sentence saying what is wrong otherwise. */
export function parsePlayer(text: string): PlayerSpec | string {
  const [seat, kind] = text.split(':');
  const kinds = Object.keys(SCRIPTED_PLAYERS);
  if (!DELEGATION_IDS.includes(seat as DelegationId))
    return `--player must be seat:kind with a seat of ${DELEGATION_IDS.join(', ')}, got "${text}"`;
  if (!kinds.includes(kind ?? '')) return `--player kind must be one of ${kinds.join(', ')}, got "${text}"`;
  return { delegation: seat as DelegationId, kind: kind as ScriptedPlayer };
}

/** The simulator's seat player for a spec. */
export function seatPlayer(spec: PlayerSpec): SeatPlayer {
  return { delegation: spec.delegation, create: SCRIPTED_PLAYERS[spec.kind] };
}
