/**
 * What this phase asks of the delegation, in one place above the tabs: the opening statement,
 * "ready" in the talks, a hint (and "pass") in tabling, a hint in responses and signing, the computer's explanations when
 * it plays the seat, and walking out (with a confirmation).
 */
import { LIMITS } from '@peace-table/shared/engine/limits';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { intent, refusal } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import type { AppState } from '../../state/app.ts';
import { type Live, readyToggle, refusalLine } from '../components.ts';
import { confirmDialog } from '../confirmDialog.ts';
import { button, field, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export function phaseActions(ctx: ScreenContext, me: DelegationId): Live {
  const { t, locale, controller } = ctx;
  const hint = h('p', { class: 'phase-hint' });
  const statement = h('textarea', { attrs: { rows: 3, maxlength: LIMITS.statement } });
  const statementForm = h(
    'form',
    { class: 'statement' },
    field(t('actions.statement'), statement, t('actions.statementHint')),
    h('button', { attrs: { type: 'submit' }, text: t('actions.makeStatement') }),
  );
  statementForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = statement.value.trim();
    if (text) controller.send(intent('statement.make', { text }));
  });
  const ready = readyToggle(ctx, me, {
    ready: 'actions.ready',
    cancel: 'actions.notReady',
    waiting: 'actions.waiting',
  });
  const walkout = button(
    t('actions.walkout'),
    async () => {
      // The app's own accessible dialog (not the browser's confirm and prompt), with the reason in it.
      const input = h('input', { attrs: { type: 'text', maxlength: LIMITS.reason } });
      const sure = await confirmDialog({
        title: t('actions.walkoutConfirm'),
        body: t('actions.walkoutBody'),
        confirm: t('actions.walkout'),
        cancel: t('actions.walkoutStay'),
        field: { label: t('actions.walkoutReason'), input },
      });
      if (!sure) return;
      const reason = input.value.trim().slice(0, LIMITS.reason);
      controller.send(intent('delegation.walkout', reason ? { reason } : {}));
    },
    { class: 'danger small walkout' },
  );
  // Passing is the other answer to tabling: beside the hint, not only under the 19-issue builder.
  const pass = button(t('builder.pass'), () => controller.send(intent('seat.ready', { ready: true })), {
    class: 'secondary',
  });
  const botNote = h('p', { class: 'bot-note', attrs: { 'aria-live': 'polite' } });
  const refusalEl = refusalLine(['statement.make', 'seat.ready', 'delegation.walkout'], t, locale);
  const el = h(
    'section',
    { class: 'phase-actions', attrs: { 'aria-label': t('actions.label') } },
    hint,
    statementForm,
    h('div', { class: 'actions' }, ready.el, pass, walkout),
    botNote,
    refusalEl.el,
  );

  return {
    el,
    update(state: AppState) {
      refusalEl.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const seat = seatScenario(pub, view);
      const mine = view.seats[me];
      hint.textContent = mine.walkedOut
        ? t('actions.walkedOut')
        : view.paused
          ? t('actions.paused')
          : t(`actions.hint.${view.phase}`);
      statementForm.hidden = view.phase !== 'opening' || mine.statement !== null;
      const readyPhase = view.phase === 'talks';
      ready.el.hidden = !readyPhase;
      ready.update(state);
      ready.button.disabled = refusal(seat, view, me, intent('seat.ready', { ready: !mine.ready })) !== null;
      walkout.hidden = refusal(seat, view, me, intent('delegation.walkout', {})) !== null;
      pass.hidden =
        view.phase !== 'tabling' ||
        mine.ready ||
        refusal(seat, view, me, intent('seat.ready', { ready: true })) !== null;
      const control = state.room?.seats[me]?.control;
      const reasons = state.botReasons.filter((r) => r.delegation === me);
      const last = reasons.at(-1);
      botNote.hidden = control !== 'bot';
      botNote.textContent =
        control === 'bot'
          ? [t('actions.botPlays'), last ? localized(last.reason, locale) : ''].filter(Boolean).join(' ')
          : '';
    },
  };
}
