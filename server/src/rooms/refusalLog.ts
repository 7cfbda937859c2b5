/**
 * Logging refused input without letting a hostile client fill the log: per client, the first
 * refusal of a minute is logged as one line (what and why, never a stack trace: bad input is the
 * client's fault, not the server's), later ones that minute are only counted, and the count is
 * logged as one line when the next minute's first refusal comes or the client leaves.
 */
import type { Logger } from 'pino';

export const REFUSAL_LOG_WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  /** Refusals after the first, by kind. */
  counts: Map<string, number>;
}

export class RefusalLog {
  private readonly windows = new Map<string, Window>();
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  /** A refused frame or message of `client` (`kind`: rate_limited, malformed, ...). */
  note(client: string, kind: string, detail: Record<string, unknown>, now: number): void {
    let window = this.windows.get(client);
    if (window && now - window.startedAt >= REFUSAL_LOG_WINDOW_MS) {
      this.flush(client);
      window = undefined;
    }
    if (window) {
      window.counts.set(kind, (window.counts.get(kind) ?? 0) + 1);
      return;
    }
    this.windows.set(client, { startedAt: now, counts: new Map() });
    this.log.warn({ client, kind, ...detail }, 'refused input from a client (more this minute are counted)');
  }

  /** Log what was counted for `client` and forget it (on leaving, or when its minute is over). */
  flush(client: string): void {
    const window = this.windows.get(client);
    this.windows.delete(client);
    if (!window || window.counts.size === 0) return;
    this.log.warn({ client, refused: Object.fromEntries(window.counts) }, 'more refused input from a client');
  }
}
