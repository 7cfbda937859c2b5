/**
 * Runs the computer's seats. Each bot seat has its own bot, made by the injected `createBot`
 * (shared/src/bots) the first time the seat is played by the computer and kept, with its memory,
 * for the rest of this room's game: it decides from `viewFor(scenario, ctx, itsSeat)`, so it sees
 * exactly what a human at that seat would. A bot made afresh (after a restart) decides as the
 * old one would have. This file only decides *when* to ask it and hands its answer to the room's
 * `submit`, the same path a human's message takes (validation, rules, persistence, broadcast).
 *
 * Pacing: after anything changes, each bot seat thinks for about `delayMs` (±25%) before acting,
 * so students can follow what happens. A bot is asked again after every accepted event, at most
 * MAX_ACTIONS_PER_PHASE times per phase, so a chatty bot cannot flood the table or loop.
 * What the bots say in the channels, and when, is botTalk.ts's.
 */
import { compilePublicRules, type PublicRules } from '@peace-table/shared/bots/publicRules';
import type { Bot, BotDecision, BotLevel, CreateBot } from '@peace-table/shared/bots/types';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { viewFor } from '@peace-table/shared/engine/view';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import type { BotHost, TimerHandle } from './botHost.ts';
import { BotTalk } from './botTalk.ts';

export type { BotHost, TimerHandle } from './botHost.ts';

export const MAX_ACTIONS_PER_PHASE = 6;

export interface BotSettings {
  createBot: CreateBot;
  level: BotLevel;
  seed: number;
  delayMs: number;
}

export class BotSeats {
  private readonly pending = new Map<DelegationId, TimerHandle>();
  /** Actions per delegation in the current phase, keyed "round:phase". */
  private readonly spent = new Map<DelegationId, { phase: string; count: number }>();

  /** What a bot may know of the scenario besides its own seat's view, compiled once for the room's bots. */
  private readonly publicRules: PublicRules;
  /** The bot of each seat the computer has played in this game. */
  private readonly bots = new Map<DelegationId, Bot>();

  private readonly host: BotHost;
  private readonly settings: BotSettings;
  /** The same bots in the channels: their answers and the talks they open (botTalk.ts). */
  private readonly talk: BotTalk;

  constructor(host: BotHost, settings: BotSettings) {
    this.host = host;
    this.settings = settings;
    this.publicRules = compilePublicRules(publicScenario(host.scenario));
    this.talk = new BotTalk(host, (d) => this.botOf(d), settings.delayMs);
  }

  /** Something changed: every bot seat without a pending decision schedules one. */
  wake(): void {
    const ctx = this.host.context();
    if (ctx.phase === 'concluded') {
      this.stopAll();
      return;
    }
    this.talk.wake(ctx);
    for (const d of DELEGATION_IDS) {
      if (!this.host.isBot(d)) {
        this.stop(d);
        continue;
      }
      if (this.pending.has(d) || ctx.seats[d].walkedOut || ctx.paused) continue;
      if (this.budget(d, ctx) <= 0) continue;
      const jitter = 0.75 + Math.random() * 0.5;
      const handle = this.host.setTimeout(() => this.act(d), Math.round(this.settings.delayMs * jitter));
      this.pending.set(d, handle);
    }
  }

  stop(d: DelegationId): void {
    this.pending.get(d)?.clear();
    this.pending.delete(d);
    this.talk.stop(d);
  }

  stopAll(): void {
    for (const d of [...this.pending.keys()]) this.stop(d);
    this.talk.stopAll();
  }

  private phaseKey(ctx: NegotiationContext): string {
    // A round answers several drafts, each in its own responses (and signing) phase.
    return `${ctx.round}:${ctx.phase}:${ctx.onTable ?? ''}`;
  }

  private budget(d: DelegationId, ctx: NegotiationContext): number {
    const used = this.spent.get(d);
    return used && used.phase === this.phaseKey(ctx) ? MAX_ACTIONS_PER_PHASE - used.count : MAX_ACTIONS_PER_PHASE;
  }

  private botOf(d: DelegationId): Bot {
    let bot = this.bots.get(d);
    if (!bot) {
      const { level, seed } = this.settings;
      bot = this.settings.createBot(this.publicRules, { delegation: d, level, seed });
      this.bots.set(d, bot);
    }
    return bot;
  }

  private act(d: DelegationId): void {
    this.pending.delete(d);
    if (!this.host.isBot(d)) return;
    const ctx = this.host.context();
    if (ctx.phase === 'concluded' || ctx.paused || this.budget(d, ctx) <= 0) return;
    let decision: BotDecision | null;
    try {
      decision = this.botOf(d).decide(viewFor(this.host.scenario, ctx, d));
    } catch (error) {
      this.host.log.error({ err: error, delegation: d }, 'bot failed to decide');
      return;
    }
    if (!decision) return;
    const key = this.phaseKey(ctx);
    const used = this.spent.get(d);
    this.spent.set(d, { phase: key, count: used && used.phase === key ? used.count + 1 : 1 });
    // An accepted action wakes every bot again through the room; a refused one waits for the next change.
    if (!this.host.submit(d, decision)) {
      this.host.log.warn({ delegation: d, type: decision.action.type }, 'bot action refused');
    }
  }
}
