/**
 * The replay: a scrubber over the session's event log. At every step the server sends the view
 * of the chosen seat at that step (viewFor, so nothing another seat kept private shows), and the
 * stage draws its table and map while the indicators and drafts are listed beside them. The
 * facilitator chooses whose view to show (the projector's public one first); a delegation sees its
 * own. From any step the facilitator or a solo player can ask "what if" (whatIfPanel.ts).
 */
import type { DebriefAnswer, ReplayAnswer } from '@peace-table/shared/debriefApi';
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import { monthLabel } from '../../model/format.ts';
import type { DebriefAuth } from '../../net/api.ts';
import type { AppState } from '../../state/app.ts';
import { button, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import { stageText } from '../stageText.ts';
import { whatIfPanel } from './whatIfPanel.ts';

export interface ReplaySection {
  el: HTMLElement;
  update(state: AppState): void;
  destroy(): void;
}

/** Whose view this caller replays first: the projector's for a facilitator, its own for a delegation. */
export function defaultSeat(state: AppState): ViewerSeat {
  const seat = state.seat;
  if (seat?.role === 'delegate' && seat.delegation) return seat.delegation;
  return 'spectator';
}

export function replaySection(
  ctx: ScreenContext,
  pub: PublicScenario,
  data: DebriefAnswer,
  auth: DebriefAuth,
  state: AppState,
): ReplaySection {
  const { t, locale, controller } = ctx;
  const code = data.code;
  const chooseSeat = data.mayExplore && state.seat?.role === 'facilitator';
  // Where the replay stood before a redraw (a language switch), or the projector's view at the end.
  let as: ViewerSeat = state.replayAt?.as ?? defaultSeat(state);
  let step = Math.min(data.steps, state.replayAt?.step ?? data.steps);
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: AppState = state;
  let destroyed = false;

  const slider = h('input', {
    id: 'replay-step',
    attrs: { type: 'range', min: 0, max: data.steps, step: 1, value: step },
  });
  const where = h('output', { class: 'replay-where', attrs: { for: 'replay-step', 'aria-live': 'polite' } });
  const facts = h('div', { class: 'replay-facts' });
  const slot = h('div', { class: 'stage-slot replay-stage' });
  const text = stageText(ctx, ['table', 'map']);
  const status = h('p', { class: 'hint', attrs: { role: 'status' } });
  const panel = data.mayExplore ? whatIfPanel(ctx, pub, data, auth) : null;

  const seatSelect = chooseSeat
    ? h(
        'select',
        { id: 'replay-as' },
        ...(['spectator', ...DELEGATION_IDS, 'facilitator'] as ViewerSeat[]).map((seat) =>
          h('option', {
            attrs: { value: seat, selected: seat === as },
            text:
              seat === 'spectator' || seat === 'facilitator'
                ? t(`debrief.replay.as.${seat}`)
                : localized(pub.delegations[seat].name, locale),
          }),
        ),
      )
    : null;

  const describe = (answer: ReplayAnswer) => {
    const v = answer.view;
    const moment = data.moments[answer.step - 1];
    // Once the talks are over the calendar has moved past their last month: say they are over.
    const when =
      v.round > 0 && v.phase !== 'concluded'
        ? monthLabel(pub.meta.firstMonth, v.world.month, locale)
        : t(`phase.${v.phase}`);
    const last = v.transcript.at(-1);
    const what =
      answer.step === 0
        ? t('debrief.replay.start')
        : moment?.type === 'private'
          ? t('debrief.replay.private')
          : last
            ? localized(last.text, locale)
            : '';
    const round = Math.min(v.round, v.rounds);
    return t('debrief.replay.where', { step: answer.step, steps: answer.steps, round, when, what });
  };

  const show = (answer: ReplayAnswer) => {
    const v = answer.view;
    where.textContent = describe(answer);
    slider.setAttribute('aria-valuetext', where.textContent);
    const drafts = v.proposals.map((p) =>
      h('li', {
        text: `${p.id} · ${localized(pub.delegations[p.author].name, locale)} · ${t(`proposalStatus.${p.status}`)}`,
      }),
    );
    fill(
      facts,
      h(
        'table',
        { class: 'replay-indicators' },
        h('caption', { text: t('debrief.replay.indicators') }),
        h(
          'tbody',
          {},
          ...pub.world.variables.map((variable) =>
            h(
              'tr',
              { dataset: { variable: variable.id } },
              h('th', { attrs: { scope: 'row' }, text: localized(variable.label, locale) }),
              h('td', { text: String(Math.round((v.world.values[variable.id] ?? variable.initial) * 10) / 10) }),
            ),
          ),
        ),
      ),
      h(
        'div',
        {},
        h('h3', { text: t('debrief.replay.drafts') }),
        drafts.length > 0
          ? h('ul', { class: 'replay-drafts' }, ...drafts)
          : h('p', { class: 'empty', text: t('debrief.replay.noDrafts') }),
      ),
    );
    controller.select({ replay: v, replayAt: { step: answer.step, as } });
    text.update({ ...latest, view: v, previousWorld: null });
    panel?.setMoment(answer.step, answer.changes);
  };

  const load = async () => {
    const ticket = ++asked;
    status.textContent = t('debrief.replay.loading');
    try {
      const answer = await controller.api.replay(code, step, as, auth);
      if (ticket !== asked || destroyed) return;
      status.textContent = '';
      show(answer);
    } catch (error) {
      if (ticket === asked) status.textContent = t('debrief.replay.failed', { error: (error as Error).message });
    }
  };

  const goTo = (next: number, now = false) => {
    step = Math.max(0, Math.min(data.steps, next));
    slider.value = String(step);
    if (timer) clearTimeout(timer);
    // Dragging the slider asks once it rests, not at every pixel.
    timer = setTimeout(() => void load(), now ? 0 : 120);
  };
  slider.addEventListener('input', () => goTo(Number(slider.value)));
  seatSelect?.addEventListener('change', () => {
    as = seatSelect.value as ViewerSeat;
    goTo(step, true);
  });
  const roundStart = (dir: 1 | -1) => {
    const rounds = data.months.map((m) => m.step);
    const target = dir > 0 ? rounds.find((s) => s > step) : [...rounds].reverse().find((s) => s < step);
    goTo(target ?? (dir > 0 ? data.steps : 0), true);
  };

  const el = h(
    'section',
    { class: 'replay-section', attrs: { 'aria-labelledby': 'replay-title' } },
    h('h2', { id: 'replay-title', text: t('debrief.replay.title') }),
    h('p', { class: 'hint', text: t(chooseSeat ? 'debrief.replay.introFacilitator' : 'debrief.replay.intro') }),
    h(
      'div',
      { class: 'replay-controls' },
      seatSelect ? h('label', { attrs: { for: 'replay-as' }, text: t('debrief.replay.asLabel') }) : null,
      seatSelect,
      h('label', { attrs: { for: 'replay-step' }, text: t('debrief.replay.stepLabel') }),
      button(t('debrief.replay.firstStep'), () => goTo(0, true), { class: 'secondary' }),
      button(t('debrief.replay.prevRound'), () => roundStart(-1), { class: 'secondary' }),
      button(t('debrief.replay.prev'), () => goTo(step - 1, true), { class: 'secondary' }),
      slider,
      button(t('debrief.replay.next'), () => goTo(step + 1, true), { class: 'secondary' }),
      button(t('debrief.replay.nextRound'), () => roundStart(1), { class: 'secondary' }),
      button(t('debrief.replay.lastStep'), () => goTo(data.steps, true), { class: 'secondary' }),
    ),
    where,
    status,
    h('div', { class: 'replay-body' }, slot, facts),
    text.el,
    panel?.el ?? null,
  );
  void ctx.stage.show(slot, 'split');
  void load();
  return {
    el,
    update(next) {
      latest = next;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (timer) clearTimeout(timer);
      asked += 1;
      panel?.destroy();
      // The stage goes back to the live game once the screen being torn down is gone: changing the
      // state from inside the shell's teardown would make it render (and tear down) again.
      queueMicrotask(() => controller.select({ replay: null }));
    },
  };
}
