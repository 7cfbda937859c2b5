/**
 * Transcript exports for the facilitator's debrief: JSON (everything, including each entry's
 * event so the game can be replayed) or CSV (one line per entry, for a spreadsheet).
 */
import type { NegotiationContext, TranscriptEntry } from '@peace-table/shared/engine/types';
import type { SessionRow } from '../store/sessionStore.ts';

const COLUMNS = ['seq', 'time', 'round', 'month', 'phase', 'actor', 'kind', 'audience', 'text_en', 'text_uk'] as const;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function audience(entry: TranscriptEntry): string {
  return entry.audience === 'public' ? 'public' : entry.audience.only.join('+');
}

export function transcriptCsv(entries: readonly TranscriptEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const e of entries) {
    const row = [
      e.seq,
      new Date(e.at).toISOString(),
      e.round,
      e.month,
      e.phase,
      e.actor,
      e.kind,
      audience(e),
      e.text.en,
      e.text.uk,
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function transcriptJson(row: SessionRow, ctx: NegotiationContext) {
  return {
    code: row.code,
    scenario: row.scenarioId,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    seed: ctx.seed,
    phase: ctx.phase,
    round: ctx.round,
    result: ctx.result,
    agreements: ctx.agreements,
    participants: row.roster.members.map((m) => ({ id: m.id, name: m.name, delegation: m.delegation })),
    transcript: ctx.transcript,
  };
}
