/** The connection status line's wording, kept apart from the DOM so it can be tested. */
export type ConnectionStatus =
  | { kind: 'connecting'; url: string }
  | { kind: 'connected' }
  | { kind: 'error'; reason: string; retryInSeconds: number };

export function statusText(status: ConnectionStatus): string {
  switch (status.kind) {
    case 'connecting':
      return `Connecting to the negotiation server at ${status.url}…`;
    case 'connected':
      return 'Connected to the negotiation table.';
    case 'error':
      return `Connection error: ${status.reason}. Retrying in ${status.retryInSeconds} s.`;
  }
}
