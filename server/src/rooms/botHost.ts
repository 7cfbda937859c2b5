/**
 * What the computer's seats may ask of their room (BotSeats, BotTalk): the game now, who plays each
 * seat, the one path into the engine, the room's clock, and telling readers of a channel that a
 * computer delegation is typing there.
 */
import type { BotDecision } from '@peace-table/shared/bots/types';
import type { Channel } from '@peace-table/shared/engine/channels';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import type { DelegationId, Scenario } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';

export interface TimerHandle {
  clear(): void;
}

export interface BotHost {
  scenario: Scenario;
  context(): NegotiationContext;
  isBot(d: DelegationId): boolean;
  /** Sends the decision through the room's normal path; true when the engine accepted it. */
  submit(d: DelegationId, decision: BotDecision): boolean;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Tell the people who can read `channel` that the delegation is typing there for about `ms`. */
  typing(d: DelegationId, channel: Channel, ms: number): void;
  log: Logger;
}
