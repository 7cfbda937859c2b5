/**
 * The draft on the table and what this delegation can do about it: respond clause by clause with
 * reasons (accept, reject, or counter with the builder's package), withdraw its own draft, sign or
 * decline an accepted one, or take it into the builder to amend.
 */
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { intent, refusal, refusalText } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { type FloorModel, floorModel } from '../../model/floor.ts';
import { list } from '../../model/format.ts';
import { draftOnTable, type ResponseDraft, type ResponseKind, respondIntent } from '../../model/proposal.ts';
import { agreementsInForce, clauseCards } from '../../model/table.ts';
import { inForceLines } from '../../model/tableText.ts';
import type { AppState } from '../../state/app.ts';
import { clauseList, delegationName, type Live, refusalLine } from '../components.ts';
import { button, field, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import type { Builder } from './builder.ts';
import { answersBlock, figuresBlock } from './choice.ts';

const KINDS: ResponseKind[] = ['accept', 'reject', 'counter'];

/** The round's (or the last round's) most recent draft that was answered, signed or withdrawn. */
function lastAnswered(view: SeatView): ProposalView | null {
  // Drafts are answered in the chair's order, not in the order of their ids: the last answered is
  // the one whose latest answer came last.
  const answeredAt = (p: ProposalView) => Math.max(p.at, ...Object.values(p.responses).map((r) => r?.at ?? 0));
  let last: ProposalView | null = null;
  for (const p of view.proposals) {
    if (p.round < view.round - 1) continue;
    if (p.status !== 'rejected' && p.status !== 'declined' && p.status !== 'signed' && p.status !== 'withdrawn')
      continue;
    if (!last || answeredAt(p) >= answeredAt(last)) last = p;
  }
  return last;
}

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
  // The draft and phase for which the panel last brought itself into view (once each, not on every redraw).
  let prompted = '';
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
          // Nothing preselected: the delegation chooses its answer with the figures in front of it.
          h('input', { id, attrs: { type: 'radio', name: kindName, value: k } }),
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
    const chosen = () => (kinds.querySelector<HTMLInputElement>('input:checked')?.value ?? null) as ResponseKind | null;
    const collect = (): ResponseDraft => {
      const kind = chosen() ?? 'reject';
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
      if (chosen() === null) {
        // Nothing chosen yet is where every answer starts, not a mistake: said plainly, not in red.
        warning.className = 'hint';
        warning.textContent = t('respond.choose');
        submit.disabled = true;
        return;
      }
      const why = refusal(seatScenario(s.scenario, s.view), s.view, me, respondIntent(p.id, collect()));
      warning.className = 'warning';
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
      if (chosen() === null) return;
      controller.send(respondIntent(p.id, collect()));
    });
    queueMicrotask(check);
    return form;
  };

  /** Tabling: our sealed draft (with a way to withdraw it), or how the floor works; who is still to act. */
  const tablingBody = (state: AppState, floor: FloorModel, names: (ds: readonly DelegationId[]) => string) => {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view) return [];
    const mine = floor.sealed;
    const waiting = h('p', {
      class: 'floor-waiting',
      text: floor.waiting.length ? t('table.stillToAct', { delegations: names(floor.waiting) }) : t('table.allActed'),
    });
    if (mine) {
      return [
        h('p', {
          text: mine.counterTo
            ? t('table.sealedCounter', { parent: mine.counterTo, proposal: mine.id })
            : t('table.sealedMine', { proposal: mine.id }),
        }),
        clauseList(pub, clauseCards(pub, mine), t, locale),
        h(
          'div',
          { class: 'actions' },
          button(
            t('table.withdrawSealed'),
            () => controller.send(intent('proposal.withdraw', { proposalId: mine.id })),
            { class: 'secondary' },
          ),
        ),
        waiting,
      ];
    }
    const last = view.proposals.at(-1);
    return [
      h('p', {
        text: t('table.floorOpen', { chair: floor.chair ? delegationName(pub, floor.chair, locale) : '—' }),
      }),
      waiting,
      last ? button(t('table.amendLast'), () => builder.load(last), { class: 'secondary' }) : null,
    ];
  };

  /** What the table has agreed and ratified so far, beside whatever is on the table now. */
  const inForceSection = (state: AppState) => {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view) return null;
    const inForce = agreementsInForce(pub, view);
    if (inForce.length === 0) return null;
    return h(
      'section',
      { class: 'in-force' },
      h('h4', { text: t('table.inForce') }),
      h('ul', {}, ...inForceLines(pub, inForce, { t, locale }).map((line) => h('li', { text: line }))),
    );
  };

  return {
    el,
    update(state) {
      refusalEl.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const p = draftOnTable(view);
      const floor = floorModel(view, me);
      const key = JSON.stringify([
        p?.id,
        p?.status,
        p?.responded,
        p?.signatures,
        view.phase,
        view.paused,
        floor.sealed?.id,
        floor.waiting,
        view.floor,
        view.agreements.length,
        locale,
      ]);
      if (key === shown) return;
      shown = key;
      const names = (ds: readonly DelegationId[]) =>
        list(
          ds.map((d) => delegationName(pub, d, locale)),
          locale,
        );
      if (view.phase === 'tabling') {
        fill(body, ...tablingBody(state, floor, names), inForceSection(state));
        return;
      }
      if (!p) {
        // The last draft answered stays readable (with every reason) until the next one is tabled;
        // it has left the table and the map.
        const last = lastAnswered(view);
        fill(
          body,
          h('p', { class: 'empty', text: t('table.nothingOnTable') }),
          inForceSection(state),
          last
            ? h(
                'section',
                { class: 'last-answered' },
                h('h4', {
                  text: t('answers.lastTitle', {
                    proposal: last.id,
                    delegation: delegationName(pub, last.author, locale),
                    status: t(`proposalStatus.${last.status}`),
                  }),
                }),
                clauseList(pub, clauseCards(pub, last), t, locale),
                answersBlock(pub, last, t, locale),
              )
            : null,
        );
        return;
      }
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
      const mustRespond = view.phase === 'responses' && isSignatory && p.author !== me && !p.responded.includes(me);
      const mustSign = view.phase === 'signing' && isSignatory && !p.signatures.includes(me);
      // The figures, the answer form and the signing buttons come after every clause of the draft
      // (up to nineteen cards): a line at the top says the player is needed and takes them there.
      const figures =
        mustRespond || (view.phase === 'signing' && isSignatory)
          ? figuresBlock(seatScenario(pub, view), view, me, p, t, locale)
          : null;
      const goToAction = () => {
        figures?.scrollIntoView({ block: 'start' });
        const first = body.querySelector<HTMLElement>(
          mustRespond ? 'form.respond input[type="radio"]' : '.actions button',
        );
        first?.focus({ preventScroll: true });
      };
      const callout =
        mustRespond || mustSign
          ? h(
              'p',
              { class: 'your-turn' },
              h('span', { text: t(mustRespond ? 'table.yourAnswer' : 'table.yourSignature') }),
              button(t(mustRespond ? 'table.goToAnswer' : 'table.goToSigning'), goToAction, { class: 'secondary' }),
            )
          : null;
      fill(
        body,
        callout,
        floor.count > 1
          ? h('p', {
              class: 'floor-position',
              text: t('table.floorPosition', { position: floor.position, count: floor.count }),
            })
          : null,
        h('p', {
          text: t('table.draftBy', {
            proposal: p.id,
            delegation: delegationName(pub, p.author, locale),
            round: p.round,
          }),
        }),
        p.counterTo ? h('p', { class: 'hint', text: t('table.counterTo', { parent: p.counterTo }) }) : null,
        p.note ? h('blockquote', { text: p.note }) : null,
        h('p', { text: t('table.status', { status: t(`proposalStatus.${p.status}`) }) }),
        h('p', { text: t('table.signatories', { delegations: names(p.signatories) }) }),
        clauseList(pub, clauseCards(pub, p), t, locale),
        answersBlock(pub, p, t, locale),
        figures,
        mustRespond ? keptForm(state, p) : null,
        actions.childElementCount > 0 ? actions : null,
        floor.next.length > 0
          ? h('p', {
              class: 'hint',
              text: t('table.floorNext', {
                drafts: list(
                  floor.next.map((x) => `${x.id} (${delegationName(pub, x.author, locale)})`),
                  locale,
                ),
              }),
            })
          : null,
        inForceSection(state),
      );
      const needed = mustRespond || mustSign ? `${p.id}:${view.phase}` : '';
      if (needed && needed !== prompted && el.offsetParent !== null) el.scrollIntoView({ block: 'start' });
      prompted = needed;
    },
  };
}
