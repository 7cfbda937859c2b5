import { describe, expect, it, vi } from 'vitest';
import { statusText } from '../src/net/status.ts';
import { createStore } from '../src/state/store.ts';

describe('statusText', () => {
  it('words each connection state for the status line', () => {
    expect(statusText({ kind: 'connecting', url: 'ws://localhost:2567' })).toBe(
      'Connecting to the negotiation server at ws://localhost:2567…',
    );
    expect(statusText({ kind: 'connected' })).toBe('Connected to the negotiation table.');
    expect(statusText({ kind: 'error', reason: 'the server is not reachable', retryInSeconds: 3 })).toBe(
      'Connection error: the server is not reachable. Retrying in 3 s.',
    );
  });
});

describe('createStore', () => {
  it('gives subscribers the current value at once and every later one until unsubscribed', () => {
    const store = createStore(1);
    const seen = vi.fn();
    const unsubscribe = store.subscribe(seen);
    store.set(2);
    unsubscribe();
    store.set(3);
    expect(seen.mock.calls).toEqual([[1], [2]]);
    expect(store.get()).toBe(3);
  });
});
