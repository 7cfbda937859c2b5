/**
 * The debrief's figures as files: JSON (everything the charts show, with every what-if batch run
 * in this debrief and its games) and CSV (one table per section, separated by a blank line, for a
 * spreadsheet). Pure, so the files' shape is tested without a browser.
 */
import type { DebriefAnswer, WhatIfAnswer } from '@peace-table/shared/debriefApi';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { csvCell } from './transcriptExport.ts';

export interface FiguresExport {
  code: string;
  scenario: string;
  exportedAt: string;
  /** Scores are utilities from 0 to 1 (the game shows them out of 100), in the world of `month`. */
  month: number;
  deal: DebriefAnswer['analysis'];
  months: Array<{ round: number; month: number; values: Record<string, number> }>;
  whatIfs: Array<Omit<WhatIfAnswer, 'records'> & { games: number; records: WhatIfAnswer['records'] }>;
}

export function figuresJson(
  pub: PublicScenario,
  data: DebriefAnswer,
  whatIfs: readonly WhatIfAnswer[],
  now: number,
): string {
  const body: FiguresExport = {
    code: data.code,
    scenario: pub.meta.id,
    exportedAt: new Date(now).toISOString(),
    month: data.analysis.month,
    deal: data.analysis,
    months: data.months.map((m) => ({ round: m.round, month: m.month, values: m.world.values })),
    whatIfs: whatIfs.map((w) => ({ ...w })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const row = (cells: Array<string | number | null>) => cells.map((c) => csvCell(c === null ? '' : c)).join(',');

export function figuresCsv(pub: PublicScenario, data: DebriefAnswer, whatIfs: readonly WhatIfAnswer[]): string {
  const a = data.analysis;
  const lines: string[] = [];
  lines.push(
    row(['section', 'delegation', 'outcome', 'paper', 'reference', 'walk_away', 'nash', 'closest_frontier', 'month']),
  );
  for (const r of a.rows)
    lines.push(
      row(['deal', r.delegation, r.outcome, r.paper, a.reference.kind, r.walkAway, r.nash, r.closest, a.month]),
    );
  lines.push('');
  const variables = pub.world.variables.map((v) => v.id);
  lines.push(row(['section', 'round', 'month', ...variables]));
  for (const m of data.months)
    lines.push(row(['months', m.round, m.month, ...variables.map((v) => m.world.values[v] ?? null)]));
  for (const w of whatIfs) {
    lines.push('');
    const label = w.change ? w.change.label.en : 'what usually happens from here';
    lines.push(
      row([
        'section',
        'step',
        'change',
        'seed',
        'outcome',
        'agreement',
        'rounds',
        ...DELEGATION_IDS.map((d) => `${d}_score`),
      ]),
    );
    for (const r of w.records ?? [])
      lines.push(
        row([
          'whatif',
          w.step,
          label,
          r.seed,
          r.outcomeId,
          String(r.agreement),
          r.rounds,
          ...DELEGATION_IDS.map((d) => r.scores[d]?.utility ?? null),
        ]),
      );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
