/**
 * "Clock" in the host form: no clock, one of the facilitator guide's formats (45, 90 or 180
 * minutes), or custom times per phase. Choosing a format fills in its times; changing a time makes
 * the clock custom. A line under it says what the clock means for the class: the longest a round
 * and the whole talks can take.
 */
import type { Translator } from '../i18n/i18n.ts';
import {
  CLOCK_FORMATS,
  CLOCKED_PHASES,
  type ClockFormatId,
  formatDuration,
  formatOf,
  PHASE_SECONDS_MAX,
  PHASE_SECONDS_MIN,
  type PhaseSeconds,
  parseDuration,
  roundSeconds,
  talksSeconds,
} from '../model/clock.ts';
import { h } from './dom.ts';

type Choice = 'none' | ClockFormatId | 'custom';

export interface ClockField {
  el: HTMLFieldSetElement;
  /** The chosen clock, null for none; throws an Error with the sentence to show for a bad time. */
  value(): PhaseSeconds | null;
  /** The scenario's number of rounds, for the summary line. */
  setRounds(rounds: number): void;
}

export function clockField(t: Translator['t'], initial: Choice = 'lesson-45'): ClockField {
  let rounds = 10;
  const choices: Choice[] = ['none', ...CLOCK_FORMATS.map((f) => f.id), 'custom'];
  const radios = choices.map((choice) =>
    h('input', {
      id: `clock-${choice}`,
      attrs: { type: 'radio', name: 'clock', value: choice, checked: choice === initial },
    }),
  );
  const times = Object.fromEntries(
    CLOCKED_PHASES.map((phase) => [
      phase,
      h('input', {
        id: `clock-time-${phase}`,
        attrs: { type: 'text', inputmode: 'decimal', size: 5, autocomplete: 'off', 'aria-describedby': 'clock-hint' },
      }),
    ]),
  ) as Record<(typeof CLOCKED_PHASES)[number], HTMLInputElement>;
  const summary = h('p', { class: 'hint clock-summary', attrs: { 'aria-live': 'polite' } });
  const hint = h('p', { id: 'clock-hint', class: 'hint', text: t('clock.hint') });
  const table = h(
    'div',
    { class: 'clock-times' },
    ...CLOCKED_PHASES.map((phase) =>
      h(
        'div',
        { class: 'clock-time' },
        h('label', { attrs: { for: times[phase].id }, text: t(`phase.${phase}`) }),
        times[phase],
      ),
    ),
  );
  const el = h(
    'fieldset',
    { class: 'clock' },
    h('legend', { text: t('clock.legend') }),
    h(
      'div',
      { class: 'clock-choices' },
      ...choices.map((choice, i) =>
        h(
          'div',
          { class: 'choice' },
          radios[i],
          h('label', { attrs: { for: `clock-${choice}` }, text: t(`clock.choice.${choice}`) }),
        ),
      ),
    ),
    table,
    hint,
    summary,
  );

  const chosen = () => (radios.find((r) => r.checked)?.value ?? 'none') as Choice;
  const read = (): PhaseSeconds | null => {
    const out = {} as PhaseSeconds;
    for (const phase of CLOCKED_PHASES) {
      const seconds = parseDuration(times[phase].value);
      if (seconds === null || seconds < PHASE_SECONDS_MIN || seconds > PHASE_SECONDS_MAX) return null;
      out[phase] = seconds;
    }
    return out;
  };
  const describe = () => {
    // Without a clock the choice says it all: the times and their explanation fold away.
    table.hidden = chosen() === 'none';
    hint.hidden = table.hidden;
    summary.hidden = table.hidden;
    const s = chosen() === 'none' ? null : read();
    summary.textContent = s
      ? t('clock.summary', {
          round: formatDuration(roundSeconds(s)),
          rounds,
          total: Math.ceil(talksSeconds(s, rounds) / 60),
        })
      : chosen() === 'none'
        ? ''
        : t('clock.invalid');
  };
  const fillFormat = (id: ClockFormatId) => {
    const format = CLOCK_FORMATS.find((f) => f.id === id);
    if (!format) return;
    for (const phase of CLOCKED_PHASES) times[phase].value = formatDuration(format.seconds[phase]);
  };
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      const c = chosen();
      if (c !== 'none' && c !== 'custom') fillFormat(c);
      describe();
    });
  }
  for (const input of Object.values(times)) {
    input.addEventListener('input', () => {
      // An edited time is a custom clock (unless it happens to match a format again).
      const s = read();
      const match = s ? formatOf(s) : null;
      const target = radios.find((r) => r.value === (match ?? 'custom'));
      if (target) target.checked = true;
      describe();
    });
  }
  fillFormat(initial === 'none' || initial === 'custom' ? 'lesson-45' : initial);
  describe();

  return {
    el,
    value() {
      if (chosen() === 'none') return null;
      const s = read();
      if (!s) throw new Error(t('clock.invalid'));
      return s;
    },
    setRounds(n) {
      rounds = n;
      describe();
    },
  };
}
