/**
 * Notifications: what changed between two views that a player should hear about even when looking
 * elsewhere — a new phase or month, a draft tabled, a draft accepted, rejected or signed, an event,
 * a pause, new messages. Pure (two views in, sentences out); the shell shows them as toasts and
 * reads them out through a live region.
 */
import type { Actor, Channel } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import type { NoticePayload } from '@peace-table/shared/protocol';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { LOCALES, type Locale, localized, type Translator } from '../i18n/i18n.ts';
import { chatText } from './channels.ts';
import { clip, monthLabel } from './format.ts';
import { refusalParams } from './refusals.ts';

/** A notice worded in one language (what noticesBetween and serverNotice make). */
export interface WordedNotice {
  id: string;
  text: string;
  /** Set for message notices, so the shell can skip the channel the player is reading. */
  channel?: Channel;
  tone: 'info' | 'good' | 'warn';
}

/** A notice worded in every language, so a toast on screen follows a language switch. */
export interface Notice extends Omit<WordedNotice, 'text'> {
  text: Record<Locale, string>;
}

/**
 * Words the same notices in every language: `word` runs once per locale and must return the same
 * notices in the same order (noticesBetween and serverNotice are pure, so they do).
 */
export function inEveryLanguage(
  translators: Record<Locale, Translator>,
  word: (tr: Translator) => WordedNotice[],
): Notice[] {
  const worded = LOCALES.map((l) => word(translators[l]));
  return (worded[0] ?? []).map((notice, k) => ({
    ...notice,
    text: Object.fromEntries(LOCALES.map((l, i) => [l, worded[i]?.[k]?.text ?? notice.text])) as Record<Locale, string>,
  }));
}

export function actorLabel(pub: PublicScenario, actor: Actor, t: Translator['t'], locale: Locale): string {
  if (actor === 'facilitator') return t('actor.facilitator');
  if (actor === 'system') return t('actor.system');
  return localized(pub.delegations[actor].name, locale);
}

export function noticesBetween(
  pub: PublicScenario,
  prev: SeatView | null,
  next: SeatView,
  { t, locale }: Pick<Translator, 't' | 'locale'>,
): WordedNotice[] {
  if (!prev) return [];
  const out: WordedNotice[] = [];
  const name = (a: Actor) => actorLabel(pub, a, t, locale);
  if (next.round !== prev.round && next.round > 0) {
    const month = monthLabel(pub.meta.firstMonth, next.world.month, locale);
    out.push({ id: `round:${next.round}`, text: t('notice.round', { round: next.round, month }), tone: 'info' });
  }
  if (next.phase !== prev.phase) {
    out.push({
      id: `phase:${next.round}:${next.phase}`,
      text: t('notice.phase', { phase: t(`phase.${next.phase}`) }),
      tone: 'info',
    });
  }
  // Once the talks are over nothing is paused or continues: no toast may say otherwise.
  if (next.paused !== prev.paused && next.phase !== 'concluded') {
    out.push({
      id: `pause:${next.paused}:${next.round}`,
      text: t(next.paused ? 'notice.paused' : 'notice.resumed'),
      tone: 'warn',
    });
  }
  for (const p of next.proposals) {
    const before = prev.proposals.find((q) => q.id === p.id);
    if (!before) {
      out.push({ id: `draft:${p.id}`, text: t('notice.tabled', { delegation: name(p.author) }), tone: 'info' });
    } else if (
      before.status !== p.status &&
      ['accepted', 'rejected', 'signed', 'declined', 'withdrawn'].includes(p.status)
    ) {
      const tone = p.status === 'accepted' || p.status === 'signed' ? 'good' : 'warn';
      out.push({
        id: `draft:${p.id}:${p.status}`,
        text: t(`notice.draft.${p.status}`, { delegation: name(p.author) }),
        tone,
      });
    }
  }
  // Events that fire together (a month's end can bring five) make one notice naming them all, so
  // none is pushed out by the others; one that ends the talks says so first.
  const fired = next.fired.slice(prev.fired.length).flatMap((f) => {
    const event = pub.events.find((e) => e.id === f.id);
    return event ? [{ f, event }] : [];
  });
  const first = fired[0];
  if (first) {
    const ending = fired.find((x) => x.event.ends);
    const titles = fired.filter((x) => x !== ending).map((x) => localized(x.event.title, locale));
    const news = titles.length > 0 ? t('notice.event', { title: titles.join('; ') }) : '';
    const ends = ending ? t('notice.eventEnds', { title: localized(ending.event.title, locale) }) : '';
    out.push({
      id: `event:${first.f.id}:${first.f.round}:${fired.length}`,
      text: [ends, news].filter(Boolean).join(' '),
      tone: 'warn',
    });
  }
  const lastSeq = prev.chat.at(-1)?.seq ?? 0;
  const fresh = next.chat.filter((m) => m.seq > lastSeq && m.from !== next.viewer);
  const byChannel = new Map<Channel, typeof fresh>();
  for (const m of fresh) byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
  for (const [channel, messages] of byChannel) {
    const last = messages.at(-1);
    if (!last) continue;
    // An announcement is read in the notice itself: it is short, and meant for everyone now.
    const text =
      channel === 'announcements'
        ? t('notice.announcement', { from: name(last.from), text: clip(chatText(last, locale), 160) })
        : t('notice.messages', { count: messages.length, from: name(last.from) });
    out.push({ id: `chat:${last.seq}`, text, channel, tone: channel === 'announcements' ? 'warn' : 'info' });
  }
  return out;
}

/**
 * A server `notice` (what happened to this client's seat) in the player's language:
 * `notice.server.<code>` with its params, or the server's English sentence for a code this client
 * does not know (a newer server).
 */
export function noticeText(
  notice: Pick<NoticePayload, 'code' | 'message' | 'params'>,
  tr: Pick<Translator, 't' | 'locale' | 'has'>,
): string {
  const key = `notice.server.${notice.code}`;
  return tr.has(key) ? tr.t(key, refusalParams(notice.params, tr.t, tr.locale)) : notice.message;
}

/** The toast for a server notice: the seat changes hands or moves, or this connection ends. */
export function serverNotice(
  notice: NoticePayload,
  tr: Pick<Translator, 't' | 'locale' | 'has'>,
  at: number,
): WordedNotice {
  return { id: `notice:${notice.code}:${at}`, text: noticeText(notice, tr), tone: 'warn' };
}
