/**
 * The computer's seats in the channels. After every change, each bot seat is asked whether it has
 * something to say (`bot.talk(view)`: an answer to a message addressed to it, or a talk it opens
 * itself); if it has, the people who can read that channel see it typing, and the line is posted
 * after a human-like pause that grows with its length. The pause is this room's timer, dropped with
 * the room; nothing is kept between games.
 *
 * A seat types one line at a time. When the pause is over, the bot is asked again, on the view as
 * it is then, so a line never answers a moment that has passed (a draft withdrawn, a seat handed
 * back to people); a message that arrived in the meantime is answered next.
 */
import type { Bot, BotDecision } from '@peace-table/shared/bots/types';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { viewFor } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import type { BotHost, TimerHandle } from './botHost.ts';

/** At most this many lines per seat and round: a safety net, far above what people ask of a bot. */
export const MAX_LINES_PER_ROUND = 40;
/** A pause grows with the line: reading the message and typing the answer (per 300 characters, one more pause). */
const CHARACTERS_PER_PAUSE = 300;
/** ...up to this many times the base pause. */
const LONGEST_PAUSE = 4;

export type TalkHost = Pick<BotHost, 'scenario' | 'context' | 'isBot' | 'submit' | 'setTimeout' | 'typing' | 'log'>;

export class BotTalk {
  private readonly pending = new Map<DelegationId, TimerHandle>();
  private readonly spent = new Map<DelegationId, { round: number; count: number }>();
  private readonly host: TalkHost;
  private readonly botOf: (d: DelegationId) => Bot;
  private readonly pauseMs: number;

  constructor(host: TalkHost, botOf: (d: DelegationId) => Bot, pauseMs: number) {
    this.host = host;
    this.botOf = botOf;
    this.pauseMs = pauseMs;
  }

  /** Something changed: every bot seat that is not typing already says whether it has a line. */
  wake(ctx: NegotiationContext): void {
    for (const d of DELEGATION_IDS) {
      if (!this.host.isBot(d)) {
        this.stop(d);
        continue;
      }
      if (this.pending.has(d) || ctx.paused || ctx.phase === 'concluded' || ctx.seats[d].walkedOut) continue;
      if (this.used(d, ctx) >= MAX_LINES_PER_ROUND) continue;
      const line = this.line(d, ctx);
      if (line?.action.type !== 'chat.post') continue;
      const chars = line.reason.en.length;
      const ms = Math.round(this.pauseMs * Math.min(LONGEST_PAUSE, 1 + chars / CHARACTERS_PER_PAUSE));
      this.host.typing(d, line.action.channel, ms);
      this.pending.set(
        d,
        this.host.setTimeout(() => this.post(d), ms),
      );
    }
  }

  stop(d: DelegationId): void {
    this.pending.get(d)?.clear();
    this.pending.delete(d);
  }

  stopAll(): void {
    for (const d of [...this.pending.keys()]) this.stop(d);
  }

  private used(d: DelegationId, ctx: NegotiationContext): number {
    const used = this.spent.get(d);
    return used && used.round === ctx.round ? used.count : 0;
  }

  private line(d: DelegationId, ctx: NegotiationContext): BotDecision | null {
    try {
      return this.botOf(d).talk(viewFor(this.host.scenario, ctx, d));
    } catch (error) {
      this.host.log.error({ err: error, delegation: d }, 'bot failed to talk');
      return null;
    }
  }

  /** The pause is over: the line as the bot would say it now. An accepted post wakes everyone through the room. */
  private post(d: DelegationId): void {
    this.pending.delete(d);
    const ctx = this.host.context();
    if (!this.host.isBot(d) || ctx.paused || ctx.phase === 'concluded') return;
    const line = this.line(d, ctx);
    if (!line) return;
    this.spent.set(d, { round: ctx.round, count: this.used(d, ctx) + 1 });
    if (!this.host.submit(d, line)) this.host.log.warn({ delegation: d }, 'bot line refused');
  }
}
