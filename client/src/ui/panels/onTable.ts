/**
 * The draft on the table and what this delegation can do about it: respond clause by clause with
 * reasons (accept, reject, or counter with the builder's package), withdraw its own draft, sign or
 * decline an accepted one, or take it into the builder to amend.
 */
import type { ProposalView } from '@peace-table/shared/engine/view';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { intent, refusal, refusalText } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { list } from '../../model/format.ts';
import { draftOnTable, type ResponseDraft, type ResponseKind, respondIntent } from '../../model/proposal.ts';
import { clauseCards } from '../../model/table.ts';
import type { AppState } from '../../state/app.ts';
import { clauseList, delegationName, emptyNote, type Live, refusalLine } from '../components.ts';
import { button, field, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import type { Builder } from './builder.ts';

const KINDS: ResponseKind[] = ['accept', 'reject', 'counter'];

export function onTablePanel(ctx: ScreenContext, me: DelegationId, builder: Builder): Live {
  const { t, locale, controller } = ctx;
  const body = h('div');
  const refusalEl = refusalLine(
    ['proposal.respond', 'proposal.withdraw', 'agreement.sign', 'agreement.decline', 'proposal.amend'],
    t,
    locale,
  );
  const el = h(
    'section',
    { class: 'on-table', attrs: { 'aria-labelledby': 'on-table-title' } },
    h('h3', { id: 'on-table-title', text: t('table.onTable') }),
    body,
    refusalEl.el,
  );
  let shown = '';
  // The response form survives re-renders (others answering meanwhile) so typed reasons are kept.
  let form: { id: string; el: HTMLFormElement | null } | null = null;
  const keptForm = (state: AppState, p: ProposalView) => {
    if (form?.id !== p.id) form = { id: p.id, el: respondForm(state, p) };
    return form.el;
  };

  const respondForm = (state: AppState, p: ProposalView) => {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view) return null;
    const reasons = new Map<string, HTMLInputElement>();
    const general = h('input', { attrs: { type: 'text', maxlength: 300 } });
    const kindName = `respond-${p.id}`;
    const kinds = h(
      'fieldset',
      { class: 'choices inline' },
      h('legend', { text: t('respond.kind') }),
      ...KINDS.map((k) => {
        const id = `${kindName}-${k}`;
        return h(
          'div',
          { class: 'choice' },
          h('input', { id, attrs: { type: 'radio', name: kindName, value: k, checked: k === 'accept' } }),
          h('label', { attrs: { for: id }, text: t(`response.${k}`) }),
        );
      }),
    );
    const clauseInputs = clauseCards(pub, p).map((card) => {
      const input = h('input', { attrs: { type: 'text', maxlength: 300 } });
      reasons.set(card.ref, input);
      return field(
        t('respond.clauseReason', {
          issue: localized(card.issueTitle, locale),
          option: localized(card.optionLabel, locale),
        }),
        input,
      );
    });
    const warning = h('p', { class: 'warning', attrs: { 'aria-live': 'polite' } });
    const collect = (): ResponseDraft => {
      const kind = (kinds.querySelector<HTMLInputElement>('input:checked')?.value ?? 'accept') as ResponseKind;
      return {
        response: kind,
        clauseReasons: Object.fromEntries([...reasons].map(([ref, input]) => [ref, input.value])),
        general: general.value,
        counter: kind === 'counter' ? builder.draft().choices : null,
      };
    };
    const submit = h('button', { attrs: { type: 'submit' }, text: t('respond.send') });
    const check = () => {
      const s = controller.store.get();
      if (!s.scenario || !s.view) return;
      const why = refusal(seatScenario(s.scenario, s.view), s.view, me, respondIntent(p.id, collect()));
      warning.textContent = why ? t('respond.blocked', { reason: refusalText(why, t, locale) }) : '';
      submit.disabled = why !== null;
    };
    const form = h(
      'form',
      { class: 'respond' },
      h('h4', { text: t('respond.title') }),
      kinds,
      h('p', { class: 'hint', text: t('respond.counterHint') }),
      ...clauseInputs,
      field(t('respond.general'), general),
      warning,
      submit,
    );
    form.addEventListener('change', check);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      controller.send(respondIntent(p.id, collect()));
    });
    queueMicrotask(check);
    return form;
  };

  return {
    el,
    update(state) {
      refusalEl.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const p = draftOnTable(view);
      const key = JSON.stringify([p?.id, p?.status, p?.responded, p?.signatures, view.phase, view.paused]);
      if (key === shown) return;
      shown = key;
      if (!p) {
        const last = view.proposals.at(-1);
        emptyNote(body, t('table.nothingOnTable'));
        if (last && view.phase === 'tabling')
          body.append(button(t('table.amendLast'), () => builder.load(last), { class: 'secondary' }));
        return;
      }
      const names = (ds: readonly DelegationId[]) =>
        list(
          ds.map((d) => delegationName(pub, d, locale)),
          locale,
        );
      const actions = h('div', { class: 'actions' });
      const isSignatory = p.signatories.includes(me);
      if (view.phase === 'responses' && p.author === me) {
        actions.append(
          button(t('table.withdraw'), () => controller.send(intent('proposal.withdraw', { proposalId: p.id })), {
            class: 'secondary',
          }),
        );
      }
      if (view.phase === 'signing' && isSignatory && !p.signatures.includes(me)) {
        const reason = h('input', { attrs: { type: 'text', maxlength: 300 } });
        actions.append(
          button(t('table.sign'), () => controller.send(intent('agreement.sign', { proposalId: p.id }))),
          field(t('table.declineReason'), reason),
          button(
            t('table.decline'),
            () => {
              const text = reason.value.trim();
              controller.send(intent('agreement.decline', { proposalId: p.id, ...(text ? { reason: text } : {}) }));
            },
            { class: 'danger' },
          ),
        );
      }
      if (view.phase === 'tabling')
        actions.append(button(t('table.amend'), () => builder.load(p), { class: 'secondary' }));
      const mustRespond = view.phase === 'responses' && isSignatory && p.author !== me && !p.responded.includes(me);
      fill(
        body,
        h('p', { text: t('table.draftBy', { delegation: delegationName(pub, p.author, locale), round: p.round }) }),
        p.note ? h('blockquote', { text: p.note }) : null,
        h('p', { text: t('table.status', { status: t(`proposalStatus.${p.status}`) }) }),
        h('p', { text: t('table.signatories', { delegations: names(p.signatories) }) }),
        clauseList(pub, clauseCards(pub, p), t, locale),
        mustRespond ? keptForm(state, p) : null,
        actions.childElementCount > 0 ? actions : null,
      );
    },
  };
}
