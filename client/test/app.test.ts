import type { SeatView } from '@peace-table/shared/engine/view';
import { describe, expect, it, vi } from 'vitest';
import { initialState, leftSession, screenFor, withNotices, withView } from '../src/state/app.ts';
import { createStore } from '../src/state/store.ts';

const seat = (role: 'delegate' | 'facilitator' | 'spectator') => ({ code: 'K7QX2M', role, savedAt: 0 });
const viewIn = (phase: SeatView['phase'], values: Record<string, number> = {}) =>
  ({ phase, world: { values, flags: [], month: 0 } }) as unknown as SeatView;
const scenario = {} as never;

describe('screenFor', () => {
  it('starts at Home and waits for the first view after joining', () => {
    expect(screenFor({ seat: null, view: null, scenario: null })).toBe('home');
    expect(screenFor({ seat: seat('delegate'), view: null, scenario: null })).toBe('connecting');
    expect(screenFor({ seat: seat('delegate'), view: viewIn('talks'), scenario: null })).toBe('connecting');
  });

  it('walks a delegate through lobby, briefing, the game and the debrief', () => {
    const s = (phase: SeatView['phase']) => screenFor({ seat: seat('delegate'), view: viewIn(phase), scenario });
    expect(
      ['lobby', 'briefing', 'opening', 'tabling', 'signing', 'concluded'].map((p) => s(p as SeatView['phase'])),
    ).toEqual(['lobby', 'briefing', 'game', 'game', 'game', 'debrief']);
  });

  it('keeps the facilitator on the console and the projector on its view', () => {
    expect(screenFor({ seat: seat('facilitator'), view: viewIn('lobby'), scenario })).toBe('console');
    expect(screenFor({ seat: seat('facilitator'), view: viewIn('concluded'), scenario })).toBe('debrief');
    expect(screenFor({ seat: seat('spectator'), view: viewIn('concluded'), scenario })).toBe('projector');
  });
});

describe('state updates', () => {
  it('remembers the previous world only when the world moved', () => {
    let s = withView(initialState('en'), viewIn('talks', { a: 1 }));
    expect(s.previousWorld).toBeNull();
    s = withView(s, viewIn('tabling', { a: 1 }));
    expect(s.previousWorld).toBeNull();
    s = withView(s, viewIn('tabling', { a: 3 }));
    expect(s.previousWorld?.values).toEqual({ a: 1 });
  });

  it('keeps the newest notices once each', () => {
    const n = (id: string) => ({ id, text: { en: id, uk: id }, tone: 'info' as const });
    let s = withNotices(initialState('en'), [n('a'), n('b')]);
    s = withNotices(s, [n('a'), n('c')], 2);
    expect(s.notices.map((x) => x.id)).toEqual(['a', 'c']);
  });

  it('drops routine notices before news when there are too many at once', () => {
    const n = (id: string, tone: 'info' | 'warn' | 'good') => ({ id, text: { en: id, uk: id }, tone });
    const s = withNotices(initialState('en'), [
      n('event:breakthrough', 'warn'),
      n('round:9', 'info'),
      n('phase:talks', 'info'),
      n('draft:p9:signed', 'good'),
      n('chat:40', 'info'),
    ]);
    expect(s.notices.map((x) => x.id)).toEqual(['event:breakthrough', 'draft:p9:signed', 'chat:40']);
  });

  it('leaving keeps only the language', () => {
    const s = {
      ...initialState('uk'),
      tab: 'levers' as const,
      hosted: { code: 'x', facilitatorKey: 'y', roomId: 'z', scenarioId: 's' },
    };
    expect(leftSession(s)).toMatchObject({ locale: 'uk', tab: 'proposal', hosted: null, seat: null });
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
