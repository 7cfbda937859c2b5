/** Pieces several screens share: the phase bar, the refusal line, delegation badges, clause cards. */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';
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

/** Phase, month, round and the phase timer; ticks every second while a timer runs. */
export function phaseBar(t: Translator['t'], locale: Locale): Live & { destroy(): void } {
  const phase = h('span', { class: 'phase' });
  const month = h('span', { class: 'month' });
  const clock = h('span', { class: 'clock', attrs: { role: 'timer', 'aria-live': 'off' } });
  const paused = h('span', { class: 'paused', text: t('phase.pausedBadge') });
  const el = h('div', { class: 'phase-bar' }, phase, month, clock, paused);
  let view: SeatView | null = null;
  const tick = () => {
    if (!view) return;
    const left = view.paused ? view.remainingMs : view.deadlineAt !== null ? view.deadlineAt - Date.now() : null;
    clock.hidden = left === null;
    if (left !== null) clock.textContent = t('phase.timeLeft', { time: countdown(left) });
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
      paused.hidden = !view.paused;
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

function answerText(answer: ClauseAnswer, t: Translator['t']): string {
  if (answer.state === 'answered') {
    const word = t(`response.${answer.response}`);
    return answer.reason ? t('clause.answerWithReason', { answer: word, reason: answer.reason }) : word;
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
        h('li', { dataset: { answer: state } }, delegationBadge(pub, d, locale), ': ', answerText(answer, t)),
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
