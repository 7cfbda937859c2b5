/** The connection status line: states and their wording (keys into the locale files). */
import type { Translator } from '../i18n/i18n.ts';

export type ConnectionStatus =
  | { kind: 'idle' }
  | { kind: 'connecting'; url: string }
  | { kind: 'connected'; rejoined: boolean }
  | { kind: 'reconnecting'; attempt: number; retryInSeconds?: number }
  | { kind: 'error'; reason: string }
  | { kind: 'closed'; reason: string };

/** A reason from the network layer: 'unreachable' is ours and translated; the server's are shown as sent. */
function reasonText(reason: string, t: Translator['t']): string {
  return reason === 'unreachable' ? t('connection.unreachable') : reason;
}

export function statusText(status: ConnectionStatus, t: Translator['t']): string {
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
      return t('connection.error', { reason: reasonText(status.reason, t) });
    case 'closed':
      return t('connection.closed', { reason: reasonText(status.reason, t) });
  }
}
