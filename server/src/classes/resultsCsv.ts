/**
 * The class results sheet as CSV for a spreadsheet: one row per table, each delegation's score,
 * walk-away and margin in its own columns, names in English and Ukrainian.
 */
import type { TableResult } from '@peace-table/shared/class/results';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { csvField } from '../http/transcript.ts';

const SCORE_COLUMNS = DELEGATION_IDS.flatMap((d) => [`${d}_score`, `${d}_walkaway`, `${d}_margin`]);
const COLUMNS = [
  'table',
  'code',
  'finished',
  'outcome_en',
  'outcome_uk',
  'ending',
  'ratified',
  'rounds',
  'clauses',
  'clauses_en',
  'clauses_uk',
  ...SCORE_COLUMNS,
];

/** Scores are utilities out of 100, kept to one decimal as the results page shows them. */
function points(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A number is written as is (a negative margin is a number, not a formula); text goes through csvField. */
function field(value: string | number): string {
  return typeof value === 'number' ? String(value) : csvField(value);
}

export function classResultsCsv(rows: readonly TableResult[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    const scores = DELEGATION_IDS.flatMap((d): (number | string)[] => {
      const s = r.scores?.[d];
      return s ? [points(s.utility), points(s.noDeal), points(s.margin)] : ['', '', ''];
    });
    const clause = (l: 'en' | 'uk') => r.clauses.map((c) => `${c.issueTitle[l]}: ${c.optionLabel[l]}`).join('; ');
    const row: (number | string)[] = [
      r.number,
      r.code,
      r.finished ? 'yes' : 'no',
      r.outcome?.title.en ?? '',
      r.outcome?.title.uk ?? '',
      r.ending ?? '',
      r.ratified === null ? '' : r.ratified ? 'yes' : 'no',
      r.rounds,
      r.clauses.length,
      clause('en'),
      clause('uk'),
      ...scores,
    ];
    lines.push(row.map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
