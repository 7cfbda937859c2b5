/**
 * Chat channels: the list with unread counts, the selected channel's messages (a live log) and a
 * box to write in it. Every message is inserted as text, never as HTML.
 */

import { LIMITS } from '@peace-table/shared/engine/limits';
import type { Actor, Channel } from '@peace-table/shared/engine/types';
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import { intent, refusal, refusalText } from '../../model/actions.ts';
import {
  channelKind,
  channelLog,
  channelsFor,
  chatText,
  type LogItem,
  messagesIn,
  stillTyping,
  unreadCounts,
} from '../../model/channels.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { clockTime, list, monthLabel } from '../../model/format.ts';
import { actorLabel } from '../../model/notices.ts';
import type { Draft } from '../../model/proposal.ts';
import type { AppState } from '../../state/app.ts';
import { delegationName, type Live, refusalLine } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import { channelMoves } from './channelMoves.ts';

export function channelLabel(
  pub: PublicScenario,
  channel: Channel,
  viewer: ViewerSeat,
  ctx: Pick<ScreenContext, 't' | 'locale'>,
): string {
  const { t, locale } = ctx;
  const kind = channelKind(channel, viewer);
  if (kind.kind === 'plenary') return t('channel.plenary');
  if (kind.kind === 'announcements') return t('channel.announcements');
  if (kind.kind === 'delegation') {
    return kind.delegation === viewer
      ? t('channel.own')
      : t('channel.delegation', { delegation: delegationName(pub, kind.delegation, locale) });
  }
  return t('channel.bilateral', {
    with: list(
      kind.with.map((d) => delegationName(pub, d, locale)),
      locale,
    ),
  });
}

/**
 * `draft` reads the package in the proposal builder, for "would you accept this?" (a delegation's
 * screen); the facilitator's console has none.
 */
export function channelsPanel(ctx: ScreenContext, draft: (() => Draft) | null = null): Live {
  const { t, locale, controller } = ctx;
  const nav = h('ul', { class: 'channel-list' });
  // The list keeps its list semantics; the live log role sits on a wrapper around it.
  // Focusable, so the messages scroll from the keyboard too once the answers grow long.
  const log = h('ol', { class: 'messages', attrs: { tabindex: 0, 'aria-labelledby': 'channel-title' } });
  const heading = h('h3', { id: 'channel-title' });
  const input = h('textarea', { attrs: { rows: 2, maxlength: LIMITS.chat, 'aria-labelledby': 'channel-title' } });
  const send = h('button', { attrs: { type: 'submit' }, text: t('channel.send') });
  const why = h('p', { class: 'hint' });
  const about = h('p', { class: 'hint', attrs: { hidden: true } });
  // Lines typed while the connection is down wait for it (net/session.ts): say how many.
  const waiting = h('p', { class: 'hint waiting-count', attrs: { role: 'status' } });
  const refusalEl = refusalLine(['chat.post'], t, locale);
  const form = h('form', { class: 'post' }, input, send, why, waiting, refusalEl.el);
  const moves = channelMoves(ctx, draft);
  const moveRefusal = refusalLine(['chat.move'], t, locale);
  // Who is writing right now: read out politely, like the log.
  const typingLine = h('p', { class: 'typing', attrs: { role: 'status' } });
  const el = h(
    'section',
    { class: 'channels' },
    h('nav', { attrs: { 'aria-label': t('channel.list') } }, nav),
    h(
      'div',
      { class: 'channel-view' },
      heading,
      h('div', { attrs: { role: 'log', 'aria-live': 'polite' } }, log),
      typingLine,
      about,
      form,
      moves.el,
      moveRefusal.el,
    ),
  );
  let lastKey = '';

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || input.disabled) return;
    controller.send(intent('chat.post', { channel: controller.store.get().channel as Channel, text }));
    input.value = '';
  });
  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter makes a new line: what chat users expect.
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  return {
    el,
    update(state: AppState) {
      refusalEl.update(state);
      moveRefusal.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const channels = channelsFor(view.viewer, view.noPress);
      const channel = (channels.includes(state.channel as Channel) ? state.channel : 'plenary') as Channel;
      const counts = unreadCounts(view, state.marks);
      const messages = messagesIn(view.chat, channel);
      const unsent = state.unsent.filter((u) => u.channel === channel);
      waiting.textContent = state.unsent.length > 0 ? t('channel.waitingCount', { count: state.unsent.length }) : '';
      const typing = stillTyping(state.typing, view.chat, Date.now()).filter((x) => x.channel === channel);
      typingLine.textContent = typing.length
        ? t('channel.typing', {
            delegation: list(
              typing.map((x) => delegationName(pub, x.delegation, locale)),
              locale,
            ),
          })
        : '';
      const actorSeat = view.viewer === 'spectator' || view.viewer === 'facilitator' ? null : view.viewer;
      const moveBlocked = actorSeat
        ? refusal(
            seatScenario(pub, view),
            view,
            actorSeat,
            intent('chat.move', { channel, move: { kind: 'ask', issue: pub.agenda.issues[0]?.id ?? '' } }),
          ) !== null
        : true;
      moves.update(state, channel, moveBlocked);
      // Whether the player may write here is worked out on every update: a pause changes nothing
      // the log shows, and the box stayed open (its line was refused and lost).
      const actor = view.viewer === 'spectator' ? null : view.viewer;
      const blocked = actor
        ? refusal(seatScenario(pub, view), view, actor, intent('chat.post', { channel, text: 'x' }))
        : null;
      // Announcements are read, not written, by delegations: no box, and a line saying what comes here.
      const readOnly = actor === null || (channel === 'announcements' && actor !== 'facilitator');
      form.hidden = readOnly;
      input.disabled = actor === null || blocked !== null;
      send.disabled = actor === null || blocked !== null;
      // In the player's language ("the session is paused"), not the engine's English.
      why.textContent = blocked ? t('channel.cannotPost', { reason: refusalText(blocked, t, locale) }) : '';
      about.textContent = channel === 'announcements' ? t('channel.announcementsAbout') : '';
      about.hidden = channel !== 'announcements';
      const key = JSON.stringify([channel, counts, messages.at(-1)?.seq, view.fired.length, locale, unsent]);
      if (key === lastKey) return;
      lastKey = key;
      fill(
        nav,
        ...channels.map((c) => {
          const unread = c === channel ? 0 : (counts[c] ?? 0);
          const label = channelLabel(pub, c, view.viewer, ctx);
          const b = h(
            'button',
            {
              attrs: { type: 'button', 'aria-current': c === channel ? 'true' : undefined },
              on: {
                click: () => {
                  controller.select({ channel: c });
                  controller.readChannel(c);
                },
              },
            },
            // The name a screen reader hears starts with the words on the button ("With Europe, 1 unread
            // message"); the badge shows the number alone.
            h(
              'span',
              {},
              label,
              unread > 0 ? h('span', { class: 'visually-hidden', text: t('channel.unread', { count: unread }) }) : null,
            ),
            unread > 0 ? h('span', { class: 'unread', attrs: { 'aria-hidden': 'true' }, text: String(unread) }) : null,
          );
          return h('li', {}, b);
        }),
      );
      heading.textContent = channelLabel(pub, channel, view.viewer, ctx);
      const logLine = (item: LogItem) => {
        if (item.kind === 'event') {
          const event = pub.events.find((e) => e.id === item.event.id);
          if (!event) return null;
          return h(
            'li',
            { class: 'event', dataset: { from: 'system' } },
            h('span', { class: 'from', text: localized(event.title, locale) }),
            h('span', { class: 'when', text: monthLabel(pub.meta.firstMonth, item.event.month, locale) }),
            h('p', { class: 'text', text: localized(event.announcement, locale) }),
          );
        }
        const m = item.message;
        return h(
          'li',
          { dataset: { from: m.from } },
          h('span', { class: 'from', text: actorLabel(pub, m.from, t, locale) }),
          m.author ? h('span', { class: 'author', text: m.author }) : null,
          h('time', { attrs: { datetime: new Date(m.at).toISOString() }, text: clockTime(m.at, locale) }),
          h('p', { class: 'text', text: chatText(m, locale) }),
        );
      };
      fill(log, ...channelLog(view, channel).map(logLine));
      const self = view.viewer === 'spectator' ? null : view.viewer;
      for (const line of self === null ? [] : unsent) {
        log.append(
          h(
            'li',
            { class: 'unsent', dataset: { from: String(self) } },
            h('span', { class: 'from', text: actorLabel(pub, self as Actor, t, locale) }),
            h('span', { class: 'waiting', text: t('channel.waiting') }),
            h('p', { class: 'text', text: line.text }),
          ),
        );
      }
      if (log.children.length === 0) {
        log.append(h('li', { class: 'empty', text: t('channel.empty') }));
      }
      log.scrollTop = log.scrollHeight;
      if ((state.marks[channel] ?? 0) < (messages.at(-1)?.seq ?? 0))
        queueMicrotask(() => controller.readChannel(channel));
    },
  };
}
