/**
 * Transcript exports for the facilitator's debrief: JSON (everything, including each entry's
 * event so the game can be replayed) or CSV (one line per entry, for a spreadsheet).
 *
 * The transcript's lines are the export's public part, fit to show a class; the JSON's
 * `participants` (who sat where, by name) is the facilitator's own. In a session with anonymous
 * delegates no line names a student: each event's `by` (who at the seat sent it) is left out.
 */
import type { EngineEvent, NegotiationContext, TranscriptEntry } from '@peace-table/shared/engine/types';
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

/** The transcript's lines as exported: without the sender's name in an anonymous session. */
export function exportedLines(ctx: NegotiationContext): readonly TranscriptEntry[] {
  if (ctx.options.anonymous !== true) return ctx.transcript;
  return ctx.transcript.map((entry) => {
    if (entry.event?.by === undefined) return entry;
    const { by: _hidden, ...event } = entry.event;
    return { ...entry, event: event as EngineEvent };
  });
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
    options: { noPress: ctx.options.noPress === true, anonymous: ctx.options.anonymous === true },
    transcript: exportedLines(ctx),
  };
}
