/**
 * Home: play solo against the computer, host a class session, join one with a code (or watch it
 * on a projector), or rejoin a seat this browser held before.
 */
import { BOT_LEVELS, type BotLevel } from '@peace-table/shared/bots/types';
import { nameRefusal, normaliseName } from '@peace-table/shared/names';
import { MAX_CLASS_TABLES, type SeatKind } from '@peace-table/shared/protocol';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import type { PhaseSeconds } from '../../model/clock.ts';
import { failureWords, refusalSentence } from '../../model/refusals.ts';
import type { ScenarioSummary } from '../../net/api.ts';
import { codeFromLocation, displayCode, isValidCode, normaliseCode, projectorRequested } from '../../net/joinCode.ts';
import type { AppState } from '../../state/app.ts';
import { clockField } from '../clockField.ts';
import { button, field, fill, h, radios } from '../dom.ts';
import type { Screen, ScreenContext } from '../screen.ts';

const DEFAULT_TEAM_SIZE = 3;

export function homeScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale, controller } = ctx;
  const alert = h('p', { class: 'refusal', attrs: { role: 'alert' } });
  let scenarios: ScenarioSummary[] = [];
  let scenario: PublicScenario | null = initial.scenario;

  const intro = h('p', { class: 'lead', text: t('home.intro') });
  const scenarioSelect = h('select', { attrs: { name: 'scenario' } });
  const scenarioField = field(t('home.scenario'), scenarioSelect);
  const delegationSlot = h('div');
  const hostSeatsSlot = h('div');
  const name = (id: string) =>
    h('input', { id, attrs: { type: 'text', maxlength: 40, autocomplete: 'nickname', required: true } });

  const busy = (form: HTMLFormElement, on: boolean) => {
    for (const el of form.querySelectorAll('button')) el.disabled = on;
    form.setAttribute('aria-busy', String(on));
  };
  const attempt = async (form: HTMLFormElement, action: () => Promise<void>) => {
    alert.textContent = '';
    busy(form, true);
    try {
      await action();
    } catch (error) {
      alert.textContent = t('home.failed', { reason: failureWords(error, t, locale) });
      busy(form, false);
    }
  };
  const nameOf = (input: HTMLInputElement) => normaliseName(input.value);
  /** The server's own name rules (shared/src/names.ts), so a refused name is explained before joining. */
  const requireName = (input: HTMLInputElement) => {
    const delegations = scenario ? DELEGATION_IDS.map((d) => scenario?.delegations[d].name ?? { en: '', uk: '' }) : [];
    const refusal = nameRefusal(nameOf(input), delegations);
    if (!refusal) return true;
    alert.textContent =
      refusal.reason === 'nameEmpty' ? t('home.nameMissing') : refusalSentence({ code: '', ...refusal }, t, locale);
    input.focus();
    return false;
  };

  // --- Solo ---------------------------------------------------------------------------------------
  const soloName = name('solo-name');
  // Compact choices (a classroom laptop shows "Start the talks" without scrolling): the options in a
  // row, and a line under them explaining the one chosen.
  const level = radios<BotLevel>(
    'solo-level',
    t('home.difficulty'),
    BOT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
    'standard',
  );
  level.fieldset.classList.add('inline');
  const levelHint = h('p', { class: 'hint chosen-hint' });
  level.fieldset.append(levelHint);
  const showLevel = () => (levelHint.textContent = t(`level.${level.value()}Hint`));
  level.fieldset.addEventListener('change', showLevel);
  showLevel();
  let soloDelegation = () => 'ukraine' as DelegationId;
  const soloForm = h(
    'form',
    { class: 'card', attrs: { 'aria-labelledby': 'solo-title' } },
    h('h2', { id: 'solo-title', text: t('home.solo') }),
    h('p', { text: t('home.soloIntro') }),
    field(t('home.yourName'), soloName),
    delegationSlot,
    level.fieldset,
    h('button', { attrs: { type: 'submit' }, text: t('home.startSolo') }),
  );
  soloForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!requireName(soloName)) return;
    void attempt(soloForm, () =>
      controller.playSolo({
        scenarioId: scenarioSelect.value,
        delegation: soloDelegation(),
        botLevel: level.value(),
        name: nameOf(soloName),
      }),
    );
  });

  // --- Host ---------------------------------------------------------------------------------------
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
  const checkbox = (id: string, label: string, hint: string) => {
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
  };
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
    hostSeatsSlot,
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
      alert.textContent = (error as Error).message;
      return;
    }
    const chosen = {
      scenarioId: scenarioSelect.value,
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
      void attempt(hostForm, () => controller.host(chosen));
      return;
    }
    void attempt(hostForm, async () => {
      const studentsChoose = assignment.value() === 'choose';
      const code = await controller.hostClass({ ...chosen, tables: count, studentsChoose });
      // The class console is a page of its own (loaded only for classes): its address is the class link.
      window.location.assign(`${window.location.pathname}?class=${code}`);
    });
  });

  // --- Join ---------------------------------------------------------------------------------------
  const code = h('input', {
    attrs: {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 9,
      required: true,
    },
  });
  code.value = codeFromLocation(window.location.search) ?? '';
  const joinName = name('join-name');
  const joinDelegation = radios<DelegationId>(
    'join-delegation',
    t('home.delegation'),
    DELEGATION_IDS.map((d) => ({ value: d, label: t(`delegation.${d}`) })),
    'ukraine',
  );
  const joinForm = h(
    'form',
    { class: 'card', attrs: { 'aria-labelledby': 'join-title' } },
    h('h2', { id: 'join-title', text: t('home.join') }),
    field(t('home.code'), code, t('home.codeHint')),
    field(t('home.yourName'), joinName),
    joinDelegation.fieldset,
    h(
      'div',
      { class: 'actions' },
      h('button', { attrs: { type: 'submit' }, text: t('home.joinButton') }),
      button(
        t('home.watch'),
        () => {
          if (!isValidCode(code.value)) {
            alert.textContent = t('home.codeInvalid');
            return;
          }
          void attempt(joinForm, () => controller.watch(code.value));
        },
        { class: 'secondary' },
      ),
    ),
  );
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!isValidCode(code.value)) {
      alert.textContent = t('home.codeInvalid');
      code.focus();
      return;
    }
    if (!requireName(joinName)) return;
    void attempt(joinForm, async () => {
      try {
        await controller.join({ code: code.value, delegation: joinDelegation.value(), name: nameOf(joinName) });
      } catch (error) {
        // A class's code where a table's goes: the class's page lists its tables (or says to ask).
        const classCode = normaliseCode(code.value);
        if (await controller.api.isClass(classCode)) {
          window.location.assign(`${window.location.pathname}?class=${classCode}`);
          return;
        }
        throw error;
      }
    });
  });

  // --- Rejoin ---------------------------------------------------------------------------------------
  const saved = controller.seats.list();
  const rejoin =
    saved.length === 0
      ? null
      : h(
          'section',
          { class: 'card rejoin', attrs: { 'aria-labelledby': 'rejoin-title' } },
          h('h2', { id: 'rejoin-title', text: t('home.rejoin') }),
          h(
            'ul',
            {},
            ...saved.map((seat) =>
              h(
                'li',
                {},
                button(
                  t(`home.rejoinAs.${seat.role}`, {
                    code: displayCode(seat.code),
                    delegation: seat.delegation ? t(`delegation.${seat.delegation}`) : '',
                  }),
                  () =>
                    void controller
                      .rejoin(seat)
                      .catch(
                        (error: unknown) =>
                          (alert.textContent = t('home.failed', { reason: failureWords(error, t, locale) })),
                      ),
                ),
              ),
            ),
          ),
        );

  /**
   * Delegation choices show the scenario's own names and public positions once it has loaded.
   * Rebuilt then, they keep what the player already chose in the meantime.
   */
  const renderScenario = () => {
    const chosenDelegation = soloDelegation();
    const chosenSeats = hostSeats();
    const names = (d: DelegationId) =>
      scenario ? localized(scenario.delegations[d].name, locale) : t(`delegation.${d}`);
    const solo = radios<DelegationId>(
      'solo-delegation',
      t('home.delegation'),
      DELEGATION_IDS.map((d) => ({ value: d, label: names(d) })),
      chosenDelegation,
    );
    solo.fieldset.classList.add('inline');
    // The chosen delegation's public position, folded under the four names (a small laptop keeps
    // "Start the talks" on screen).
    const position = h('p', { class: 'hint chosen-hint' });
    const positionTitle = h('summary');
    const positionBox = h('details', { class: 'position-hint' }, positionTitle, position);
    const showPosition = () => {
      const d = solo.value();
      positionTitle.textContent = t('home.positionOf', { delegation: names(d) });
      position.textContent = scenario ? localized(scenario.delegations[d].publicPosition.text, locale) : '';
      positionBox.hidden = !scenario;
    };
    solo.fieldset.append(positionBox);
    solo.fieldset.addEventListener('change', showPosition);
    showPosition();
    soloDelegation = solo.value;
    fill(delegationSlot, solo.fieldset);
    const selects = DELEGATION_IDS.map((d) => {
      const select = h(
        'select',
        { attrs: { name: `seat-${d}` } },
        h('option', { attrs: { value: 'human' }, text: t('home.seatHuman') }),
        h('option', { attrs: { value: 'bot' }, text: t('home.seatBot') }),
      );
      select.value = chosenSeats[d];
      return { d, select, el: field(names(d), select) };
    });
    hostSeats = () =>
      Object.fromEntries(selects.map(({ d, select }) => [d, select.value as SeatKind])) as Record<
        DelegationId,
        SeatKind
      >;
    fill(
      hostSeatsSlot,
      h('fieldset', { class: 'seats' }, h('legend', { text: t('home.seats') }), ...selects.map((s) => s.el)),
    );
    if (scenario) {
      intro.textContent = localized(scenario.meta.summary, locale);
      clock.setRounds(scenario.meta.rounds);
    }
  };

  const loadScenario = async (id: string) => {
    try {
      scenario = await controller.api.publicScenario(id);
      renderScenario();
    } catch {
      // The forms work with the built-in delegation names; the summary just stays generic.
    }
  };
  scenarioSelect.addEventListener('change', () => void loadScenario(scenarioSelect.value));
  renderScenario();
  // Solo and host need a scenario id: their buttons wait until the server has listed them.
  const needScenario = () => [soloForm, hostForm].flatMap((f) => [...f.querySelectorAll('button')]);
  for (const b of needScenario()) b.disabled = true;
  void controller.api.scenarios().then(
    (list) => {
      scenarios = list.filter((s) => s.ok !== false);
      for (const b of needScenario()) b.disabled = scenarios.length === 0;
      fill(
        scenarioSelect,
        ...scenarios.map((s) => h('option', { attrs: { value: s.id }, text: localized(s.title, locale) })),
      );
      scenarioField.hidden = scenarios.length < 2;
      if (scenarios[0]) void loadScenario(scenarios[0].id);
    },
    (error: unknown) => (alert.textContent = t('home.noServer', { reason: failureWords(error, t, locale) })),
  );

  const el = h(
    'div',
    { class: 'screen home' },
    h('h1', { text: t('home.title'), attrs: { tabindex: -1 } }),
    intro,
    scenarioField,
    alert,
    rejoin,
    h('div', { class: 'cards' }, soloForm, hostForm, joinForm),
  );
  // The projector's link printed by `npm start` (?watch, no code yet): say what to do, ready to type.
  if (projectorRequested(window.location.search) && !code.value) {
    alert.textContent = '';
    el.insertBefore(
      h('p', { class: 'projector-prompt', attrs: { role: 'status' }, text: t('home.projectorPrompt') }),
      alert,
    );
    queueMicrotask(() => code.focus());
  }
  return { el, update: () => undefined };
}
