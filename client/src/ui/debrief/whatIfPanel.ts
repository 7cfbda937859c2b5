/**
 * "What if": from the replay's moment, the server plays N all-bot games (default 1,000) and this
 * panel shows their progress (cancellable), then the distribution of outcomes and of each
 * delegation's score beside what actually happened, as charts with their data as tables. One
 * changed choice at that moment can be tried instead, and "play on from here" opens a new session
 * that starts at that moment (with the change, if one is chosen). The finished and the running
 * what-ifs are kept in the app state (AppState.whatIfs), so the panel drawn again (in another
 * language) shows them and follows the running one.
 */
import type { ChangeOfferAnswer, DebriefAnswer, WhatIfAnswer } from '@peace-table/shared/debriefApi';
import type { WhatIfChangeBody } from '@peace-table/shared/messages';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import { score } from '../../model/format.ts';
import { failureWords } from '../../model/refusals.ts';
import type { DebriefAuth } from '../../net/api.ts';
import type { WhatIfMemory } from '../../state/app.ts';
import { outcomeBars, scoreRanges } from '../charts/whatIfCharts.ts';
import { delegationName } from '../components.ts';
import { button, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export interface WhatIfPanel {
  el: HTMLElement;
  setMoment(step: number, changes: ChangeOfferAnswer[]): void;
  destroy(): void;
}

const POLL_MS = 300;
let resultCount = 0;

export function whatIfPanel(
  ctx: ScreenContext,
  pub: PublicScenario,
  data: DebriefAnswer,
  auth: DebriefAuth,
): WhatIfPanel {
  const { t, locale, controller } = ctx;
  const key = auth.facilitatorKey ?? '';
  let step = data.steps;
  let changes: ChangeOfferAnswer[] = [];
  let running: { id: string; poll: ReturnType<typeof setTimeout> | null } | null = null;
  const memory = () => controller.store.get().whatIfs;
  const remember = (patch: Partial<WhatIfMemory>) => controller.select({ whatIfs: { ...memory(), ...patch } });

  const moment = h('p', { class: 'whatif-moment' });
  const games = h('input', {
    id: 'whatif-games',
    attrs: {
      type: 'number',
      min: 1,
      max: data.limits.maxGames,
      step: 1,
      value: data.limits.defaultGames,
      inputmode: 'numeric',
    },
  });
  const choices = h('fieldset', { class: 'choices whatif-choices' });
  const progress = h('progress', { attrs: { max: 1, value: 0, 'aria-labelledby': 'whatif-progress-label' } });
  const progressLabel = h('span', { id: 'whatif-progress-label' });
  const cancel = button(t('debrief.whatIf.cancel'), () => void stop(), { class: 'secondary' });
  const progressRow = h('div', { class: 'whatif-progress', attrs: { hidden: true } }, progressLabel, progress, cancel);
  const message = h('p', { class: 'whatif-message', attrs: { role: 'status' } });
  const results = h('div', { class: 'whatif-results' });
  const run = button(t('debrief.whatIf.run'), () => void start());
  const playOn = button(t('debrief.whatIf.playOn'), () => void openPlayOn(), { class: 'secondary' });

  const chosen = (): ChangeOfferAnswer | null => {
    const value = choices.querySelector<HTMLInputElement>('input[name="whatif-change"]:checked')?.value ?? '';
    return value === '' ? null : (changes[Number(value)] ?? null);
  };

  const errorText = (error: unknown) => t('debrief.whatIf.failed', { error: failureWords(error, t, locale) });

  const renderChoices = () => {
    const items: Array<[string, string]> = [
      ['', t('debrief.whatIf.usually')],
      ...changes.map((c, i) => [String(i), localized(c.label, locale)] as [string, string]),
    ];
    fill(
      choices,
      h('legend', { text: t('debrief.whatIf.question') }),
      ...items.map(([value, label], i) =>
        h(
          'div',
          { class: 'choice' },
          h('input', {
            id: `whatif-change-${i}`,
            attrs: { type: 'radio', name: 'whatif-change', value, checked: i === 0 },
          }),
          h('label', { attrs: { for: `whatif-change-${i}` }, text: label }),
        ),
      ),
      changes.length === 0 ? h('p', { class: 'hint', text: t('debrief.whatIf.noChanges') }) : null,
    );
  };

  const setRunning = (on: boolean) => {
    progressRow.hidden = !on;
    run.disabled = on;
    playOn.disabled = on;
  };

  const showResult = (answer: WhatIfAnswer) => {
    const summary = answer.summary;
    if (!summary) return;
    resultCount += 1;
    const id = `whatif-${resultCount}`;
    const actual = answer.actual;
    const heading = answer.change ? localized(answer.change.label, locale) : t('debrief.whatIf.usually');
    const bars = summary.outcomes.map((o) => ({
      label: localized(pub.outcomes.find((x) => x.id === o.id)?.title ?? { en: o.id, uk: o.id }, locale),
      share: o.share,
      actual: actual?.outcomeId === o.id,
    }));
    const ranges = DELEGATION_IDS.map((d) => ({
      label: delegationName(pub, d, locale),
      colour: pub.delegations[d].colour,
      spread: summary.scores[d],
      actual: actual ? actual.scores[d].utility : null,
    }));
    const what = t('debrief.whatIf.resultTitle', { step: answer.step, games: summary.games, what: heading });
    const table = h(
      'table',
      { class: 'chart-data' },
      h('caption', { text: t('debrief.whatIf.scoresCaption') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['delegation', 'p10', 'median', 'p90', 'mean', 'betterOff', 'actual'].map((c) =>
            h('th', { attrs: { scope: 'col' }, text: t(`debrief.whatIf.col.${c}`) }),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...ranges.map((r) =>
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' }, text: r.label }),
            h('td', { text: String(score(r.spread.quantiles[0])) }),
            h('td', { text: String(score(r.spread.quantiles[2])) }),
            h('td', { text: String(score(r.spread.quantiles[4])) }),
            h('td', { text: String(score(r.spread.mean)) }),
            h('td', { text: `${Math.round(r.spread.betterOff * 100)}%` }),
            h('td', { text: r.actual === null ? '—' : String(score(r.actual)) }),
          ),
        ),
      ),
    );
    const outcomeTable = h(
      'table',
      { class: 'chart-data' },
      h('caption', { text: t('debrief.whatIf.outcomesCaption') }),
      h(
        'tbody',
        {},
        ...bars.map((b) =>
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' }, text: b.label + (b.actual ? ` (${t('debrief.whatIf.actual')})` : '') }),
            h('td', { text: `${Math.round(b.share * 100)}%` }),
          ),
        ),
      ),
    );
    const block = h(
      'article',
      { class: 'whatif-result', dataset: { games: String(summary.games) } },
      h('h4', { text: what }),
      h('p', {
        class: 'hint',
        text: t('debrief.whatIf.resultNote', {
          seconds: (answer.seconds ?? 0).toFixed(1),
          level: t(`level.${answer.level}`),
        }),
      }),
      h(
        'figure',
        { class: 'chart-figure' },
        outcomeBars(
          bars,
          {
            title: t('debrief.whatIf.outcomesTitle'),
            description: t('debrief.whatIf.outcomesDescription'),
            axis: t('debrief.whatIf.share'),
            actual: t('debrief.whatIf.actual'),
          },
          `${id}-outcomes`,
        ),
        h(
          'figcaption',
          {},
          h('details', { class: 'chart-table' }, h('summary', { text: t('debrief.chartData') }), outcomeTable),
        ),
      ),
      h(
        'figure',
        { class: 'chart-figure' },
        scoreRanges(
          ranges,
          {
            title: t('debrief.whatIf.scoresTitle'),
            description: t('debrief.whatIf.scoresDescription'),
            axis: t('debrief.whatIf.scoreAxis'),
          },
          `${id}-scores`,
        ),
        h(
          'figcaption',
          {},
          h('p', { class: 'hint', text: t('debrief.whatIf.scoresKey') }),
          h('details', { class: 'chart-table' }, h('summary', { text: t('debrief.chartData') }), table),
        ),
      ),
    );
    results.prepend(block);
  };

  const poll = (id: string) => {
    if (!running || running.id !== id) return;
    running.poll = setTimeout(async () => {
      try {
        const answer = await controller.api.whatIf(data.code, id, key);
        if (!running || running.id !== id) return;
        progress.max = answer.games;
        progress.value = answer.done;
        progressLabel.textContent = t('debrief.whatIf.progress', { done: answer.done, games: answer.games });
        if (answer.status === 'running') return poll(id);
        running = null;
        setRunning(false);
        remember({
          running: null,
          ...(answer.status === 'done' ? { done: [...memory().done, answer] } : {}),
        });
        if (answer.status === 'done') {
          message.textContent = t('debrief.whatIf.done');
          showResult(answer);
        } else
          message.textContent = t(
            answer.status === 'cancelled' ? 'debrief.whatIf.cancelled' : 'debrief.whatIf.batchFailed',
          );
      } catch (error) {
        running = null;
        setRunning(false);
        remember({ running: null });
        message.textContent = errorText(error);
      }
    }, POLL_MS);
  };

  const start = async () => {
    const count = Number(games.value);
    if (!Number.isInteger(count) || count < 1 || count > data.limits.maxGames) {
      message.textContent = t('debrief.whatIf.gamesRange', { max: data.limits.maxGames });
      games.focus();
      return;
    }
    const change = chosen();
    message.textContent = '';
    setRunning(true);
    progress.max = count;
    progress.value = 0;
    progressLabel.textContent = t('debrief.whatIf.progress', { done: 0, games: count });
    try {
      const answer = await controller.api.startWhatIf(
        data.code,
        { step, games: count, ...(change ? { change: change.change as WhatIfChangeBody } : {}) },
        key,
      );
      running = { id: answer.id, poll: null };
      remember({ running: { id: answer.id, games: count } });
      poll(answer.id);
    } catch (error) {
      setRunning(false);
      message.textContent = errorText(error);
    }
  };

  /** Stops following the running batch (a redraw follows it again from the app state). */
  const stopPolling = () => {
    if (running?.poll) clearTimeout(running.poll);
    running = null;
  };

  const stop = async () => {
    const current = running;
    if (!current) return;
    stopPolling();
    setRunning(false);
    remember({ running: null });
    message.textContent = t('debrief.whatIf.cancelled');
    await controller.api.cancelWhatIf(data.code, current.id, key).catch(() => undefined);
  };

  const openPlayOn = async () => {
    const change = chosen();
    message.textContent = t('debrief.whatIf.opening');
    try {
      const created = await controller.api.playOn(
        data.code,
        { step, ...(change ? { change: change.change as WhatIfChangeBody } : {}) },
        key,
      );
      await controller.playOn(created);
    } catch (error) {
      message.textContent = errorText(error);
    }
  };

  renderChoices();
  const el = h(
    'section',
    { class: 'whatif no-print-controls', attrs: { 'aria-labelledby': 'whatif-title' } },
    h('h3', { id: 'whatif-title', text: t('debrief.whatIf.title') }),
    moment,
    h(
      'div',
      { class: 'no-print' },
      choices,
      h(
        'div',
        { class: 'field whatif-games' },
        h('label', { attrs: { for: 'whatif-games' }, text: t('debrief.whatIf.games') }),
        games,
      ),
      h('div', { class: 'actions' }, run, playOn),
      h('p', { class: 'hint', text: t('debrief.whatIf.playOnHint') }),
    ),
    progressRow,
    message,
    results,
  );
  // What this session's debrief already ran, and the batch still running, drawn again.
  for (const answer of memory().done) showResult(answer);
  const following = memory().running;
  if (following) {
    setRunning(true);
    progress.max = following.games;
    progressLabel.textContent = t('debrief.whatIf.progress', { done: 0, games: following.games });
    running = { id: following.id, poll: null };
    poll(following.id);
  }
  return {
    el,
    setMoment(next, offers) {
      step = next;
      changes = offers;
      moment.textContent = t('debrief.whatIf.moment', { step, steps: data.steps });
      renderChoices();
    },
    destroy() {
      stopPolling();
    },
  };
}
