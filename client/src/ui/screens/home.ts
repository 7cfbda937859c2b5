/**
 * Home: play solo against the computer, host a session or a class of tables (hostForm.ts), join one
 * with a code (or watch it on a projector), or rejoin a seat this browser held before.
 */
import { BOT_LEVELS, type BotLevel } from '@peace-table/shared/bots/types';
import { nameRefusal, normaliseName } from '@peace-table/shared/names';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import { failureWords, refusalSentence } from '../../model/refusals.ts';
import type { ScenarioSummary } from '../../net/api.ts';
import { codeFromLocation, displayCode, isValidCode, normaliseCode, projectorRequested } from '../../net/joinCode.ts';
import type { AppState } from '../../state/app.ts';
import { button, field, fill, h, radios } from '../dom.ts';
import type { Screen, ScreenContext } from '../screen.ts';
import { hostForm } from './hostForm.ts';

export function homeScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale, controller } = ctx;
  const alert = h('p', { class: 'refusal', attrs: { role: 'alert' } });
  let scenarios: ScenarioSummary[] = [];
  let scenario: PublicScenario | null = initial.scenario;

  const intro = h('p', { class: 'lead', text: t('home.intro') });
  const scenarioSelect = h('select', { attrs: { name: 'scenario' } });
  const scenarioField = field(t('home.scenario'), scenarioSelect);
  const delegationSlot = h('div');
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

  // --- Host (a session, or a class of tables) -------------------------------------------------------
  const host = hostForm(ctx, {
    scenarioId: () => scenarioSelect.value,
    attempt,
    showError: (text) => (alert.textContent = text),
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
    host.renderSeats(names);
    if (scenario) {
      intro.textContent = localized(scenario.meta.summary, locale);
      host.setRounds(scenario.meta.rounds);
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
  const needScenario = () => [soloForm, host.form].flatMap((f) => [...f.querySelectorAll('button')]);
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
    h('div', { class: 'cards' }, soloForm, host.form, joinForm),
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
