/**
 * Transcript downloads for the debrief: JSON (everything, for re-use) and CSV (for a spreadsheet,
 * one line per entry in both languages). Built from the transcript this seat's view holds, so a
 * student's download never contains more than the student may see.
 */
import type { TranscriptEntry } from '@peace-table/shared/engine/types';

export const CSV_COLUMNS = ['seq', 'round', 'month', 'phase', 'actor', 'kind', 'time', 'text_en', 'text_uk'] as const;

/**
 * One CSV cell. Quotes when needed (RFC 4180) and defuses spreadsheet formulas: a chat line a
 * student typed as "=HYPERLINK(...)" must open as text, not run in the teacher's spreadsheet.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function transcriptCsv(entries: readonly TranscriptEntry[]): string {
  const rows = entries.map((e) =>
    [e.seq, e.round, e.month, e.phase, e.actor, e.kind, new Date(e.at).toISOString(), e.text.en, e.text.uk]
      .map(csvCell)
      .join(','),
  );
  // A byte-order mark makes spreadsheet programs read the Ukrainian text as UTF-8.
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function transcriptJson(
  meta: { code: string; scenarioId: string; exportedAt: number },
  entries: readonly TranscriptEntry[],
): string {
  const exportedAt = new Date(meta.exportedAt).toISOString();
  return `${JSON.stringify({ ...meta, exportedAt, transcript: entries }, null, 2)}\n`;
}

export function transcriptFileName(code: string, format: 'json' | 'csv'): string {
  return `peace-table-${code.toLowerCase()}-transcript.${format}`;
}
