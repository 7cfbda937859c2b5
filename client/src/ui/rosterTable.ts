/**
 * The seats as a table: delegation, who is in it (with connection), status in words; for the
 * facilitator also the controls to hand a seat to the computer or back, move or remove people.
 * Rebuilt only when the roster itself changes, so a control in use keeps its focus.
 */
import { ROOM_MESSAGE } from '@peace-table/shared/protocol';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import { roster, rowStatusKey } from '../model/roster.ts';
import type { AppState } from '../state/app.ts';
import { delegationBadge, type Live } from './components.ts';
import { confirmDialog } from './confirmDialog.ts';
import { button, fill, h } from './dom.ts';
import type { ScreenContext } from './screen.ts';

export function rosterTable(ctx: ScreenContext, manage: boolean): Live {
  const { t, locale, controller } = ctx;
  const body = h('tbody');
  const head = h(
    'tr',
    {},
    h('th', { attrs: { scope: 'col' }, text: t('roster.delegation') }),
    h('th', { attrs: { scope: 'col' }, text: t('roster.people') }),
    h('th', { attrs: { scope: 'col' }, text: t('roster.status') }),
    manage ? h('th', { attrs: { scope: 'col' }, text: t('roster.seatControl') }) : null,
  );
  const el = h('table', { class: 'roster' }, h('caption', { text: t('roster.caption') }), h('thead', {}, head), body);
  let last = '';

  return {
    el,
    update(state: AppState) {
      const pub = state.scenario;
      if (!pub) return;
      const data = roster(state.room, state.view);
      const key = JSON.stringify(data);
      if (key === last) return;
      last = key;
      fill(
        body,
        ...data.rows.map((row) => {
          const people = h('ul', { class: 'people' });
          for (const m of row.members) {
            const moveSelect = manage
              ? h(
                  'select',
                  { attrs: { 'aria-label': t('roster.moveLabel', { name: m.name }) } },
                  ...DELEGATION_IDS.map((d) =>
                    h('option', { attrs: { value: d, selected: d === row.delegation }, text: t(`delegation.${d}`) }),
                  ),
                )
              : null;
            moveSelect?.addEventListener('change', () =>
              controller.sendRoom(ROOM_MESSAGE.participantMove, { participantId: m.id, delegation: moveSelect.value }),
            );
            people.append(
              h(
                'li',
                { dataset: { connected: String(m.connected) } },
                h('span', { text: m.name }),
                ' ',
                h('span', { class: 'conn', text: t(m.connected ? 'roster.online' : 'roster.offline') }),
                moveSelect,
                manage
                  ? button(
                      t('roster.kick'),
                      async () => {
                        const sure = await confirmDialog({
                          title: t('roster.kickTitle', { name: m.name }),
                          body: t('roster.kickConfirm', { name: m.name }),
                          confirm: t('roster.kickYes'),
                          cancel: t('roster.kickNo'),
                        });
                        if (sure) controller.sendRoom(ROOM_MESSAGE.participantKick, { participantId: m.id });
                      },
                      { class: 'danger small' },
                    )
                  : null,
              ),
            );
          }
          // A computer seat has nobody to wait for: it says who plays it, not "nobody yet".
          if (row.members.length === 0)
            people.append(
              h('li', { class: 'empty', text: t(row.control === 'bot' ? 'summary.computer' : 'roster.nobody') }),
            );
          const control = manage
            ? button(
                t(row.control === 'bot' ? 'roster.toHuman' : 'roster.toBot'),
                () =>
                  controller.sendRoom(ROOM_MESSAGE.seatControl, {
                    delegation: row.delegation,
                    control: row.control === 'bot' ? 'human' : 'bot',
                  }),
                { class: 'secondary small' },
              )
            : null;
          return h(
            'tr',
            { dataset: { delegation: row.delegation } },
            h('th', { attrs: { scope: 'row' } }, delegationBadge(pub, row.delegation, locale)),
            h('td', {}, people),
            h('td', { text: t(rowStatusKey(row)) }),
            manage ? h('td', {}, control) : null,
          );
        }),
      );
    },
  };
}
