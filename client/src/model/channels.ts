/**
 * Chat channels as a seat sees them: which ones it has, their names, unread counts and messages.
 * A delegation has the plenary, its own private room, one bilateral channel with each other
 * delegation and the facilitator's announcements; the facilitator reads all of them.
 */
import { bilateral, type Channel, parseChannel } from '@peace-table/shared/engine/channels';
import type { ChatMessage, FiredEvent } from '@peace-table/shared/engine/types';
import type { SeatView, ViewerSeat } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';

/** The channels a seat has; a no-press session has no private ones, for anyone. */
export function channelsFor(viewer: ViewerSeat, noPress = false): Channel[] {
  if (viewer === 'spectator' || noPress) return ['plenary', 'announcements'];
  if (viewer === 'facilitator') {
    const pairs: Channel[] = [];
    DELEGATION_IDS.forEach((a, i) => {
      for (const b of DELEGATION_IDS.slice(i + 1)) pairs.push(bilateral(a, b));
    });
    return ['plenary', 'announcements', ...DELEGATION_IDS.map((d) => `delegation:${d}` as Channel), ...pairs];
  }
  return [
    'plenary',
    `delegation:${viewer}`,
    ...DELEGATION_IDS.filter((d) => d !== viewer).map((d) => bilateral(viewer, d)),
    'announcements',
  ];
}

export type ChannelKind =
  | { kind: 'plenary' }
  | { kind: 'announcements' }
  | { kind: 'delegation'; delegation: DelegationId }
  | { kind: 'bilateral'; with: DelegationId[] };

/** What a channel is, relative to the viewer (a bilateral names the other side only). */
export function channelKind(channel: Channel, viewer: ViewerSeat): ChannelKind {
  const parsed = parseChannel(channel);
  if (parsed.kind !== 'bilateral') return parsed;
  const others = parsed.pair.filter((d) => d !== viewer);
  return { kind: 'bilateral', with: others.length > 0 ? others : [...parsed.pair] };
}

/** Messages of one channel, oldest first. */
export function messagesIn(chat: readonly ChatMessage[], channel: Channel): ChatMessage[] {
  return chat.filter((m) => m.channel === channel);
}

/** A line of a channel's log: a message, or (in Announcements) a scenario event that fired. */
export type LogItem = { kind: 'message'; message: ChatMessage } | { kind: 'event'; event: FiredEvent };

/**
 * A channel's log, oldest first. Announcements also carry the scenario's events (strikes, a
 * breakthrough, a scandal): the news of the world belongs beside the facilitator's news. They are
 * placed by the transcript, which numbers events and messages in one sequence (an event injected
 * before an announcement comes before it); without those entries, an event follows the messages of
 * the month it fired in (a drawn event fires as the month ends).
 */
export function channelLog(view: Pick<SeatView, 'chat' | 'fired' | 'transcript'>, channel: Channel): LogItem[] {
  const messages: LogItem[] = messagesIn(view.chat, channel).map((message) => ({ kind: 'message', message }));
  if (channel !== 'announcements') return messages;
  const events: LogItem[] = view.fired.map((event) => ({ kind: 'event', event }));
  // A message's own entry: the line its author posted at that moment (a seat's view of the transcript
  // does not carry the event itself, so the channel is not there to match on).
  const postedAt = messagesIn(view.chat, channel).map(
    (m) => view.transcript.find((e) => e.kind === 'chat.post' && e.actor === m.from && e.at === m.at)?.seq,
  );
  const firedAt = view.transcript.filter((e) => e.kind === 'event.fire').map((e) => e.seq);
  if (postedAt.every((seq) => seq !== undefined) && firedAt.length === events.length) {
    const keyed = [
      ...messages.map((item, i) => ({ item, seq: postedAt[i] as number })),
      ...events.map((item, i) => ({ item, seq: firedAt[i] as number })),
    ];
    return keyed.sort((a, b) => a.seq - b.seq).map((k) => k.item);
  }
  const items: LogItem[] = [];
  let next = 0;
  for (const event of events) {
    while (next < messages.length && roundOf(messages[next] as LogItem) <= roundOf(event))
      items.push(messages[next++] as LogItem);
    items.push(event);
  }
  return [...items, ...messages.slice(next)];
}

function roundOf(item: LogItem): number {
  return item.kind === 'message' ? item.message.round : item.event.round;
}

/** Highest message seq the viewer has seen, per channel. */
export type ReadMarks = Partial<Record<string, number>>;

/** Unread messages per channel: newer than the mark and not written by the viewer. */
export function unreadCounts(view: Pick<SeatView, 'chat' | 'viewer'>, marks: ReadMarks): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of view.chat) {
    if (m.from === view.viewer) continue;
    if (m.seq > (marks[m.channel] ?? 0)) counts[m.channel] = (counts[m.channel] ?? 0) + 1;
  }
  return counts;
}

export function markRead(marks: ReadMarks, chat: readonly ChatMessage[], channel: Channel): ReadMarks {
  const last = messagesIn(chat, channel).at(-1)?.seq ?? 0;
  return last > (marks[channel] ?? 0) ? { ...marks, [channel]: last } : marks;
}

export function totalUnread(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** A chat line typed while the connection was down, waiting to be sent. */
export interface UnsentLine {
  channel: string;
  text: string;
}

/** The chat posts among the messages waiting for the connection (net/session.ts), oldest first. */
export function unsentChat(waiting: readonly { type: string; payload: object }[]): UnsentLine[] {
  return waiting
    .filter((m) => m.type === 'chat.post')
    .map((m) => m.payload as Partial<UnsentLine>)
    .filter((p): p is UnsentLine => typeof p.channel === 'string' && typeof p.text === 'string')
    .map(({ channel, text }) => ({ channel, text }));
}

/** A message in the reader's language: the computer delegations and structured moves write both. */
export function chatText(message: Pick<ChatMessage, 'text' | 'uk'>, locale: string): string {
  return locale === 'uk' && message.uk !== undefined ? message.uk : message.text;
}

/** A computer delegation writing in a channel (the server's `chat.typing`), until its line arrives or `until` passes. */
export interface Typing {
  delegation: DelegationId;
  channel: string;
  /** The last message of the chat when it started typing: a later line of its own in the channel ends it. */
  afterSeq: number;
  /** This browser's clock: when to stop showing it even if no line came (a refused line, a pause). */
  until: number;
}

/** Grace after the announced pause before "typing…" is dropped without a line. */
export const TYPING_GRACE_MS = 4000;

/** Who is still typing: not yet answered by a line of theirs in the channel, and not past `until`. */
export function stillTyping(typing: readonly Typing[], chat: readonly ChatMessage[], now: number): Typing[] {
  return typing.filter(
    (t) => t.until > now && !chat.some((m) => m.seq > t.afterSeq && m.from === t.delegation && m.channel === t.channel),
  );
}
