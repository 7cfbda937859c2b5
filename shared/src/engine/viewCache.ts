/**
 * A game's view cache: the views a host builds of one game, one after another (a room after each
 * accepted event, for every seat with people connected; the simulator before each bot decision),
 * each built from the last one shown to the same kind of viewer instead of from scratch. It
 * applies view.ts's rules item by item, and tests hold it equal to viewFor for every seat at every
 * step of many games.
 *
 * The host creates one per game and drops it with the game (a closed room, a finished simulated
 * game): it holds that game's latest views and nothing of any other game.
 *
 * What it reuses follows from how a game's records change: an event replaces only the lists it
 * touches (a chat line leaves the drafts, agreements and queued levers as they were), and the
 * transcript and chat only ever grow, a line once written staying at its place for good. So a
 * list the game did not replace is shown as it was, and a grown transcript is the lines already
 * shown plus the new ones this viewer may read. Views share those lists, which is why a SeatView
 * is read-only.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { ChatMessage, NegotiationContext, TranscriptEntry } from './types.ts';
import {
  agreementFor,
  chatLinesFor,
  cooldownsFor,
  entryFor,
  isDebrief,
  privateFor,
  proposalFor,
  publicFacts,
  publicSeats,
  type SeatView,
  showsEntry,
  showsLever,
  showsProposal,
  type ViewerSeat,
} from './view.ts';

export interface ViewCache {
  /** Exactly viewFor(scenario, ctx, viewer), reusing what earlier views of this game worked out. */
  view(ctx: NegotiationContext, viewer: ViewerSeat): SeatView;
}

/** The last view shown to one kind of viewer (a seat, before or during the debrief), and its context. */
interface LastShown {
  ctx: NegotiationContext;
  view: SeatView;
}

/**
 * Does `next` continue `shown`, i.e. hold at the place where `shown` ended the same line? A line
 * never moves once written, so then every line before it is the same too.
 */
function continues<T>(next: readonly T[], shown: readonly T[]): boolean {
  const n = shown.length;
  return next.length >= n && (n === 0 || next[n - 1] === shown[n - 1]);
}

export function createViewCache(scenario: Scenario): ViewCache {
  const lastShown = new Map<string, LastShown>();

  /**
   * Transcript lines without their replay events, as every viewer but the facilitator reads them:
   * a line is stripped once for the game, not once for every seat that reads it.
   */
  let strippedOf: readonly TranscriptEntry[] = [];
  let stripped: TranscriptEntry[] = [];
  function strippedLines(transcript: readonly TranscriptEntry[]): readonly TranscriptEntry[] {
    if (!continues(transcript, strippedOf)) stripped = [];
    for (let i = stripped.length; i < transcript.length; i += 1) {
      stripped.push(entryFor('spectator', transcript[i] as TranscriptEntry));
    }
    strippedOf = transcript;
    return stripped;
  }

  function transcriptFor(
    viewer: ViewerSeat,
    debrief: boolean,
    transcript: readonly TranscriptEntry[],
    last: LastShown | undefined,
  ): SeatView['transcript'] {
    const grown = last !== undefined && continues(transcript, last.ctx.transcript);
    const from = grown ? last.ctx.transcript.length : 0;
    if (grown && from === transcript.length) return last.view.transcript;
    const lines = viewer === 'facilitator' ? transcript : strippedLines(transcript);
    const added: TranscriptEntry[] = [];
    for (let i = from; i < transcript.length; i += 1) {
      if (showsEntry(viewer, debrief, transcript[i] as TranscriptEntry)) added.push(lines[i] as TranscriptEntry);
    }
    if (!grown) return added;
    return added.length === 0 ? last.view.transcript : last.view.transcript.concat(added);
  }

  function chatFor(
    viewer: ViewerSeat,
    anonymous: boolean,
    chat: readonly ChatMessage[],
    last: LastShown | undefined,
  ): SeatView['chat'] {
    if (!last || !continues(chat, last.ctx.chat)) return chatLinesFor(viewer, anonymous, chat);
    const added = chatLinesFor(viewer, anonymous, chat.slice(last.ctx.chat.length));
    return added.length === 0 ? last.view.chat : last.view.chat.concat(added);
  }

  function build(ctx: NegotiationContext, viewer: ViewerSeat, debrief: boolean, last: LastShown | undefined): SeatView {
    const was = last?.ctx;
    const shown = last?.view;
    const sameCooldowns =
      was !== undefined &&
      ctx.seats.ukraine.cooldowns === was.seats.ukraine.cooldowns &&
      ctx.seats.russia.cooldowns === was.seats.russia.cooldowns &&
      ctx.seats.us.cooldowns === was.seats.us.cooldowns &&
      ctx.seats.europe.cooldowns === was.seats.europe.cooldowns;
    return {
      viewer,
      ...publicFacts(ctx),
      seats: shown && was?.seats === ctx.seats ? shown.seats : publicSeats(ctx.seats),
      cooldowns: shown && sameCooldowns ? shown.cooldowns : cooldownsFor(ctx, viewer),
      proposals:
        shown && was?.proposals === ctx.proposals
          ? shown.proposals
          : ctx.proposals.filter((p) => showsProposal(viewer, debrief, p)).map((p) => proposalFor(viewer, debrief, p)),
      queuedLevers:
        shown && was?.queuedLevers === ctx.queuedLevers
          ? shown.queuedLevers
          : ctx.queuedLevers.filter((q) => showsLever(scenario, viewer, q)),
      agreements:
        shown && was?.agreements === ctx.agreements
          ? shown.agreements
          : ctx.agreements.map((a) => agreementFor(viewer, debrief, a)),
      chat: chatFor(viewer, ctx.options.anonymous === true, ctx.chat, last),
      transcript: transcriptFor(viewer, debrief, ctx.transcript, last),
      // Private content depends on the scenario, the viewer and the debrief alone.
      private: shown ? shown.private : privateFor(scenario, viewer, debrief),
    };
  }

  return {
    view(ctx, viewer) {
      const debrief = isDebrief(ctx);
      // The debrief opens what was private: its views start afresh rather than from the talks' ones.
      const kind = debrief ? `${viewer} in the debrief` : viewer;
      const last = lastShown.get(kind);
      if (last?.ctx === ctx) return last.view;
      const view = build(ctx, viewer, debrief, last);
      lastShown.set(kind, { ctx, view });
      return view;
    },
  };
}
