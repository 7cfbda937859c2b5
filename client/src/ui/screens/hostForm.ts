/**
 * Home's "Host a session" form: which seats people play, how many may share a delegation, how many
 * tables (one is a session; two or more open a class, each table with its own code, and how
 * students find theirs), the clock per phase, the session options and the computer's strength.
 */
import { BOT_LEVELS, type BotLevel } from '@peace-table/shared/bots/types';
import { MAX_CLASS_TABLES, type SeatKind } from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PhaseSeconds } from '../../model/clock.ts';
import { clockField } from '../clockField.ts';
import { field, fill, h, radios } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

const DEFAULT_TEAM_SIZE = 3;

export interface HostFormDeps {
  scenarioId(): string;
  attempt(form: HTMLFormElement, action: () => Promise<void>): Promise<void>;
  showError(text: string): void;
}

export interface HostForm {
  form: HTMLFormElement;
  /** The seat choices under the scenario's own delegation names (kept as chosen when redrawn). */
  renderSeats(names: (d: DelegationId) => string): void;
  /** The scenario's number of rounds, for the clock's total. */
  setRounds(rounds: number): void;
}

/** A checkbox with its label and a line explaining it. */
function checkbox(id: string, label: string, hint: string) {
  const input = h('input', { id, attrs: { type: 'checkbox', 'aria-describedby': `${id}-hint` } });
  const el = h(
    'div',
    { class: 'choice' },
    input,
    h(
      'label',
      { attrs: { for: id } },
      h('strong', { text: label }),
      h('span', { class: 'hint', id: `${id}-hint`, text: hint }),
    ),
  );
  return { input, el };
}

export function hostForm(ctx: ScreenContext, deps: HostFormDeps): HostForm {
  const { t, controller } = ctx;
  const seatsSlot = h('div');
  const teamSize = h('input', {
    attrs: { type: 'number', min: 1, max: 8, value: DEFAULT_TEAM_SIZE, inputmode: 'numeric' },
  });
  const clock = clockField(t, 'none');
  const hostLevel = radios<BotLevel>(
    'host-level',
    t('home.difficulty'),
    BOT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
    'standard',
  );
  hostLevel.fieldset.classList.add('inline');
  let hostSeats = () => Object.fromEntries(DELEGATION_IDS.map((d) => [d, 'human'])) as Record<DelegationId, SeatKind>;
  // One table is a session; two or more open a class, each table with its own code.
  const tables = h('input', {
    attrs: { type: 'number', min: 1, max: MAX_CLASS_TABLES, value: 1, inputmode: 'numeric' },
  });
  const assignment = radios<'choose' | 'assign'>(
    'class-assignment',
    t('home.classAssignment'),
    [
      { value: 'choose', label: t('home.classChoose') },
      { value: 'assign', label: t('home.classAssign') },
    ],
    'choose',
  );
  assignment.fieldset.classList.add('inline');
  const noPress = checkbox('host-no-press', t('options.noPress'), t('options.noPressHint'));
  const anonymous = checkbox('host-anonymous', t('options.anonymous'), t('options.anonymousHint'));
  const options = h(
    'fieldset',
    { class: 'choices' },
    h('legend', { text: t('options.title') }),
    noPress.el,
    anonymous.el,
  );
  const tableCount = () => Math.min(MAX_CLASS_TABLES, Math.max(1, Math.round(Number(tables.value) || 1)));
  const hostButton = h('button', { attrs: { type: 'submit' }, text: t('home.createSession') });
  const showTables = () => {
    const n = tableCount();
    assignment.fieldset.hidden = n < 2;
    hostButton.textContent = n < 2 ? t('home.createSession') : t('home.createClass', { count: n });
  };
  tables.addEventListener('input', showTables);
  showTables();
  const hostForm = h(
    'form',
    { class: 'card', attrs: { 'aria-labelledby': 'host-title' } },
    h('h2', { id: 'host-title', text: t('home.host') }),
    h('p', { text: t('home.hostIntro') }),
    seatsSlot,
    h(
      'div',
      { class: 'field-row' },
      field(t('home.teamSize'), teamSize, t('home.teamSizeHint')),
      field(t('home.tables'), tables, t('home.tablesHint')),
    ),
    assignment.fieldset,
    clock.el,
    options,
    hostLevel.fieldset,
    hostButton,
  );
  hostForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const size = Math.min(8, Math.max(1, Math.round(Number(teamSize.value) || DEFAULT_TEAM_SIZE)));
    let phaseSeconds: PhaseSeconds | null;
    try {
      phaseSeconds = clock.value();
    } catch (error) {
      deps.showError((error as Error).message);
      return;
    }
    const chosen = {
      scenarioId: deps.scenarioId(),
      seats: hostSeats(),
      teamSize: size,
      phaseSeconds,
      botLevel: hostLevel.value(),
      name: '',
      noPress: noPress.input.checked,
      anonymous: anonymous.input.checked,
    };
    const count = tableCount();
    if (count < 2) {
      void deps.attempt(hostForm, () => controller.host(chosen));
      return;
    }
    void deps.attempt(hostForm, async () => {
      const studentsChoose = assignment.value() === 'choose';
      const code = await controller.hostClass({ ...chosen, tables: count, studentsChoose });
      // The class console is a page of its own (loaded only for classes): its address is the class link.
      window.location.assign(`${window.location.pathname}?class=${code}`);
    });
  });

  return {
    form: hostForm,
    renderSeats(names) {
      const chosen = hostSeats();
      const selects = DELEGATION_IDS.map((d) => {
        const select = h(
          'select',
          { attrs: { name: `seat-${d}` } },
          h('option', { attrs: { value: 'human' }, text: t('home.seatHuman') }),
          h('option', { attrs: { value: 'bot' }, text: t('home.seatBot') }),
        );
        select.value = chosen[d];
        return { d, select, el: field(names(d), select) };
      });
      hostSeats = () =>
        Object.fromEntries(selects.map(({ d, select }) => [d, select.value as SeatKind])) as Record<
          DelegationId,
          SeatKind
        >;
      fill(
        seatsSlot,
        h('fieldset', { class: 'seats' }, h('legend', { text: t('home.seats') }), ...selects.map((s) => s.el)),
      );
    },
    setRounds: (rounds) => clock.setRounds(rounds),
  };
}
