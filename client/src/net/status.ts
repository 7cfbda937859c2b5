/** The connection status line: states and their wording (keys into the locale files). */
import type { NoticePayload } from '@peace-table/shared/protocol';
import type { RefusalParams } from '@peace-table/shared/refusals';
import type { Translator } from '../i18n/i18n.ts';
import { noticeText } from '../model/notices.ts';
import { failureWords } from '../model/refusals.ts';

/**
 * Why joining failed or the session ended for this tab. `reason` is 'unreachable' (ours) or the
 * server's English sentence; `refusal` the rule behind a refused join, and `notice` the server's
 * notice that closed the connection (removed, replaced), so both can be said in the player's language.
 */
export interface StatusCause {
  reason: string;
  refusal?: { reason: string; params?: RefusalParams };
  notice?: NoticePayload;
}

export type ConnectionStatus =
  | { kind: 'idle' }
  | { kind: 'connecting'; url: string }
  | { kind: 'connected'; rejoined: boolean }
  | { kind: 'reconnecting'; attempt: number; retryInSeconds?: number }
  | ({ kind: 'error' } & StatusCause)
  | ({ kind: 'closed' } & StatusCause);

/** A cause in words: the notice's sentence, the refusal's, 'unreachable' translated, else as the server sent it. */
function causeText(cause: StatusCause, tr: Pick<Translator, 't' | 'locale' | 'has'>): string {
  if (cause.notice) return noticeText(cause.notice, tr);
  return failureWords({ message: cause.reason, ...cause.refusal }, tr.t, tr.locale);
}

export function statusText(status: ConnectionStatus, tr: Pick<Translator, 't' | 'locale' | 'has'>): string {
  const { t } = tr;
  switch (status.kind) {
    case 'idle':
      return '';
    case 'connecting':
      return t('connection.connecting');
    case 'connected':
      return status.rejoined ? t('connection.rejoined') : t('connection.connected');
    case 'reconnecting':
      return status.retryInSeconds === undefined
        ? t('connection.reconnecting')
        : t('connection.retrying', { seconds: status.retryInSeconds, attempt: status.attempt });
    case 'error':
      return t('connection.error', { reason: causeText(status, tr) });
    case 'closed':
      return t('connection.closed', { reason: causeText(status, tr) });
  }
}
