/** Pieces several screens share: the phase bar, the refusal line, delegation badges, clause cards. */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';
import { type Intent, intent } from '../model/actions.ts';
import { CLOCKED_PHASES, formatDuration } from '../model/clock.ts';
import { countdown, monthLabel } from '../model/format.ts';
import { refusalSentence } from '../model/refusals.ts';
import type { ClauseAnswer, ClauseCard } from '../model/table.ts';
import type { AppState } from '../state/app.ts';
import { fill, h } from './dom.ts';

export function delegationName(pub: PublicScenario, d: DelegationId, locale: Locale): string {
  return localized(pub.delegations[d].name, locale);
}

/** A delegation's name with its colour as a swatch: colour is never the only cue. */
export function delegationBadge(pub: PublicScenario, d: DelegationId, locale: Locale): HTMLElement {
  const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.background = pub.delegations[d].colour;
  return h('span', { class: 'badge', dataset: { delegation: d } }, swatch, delegationName(pub, d, locale));
}

export interface Live<T = AppState> {
  el: HTMLElement;
  update(state: T): void;
}

/**
 * Phase, month, round and the phase timer; ticks every second while a timer runs. The session's
 * options (no press, anonymous delegates) show beside them on every screen that has the bar.
 */
export function phaseBar(t: Translator['t'], locale: Locale): Live & { destroy(): void } {
  const phase = h('span', { class: 'phase' });
  const month = h('span', { class: 'month' });
  const clock = h('span', { class: 'clock', attrs: { role: 'timer', 'aria-live': 'off' } });
  const paused = h('span', { class: 'paused', text: t('phase.pausedBadge') });
  const noPress = h('span', {
    class: 'option-tag',
    text: t('options.noPress'),
    attrs: { title: t('options.noPressHint') },
  });
  const anonymous = h('span', {
    class: 'option-tag',
    text: t('options.anonymous'),
    attrs: { title: t('options.anonymousHint') },
  });
  const el = h('div', { class: 'phase-bar' }, phase, month, clock, paused, noPress, anonymous);
  let view: SeatView | null = null;
  /** The phase's clock as chosen when the session was opened, in seconds (undefined: none). */
  let total: number | undefined;
  const tick = () => {
    if (!view) return;
    const left = view.paused ? view.remainingMs : view.deadlineAt !== null ? view.deadlineAt - Date.now() : null;
    clock.hidden = left === null;
    if (left === null) return;
    // "0:43 of 1:00", unless the facilitator added time beyond the phase's clock.
    const time =
      total !== undefined && left <= total * 1000
        ? t('clock.of', { left: countdown(left), total: countdown(total * 1000) })
        : countdown(left);
    clock.textContent = t('phase.timeLeft', { time });
  };
  const timer = setInterval(tick, 1000);
  return {
    el,
    update(state) {
      view = state.view;
      if (!view || !state.scenario) return;
      phase.textContent = t(`phase.${view.phase}`);
      month.textContent =
        view.round > 0
          ? t('phase.round', {
              round: view.round,
              rounds: view.rounds,
              month: monthLabel(state.scenario.meta.firstMonth, view.world.month, locale),
            })
          : '';
      paused.hidden = !view.paused || view.phase === 'concluded';
      noPress.hidden = !view.noPress;
      anonymous.hidden = !view.anonymous;
      total = state.room?.phaseSeconds?.[view.phase];
      tick();
    },
    destroy: () => clearInterval(timer),
  };
}

/** The server's refusal of one of `refs` (message names), shown where the player acted, in their language. */
export function refusalLine(refs: readonly string[], t: Translator['t'], locale: Locale): Live {
  const el = h('p', { class: 'refusal', attrs: { role: 'alert' } });
  el.hidden = true;
  return {
    el,
    update(state) {
      const error = state.lastError;
      el.hidden = !error || !refs.includes(error.ref);
      el.textContent = error && !el.hidden ? refusalSentence(error, t, locale) : '';
    },
  };
}

function answerText(answer: ClauseAnswer, t: Translator['t'], locale: Locale): string {
  if (answer.state === 'answered') {
    const word = t(`response.${answer.response}`);
    return answer.reason
      ? t('clause.answerWithReason', { answer: word, reason: localized(answer.reason, locale) })
      : word;
  }
  return t(`clause.${answer.state}`);
}

/** The draft's clauses as cards, each with every signatory's answer (a word, not only a colour). */
export function clauseList(pub: PublicScenario, cards: ClauseCard[], t: Translator['t'], locale: Locale): HTMLElement {
  const list = h('ol', { class: 'clauses' });
  for (const card of cards) {
    const answers = h('ul', { class: 'answers' });
    for (const [d, answer] of Object.entries(card.answers) as [DelegationId, ClauseAnswer][]) {
      const state = answer.state === 'answered' ? answer.response : answer.state;
      answers.append(
        h('li', { dataset: { answer: state } }, delegationBadge(pub, d, locale), ': ', answerText(answer, t, locale)),
      );
    }
    list.append(
      h(
        'li',
        { class: 'clause-card' },
        h('h4', { text: localized(card.issueTitle, locale) }),
        h('p', { class: 'option', text: localized(card.optionLabel, locale) }),
        h('p', { class: 'summary', text: localized(card.summary, locale) }),
        answers,
      ),
    );
  }
  return list;
}

/** Empties `el` and shows a short explanation instead of content that does not exist yet. */
export function emptyNote(el: HTMLElement, text: string): void {
  fill(el, h('p', { class: 'empty', text }));
}

/**
 * "We are ready" as an action, in the lobby, the briefing and the talks. Once the delegation is
 * ready, a line says so and the button offers the way back, worded as what it does ("Cancel: …"),
 * so the button never reads like a status.
 */
export function readyToggle(
  ctx: { t: Translator['t']; controller: { store: { get(): AppState }; send(i: Intent): void } },
  me: DelegationId,
  keys: { ready: string; cancel: string; waiting: string },
): Live & { button: HTMLButtonElement } {
  const { t, controller } = ctx;
  const waiting = h('p', { class: 'ready-state', attrs: { role: 'status' } });
  const toggle = h('button', { attrs: { type: 'button' } });
  toggle.addEventListener('click', () => {
    const view = controller.store.get().view;
    controller.send(intent('seat.ready', { ready: !view?.seats[me].ready }));
  });
  const el = h('div', { class: 'ready-toggle' }, toggle, waiting);
  return {
    el,
    button: toggle,
    update(state) {
      const isReady = state.view?.seats[me].ready ?? false;
      toggle.textContent = t(isReady ? keys.cancel : keys.ready);
      toggle.className = isReady ? 'secondary' : '';
      waiting.textContent = isReady ? t(keys.waiting) : '';
      waiting.hidden = !isReady;
    },
  };
}

/** The session's clock in one line for the console: each timed phase with its time, or "no clock". */
export function clockSettings(phaseSeconds: Record<string, number>, t: Translator['t']): string {
  const timed = CLOCKED_PHASES.filter((p) => phaseSeconds[p] !== undefined);
  if (timed.length === 0) return t('clock.none');
  const parts = timed.map((p) => `${t(`phase.${p}`)} ${formatDuration(phaseSeconds[p] ?? 0)}`);
  return `${t('clock.settings')}: ${parts.join(' · ')}`;
}
